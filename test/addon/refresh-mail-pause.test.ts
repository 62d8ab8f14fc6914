// A refresh's failure e-mail says how often the next comes, and means it: failing run after run, at
// most once a day; paused (its owner's key refused, say), at once, however recently the last came.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { HOUR, hourlyTeams } from './hourly-teams';

describe('a failing refresh paused for its key the same day', () => {
  it('e-mails again within the day, as its first e-mail said it would', async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    await hourlyTeams(rt, 'refresh-mail-pause');
    // Assembled down: the run is tried, given up, and its owner told.
    sim.setFaults({ errorRate: 1 });
    for (let i = 0; i < 6 && rt.mail.length < 1; i++) await rt.clock.advanceAsync(HOUR);
    expect(rt.mail).toHaveLength(1);
    // Back, but the owner's key no longer accepted: the next try is refused, and pauses it.
    sim.setFaults({});
    sim.revokeKey(key);
    for (let i = 0; i < 3 && rt.mail.length < 2; i++) await rt.clock.advanceAsync(HOUR);
    const [first, second] = rt.mail;
    expect(second?.body).toMatch(/^Paused: Assembled did not accept your API key\./m);
    expect((second?.at ?? Infinity) - (first?.at ?? 0)).toBeLessThan(24 * HOUR);
    // What the first said of the e-mails to come covers the second.
    expect(first?.body).toMatch(
      /^If it goes on failing, this e-mail comes at most once a day, not for every run; but if it finds its API key refused or removed, or its sheet deleted, it is paused, and an e-mail says so at once\.$/m,
    );
  });
});
