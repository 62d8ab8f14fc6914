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

  // A run due under the old frequency is owed under the new one when the new one has a time between
  // its due time and now; otherwise the new frequency's next time is what the owner asked for.
  const teams = {
    source: { kind: 'resource', resource: 'teams' },
    target: { kind: 'sheet', name: 'Teams' },
    mode: 'replace',
  };
  async function dueMondayAt7(first: Record<string, unknown>, then: Record<string, unknown>) {
    // Saved at 06:30, its hourly tick comes at :30: at 07:20 the 07:00 run waits for the 07:30 tick.
    const { rt } = await startLocalAddon({
      timezone: 'Europe/London',
      now: '2026-12-07T06:30:00Z',
      dialect: 'live',
    });
    rt.workbook.addSheet('Teams');
    // Saved again under its key, as the card's Edit saves it.
    const save = (frequency: Record<string, unknown>) =>
      rt.callFromSidebar<RefreshView[]>(
        'saveRefresh',
        { spec: teams, frequency, notifyByEmail: false },
        'edit-due',
      );
    await save(first);
    await rt.clock.advanceAsync(50 * MINUTE);
    const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect((await card())?.nextRun).toMatch(/^Due since 2026-12-07 07:00/);
    await save(then);
    return { rt, card };
  }

  it('keeps it when the new frequency has a time between it and now: weekly made daily at the same hour', async () => {
    const { rt, card } = await dueMondayAt7(
      { kind: 'weekly', weekdays: [1], hour: 7 },
      { kind: 'daily', hour: 7 },
    );
    await rt.clock.advanceAsync(20 * MINUTE);
    expect(await card()).toMatchObject({ lastRun: { at: '2026-12-07 07:30', status: 'done' } });
  });

  it('moves it when the new frequency has none: daily at 07:00 made daily at 09:00 runs at 09:00', async () => {
    const { rt, card } = await dueMondayAt7({ kind: 'daily', hour: 7 }, { kind: 'daily', hour: 9 });
    await rt.clock.advanceAsync(20 * MINUTE);
    expect((await card())?.lastRun).toBeNull();
    await rt.clock.advanceAsync(2 * HOUR);
    expect(await card()).toMatchObject({ lastRun: { at: '2026-12-07 09:30', status: 'done' } });
  });
});
