// A refresh whose report's later pages always fail (issue 13, item 6): its first failed attempt is
// seen at once, in the sidebar and the log, with its reason and next try; the run is given up and
// its owner e-mailed within 3 hours of its due time, though the published add-on ticks hourly.
import { describe, expect, it } from 'vitest';
import { saveDailyAht, saveListRefresh, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pulledFrom } from '../../src/core/pull/source-note';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { lastRunText, retryReason } from '../../src/ui/last-run';

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
    expect(run?.[0]).toMatch(/^2026-05-25 07:1\d:\d\d UTC−4$/);
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
      // Its retry says when it comes: no second time beside it (refresh-carried-on.test.ts).
      expect(card).toMatchObject({ running: true, lastRun: { status: 'done' }, carriedOn: '' });
      expect(card?.retry).toMatchObject({ attempts: 1, reason: expect.stringMatching(/503/) });
      expect(card?.retry?.nextTry).toMatch(/^2026-05-25 \d\d:\d\d$/);
      expect(card?.retry?.reason).not.toMatch(/in a few minutes/);
      // A daily refresh's next run is a day off, long after the retry: its time stands, after the try.
      expect(card?.nextRun).toBe(
        `Next try by ${card?.retry?.nextTry}; if it works, the next run at 2026-05-26 07:00`,
      );
    }
    expect(rt.mail).toHaveLength(0);

    // Given up within 3 hours of its due time: one e-mail, a failed row, the sheet as it was.
    await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
    expect(rt.clock.now() - due).toBeLessThanOrEqual(3 * HOUR);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.body).toMatch(/503/);
    expect(rt.mail[0]?.body).toMatch(/gave up after \d attempts/);
    // Which refresh, in the subject too, and the week it was to pull, which the sheet holds whole
    // from the run of that Monday, after the week was over: nothing is missing, nothing to do.
    expect(rt.mail[0]?.subject).toBe(
      'An Assembled scheduled refresh of yours failed: Handle time report (day), last week',
    );
    expect(rt.mail[0]?.body).toMatch(
      /^Nothing is missing: the sheet holds 2026-05-18 to 2026-05-24 whole, pulled after they were over\.$/m,
    );
    expect(rt.mail[0]?.body).not.toMatch(/Not pulled|Not brought up to date|Run now/);
    // And that the sheet still holds the last good run's rows, when they were made and how many.
    expect(rt.mail[0]?.body).toMatch(
      /^The sheet "AHT" still holds the rows written 2026-05-2\d \d\d:\d\d:\d\d \(Europe\/London\) \(\d+ rows\)\.$/m,
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
    // Each attempt's Duration is its own time, not the half hours waited between attempts.
    const attempts = logRows(rt).slice(1);
    expect(attempts.length).toBeGreaterThan(2);
    for (const row of attempts) expect(Number(row[6])).toBeLessThan(10 * 60);
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(1);
    expect(rt.workbook.values('AHT')).toEqual(good);
    for (const viewer of [rt, other]) {
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card).toMatchObject({ running: false, retry: null, lastRun: { status: 'failed' } });
      // Given up hours later, the card says when the run was due, not only when it gave up.
      expect(card?.lastRun?.due).toBe('2026-05-25 07:00');
      expect(card?.lastRun?.at).toMatch(/^2026-05-25 (08|09|10):\d\d$/);
      // Given up, it waits for its next time; the week it was for is in the sheet whole, as the
      // e-mail says: its card asks no Run now of its owner, nor another editor to ask them for one.
      expect(card?.runAgain).toBe('');
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

    // Whoever opens the sheet sees it too: the header note says the refresh failed first, above
    // the good run's lines (a line a column, ~20 of them), which it keeps; Push still reads the
    // sheet as Assembled's own; the next good run writes the note afresh.
    const note = () => rt.workbook.notes('AHT')[0]?.[0] ?? '';
    const lines = note().split('\n');
    expect(lines[1]).toMatch(/^Source: Assembled Handle time report/);
    expect(pulledFrom(note())).toMatch(/^Handle time report/);
    expect(lines[0]).toMatch(
      /^Last refresh failed 2026-05-2\d \d\d:\d\d \(Europe\/London\): .*503.* The add-on gave up after 3 attempts\. The rows were last brought up to date by the run of 2026-05-2\d \d\d:\d\d:\d\d \(Europe\/London\)\.$/,
    );
    sim.setFaults({});
    await stepUntil(rt, () => logRows(rt).at(-1)?.[4] === 'done', 30 * HOUR);
    expect(logRows(rt).at(-1)?.[4]).toBe('done');
    expect((await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0]?.runAgain).toBe('');
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
  it('shows its next run as after the run being tried (its hour comes before the retry), and its e-mail names no past time', async () => {
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
    expect(card).toMatchObject({ running: true, retry: { attempts: 1, startedBy: 'you' } });
    // The run it waits for is named as its card's Last run names the run tried again: started by
    // Run now, by who pressed it and when, not as "due" then, which nobody scheduled.
    const pressed = card?.retry?.due;
    expect(pressed).toMatch(/^2026-05-25 05:1\d$/);
    // Its next run held back past the try, to the first hour after it.
    expect(card?.nextRun).toMatch(
      new RegExp(`^Next try by ${card?.retry?.nextTry}; if it works, the next run by \\d\\d:00$`),
    );
    expect(lastRunText(card as RefreshView)).toMatch(
      new RegExp(`^Retrying the run you started at ${pressed}: nothing runs until its next try$`),
    );
    expect(retryReason(card?.retry as NonNullable<RefreshView['retry']>)).toMatch(/^Attempt 1 failed: /);
    const [theirs] = await rt.asUser('sam@example.com').callFromSidebar<RefreshView[]>('listRefreshes');
    expect(theirs?.nextRun).toBe(card?.nextRun);
    expect(lastRunText(theirs as RefreshView)).toMatch(
      new RegExp(`^Retrying the run analyst@example\\.com started at ${pressed}: `),
    );
    // Given up hours later, its Last run says so too, and that its hours passed meanwhile ran nothing.
    await stepUntil(rt, () => logRows(rt).some((r) => r[4] === 'failed'), 6 * HOUR);
    const [ended] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(ended?.lastRun).toMatchObject({ due: pressed, startedBy: 'you', status: 'failed' });
    expect(lastRunText({ ...(ended as RefreshView), running: false, retry: null })).toMatch(
      new RegExp(
        `^Started by you ${pressed}, failed at \\d\\d:\\d\\d; the runs due 06:00 and 07:00 were not started while it was retried$`,
      ),
    );
    // Given up, its e-mail does not name a time already past as the next run.
    await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
    const next = /^It runs again as scheduled, next at (\S+ \S+) \(America\/New_York\)\.$/m.exec(
      rt.mail[0]?.body ?? '',
    );
    const [after] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(next?.[1]).toBe(after?.nextRun);
    expect(Date.parse(`${next?.[1]?.replace(' ', 'T')}:00-04:00`)).toBeGreaterThan(rt.clock.now());
  });

  it('once its run ends late after retries, shows its next time to come, never as due hours ago or overdue', async () => {
    // 22:40 in New York: its 23:00 run starts at the 23:40 tick, fails there and at 00:40.
    const { rt, sim } = await startLocalAddon({ now: '2026-12-05T03:40:00Z', dialect: 'live' });
    rt.workbook.addSheet('Teams');
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'hourly' },
      key: 'refresh-late-done',
    });
    sim.setFaults({ force5xx: 100_000 });
    await stepUntil(rt, () => logRows(rt).length === 2, 3 * HOUR);
    sim.setFaults({});
    // Written by the 01:40 tick, with its 00:00 and 01:00 gone by meanwhile.
    await stepUntil(rt, () => logRows(rt).at(-1)?.[4] === 'done', 2 * HOUR);
    expect(logRows(rt).at(-1)?.[0]).toMatch(/^2026-12-05 01:40/);
    const sam = rt.asUser('sam@example.com');
    for (const viewer of [rt, sam]) {
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card).toMatchObject({ nextRun: '2026-12-05 02:00', overdue: '', lastRun: { status: 'done' } });
    }
    // Before the next tick, its time is due as any hourly refresh's is, and not overdue.
    await rt.clock.advanceAsync(Date.parse('2026-12-05T07:30:00Z') - rt.clock.now());
    for (const viewer of [rt, sam]) {
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card?.nextRun).toMatch(/^Due since 2026-12-05 02:00:/);
      expect(card?.overdue).toBe('');
    }
  });
});

/** Each failed attempt in the log was tried again half an hour after it at the soonest, by the time its row gave. */
function expectPaced(rt: LocalRuntime, sheet: string, hourlyTicks: boolean): void {
  // The log's times are the sheet's local times: compared as written, less the offset after them.
  const at = (local: string) => Date.parse(`${local.slice(0, 19).replace(' ', 'T')}Z`);
  const rows = logRows(rt).filter((r) => r[3] === sheet);
  expect(rows.map((r) => r[4])).toEqual([...rows.slice(1).map(() => 'retrying'), 'failed']);
  for (const [i, row] of rows.slice(1).entries()) {
    const before = rows[i] ?? [];
    const by = /Next try by (\d{4}-\d\d-\d\d \d\d:\d\d) /.exec(before[7] ?? '')?.[1] ?? '';
    const tried = at(row[0] ?? '');
    expect(tried - at(before[0] ?? '')).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(tried).toBeLessThan(at(by) + MINUTE);
    // The published add-on's next hourly tick takes it: at the time the row gave.
    if (hourlyTicks) expect(tried).toBeGreaterThanOrEqual(at(by) - 5 * MINUTE);
  }
}

describe.each(['addon', 'bound'] as const)(
  'two hourly refreshes whose later pages always fail (%s)',
  (mode) => {
    it('try each failed attempt again half an hour after it at the soonest, and by the time its log row gives', async () => {
      // As the workbench's QA found it: a report and a list started in the same tick.
      const { rt, sim } = await startLocalAddon({ now: '2026-12-05T03:40:00Z', dialect: 'live', mode });
      const due = Date.parse('2026-12-05T04:00:00Z'); // 23:00 in New York
      for (const [name, source, writes] of [
        ['Adherence', { kind: 'report', report: 'adherence', granularity: 'day' }, 'replace'],
        ['States', { kind: 'resource', resource: 'agent_states' }, 'append'],
      ] as const) {
        rt.workbook.addSheet(name);
        await rt.callFromSidebar(
          'saveRefresh',
          {
            spec: {
              source,
              range: { kind: 'relative', preset: 'today' },
              target: { kind: 'sheet', name },
              mode: writes,
            },
            frequency: { kind: 'hourly' },
            notifyByEmail: true,
          },
          `refresh-pace-${name}`,
        );
      }
      sim.setFaults({ failFromOffset: 1 });
      const told = () => rt.mail.map((m) => m.body).join('\n');
      await stepUntil(rt, () => ['"Adherence"', '"States"'].every((s) => told().includes(s)), 6 * HOUR);
      // Both given up, and their owner told, within 3 hours of their due time.
      expect(rt.clock.now() - due).toBeLessThanOrEqual(3 * HOUR);
      for (const sheet of ['Adherence', 'States']) expectPaced(rt, sheet, mode === 'addon');
    });
  },
);

describe("a refresh whose report's checks fail while Assembled builds it", () => {
  it("is not checked again every minute by a bound script's minute ticks, though a report is awaited", async () => {
    const { rt, sim } = await startLocalAddon({
      now: '2026-05-25T09:10:00Z',
      dialect: 'live',
      mode: 'bound',
      reportDelayMs: 20 * MINUTE,
    });
    rt.workbook.addSheet('AHT');
    await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-pace-built', notify: true });
    // 07:00 in New York: the tick that starts the run polls the report until it must stop.
    await rt.clock.advanceAsync(Date.parse('2026-05-25T11:20:00Z') - rt.clock.now());
    expect(logRows(rt)).toEqual([]);
    sim.setFaults({ force5xx: 100_000 });
    await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
    expectPaced(rt, 'AHT', false);
  });
});
