// A refresh's run waiting for its next try after a failed attempt: its card offers Run now beside
// Stop, and pressed, that try is made now (the same run, not a second one), rather than the owner
// having to Stop it first or wait up to an hour for the tick.
import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];

describe('Run now on a card whose run waits for its next try', () => {
  it('is offered beside Stop to its owner, and tries that run again now', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-12-08T05:20:00Z', dialect: 'live' });
    rt.workbook.addSheet('Teams');
    const [saved] = await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'daily', hour: 6 },
      key: 'refresh-try-now',
    });
    const id = saved?.id as string;
    sim.setFaults({ force5xx: 1_000_000 });
    let [card] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    expect(card).toMatchObject({ running: true, retry: { attempts: 1 }, runNow: true });
    // Another editor can neither run nor stop it.
    const [theirs] = await rt.asUser('sam@example.com').callFromSidebar<RefreshView[]>('listRefreshes');
    expect(theirs).toMatchObject({ running: true, runNow: false });

    // Assembled answers again a minute later: pressed, the try is made then, not at the next tick.
    sim.setFaults({});
    await rt.clock.advanceAsync(60_000);
    const pressed = rt.clock.now();
    [card] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    for (let i = 0; i < 20 && card?.running; i++) {
      await rt.clock.advanceAsync(3_000);
      [card] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    expect(card).toMatchObject({ running: false, retry: null, lastRun: { status: 'done' } });
    // The same run: its failed attempt, then its end, within a minute of the press.
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying', 'done']);
    expect(rt.clock.now() - pressed).toBeLessThan(60_000);
  });

  it('is not offered while a run goes on without a failure, and pressed then (from another tab) runs nothing more', async () => {
    const { rt } = await startLocalAddon({
      now: '2026-12-08T05:20:00Z',
      dialect: 'live',
      reportDelayMs: 600_000,
    });
    rt.workbook.addSheet('AHT');
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'report', report: 'handle_time', granularity: 'day' },
          range: { kind: 'relative', preset: 'last_week' },
          target: { kind: 'sheet', name: 'AHT' },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 6 },
        notifyByEmail: false,
      },
      'refresh-try-now-building',
    );
    const [card] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', saved?.id);
    expect(card).toMatchObject({ running: true, retry: null, runNow: false });
    await expect(rt.callFromSidebar('runRefreshNow', saved?.id)).rejects.toThrow(
      /Nothing more was run: it is running now/,
    );
  });
});
