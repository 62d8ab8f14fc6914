// Saving an Edit of a refresh whose run is due but not yet taken up keeps that run due: QA saved an
// edit of an hourly refresh at 14:01, its 14:00 run waiting for the next hourly tick after a run
// given up at 13:56, and its next run moved to 15:00, so the 14:00 run never ran.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

const MINUTE = 60_000;

describe('an edit of a refresh whose run is due', () => {
  it('keeps the due run: the next tick runs it, not the one an hour later', async () => {
    // The published add-on ticks hourly, at :56 here.
    const { rt, sim } = await startLocalAddon({
      timezone: 'Europe/London',
      now: '2026-12-06T12:56:00Z',
      dialect: 'live',
    });
    const id = await hourlyTeams(rt, 'refresh-edit-due');
    const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    const ran = async () => (await card())?.lastRun?.at;
    // Assembled down: the 13:00 run, taken up by the 13:56 tick, fails, is tried again by the
    // 14:56 and 15:56 ticks, the last before its give-up time of 16:00, and is given up at 15:56.
    sim.setFaults({ errorRate: 1 });
    await rt.clock.advanceAsync(3 * HOUR + 5 * MINUTE);
    expect(await ran()).toBe('2026-12-06 15:56');
    expect((await card())?.running).toBe(false);
    sim.setFaults({});
    expect((await card())?.nextRun).toMatch(/^Due since 2026-12-06 16:00: /);
    // 16:01: the 16:00 run, after the retries, is due, waiting for the 16:56 tick. The owner saves an edit.
    const frequency = { kind: 'hourly' };
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'replace',
    };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, id);
    await rt.clock.advanceAsync(HOUR);
    // 17:01: the 16:56 tick ran it.
    expect(await card()).toMatchObject({ lastRun: { at: '2026-12-06 16:56', status: 'done' } });
  });
});
