// Pause stops a refresh's run under way: a run Run now started, and a failed attempt waiting for its
// retry, whether its owner pressed Pause or Remove key paused it. Nothing runs while it is paused;
// Resume runs it at its next time. The card's Stop ends a run alone, the refresh paused or not (Run
// now runs a paused one, which Pause cannot then stop).
import { describe, expect, it } from 'vitest';
import { saveDailyAht, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The log's rows: when, who, what, where, how it ended, rows, duration, message. */
function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook.displayValues('Assembled log').slice(1);
}

/** The cells of the refresh's sheet that hold anything. */
const written = (rt: LocalRuntime) =>
  rt.workbook
    .values('AHT')
    .flat()
    .filter((v) => v !== '');

const card = async (viewer: LocalRuntime) =>
  (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

describe('Pause, while a run of the refresh is under way', () => {
  it('stops the run Run now started: nothing is written, the log says stopped, and Resume runs it at its next time', async () => {
    // Assembled takes 35 s to build the report: the run is under way when Pause is pressed.
    const { rt } = await startLocalAddon({ mode: 'addon', reportDelayMs: 35_000 });
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-pause-run' });
    const id = saved?.id as string;
    expect((await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id))[0]).toMatchObject({
      running: true,
    });
    const [paused] = await rt.callFromSidebar<RefreshView[]>('pauseRefresh', id);
    expect(paused).toMatchObject({ paused: true, running: false, retry: null, nextRun: '' });
    expect(paused?.lastRun).toMatchObject({ status: 'stopped', rows: 0 });
    expect(paused?.lastRun?.message).toBe(
      'Stopped as the refresh was paused: nothing was written, and the target is as it was.',
    );
    // The sidebar's polls and the hourly ticks find no run to carry on: the sheet is as it was.
    await expect(rt.callFromSidebar('pollRefresh', id)).resolves.toBeDefined();
    await rt.clock.advanceAsync(3 * HOUR);
    expect(written(rt)).toEqual([]);
    expect(logRows(rt).map((r) => [r[2]?.split(' ')[0], r[4], r[7]])).toEqual([
      [
        'Run',
        'stopped',
        'Stopped as the refresh was paused: nothing was written, and the target is as it was.',
      ],
    ]);
    // Every editor sees it paused, its last run stopped (not failing).
    expect(await card(rt.asUser('editor@example.com'))).toMatchObject({
      paused: true,
      running: false,
      lastRun: { status: 'stopped' },
    });

    // Resumed, it runs at its next time (07:00 New York), not before.
    const [resumed] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(resumed).toMatchObject({ paused: false, running: false });
    await stepUntil(rt, () => logRows(rt).length > 1, 30 * HOUR);
    expect(logRows(rt).at(-1)?.slice(0, 5)).toEqual([
      expect.stringMatching(/ 07:\d\d:\d\d UTC−4$/),
      'analyst@example.com',
      expect.stringMatching(/^Scheduled: /),
      'AHT',
      'done',
    ]);
    expect(rt.workbook.values('AHT').length).toBeGreaterThan(1);
  });
});

describe('Stop on the card, while a run of the refresh is under way', () => {
  it('stops the run Run now started on a paused refresh, which Pause could not: it stays paused, nothing is written', async () => {
    const { rt } = await startLocalAddon({ mode: 'addon', reportDelayMs: 35_000 });
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-stop-paused' });
    const id = saved?.id as string;
    await rt.callFromSidebar('pauseRefresh', id);
    expect((await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id))[0]).toMatchObject({
      paused: true,
      running: true,
    });
    // Another editor cannot stop it: the run goes on.
    await expect(rt.asUser('editor@example.com').callFromSidebar('stopRefreshRun', id)).rejects.toThrow(
      /belongs to analyst@example\.com/,
    );
    expect(await card(rt)).toMatchObject({ paused: true, running: true });

    const [stopped] = await rt.callFromSidebar<RefreshView[]>('stopRefreshRun', id);
    expect(stopped).toMatchObject({ paused: true, running: false, retry: null });
    expect(stopped?.lastRun).toMatchObject({ status: 'stopped', rows: 0 });
    // Said whose stop it was: its owner's, "you" on their own card.
    expect(stopped?.lastRun?.message).toBe(
      'Stopped on its card by you: nothing was written, and the target is as it was.',
    );
    const [seen] = await rt.asUser('editor@example.com').callFromSidebar<RefreshView[]>('listRefreshes');
    expect(seen?.lastRun?.message).toBe(
      'Stopped on its card by analyst@example.com: nothing was written, and the target is as it was.',
    );
    await rt.clock.advanceAsync(3 * HOUR);
    expect(written(rt)).toEqual([]);
    expect(logRows(rt).map((r) => [r[2]?.split(' ')[0], r[4]])).toEqual([['Run', 'stopped']]);
    expect(await card(rt)).toMatchObject({ paused: true, running: false, lastRun: { status: 'stopped' } });
  });

  it('stops the run of a refresh not paused, which keeps its schedule and runs at its next time', async () => {
    const { rt } = await startLocalAddon({ mode: 'addon', reportDelayMs: 35_000 });
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-stop-running' });
    const id = saved?.id as string;
    await rt.callFromSidebar('runRefreshNow', id);
    const [stopped] = await rt.callFromSidebar<RefreshView[]>('stopRefreshRun', id);
    expect(stopped).toMatchObject({ paused: false, running: false, lastRun: { status: 'stopped' } });
    await stepUntil(rt, () => logRows(rt).length > 1, 30 * HOUR);
    expect(logRows(rt).map((r) => [r[2]?.split(' ')[0], r[4]])).toEqual([
      ['Run', 'stopped'],
      ['Scheduled:', 'done'],
    ]);
  });
});

describe('a failing refresh waiting to try again', () => {
  /** A daily refresh whose first run fails with Assembled down: its retry waits for a later tick. */
  async function failing() {
    const addon = await startLocalAddon({ now: '2026-05-25T09:10:00Z', mode: 'addon' });
    const { rt, sim } = addon;
    rt.workbook.write('AHT', [
      ['agent', 'handled'],
      ['a1', 3],
    ]);
    const before = rt.workbook.values('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-pause-retry' });
    sim.setFaults({ errorRate: 1 });
    await stepUntil(rt, () => logRows(rt).length > 0, 4 * HOUR);
    expect(await card(rt)).toMatchObject({ running: true, retry: { attempts: 1 } });
    // Assembled is back before the retry.
    sim.setFaults({});
    return { ...addon, id: saved?.id as string, before };
  }

  it('is not retried once its owner pauses it, and its card shows no next try', async () => {
    const { rt, id, before } = await failing();
    const [paused] = await rt.callFromSidebar<RefreshView[]>('pauseRefresh', id);
    expect(paused).toMatchObject({ paused: true, running: false, retry: null, nextRun: '' });
    expect(paused?.lastRun).toMatchObject({ status: 'stopped' });
    await rt.clock.advanceAsync(4 * HOUR);
    expect(rt.workbook.values('AHT')).toEqual(before);
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying', 'stopped']);
    expect(rt.mail).toEqual([]);
  });

  it('is not retried once Remove key pauses it, nor after the key is saved again', async () => {
    const { rt, id, before, key, backend } = await failing();
    await rt.callFromSidebar('clearApiKey');
    await rt.callFromSidebar('saveSettings', { apiKey: key, timeFormat: backend.timeFormat, apiVersion: '' });
    const paused = await card(rt);
    expect(paused).toMatchObject({ paused: true, running: false, retry: null, nextRun: '' });
    // Its card shows the run it stopped, never "Next try by" beside "Paused".
    expect(paused?.lastRun).toMatchObject({ status: 'stopped' });
    await rt.clock.advanceAsync(4 * HOUR);
    expect(rt.workbook.values('AHT')).toEqual(before);
    // Its run stopped, then the pause Remove key made: the log says why its runs stop there.
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying', 'stopped', 'paused']);
    expect((await card(rt))?.lastRun?.status).toBe('stopped');
    // Resumed, it runs at its next time; the log, whose runs stopped, says it was resumed.
    await rt.callFromSidebar('resumeRefresh', id);
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying', 'stopped', 'paused', 'resumed']);
    await stepUntil(rt, () => logRows(rt).length > 4, 30 * HOUR);
    expect(logRows(rt).at(-1)?.[4]).toBe('done');
  });

  it('Run now pressed while it is paused makes one attempt: a failure is not retried while it stays paused', async () => {
    const { rt, sim, id, before } = await failing();
    await rt.callFromSidebar('pauseRefresh', id);
    sim.setFaults({ errorRate: 1 });
    const [ran] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    expect(ran).toMatchObject({ paused: true, running: false, retry: null, lastRun: { status: 'failed' } });
    expect(ran?.lastRun?.message).toMatch(/\. The add-on gave up after 1 attempt\.$/);
    sim.setFaults({});
    await rt.clock.advanceAsync(4 * HOUR);
    expect(rt.workbook.values('AHT')).toEqual(before);
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying', 'stopped', 'failed']);
  });
});
