// A month-to-date merge refresh that outlived its month goes back to finish it: the run on 4
// January pulls 1 December to 4 January, 35 days, past the 31 days Assembled builds 30-minute
// intervals for. Asked as one report, December came back as Assembled's UTC month (cut at 19:00 on
// the 31st in New York), and the next run, pulling January alone, never gave back its last hours.
// The run asks for it in parts within the limit, so every row is a calendar bucket of the sheet.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { isStageSheet } from '../../src/core/pull/staging';
import { pullToEnd } from './pull-to-end';

const at = (rt: LocalRuntime, iso: string) => rt.clock.advanceAsync(Date.parse(iso) - rt.clock.now());

/** The sheet's rows as "start -> end" spans, each with how many rows have it. */
function spans(rt: LocalRuntime, sheet: string): Record<string, number> {
  const [header = [], ...rows] = rt.workbook.displayValues(sheet);
  const [start, end] = [header.indexOf('Start'), header.indexOf('End')];
  const count: Record<string, number> = {};
  for (const r of rows) {
    const span = `${r[start]} -> ${r[end]}`;
    count[span] = (count[span] ?? 0) + 1;
  }
  return count;
}

/** Hours scheduled in all, over the rows starting at `startText`. */
function scheduledHours(rt: LocalRuntime, sheet: string, startText: string): number {
  const [header = [], ...rows] = rt.workbook.values(sheet);
  const shown = rt.workbook.displayValues(sheet).slice(1);
  const [start, scheduled] = [header.indexOf('Start'), header.indexOf('Scheduled')];
  // A duration cell holds a date-time from Sheets' day zero.
  const hours = (v: unknown) => ((v as Date).getTime() - Date.UTC(1899, 11, 30)) / 3_600_000;
  return rows.reduce((sum, r, i) => (shown[i]?.[start] === startText ? sum + hours(r[scheduled]) : sum), 0);
}

const WEEKS = [
  '2026-12-01 -> 2026-12-07',
  '2026-12-07 -> 2026-12-14',
  '2026-12-14 -> 2026-12-21',
  '2026-12-21 -> 2026-12-28',
  '2026-12-28 -> 2027-01-04',
  '2027-01-04 -> 2027-01-11',
  '2027-01-11 -> 2027-01-11 07:00:00',
];
const MONTHS = ['2026-12-01 -> 2027-01-01', '2027-01-01 -> 2027-01-11 07:00:00'];

describe('a month-to-date merge refresh finishing the month it outlived (New York)', () => {
  it.each([
    ['month', MONTHS],
    ['week', WEEKS],
  ])('by %s: every row stays a calendar bucket through the runs after it', async (granularity, expected) => {
    const { rt } = await startLocalAddon({
      timezone: 'America/New_York',
      now: '2026-12-27T17:00:00Z',
      mode: 'bound',
    });
    rt.workbook.addSheet('MTD');
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity },
      range: { kind: 'relative', preset: 'month_to_date' },
      target: { kind: 'sheet', name: 'MTD' },
      mode: 'merge',
    };
    const frequency = { kind: 'weekly', weekdays: [1], hour: 7 };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'refresh-000001');
    await at(rt, '2027-01-04T13:00:00Z');
    const what = () => rt.workbook.displayValues('Assembled log').at(-1)?.[2];
    expect(what()).toMatch(/ 2026-12-01 to 2027-01-04 \(Merge\)$/);
    const said = () => rt.workbook.displayValues('Assembled log').at(-1)?.[7];
    // Each agent's December to the 28th is updated to the whole month; January is new.
    if (granularity === 'month')
      expect(said()).toMatch(/^\d+ rows merged into MTD!A1: 94 updated, \d+ added\.$/);
    const note = rt.workbook.notes('MTD')[0]?.[0] ?? '';
    expect(note).toContain(`Buckets: calendar ${granularity}s in America/New_York, rolled up`);
    expect(note).not.toContain("Assembled's UTC");
    await at(rt, '2027-01-11T13:00:00Z');
    expect(what()).toMatch(/ 2027-01-01 to 2027-01-11 \(Merge\)$/);
    if (granularity === 'month') {
      // Each agent's January to the 4th is updated to the 11th (an agent with none by then is
      // added): none is said as replaced, nor as added beside its earlier row.
      const counts = /^94 rows merged into MTD!A1: (\d+) updated, (\d+) added\.$/.exec(said() ?? '');
      const [updated, added] = (counts ?? []).slice(1).map(Number);
      expect((added ?? 0) + (updated ?? 0)).toBe(94);
      expect(updated).toBeGreaterThan(90);
    }
    // One row per agent in each, as the sheet's calendar has them (the last up to the run): none cut at a UTC midnight.
    const held = spans(rt, 'MTD');
    expect(Object.keys(held).sort()).toEqual(expected);
    expect(held[expected[0] as string]).toBe(94);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);

    if (granularity !== 'month') return;
    // December holds all of December: a pull of it alone gives as many hours scheduled.
    const december = { kind: 'absolute', from: '2026-12-01', to: '2026-12-31' };
    const alone = {
      ...spec,
      range: december,
      target: { kind: 'new_sheet', name: 'December' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, alone, 'december-00001')).toMatchObject({ state: 'done' });
    const hours = scheduledHours(rt, 'MTD', '2026-12-01');
    expect(hours).toBeGreaterThan(0);
    expect(hours).toBe(scheduledHours(rt, 'December', '2026-12-01'));
  });
});

describe('a run asked in parts, cut short by the time limit', () => {
  it('carries on from the part it was reading: no page is read twice, and its rows are calendar months', async () => {
    const local = await startLocalAddon({
      timezone: 'America/New_York',
      now: '2026-12-27T17:00:00Z',
      mode: 'bound',
    });
    const { rt } = local;
    /** Complete pages read, by report and offset; the reports in the order they were read. */
    const read = new Map<string, number>();
    const reports: string[] = [];
    let armed = false;
    rt.setHttp((request) => {
      const response = local.backend.http(request);
      const page = /\/v0\/reports\/([^/?]+)\?.*offset=(\d+)/.exec(request.url);
      if (!page || !response.body.includes('"status":"complete"')) return response;
      const [, id = '', offset = ''] = page;
      read.set(`${id}@${offset}`, (read.get(`${id}@${offset}`) ?? 0) + 1);
      if (!reports.includes(id)) reports.push(id);
      const { rows, total } = JSON.parse(response.body) as { rows: unknown[]; total?: number };
      const last = Number(offset) + rows.length >= (total ?? rows.length);
      // In the run of 4 January: killed once the first part's last page is read, and again once the
      // second part's first page is, each before the job could be saved.
      if (armed && ((reports.length === 1 && last) || (reports.length === 2 && offset === '0'))) {
        rt.killAfter('properties', 1);
      }
      return response;
    });
    rt.workbook.addSheet('MTD');
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'month' },
      range: { kind: 'relative', preset: 'month_to_date' },
      target: { kind: 'sheet', name: 'MTD' },
      mode: 'merge',
    };
    const frequency = { kind: 'weekly', weekdays: [1], hour: 7 };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'refresh-000001');
    await at(rt, '2027-01-03T12:00:00Z');
    reports.length = 0;
    read.clear();
    armed = true;
    const before = rt.executions.filter((e) => e.killed).length;
    await at(rt, '2027-01-04T13:00:00Z');
    expect(rt.executions.filter((e) => e.killed).length - before).toBe(2);
    expect(reports).toHaveLength(2);
    expect([...read].filter(([, n]) => n > 1)).toEqual([]);
    expect(rt.workbook.displayValues('Assembled log').at(-1)?.slice(2, 5)).toEqual([
      'Scheduled: Adherence report (month) 2026-12-01 to 2027-01-04 (Merge)',
      'MTD',
      'done',
    ]);
    expect(Object.keys(spans(rt, 'MTD')).sort()).toEqual([
      '2026-12-01 -> 2027-01-01',
      '2027-01-01 -> 2027-01-04 07:00:00',
    ]);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });
});
