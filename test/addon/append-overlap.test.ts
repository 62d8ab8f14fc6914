// An append adds the rows whose key the sheet does not hold, and a report row's key is its queue (or
// agent) and its bucket's start and end. A table of calendar months appended with a range over 31
// days got Assembled's UTC months beside them (the add-on rolls up calendar months from 30-minute
// intervals, which Assembled builds for 31 days at most): new keys, the same time, counted twice by
// every SUMIFS over the sheet. An append now leaves out a row whose span overlaps a row the sheet
// holds for the same queue over other times, and says so; the form warns before the pull.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const tickets = (from: string, to: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'month' },
  range: { kind: 'absolute', from, to },
  target: { kind: 'sheet', name: 'Ticket history' },
  mode: 'append',
});

/** The sheet's rows as "start -> end" spans, each with how many rows have it. */
function spans(rt: LocalRuntime): Record<string, number> {
  const [header = [], ...rows] = rt.workbook.displayValues('Ticket history');
  const [start, end] = [header.indexOf('Start'), header.indexOf('End')];
  const count: Record<string, number> = {};
  for (const r of rows) count[`${r[start]} -> ${r[end]}`] = (count[`${r[start]} -> ${r[end]}`] ?? 0) + 1;
  return count;
}

describe('appending months to a monthly history table (New York)', () => {
  it('adds no row over time the table holds under other bounds, and says why', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-05T15:00:00Z' });
    rt.workbook.addSheet('Ticket history');
    const months = [
      ['2026-10-01', '2026-10-31'],
      ['2026-11-01', '2026-11-30'],
      ['2026-12-01', '2026-12-31'],
    ];
    for (const [i, [from, to]] of months.entries())
      expect(await pullToEnd(rt, tickets(from as string, to as string), `pull-0000000${i}`)).toMatchObject({
        state: 'done',
      });
    const before = spans(rt);
    expect(Object.keys(before)).toEqual([
      '2026-10-01 -> 2026-11-01',
      '2026-11-01 -> 2026-12-01',
      '2026-12-01 -> 2027-01-01',
    ]);

    // The form says before the pull that such rows will not be appended.
    const { note } = await rt.callFromSidebar<{ note?: string }>(
      'previewRange',
      { kind: 'absolute', from: '2026-10-02', to: '2026-12-31' },
      'month',
      'append',
    );
    expect(note).toContain("Buckets: Assembled's UTC months");
    expect(note).toContain(
      'Appended into a table of calendar months, these rows overlap its rows over the same time and are left out, as they would count that time twice: append 31 days at most at a time, or choose Replace it.',
    );

    const job = await pullToEnd(rt, tickets('2026-10-02', '2026-12-31'), 'pull-00000009');
    expect(job.state).toBe('done');
    expect(spans(rt)).toEqual(before);
    expect(job.message).toBe(
      "Nothing appended to 'Ticket history'!A1: all 21 rows overlap rows the sheet holds for the same Queue ID over other times (such as 2026-10-01 20:00 to 2026-10-31 20:00 over 2026-10-01 00:00 to 2026-11-01 00:00), so they were left out, as they would count that time twice. To pull them, choose a range whose rows line up with the sheet's, or Replace it.",
    );
  });

  it('keeps the rows that overlap nothing, and counts those left out', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-05T15:00:00Z' });
    rt.workbook.addSheet('Ticket history');
    await pullToEnd(rt, tickets('2026-10-01', '2026-10-31'), 'pull-00000001');
    const job = await pullToEnd(rt, tickets('2026-10-02', '2026-12-31'), 'pull-00000003');
    expect(job.message).toBe(
      "7 rows appended below the table in 'Ticket history', rows 9 to 15; 14 rows overlap rows the sheet holds for the same Queue ID over other times (such as 2026-10-01 20:00 to 2026-10-31 20:00 over 2026-10-01 00:00 to 2026-11-01 00:00), so they were left out, as they would count that time twice. To pull them, choose a range whose rows line up with the sheet's, or Replace it.",
    );
    // UTC's December (from 19:00 on 30 November here) overlaps nothing the sheet holds; UTC's
    // November does, by October's last four hours. Calendar months show their days as dates;
    // Assembled's UTC ones, no days of New York's, their times.
    expect(spans(rt)).toEqual({
      '2026-10-01 -> 2026-11-01': 7,
      '2026-11-30 19:00:00 -> 2026-12-31 19:00:00': 7,
    });
  });

  it('warns before an append of a range that cuts a month short', async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-05T15:00:00Z' });
    const preview = (from: string, to: string, mode: string) =>
      rt.callFromSidebar<{ note?: string }>('previewRange', { kind: 'absolute', from, to }, 'month', mode);
    expect((await preview('2026-12-02', '2026-12-31', 'append')).note).toBe(
      "The range cuts the first month short (30 days, 2026-12-02 to 2026-12-31). Appended into a table of whole months, rows cut short overlap its rows over the same time and are left out, as they would count that time twice: choose dates from a month's first day to its last, or choose Replace it.",
    );
    expect(await preview('2026-12-01', '2026-12-31', 'append')).not.toHaveProperty('note');
    expect(await preview('2026-12-02', '2026-12-31', 'merge')).not.toHaveProperty('note');
    // Month to date: an append adds no row of the month under way, so no row of it is cut short.
    expect(
      (
        await rt.callFromSidebar<{ note?: string }>(
          'previewRange',
          { kind: 'relative', preset: 'month_to_date' },
          'month',
          'append',
        )
      ).note,
    ).not.toContain('Appended into');
  });
});
