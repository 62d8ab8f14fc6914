// A refresh its owner resumed after a pause (no key saved) and that fails again within the day
// e-mails them again: the once-a-day limit counts from the failures they have not dealt with.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { HOUR, hourlyTeams } from './hourly-teams';

describe('a resumed refresh that fails again', () => {
  it('e-mails its owner again, within the day of the pause e-mail', async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-resume-mail');
    // Removed in another spreadsheet: the run here finds it gone, pauses, and e-mails.
    await rt.newSpreadsheet().callFromSidebar('clearApiKey');
    await rt.clock.advanceAsync(HOUR);
    expect(rt.mail).toHaveLength(1);
    await rt.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    await rt.callFromSidebar('resumeRefresh', id);
    // Assembled down from now on: the run is tried, given up, and its owner told.
    sim.setFaults({ errorRate: 1 });
    for (let i = 0; i < 5 && rt.mail.length < 2; i++) await rt.clock.advanceAsync(HOUR);
    expect(rt.mail).toHaveLength(2);
    // Of the outage, not the key (named only where it says what would e-mail at once).
    expect(rt.mail[1]?.body).not.toMatch(/^Paused: |did not accept|no Assembled API key/m);
    // A new row of failures: not counted from the one the owner dealt with.
    expect(rt.mail[1]?.body).toContain('If it goes on failing, this e-mail comes at most once a day');
  });
});
