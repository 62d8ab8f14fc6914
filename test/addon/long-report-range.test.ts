// Assembled builds a report over 92 days at most ("Report range exceeds 92 days"). Last quarter
// pulled in January in New York is 92 calendar days, and the hour the clocks went back in
// November made it 92 days and an hour: the report failed every January. A range longer than one
// report takes is asked in parts, cut where Assembled's UTC buckets meet, and its rows joined.
import { describe, expect, it } from 'vitest';
import { type LocalAddonOptions, type SimulatorHandle, startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { isStageSheet } from '../../src/core/pull/staging';
import { pullToEnd } from './pull-to-end';
import { reportSpans } from './report-spans';

async function pullWatched(spec: object, options: LocalAddonOptions = {}) {
  const local = await startLocalAddon({
    timezone: 'America/New_York',
    now: '2027-01-01T14:00:00Z',
    ...options,
  });
  const { rt } = local;
  /** The days each report asked for spans. */
  const asked = reportSpans(local);
  const job: JobView = await pullToEnd(rt, spec, 'long-range-0001');
  return { rt, job, asked, queues: local.sim.admin.org.queues.map((q) => q.id) };
}

/** The sheet's rows as "start -> end" spans. */
const spans = (rows: string[][]) => {
  const [header = [], ...body] = rows;
  const [start, end] = [header.indexOf('Start'), header.indexOf('End')];
  return [...new Set(body.map((r) => `${r[start]} -> ${r[end]}`))];
};

/**
 * Ticket stats of one queue: the note before the pull counts a range's parts, and ticket stats over
 * several queues are asked for each queue alone too (queue-parts.ts).
 */
const oneQueue = (sim: SimulatorHandle) => ({ filters: { queue_ids: [sim.admin.org.queues[0]?.id ?? ''] } });

describe('a report range longer than Assembled builds one report for', () => {
  it('last quarter by month on 1 January in New York is pulled whole, over the clock change', async () => {
    const { rt, job, asked } = await pullWatched({
      source: { kind: 'report', report: 'ticket_stats', granularity: 'month' },
      range: { kind: 'relative', preset: 'last_quarter' },
      target: { kind: 'new_sheet', name: 'Quarter' },
      mode: 'replace',
    });
    expect(job.message).toMatch(/ written to /);
    // Asked as UTC dates (utc-span.ts), the quarter is 92 days: one report (a queue's, queue-parts.ts),
    // where New York's midnights made it 92 days and an hour, in parts.
    expect([...new Set(asked)]).toEqual([92]);
    // Assembled's UTC months, each whole (the header note says so): asked from New York's
    // midnights, October lost four hours and a fifth row was five hours of January (QA).
    // Start and End are the UTC dates each row is (day-columns.ts asUtcDays), where they were
    // New York's times of UTC midnight, "2026-09-30 20:00:00", read as September by a KPI sheet.
    expect(spans(rt.workbook.displayValues('Quarter'))).toEqual([
      '2026-10-01 -> 2026-11-01',
      '2026-11-01 -> 2026-12-01',
      '2026-12-01 -> 2027-01-01',
    ]);
    const said =
      "Buckets: Assembled's UTC months, not calendar months in America/New_York (ranges over 31 days cannot be rolled up from 30-minute intervals). The range's dates are asked as UTC dates, so no row is a few hours of a month cut off at either end. Start and End are UTC dates (Assembled's buckets): a row runs from midnight UTC on its Start date to midnight UTC on its End date; the first, 2026-10-01, began at 2026-09-30 20:00 in America/New_York.";
    expect(rt.workbook.notes('Quarter', 1)[0]?.[0]).toContain(said);
    const range = { kind: 'relative', preset: 'last_quarter' };
    const { note } = await rt.callFromSidebar<{ note?: string }>('previewRange', range, 'month', 'replace');
    expect(note).toContain(said);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });

  // QA: handle time by month over 2026-10-01 to 2026-12-31, pulled on 7 December in New York:
  // October's row read "2026-09-30 20:00:00 -> 2026-10-31 20:00:00", by day every row began the
  // evening before, and the note said "Asked for 2026-10-01 to 2026-12-07 as UTC dates … each row
  // starts and ends at midnight UTC" of a last row that ended at 09:00 New York time.
  const quarterSoFar = (granularity: string, to: string, name: string) =>
    pullWatched(
      {
        source: { kind: 'report', report: 'handle_time', granularity },
        range: { kind: 'absolute', from: '2026-10-01', to },
        target: { kind: 'new_sheet', name },
        mode: 'replace',
      },
      // Activity from 2026-09-28 on, so October has rows.
      { now: '2026-12-07T14:07:36Z', simulator: { historyDays: 70 } },
    );

  it("writes Start and End of Assembled's UTC months as the UTC dates they are, the last at the time the rows stop", async () => {
    const { rt, job } = await quarterSoFar('month', '2026-12-31', 'HT quarter');
    expect(job.message).toMatch(/ written to /);
    expect(spans(rt.workbook.displayValues('HT quarter'))).toEqual([
      '2026-10-01 -> 2026-11-01',
      '2026-11-01 -> 2026-12-01',
      '2026-12-01 -> 2026-12-07 14:00:00',
    ]);
  });

  it("writes Start and End of Assembled's UTC days as the UTC dates they are", async () => {
    const { rt } = await quarterSoFar('day', '2026-11-15', 'HT days');
    const days = spans(rt.workbook.displayValues('HT days'));
    expect(days).toHaveLength(46);
    expect(days[0]).toBe('2026-10-01 -> 2026-10-02');
    expect(days[45]).toBe('2026-11-15 -> 2026-11-16');
  });

  it('names one range in the note and the preview, and says where the last row ends when the range runs past now', async () => {
    const { rt } = await quarterSoFar('month', '2026-12-31', 'HT quarter');
    const note = rt.workbook.notes('HT quarter', 1)[0]?.[0] ?? '';
    expect(note).toContain('Range: 2026-10-01 to 2026-12-31 (America/New_York)');
    expect(note).toContain(
      'Until: 2026-12-07 09:00 (America/New_York), the last whole 30-minute interval before the pull began. The range runs past it, and Assembled counts no tickets handled after it yet, so the rows stop there: the last row ends then, its End in UTC 2026-12-07 14:00, not a midnight; a later pull brings the rest.',
    );
    const buckets =
      "Buckets: Assembled's UTC months, not calendar months in America/New_York (ranges over 31 days cannot be rolled up from 30-minute intervals). The range's dates are asked as UTC dates, so no row is a few hours of a month cut off at either end. Start and End are UTC dates (Assembled's buckets): a row runs from midnight UTC on its Start date to midnight UTC on its End date; the first, 2026-10-01, began at 2026-09-30 20:00 in America/New_York.";
    expect(note).toContain(buckets);
    // No second range: not the dates up to now, nor every row ending at midnight.
    expect(note).not.toContain('2026-12-07 as UTC dates');
    expect(note).not.toContain('each row starts and ends at midnight UTC');
    const range = { kind: 'absolute', from: '2026-10-01', to: '2026-12-31' };
    const preview = await rt.callFromSidebar<{ note?: string }>(
      'previewRange',
      range,
      'month',
      'replace',
      'handle_time',
    );
    expect(preview.note).toContain(
      'This range runs past now: the rows will stop at the last whole 30-minute interval before the pull begins (2026-12-07 09:00 in America/New_York, if it began now), since Assembled counts no tickets handled after now yet; the last row will end then, its End in UTC 2026-12-07 14:00, not a midnight.',
    );
    expect(preview.note).toContain(buckets);
    expect(preview.note).not.toContain('2026-12-07 as UTC dates');
  });

  it('366 days back by day comes in parts of 92 days at most, for each queue, every day once', async () => {
    const { rt, job, asked, queues } = await pullWatched({
      source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
      range: { kind: 'relative', preset: 'days_back', days: 366 },
      target: { kind: 'new_sheet', name: 'Year' },
      mode: 'replace',
    });
    expect(job.message).toMatch(/ written to /);
    // Ticket stats are asked a queue at a time (queue-parts.ts): each queue's four parts.
    expect(asked).toHaveLength(4 * queues.length);
    expect(Math.max(...asked)).toBeLessThanOrEqual(92);
    const days = spans(rt.workbook.displayValues('Year'));
    // Assembled's UTC days, 2025-12-31 to 2026-12-31 whole: none cut at New York's midnights.
    expect(days).toHaveLength(366);
    expect(new Set(days).size).toBe(days.length);
  });

  // 2020 to 2026 by month took 28 reports: for minutes the progress said only "Assembled has started
  // the report" and "Checked 1 time", with no count and no time left, and looked stuck.
  it('says before the pull that it is asked as N reports, and as it goes which report of how many, with the time left', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-01T14:00:00Z' });
    const range = { kind: 'relative', preset: 'days_back', days: 366 };
    const { note } = await rt.callFromSidebar<{ note?: string }>('previewRange', range, 'day', 'replace');
    expect(note).toContain(
      'Asked as 4 reports at once (Assembled builds each for a limited span), read one after another, then joined: the progress says which report it is on.',
    );
    const spec = {
      source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
      range,
      ...oneQueue(sim),
      target: { kind: 'new_sheet', name: 'Year' },
      mode: 'replace',
    };
    // Assembled builds the reports at once; answers taking 12 s make each one's check and read
    // outlast a sidebar call or so, so the sidebar sees the reports after the first go by too.
    sim.setFaults({ latencyMs: 12_000 });
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'long-range-parts');
    const seen: JobView[] = [job];
    for (let i = 0; i < 200 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      seen.push(job);
    }
    expect(job.state).toBe('done');
    const stages = [...new Set(seen.map((j) => j.stage))];
    expect(stages[0]).toBe('Assembled is generating report 1 of 4');
    expect(stages).toContainEqual(
      expect.stringMatching(/^(Assembled is generating|Reading) report [234] of 4/),
    );
    // Past the first two reports, the time left is told by the pace of those in after the first
    // (whose wait was every report's build).
    const later = seen.filter((j) => (j.part ?? 0) > 2 && j.state !== 'done');
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((j) => j.estimatedLeftMs !== null && j.estimatedLeftMs > 0)).toBe(true);
  });

  // 2015 to 2026 took 48 reports, and the form gave no idea of the wait before it began. Asked one
  // after another, each report waited its own build: 8 reports took minutes.
  it('says before a pull of many reports that they are asked together, and they are built at once', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'America/New_York', now: '2027-01-01T14:00:00Z' });
    const years = { kind: 'absolute', from: '2015-01-01', to: '2026-12-31' };
    const { note } = await rt.callFromSidebar<{ note?: string }>('previewRange', years, 'day', 'replace');
    expect(note).toContain(
      'Asked as 48 reports, 20 at a time (Assembled builds each for a limited span), read one after another, then joined: the progress says which report it is on.',
    );
    const two = { kind: 'absolute', from: '2025-01-01', to: '2026-12-31' };
    const said = await rt.callFromSidebar<{ note?: string }>('previewRange', two, 'day', 'replace');
    expect(said.note).toContain('Asked as 8 reports at once ');
    const began = rt.clock.now();
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
        range: two,
        ...oneQueue(sim),
        target: { kind: 'new_sheet', name: 'Two years' },
        mode: 'replace',
      },
      'long-range-least',
    );
    expect(job.state).toBe('done');
    // The simulator builds each in 20 s: one after another, 8 builds and their checks took minutes.
    expect(rt.clock.now() - began).toBeLessThan(60_000);
  });
});
