// A weekly refresh whose run is given up on an outage is tried once more, hours later, by itself:
// Assembled is usually back by then, and the sheet would otherwise keep last week's rows for a week.
// One attempt, once; a daily refresh's next run comes soon enough (refresh-retries.test.ts).
import { describe, expect, it } from 'vitest';
import { saveListRefresh, stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { Frequency } from '../../src/core/schedule/frequency';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import type { DateRangeSpec } from '../../src/core/time/date-range';
import { lastRunText } from '../../src/ui/last-run';

const HOUR = 3_600_000;

const logRows = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().includes('Assembled log')
    ? rt.workbook.displayValues('Assembled log').slice(1)
    : [];
const statuses = (rt: LocalRuntime) => logRows(rt).map((r) => r[4]);
const card = async (rt: LocalRuntime) => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

const MONDAYS_7: Frequency = { kind: 'weekly', weekdays: [1], hour: 7 };

/**
 * A weekly refresh, Mondays 07:00 London, its run of Monday 25 May given up on an outage: of the
 * People list, or of a handle time report of `range` replacing its sheet.
 */
async function givenUp(range?: DateRangeSpec, firstRun = false) {
  // 06:30 in London on Monday 25 May 2026.
  const { rt, sim } = await startLocalAddon({
    timezone: 'Europe/London',
    now: '2026-05-25T05:30:00Z',
    dialect: 'live',
  });
  rt.workbook.addSheet('People');
  if (range) {
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range,
      target: { kind: 'sheet', name: 'People' },
      mode: 'replace',
    };
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: MONDAYS_7, notifyByEmail: true },
      'sk_live_test_retry_later',
    );
  } else {
    await saveListRefresh(rt, {
      resource: 'people',
      sheet: 'People',
      frequency: MONDAYS_7,
      key: 'refresh-retry-later',
      notify: true,
    });
  }
  if (firstRun) {
    // Pressed before its 07:00: that run stands, and the sheet gets rows and a header note.
    await rt.callFromSidebar('runRefreshNow', (await card(rt))?.id);
    await stepUntil(rt, () => statuses(rt).at(-1) === 'done', HOUR);
  }
  sim.setFaults({ errorRate: 1 });
  await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
  expect(statuses(rt).at(-1)).toBe('failed');
  return { rt, sim, gaveUpAt: rt.clock.now() };
}

describe('a weekly refresh given up on an outage', () => {
  it('is tried once more hours later, and says so on its card and in the e-mail; back, Assembled fills the sheet', async () => {
    const { rt, sim, gaveUpAt } = await givenUp();
    const once =
      /^It is tried once more within the hour after 2026-05-25 (\d\d:\d\d) \(Europe\/London\); then it runs as scheduled, next at 2026-06-01 07:00 \(Europe\/London\)\.$/m;
    const at = once.exec(rt.mail[0]?.body ?? '')?.[1];
    expect(at).toBeDefined();
    const seen = await card(rt);
    expect(seen?.nextRun).toBe(`2026-05-25 ${at}: one more try of the run given up; then 2026-06-01 07:00`);
    // Run now is for when that try fails too: the owner need not act before it.
    expect(seen?.runAgain).toBe(
      `It is tried once more within the hour after 2026-05-25 ${at}; if that fails too, Run now on this card pulls it, rather than wait for its next run.`,
    );

    sim.setFaults({});
    await stepUntil(rt, () => statuses(rt).at(-1) === 'done', 10 * HOUR);
    expect(statuses(rt).at(-1)).toBe('done');
    // Not before its time, and within the hour after it.
    expect(rt.clock.now() - gaveUpAt).toBeGreaterThanOrEqual(6 * HOUR);
    expect(rt.clock.now() - gaveUpAt).toBeLessThanOrEqual(7 * HOUR + 5 * 60_000);
    expect(rt.workbook.values('People').length).toBeGreaterThan(10);
    const after = await card(rt);
    expect(after).toMatchObject({ nextRun: '2026-06-01 07:00', runAgain: '', lastRun: { status: 'done' } });
    expect(rt.mail).toHaveLength(1);
  });

  it('is tried by the hourly check its promise names, though that check begins seconds before the hour said', async () => {
    // 06:30 in London. Another weekly refresh, due an hour after it and saved first, fails through the
    // outage too: still retrying as this run is given up, it keeps the checks at half past, from
    // this run's first start, until it is given up in turn.
    const { rt, sim } = await startLocalAddon({
      timezone: 'Europe/London',
      now: '2026-05-25T05:30:00Z',
      dialect: 'live',
    });
    rt.workbook.addSheet('Teams');
    rt.workbook.addSheet('People');
    const frequency = (hour: number): Frequency => ({ kind: 'weekly', weekdays: [1], hour });
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: frequency(8),
      key: 'rl-teams',
    });
    await saveListRefresh(rt, {
      resource: 'people',
      sheet: 'People',
      frequency: frequency(7),
      key: 'rl-people',
      notify: true,
    });
    sim.setFaults({ errorRate: 1 });
    await stepUntil(rt, () => rt.mail.length > 0, 6 * HOUR);
    const at = /tried once more within the hour after 2026-05-25 (\d\d:\d\d)/.exec(
      rt.mail[0]?.body ?? '',
    )?.[1];
    expect(at).toBeDefined();
    const rows = logRows(rt).filter((r) => r[3]?.includes('People')).length;
    sim.setFaults({});
    // Hour by hour, as the published add-on's checks come.
    const people = () => logRows(rt).filter((r) => r[3]?.includes('People'));
    for (let i = 0; i < 8 && people().length === rows; i++) await rt.clock.advanceAsync(HOUR);
    expect(people()[rows]?.[4]).toBe('done');
    // Logged as it ended, in London (BST): begun within the hour after the time said.
    const when = people()[rows]?.[0] ?? '';
    expect(when).toMatch(/ UTC\+1$/);
    const ended = Date.parse(`${when.slice(0, 19).replace(' ', 'T')}+01:00`);
    const promised = Date.parse(`2026-05-25T${at}:00+01:00`);
    expect(ended).toBeGreaterThanOrEqual(promised);
    expect(ended).toBeLessThan(promised + HOUR);
  });

  it('of a report in Replace mode: the e-mail says its week is not pulled yet, when the later try comes, and to Run now if that fails too', async () => {
    const { rt } = await givenUp({ kind: 'relative', preset: 'last_week' });
    const body = rt.mail[0]?.body ?? '';
    const lost =
      /^Not pulled yet: 2026-05-18 to 2026-05-24\. It is tried once more within the hour after 2026-05-25 (\d\d:\d\d) \(Europe\/London\); if that fails too, Run now on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes… pulls last week as of the day you press it\.$/m;
    const at = lost.exec(body)?.[1];
    expect(at).toBeDefined();
    // Said once, with the days: the next run's line follows on from it.
    expect(body).toMatch(
      /^After that try it runs as scheduled, next at 2026-06-01 07:00 \(Europe\/London\)\.$/m,
    );
    expect(body.match(/tried once more/g)).toHaveLength(1);
    const other = await card(rt.asUser('editor@example.com'));
    expect(other?.runAgain).toBe(
      `It is tried once more within the hour after 2026-05-25 ${at}; if that fails too, ask analyst@example.com to press Run now on it, rather than wait for its next run.`,
    );
  });

  it('of one day: the e-mail, the log and the sheet’s note name that day, not a range from it to itself', async () => {
    const { rt, sim } = await givenUp({ kind: 'relative', preset: 'yesterday' });
    expect(rt.mail[0]?.body).toMatch(/^Not pulled yet: 2026-05-24\. It is tried once more /m);
    sim.setFaults({});
    await stepUntil(rt, () => statuses(rt).at(-1) === 'done', 10 * HOUR);
    expect(new Set(logRows(rt).map((r) => r[2]))).toEqual(
      new Set(['Scheduled: Handle time report (day) 2026-05-24 (Replace)']),
    );
    expect(rt.workbook.notes('People')[0]?.[0]).toMatch(/^Range: 2026-05-24 \(Europe\/London\)$/m);
  });

  it('still down then: one attempt, no e-mail more, and its next run as scheduled, not tried again', async () => {
    const { rt } = await givenUp(undefined, true);
    const rows = logRows(rt).length;
    await stepUntil(rt, () => logRows(rt).length > rows, 10 * HOUR);
    await rt.clock.advanceAsync(12 * HOUR);
    // One attempt: a row of its own, failed at once, not retried.
    expect(statuses(rt).slice(rows)).toEqual(['failed']);
    expect(rt.mail).toHaveLength(1);
    const after = await card(rt);
    expect(after).toMatchObject({ nextRun: '2026-06-01 07:00', lastRun: { status: 'failed' } });
    // Its card's Last run is the run due Monday 07:00, tried again later: not a run due at the time
    // of that try, which nobody scheduled.
    const tried = logRows(rt).at(-1)?.[0]?.slice(11, 16);
    expect(after?.lastRun).toMatchObject({ due: '2026-05-25 07:00', retried: `2026-05-25 ${tried}` });
    expect(lastRunText(after as RefreshView)).toBe(
      `Due 2026-05-25 07:00; tried again and failed at ${tried}`,
    );
    // Its attempts counted on from the run's, as the e-mail counted them: the log, the card and the
    // sheet's note say the later try failed too, and its attempt in all, not "after 1 attempt".
    const before = Number(/gave up after (\d) attempts/.exec(rt.mail[0]?.body ?? '')?.[1]);
    expect(before).toBeGreaterThan(1);
    const said = new RegExp(
      `\\. The later try failed too: the add-on gave up after ${before + 1} attempts\\.`,
    );
    expect(logRows(rt).at(-1)?.[7]).toMatch(said);
    expect(after?.lastRun?.message).toMatch(said);
    expect(rt.workbook.notes('People')[0]?.[0]).toMatch(said);
    expect(rt.workbook.notes('People')[0]?.[0]).not.toMatch(/after 1 attempt/);
  });

  it('is not tried later once its owner has paused it and resumed it: it runs at its next time', async () => {
    const { rt } = await givenUp();
    const { id } = (await card(rt)) as RefreshView;
    await rt.callFromSidebar('pauseRefresh', id);
    await rt.callFromSidebar('resumeRefresh', id);
    expect((await card(rt))?.nextRun).toBe('2026-06-01 07:00');
  });
});
