// A report over a range that runs past now: Assembled counts the time scheduled after now, but none
// of it adherent yet (nor any ticket handled). Month-to-date adherence pulled at 07:41 counted all of the day's
// scheduled hours against 07:41 of adherence and read several points low. A report now stops at
// the last whole 30-minute interval before the pull began, and the form and header note say so.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const adherence = (granularity: string, range: object, name: string) => ({
  source: { kind: 'report', report: 'adherence', granularity },
  range,
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});
const monthToDate = { kind: 'relative', preset: 'month_to_date' };

/** A column of the sheet: its display values, and its durations ("40:00:00") summed in seconds. */
function column(rt: LocalRuntime, sheet: string, header: string) {
  const [head = [], ...rows] = rt.workbook.displayValues(sheet);
  const shown = rows.map((r) => String(r[head.indexOf(header)]));
  const seconds = shown.reduce((sum, t) => {
    const [h = 0, m = 0, s = 0] = t.split(':').map(Number);
    return sum + h * 3600 + m * 60 + s;
  }, 0);
  return { shown, seconds };
}

describe('a report whose range runs past now (New York, Monday 7 December 2026, 07:41)', () => {
  it('stops at the last whole interval before the pull: time scheduled after it is not counted against adherence', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-07T12:41:00Z' });
    expect(await rt.callFromSidebar('previewRange', monthToDate, 'month')).toEqual({
      from: '2026-12-01',
      to: '2026-12-07',
      zone: 'America/New_York',
      note: 'This range runs past now: the rows will stop at the last whole 30-minute interval before the pull begins (2026-12-07 07:30 in America/New_York, if it began now), since Assembled counts the time scheduled after now but none of it adherent yet.',
    });
    // A range over, and a list that is not a report, are pulled whole as before.
    const lastMonth = { kind: 'relative', preset: 'last_month' };
    expect(await rt.callFromSidebar('previewRange', lastMonth, 'month')).not.toHaveProperty('note');
    expect(await rt.callFromSidebar('previewRange', monthToDate)).not.toHaveProperty('note');
    expect(
      await rt.callFromSidebar('previewRange', { kind: 'relative', preset: 'tomorrow' }, 'day'),
    ).toMatchObject({
      note: expect.stringMatching(
        /^The range lies ahead of the pull, or began less than 30 minutes before it: /,
      ),
    });

    expect(await pullToEnd(rt, adherence('month', monthToDate, 'MTD'), 'pull-00000001')).toMatchObject({
      state: 'done',
    });
    const mtd = column(rt, 'MTD', 'Scheduled');
    expect(new Set(column(rt, 'MTD', 'End').shown)).toEqual(new Set(['2026-12-07 07:30:00']));
    expect(rt.workbook.notes('MTD')[0]?.[0]).toContain(
      '\nUntil: 2026-12-07 07:30 (America/New_York), the last whole 30-minute interval before the pull began. The range runs past it, and Assembled counts the time scheduled after it but none of it adherent yet, so the rows stop there; a later pull brings the rest.\n',
    );
    // Its hours scheduled are the six days before and today's intervals up to 07:30, none after.
    const days = { kind: 'absolute', from: '2026-12-01', to: '2026-12-06' };
    await pullToEnd(rt, adherence('month', days, 'Six days'), 'pull-00000002');
    await pullToEnd(
      rt,
      adherence('interval', { kind: 'relative', preset: 'today' }, 'Today'),
      'pull-00000003',
    );
    const starts = column(rt, 'Today', 'Start').shown;
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.filter((s) => s >= '2026-12-07 07:30')).toEqual([]);
    expect(mtd.seconds).toBe(
      column(rt, 'Six days', 'Scheduled').seconds + column(rt, 'Today', 'Scheduled').seconds,
    );
    const percent = (sheet: string) =>
      column(rt, sheet, 'Adherent').seconds / column(rt, sheet, 'Scheduled').seconds;
    expect(Math.abs(percent('MTD') - percent('Six days'))).toBeLessThan(0.02);
  });

  it('a scheduled refresh stops there too', async () => {
    const { rt } = await startLocalAddon({
      timezone: 'America/New_York',
      now: '2026-12-06T17:00:00Z',
      mode: 'bound',
    });
    rt.workbook.addSheet('MTD');
    const spec = {
      ...adherence('day', monthToDate, 'MTD'),
      target: { kind: 'sheet', name: 'MTD' },
      mode: 'merge',
    };
    const frequency = { kind: 'weekly', weekdays: [1], hour: 7 };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'refresh-000001');
    await rt.clock.advanceAsync(Date.parse('2026-12-07T13:00:00Z') - rt.clock.now());
    const ends = column(rt, 'MTD', 'End').shown;
    // Whole days show as dates, the day cut short at the run's time with it (day-rows.test.ts).
    expect(ends).toContain('2026-12-07');
    expect(ends).toContain('2026-12-07 07:00:00');
    expect(ends).not.toContain('2026-12-08');
    expect(rt.workbook.notes('MTD')[0]?.[0]).toContain(
      '\nUntil: 2026-12-07 07:00 (America/New_York), the last whole',
    );
  });
});

// QA: a Handle time report ahead was said to count time scheduled but none adherent, and to find
// nothing as schedules may not be planned: words of adherence and schedules, which it does not read.
describe('a ticket report over a range ahead (New York, Tuesday 15 December 2026)', () => {
  it('says before and after the pull what Assembled counts of it, and why it found nothing, in its own words', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-15T15:00:00Z' });
    const ahead = { kind: 'absolute', from: '2026-12-21', to: '2026-12-27' };
    const lies = 'The range lies ahead of the pull, or began less than 30 minutes before it:';
    const preview = (report: string) =>
      rt.callFromSidebar<{ note?: string }>('previewRange', ahead, 'day', 'replace', report);
    expect((await preview('handle_time')).note).toBe(
      `${lies} Assembled counts no tickets handled in it yet.`,
    );
    expect((await preview('ticket_stats')).note).toBe(
      `${lies} Assembled counts no tickets created or solved in it yet.`,
    );
    expect((await preview('adherence')).note).toBe(
      `${lies} Assembled counts the time scheduled in it but none of it adherent yet.`,
    );
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: ahead,
      target: { kind: 'new_sheet', name: 'Handle time' },
      mode: 'replace',
    };
    const job = await pullToEnd(rt, spec, 'pull-ahead-01');
    expect(job.message).toBe(
      'No rows: Assembled holds nothing yet for 2026-12-21 to 2026-12-27, which lies ahead: no tickets are handled yet, so \'Handle time\'!A1 shows "(no records)".',
    );
    const note = rt.workbook.notes('Handle time')[0]?.[0] ?? '';
    expect(note).toContain(`${lies} Assembled counts no tickets handled in it yet.`);
    expect(note).not.toMatch(/adherent|planned/);
  });
});

describe('an append over a range that runs past now (New York, Monday 7 December 2026, 07:41)', () => {
  const appendInto = (granularity: string, range: object, name: string) => ({
    ...adherence(granularity, range, name),
    target: { kind: 'sheet', name },
    mode: 'append',
  });

  it('adds no row of the day under way: the form and header note say the rows stop at its start', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-07T12:41:00Z' });
    expect(await rt.callFromSidebar('previewRange', monthToDate, 'day', 'append')).toMatchObject({
      note: 'This range runs past now: an append adds each day once, whole, so the rows will stop at the start of the day under way (2026-12-07 00:00 in America/New_York, if the pull began now); the first pull after it ends adds it.',
    });
    // Intervals are whole as they come; other modes stop at the last whole interval.
    expect(await rt.callFromSidebar('previewRange', monthToDate, 'interval', 'append')).toMatchObject({
      note: expect.stringMatching(
        /^This range runs past now: the rows will stop at the last whole 30-minute/,
      ),
    });
    expect(
      await rt.callFromSidebar('previewRange', { kind: 'relative', preset: 'today' }, 'day', 'append'),
    ).toMatchObject({
      note: 'This range is the day under way or lies ahead: an append adds each day once, whole, so this pull will add no rows; the first pull after it ends adds it.',
    });

    rt.workbook.addSheet('Log');
    await pullToEnd(rt, appendInto('day', monthToDate, 'Log'), 'pull-00000001');
    expect(column(rt, 'Log', 'Start').shown.filter((s) => s >= '2026-12-07')).toEqual([]);
    expect(new Set(column(rt, 'Log', 'End').shown)).toContain('2026-12-07');
    expect(rt.workbook.notes('Log')[0]?.[0]).toContain(
      '\nUntil: 2026-12-07 00:00 (America/New_York), the start of the day under way as the pull began: an append adds each day once, whole, so the rows stop there; the first pull after it ends adds it.\n',
    );
  });

  it("where the rows are Assembled's UTC days, the UTC day under way is left out", async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-07T12:41:00Z' });
    rt.workbook.addSheet('Log');
    const long = { kind: 'absolute', from: '2026-11-01', to: '2026-12-07' };
    await pullToEnd(rt, appendInto('day', long, 'Log'), 'pull-00000001');
    const starts = column(rt, 'Log', 'Start').shown;
    // A UTC day starts at 19:00 the day before in New York.
    expect(starts).toContain('2026-12-05 19:00:00');
    expect(starts.filter((s) => s >= '2026-12-06 19:00')).toEqual([]);
    expect(rt.workbook.notes('Log')[0]?.[0]).toContain(
      '\nUntil: 2026-12-07 00:00 (UTC), the start of the day under way as the pull began:',
    );
  });

  it('a daily append refresh adds each day once, whole, the day after it ends', async () => {
    const { rt } = await startLocalAddon({
      timezone: 'America/New_York',
      now: '2026-12-06T17:00:00Z',
      mode: 'bound',
    });
    rt.workbook.addSheet('Log');
    const spec = appendInto('day', monthToDate, 'Log');
    const frequency = { kind: 'daily', hour: 7 };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'refresh-000001');
    await rt.clock.advanceAsync(Date.parse('2026-12-08T13:00:00Z') - rt.clock.now());
    const starts = column(rt, 'Log', 'Start').shown;
    const agents = column(rt, 'Log', 'Agent ID').shown;
    const rows = starts.map((s, i) => `${agents[i]} ${s}`);
    // The 7th, pulled part-way on the 7th and whole on the 8th, is there once per agent, whole.
    expect(rows.filter((r) => r.includes(' 2026-12-07')).length).toBeGreaterThan(0);
    expect(rows.length).toBe(new Set(rows).size);
    expect(starts.filter((s) => s >= '2026-12-08')).toEqual([]);
    // Every End a midnight: shown as a date, with no time of day.
    expect(column(rt, 'Log', 'End').shown.filter((e) => !/^\d{4}-\d\d-\d\d$/.test(e))).toEqual([]);
  });
});
