// A run its owner pressed Run now for is watched in the sidebar, which says how it ended: its
// failure is not e-mailed, and leaves the scheduled runs' failing and e-mails as they were.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

const card = async (rt: LocalRuntime) => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

describe('Run now that fails', () => {
  it('is said on the card, not e-mailed; the next scheduled run that fails e-mails as the first of its row', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-run-now-mail');
    // Assembled down: every attempt fails, until the run is given up hours later.
    sim.setFaults({ errorRate: 1 });
    await rt.callFromSidebar('runRefreshNow', id);
    for (let i = 0; i < 5 && (await card(rt))?.lastRun?.status !== 'failed'; i++)
      await rt.clock.advanceAsync(HOUR);
    expect(await card(rt)).toMatchObject({ running: false, lastRun: { status: 'failed' } });
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    // Its attempts, then its end: all of the run pressed for.
    const runs = rows.map((r) => `${r[head.indexOf('What')]} ${r[head.indexOf('Status')]}`);
    expect(runs.at(-1)).toBe('Run now: Teams (Replace) failed');
    expect(runs.every((r) => r.startsWith('Run now: '))).toBe(true);
    expect(rt.mail).toEqual([]);
    // The scheduled run after it fails too: e-mailed, as the first failure of a row.
    for (let i = 0; i < 6 && rt.mail.length === 0; i++) await rt.clock.advanceAsync(HOUR);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.body).toContain('If it goes on failing, this e-mail comes at most once a day');
  });

  it('with no key saved is refused at the keyboard: nothing run, paused, logged or e-mailed', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-run-now-mail');
    await rt.callFromSidebar('clearApiKey');
    const before = await card(rt);
    await expect(rt.callFromSidebar('runRefreshNow', id)).rejects.toThrow(
      /^Nothing was run: no Assembled API key is saved for you/,
    );
    expect(await card(rt)).toEqual(before);
    expect(rt.workbook.sheetNames()).not.toContain('Assembled log');
    expect(rt.mail).toEqual([]);
  });
});
