// A refresh whose report's later pages always fail (issue 13, item 6): its first failed attempt is
// seen at once, in the sidebar and the log, with its reason and next try; the run is given up and
// its owner e-mailed within 3 hours of its due time, though the published add-on ticks hourly.
import { describe, expect, it } from 'vitest';
import { saveDailyAht, saveListRefresh, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook.displayValues('Assembled log').slice(1);
}

describe('a scheduled refresh of a report', () => {
  it('is written by the hourly tick that started it, when Assembled builds the report in 20 s', async () => {
    const { rt } = await startLocalAddon({ now: '2026-05-25T09:10:00Z' });
    rt.workbook.addSheet('AHT');
    await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-sameexec' });
    await stepUntil(rt, () => logRows(rt).length > 0, 3 * HOUR);
    const [run] = logRows(rt);
    // 07:00 New York is 11:00Z; the hourly tick (09:10Z + n hours) comes at 11:10Z.
    expect(run?.[0]).toMatch(/^2026-05-25 07:1\d:\d\d$/);
    expect(run?.[4]).toBe('done');
    // Started, polled and written in one execution: minutes, not the hour to the next tick.
    expect(Number(run?.[6])).toBeLessThan(300);
  });

  it('a report Assembled takes 10 minutes to build is polled until the tick must stop, then written by the next', async () => {
    const { rt } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', reportDelayMs: 10 * MINUTE });
    rt.workbook.addSheet('AHT');
    await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-longbuild' });
    await stepUntil(rt, () => logRows(rt).length > 0, 4 * HOUR);
    expect(logRows(rt).map((r) => r[4])).toEqual(['done']);
    const ticks = rt.executions.filter((e) => e.kind === 'time-trigger');
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    // Every tick ended cleanly within the dispatcher's 5 minutes (Apps Script kills at 6).
    for (const tick of ticks) {
      expect(tick.error).toBeUndefined();
      expect(tick.durationMs).toBeLessThanOrEqual(5 * MINUTE);
    }
  });
});

describe('a refresh whose later report pages always fail', () => {
  it('shows its failed attempt within the hour, then gives up and e-mails its owner within 3 hours', async () => {
    // The published add-on (mode addon): ScriptApp refuses minute ticks, so the dispatcher is hourly.
    const { rt, sim } = await startLocalAddon({
      timezone: 'Europe/London',
      now: '2026-05-25T02:30:00Z',
      dialect: 'live',
    });
    rt.workbook.write('AHT', [
      ['agent', 'handled'],
      ['a1', 3],
    ]);
    // A first run that lands, so the refresh has a previous "done".
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-retry-01', notify: true });
    await rt.callFromSidebar('runRefreshNow', saved?.id);
    await stepUntil(rt, () => logRows(rt).length > 0, 2 * HOUR);
    expect(logRows(rt).map((r) => r[4])).toEqual(['done']);
    const good = rt.workbook.values('AHT');
    // The analyst's own tab colour, which a failed run covers for a while.
    rt.workbook.setTabColor('AHT', '#0b8043');

    // From now on every page after the first is answered 503.
    sim.setFaults({ failFromOffset: 1 });
    const due = Date.parse('2026-05-25T06:00:00Z'); // 07:00 in London (BST)
    await rt.clock.advanceAsync(due - rt.clock.now());
    const other = rt.asUser('editor@example.com');

    // The hourly tick that starts the run (within the hour after it is due) polls the report
    // until it is built, meets the failing page, and logs the attempt there and then.
    const seenIn = await stepUntil(rt, () => logRows(rt).length > 1, 3 * HOUR);
    expect(seenIn).toBeLessThanOrEqual(HOUR);
    // One attempt per tick: the retries are left to later ticks, spaced out.
    expect(logRows(rt)).toHaveLength(2);
    const attempt = logRows(rt)[1] ?? [];
    expect(attempt[4]).toBe('retrying');
    expect(attempt[7]).not.toMatch(/in a few minutes/);
    expect(attempt[7]).toMatch(
      /^Attempt 1 failed: .*503.*\. Next try by 2026-05-25 \d\d:\d\d \(Europe\/London\)\.$/,
    );
    for (const viewer of [rt, other]) {
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card).toMatchObject({ running: true, lastRun: { status: 'done' } });
      expect(card?.retry).toMatchObject({ attempts: 1, reason: expect.stringMatching(/503/) });
      expect(card?.retry?.nextTry).toMatch(/^2026-05-25 \d\d:\d\d$/);
      expect(card?.retry?.reason).not.toMatch(/in a few minutes/);
      // A daily refresh's next run is a day off, long after the retry: its time stands.
      expect(card?.nextRun).toBe('2026-05-26 07:00');
    }
    expect(rt.mail).toHaveLength(0);

    // Given up within 3 hours of its due time: one e-mail, a failed row, the sheet as it was.
    await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
    expect(rt.clock.now() - due).toBeLessThanOrEqual(3 * HOUR);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.body).toMatch(/503/);
    expect(rt.mail[0]?.body).toMatch(/gave up after \d attempts/);
    // Which refresh, in the subject too, and the week it was to pull, which the next run will not.
    expect(rt.mail[0]?.subject).toBe(
      'An Assembled scheduled refresh of yours failed: Handle time report (day), last week',
    );
    expect(rt.mail[0]?.body).toMatch(
      /^Not pulled: 2026-05-18 to 2026-05-24\. Run now on its card pulls last week as of the day you press it\.$/m,
    );
    // And that the sheet still holds the last good run's rows, and when they were made.
    expect(rt.mail[0]?.body).toMatch(
      /^The sheet "AHT" still holds the rows of the last run that worked, generated 2026-05-2\d \d\d:\d\d:\d\d \(Europe\/London\)\.$/m,
    );
    // The spreadsheet's name is quoted as data, without an aside about who set it.
    expect(rt.mail[0]?.body).toMatch(/^Spreadsheet: "[^"\n]+"$/m);
    // Not "try again in a few minutes": the add-on did, and the e-mail says when it runs next.
    expect(rt.mail[0]?.body).not.toMatch(/try again/);
    // The owner learns they need not act for the next run, and when it is.
    expect(rt.mail[0]?.body).toMatch(
      /^It runs again as scheduled, next at 2026-05-26 07:00 \(Europe\/London\)\.$/m,
    );
    const statuses = logRows(rt).map((r) => r[4]);
    expect(statuses.at(-1)).toBe('failed');
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(1);
    expect(rt.workbook.values('AHT')).toEqual(good);
    for (const viewer of [rt, other]) {
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card).toMatchObject({ running: false, retry: null, lastRun: { status: 'failed' } });
      // Given up hours later, the card says when the run was due, not only when it gave up.
      expect(card?.lastRun?.due).toBe('2026-05-25 07:00');
      expect(card?.lastRun?.at).toMatch(/^2026-05-25 (08|09|10):\d\d$/);
    }
    // Nothing more is sent for this run.
    await rt.clock.advanceAsync(3 * HOUR);
    expect(rt.mail).toHaveLength(1);
    // Its tab turns red, seen from any sheet without hovering over a note.
    expect(rt.workbook.tabColor('AHT')).toBe('#d93025');
    // The next day's run fails too: the tab stays red, and still knows the colour to give back.
    const failed = () => logRows(rt).filter((r) => r[4] === 'failed').length;
    await stepUntil(rt, () => failed() > 1, 30 * HOUR);
    expect(rt.workbook.tabColor('AHT')).toBe('#d93025');

    // Whoever opens the sheet sees it too: the header note keeps the good run's lines and says
    // the refresh failed; the next good run writes the note afresh.
    const note = () => rt.workbook.notes('AHT')[0]?.[0] ?? '';
    const lines = note().split('\n');
    expect(lines[0]).toMatch(/^Source: Assembled Handle time report/);
    expect(lines.at(-1)).toMatch(
      /^Last refresh failed 2026-05-2\d \d\d:\d\d \(Europe\/London\): .*503.* The add-on gave up after 3 attempts\. The rows were last brought up to date by the run of 2026-05-2\d \d\d:\d\d:\d\d \(Europe\/London\)\.$/,
    );
    sim.setFaults({});
    await stepUntil(rt, () => logRows(rt).at(-1)?.[4] === 'done', 30 * HOUR);
    expect(logRows(rt).at(-1)?.[4]).toBe('done');
    expect(note()).not.toMatch(/Last refresh failed/);
    expect(rt.workbook.tabColor('AHT')).toBe('#0b8043');

    // A colour someone picks while the tab is red is theirs: the good run after leaves it.
    sim.setFaults({ failFromOffset: 1 });
    await stepUntil(rt, () => failed() > 2, 30 * HOUR);
    expect(rt.workbook.tabColor('AHT')).toBe('#d93025');
    rt.workbook.setTabColor('AHT', '#1a73e8');
    sim.setFaults({});
    await stepUntil(rt, () => logRows(rt).at(-1)?.[4] === 'done', 30 * HOUR);
    expect(rt.workbook.tabColor('AHT')).toBe('#1a73e8');
  });

  it('leaves the note of a sheet no pull has written alone when its first run fails', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', dialect: 'live' });
    rt.workbook.write('AHT', [['agent'], ['a1']]);
    sim.setFaults({ failFromOffset: 0 });
    await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-first-fails', notify: true });
    await stepUntil(rt, () => rt.mail.length > 0, 8 * HOUR);
    expect(rt.mail).toHaveLength(1);
    // No earlier run's rows to speak of: the mail says only that nothing was written.
    expect(rt.mail[0]?.body).toMatch(/^Nothing was written into the sheet "AHT"\.$/m);
    expect(rt.mail[0]?.body).not.toMatch(/last run that worked/);
    expect(rt.workbook.notes('AHT')[0]?.[0] ?? '').toBe('');
    expect(rt.workbook.values('AHT')).toEqual([['agent'], ['a1']]);
  });
});

describe("the owner's open Scheduled refreshes sidebar", () => {
  it('carries a run on while it goes well, but leaves a failed attempt to wait for its retry at the refresh pace', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', dialect: 'live' });
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, {
      sheet: 'AHT',
      hour: 7,
      key: 'refresh-sidebar-01',
      notify: true,
    });
    sim.setFaults({ failFromOffset: 1 });
    let [card] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', saved?.id);
    // The sidebar polls every 3 s for a quarter of an hour: the report is built, a page fails,
    // and no more attempts are made from here (a poll per attempt would give up in minutes).
    for (let t = 0; t < 15 * MINUTE; t += 3_000) {
      await rt.clock.advanceAsync(3_000);
      [card] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', saved?.id);
    }
    expect(card).toMatchObject({ running: true, retry: { attempts: 1 } });
    expect(rt.mail).toHaveLength(0);
    expect(logRows(rt).map((r) => r[4])).toEqual(['retrying']);
  });
});

describe('an hourly refresh between attempts', () => {
  it('shows its next run as after this one (its hour comes before the retry), and its e-mail names no past time', async () => {
    const { rt, sim } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', dialect: 'live' });
    rt.workbook.addSheet('Teams');
    const [saved] = await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'hourly' },
      key: 'refresh-hourly-retry',
      notify: true,
    });
    sim.setFaults({ force5xx: 100_000 });
    await rt.callFromSidebar('runRefreshNow', saved?.id);
    await stepUntil(rt, () => logRows(rt).length > 0, 2 * HOUR);
    const [card] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(card).toMatchObject({ running: true, retry: { attempts: 1 }, nextRun: 'After this run' });
    // Given up, its e-mail does not name a time already past as the next run.
    await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
    expect(rt.mail[0]?.body).toMatch(
      /^It runs again within the hour: its next time passed while this run was tried\.$/m,
    );
  });
});
