// Assembled builds a report over 92 days at most ("Report range exceeds 92 days"). Last quarter
// pulled in January in New York is 92 calendar days, and the hour the clocks went back in
// November made it 92 days and an hour: the report failed every January. A range longer than one
// report takes is asked in parts, cut where Assembled's UTC buckets meet, and its rows joined.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { isStageSheet } from '../../src/core/pull/staging';
import { pullToEnd } from './pull-to-end';
import { reportSpans } from './report-spans';

async function pullWatched(spec: object) {
  const local = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-01T14:00:00Z' });
  const { rt } = local;
  /** The days each report asked for spans. */
  const asked = reportSpans(local);
  const job: JobView = await pullToEnd(rt, spec, 'long-range-0001');
  return { rt, job, asked };
}

/** The sheet's rows as "start -> end" spans. */
const spans = (rows: string[][]) => {
  const [header = [], ...body] = rows;
  const [start, end] = [header.indexOf('Start'), header.indexOf('End')];
  return [...new Set(body.map((r) => `${r[start]} -> ${r[end]}`))];
};

describe('a report range longer than Assembled builds one report for', () => {
  it('last quarter by month on 1 January in New York is pulled whole, over the clock change', async () => {
    const { rt, job, asked } = await pullWatched({
      source: { kind: 'report', report: 'ticket_stats', granularity: 'month' },
      range: { kind: 'relative', preset: 'last_quarter' },
      target: { kind: 'new_sheet', name: 'Quarter' },
      mode: 'replace',
    });
    expect(job.message).toMatch(/ written to /);
    expect(asked.length).toBeGreaterThan(1);
    expect(Math.max(...asked)).toBeLessThanOrEqual(92);
    // Assembled's UTC months, as one report would give them (the header note says so).
    expect(spans(rt.workbook.displayValues('Quarter'))).toEqual([
      '2026-10-01 00:00:00 -> 2026-10-31 20:00:00',
      '2026-10-31 20:00:00 -> 2026-11-30 19:00:00',
      '2026-11-30 19:00:00 -> 2026-12-31 19:00:00',
      '2026-12-31 19:00:00 -> 2027-01-01 00:00:00',
    ]);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });

  it('366 days back by day comes in parts of 92 days at most, every day once', async () => {
    const { rt, job, asked } = await pullWatched({
      source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
      range: { kind: 'relative', preset: 'days_back', days: 366 },
      target: { kind: 'new_sheet', name: 'Year' },
      mode: 'replace',
    });
    expect(job.message).toMatch(/ written to /);
    expect(asked).toHaveLength(4);
    expect(Math.max(...asked)).toBeLessThanOrEqual(92);
    const days = spans(rt.workbook.displayValues('Year'));
    // Assembled's UTC days from 1 January 2026 05:00 to 1 January 2027 05:00.
    expect(days).toHaveLength(367);
    expect(new Set(days).size).toBe(days.length);
  });
});
