// Run now pressed, and the sidebar that pressed it closed before the run ended (QA: the card said a
// bare "Running now" for an hour). The run goes on with its owner's key alone: their sidebar open
// again carries it on at once, as the first one would have, another editor's never with theirs; and
// while it waits, the owner's card says what for.
import { describe, expect, it } from 'vitest';
import { saveDailyAht } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const EDITOR_KEY = 'sk_live_test_run_now_closed_editor';

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];

/** A sidebar open for `ms`: its list read every 3 s, a run of the viewer's own carried on (pollRefresh). */
async function keepOpen(viewer: LocalRuntime, id: string, ms: number): Promise<RefreshView | undefined> {
  let [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
  for (let waited = 0; waited < ms && card?.running; waited += 3_000) {
    viewer.clock.set(viewer.clock.now() + 3_000);
    [card] = card.mine
      ? await viewer.callFromSidebar<RefreshView[]>('pollRefresh', id)
      : await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
  }
  return card;
}

describe('Run now whose sidebar closed before its run ended', () => {
  it("says on its owner's card what it waits for; another editor's sidebar does not carry it on, its owner's does", async () => {
    const { rt, sim, backend } = await startLocalAddon({
      mode: 'addon',
      now: '2026-12-07T12:25:00Z',
      reportDelayMs: 35_000,
    });
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 5, key: 'refresh-run-now-closed' });
    const id = saved?.id as string;
    const [pressed] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    expect(pressed).toMatchObject({ running: true, retry: null });
    // The sidebar closes. Reading the card (the owner opening it again) says who carries the run on,
    // and by when their hourly check takes it up should no sidebar of theirs be open.
    const waiting =
      /^It goes on while you have Scheduled refreshes open, else by (2026-12-07 \d\d:\d\d) at your hourly background check\.$/;
    const [own] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(own?.carriedOn).toMatch(waiting);

    // Another editor, with a key of their own, keeps Scheduled refreshes open for minutes: their
    // sidebar asks nothing of Assembled, and cannot carry the owner's run on.
    sim.issueKey(EDITOR_KEY);
    const editor = rt.asUser('editor@example.com');
    await editor.callFromSidebar('saveSettings', {
      apiKey: EDITOR_KEY,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    const asked = sim.stats().total;
    const theirs = await keepOpen(editor, id, 5 * 60_000);
    expect(theirs).toMatchObject({ mine: false, running: true });
    await expect(editor.callFromSidebar('pollRefresh', id)).rejects.toThrow();
    expect(sim.stats().total).toBe(asked);
    expect(logRows(rt)).toEqual([]);
    // The owner's card still says what it waits for, by the same time.
    const [still] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(still?.carriedOn).toBe(own?.carriedOn);

    // The owner opens Scheduled refreshes again: it carries the run on to its end within a minute,
    // long before the hourly check.
    const reopened = rt.clock.now();
    const ended = await keepOpen(rt, id, 5 * 60_000);
    expect(ended).toMatchObject({ running: false, carriedOn: '', lastRun: { status: 'done' } });
    expect(rt.clock.now() - reopened).toBeLessThan(60_000);
    expect(logRows(rt).map((r) => r[4])).toEqual(['done']);
  });
});
