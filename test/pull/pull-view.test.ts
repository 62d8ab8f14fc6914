// What the Pull sidebar is told at each stage: a name for the stage, what is happening within it,
// and when the add-on next asks Assembled.
import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../src/core/bigquery/load-table';
import { newJob, type PullJob, STOPPED, stillRunning, withState } from '../../src/core/jobs/pull-job';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { catalogueChoices, jobView } from '../../src/core/pull/pull-view';
import { ANALYST } from '../support/core-deps';

const T0 = Date.parse('2026-05-25T12:00:00Z');
const REPORT: PullSpec = {
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_week' },
  filters: {},
  target: { kind: 'new_sheet', name: 'Adherence' },
  mode: 'replace',
};

describe('pull progress for the sidebar', () => {
  it('says, while it reads, the time it has waited for answers that never came; not once reading is over', () => {
    const queued = newJob('k', ANALYST, 'test-spreadsheet', REPORT, T0, 'k');
    const fetched = { kind: 'metrics' as const, total: 3000, step: 500, of: 6, since: T0 };
    const fetching = withState(queued, 'fetching', T0 + 300_000, {
      fetched: { ...fetched, pages: 3, at: T0 + 300_000 },
      unansweredMs: 240_000,
    });
    expect(jobView(fetching, T0 + 300_000).detail).toBe(
      'The report is ready: reading its pages from Assembled. Each page is kept, so none is read twice. Assembled did not answer some requests in time: the pull has waited 4 min 00 s for answers that never came, and asks again.',
    );
    // Under a second is no wait to speak of.
    expect(jobView({ ...fetching, unansweredMs: 400 }, T0 + 300_000).detail).not.toMatch(/never came/);
    // Writing, it asks nothing again: its end says the wait.
    const writing = withState(fetching, 'writing', T0 + 310_000, {
      write: { done: 0, total: 3000, bodyRow: 2, since: T0 + 310_000, at: T0 + 310_000 },
    });
    expect(jobView(writing, T0 + 310_000).detail).not.toMatch(/never came/);
  });

  it('names each stage and what happens in it, with the time to the next check', () => {
    const queued = newJob('k', ANALYST, 'test-spreadsheet', REPORT, T0, 'k');
    expect(jobView(queued, T0)).toMatchObject({
      stage: 'Starting',
      detail: 'Asking Assembled to generate the report.',
      nextCheckInMs: 0,
    });
    const started = withState(queued, 'running', T0 + 1_000, { reportId: 'r1', nextPollAt: T0 + 11_000 });
    expect(jobView(started, T0 + 4_000)).toMatchObject({
      stage: 'Assembled is generating the report',
      detail: expect.stringMatching(/^Assembled has started the report/),
      nextCheckInMs: 7_000,
      estimatedLeftMs: null,
    });
    const checked = stillRunning(started, T0 + 11_000);
    expect(jobView(checked, T0 + 11_000).detail).toBe('Checked 1 time: not ready yet.');
    const fetched = { kind: 'metrics' as const, total: 3000, step: 500, of: 6, since: T0 + 20_000 };
    const fetching = withState(checked, 'fetching', T0 + 20_000, {
      fetched: { ...fetched, pages: 1, at: T0 + 20_000 },
    });
    // No pace yet after the first page: no estimate.
    expect(jobView(fetching, T0 + 20_000)).toMatchObject({
      stage: 'Fetching page 2 of 6',
      detail: expect.stringMatching(/^The report is ready: reading its pages/),
      estimatedLeftMs: null,
    });
    // Two more pages in 4 s: three to go, at 2 s a page.
    const further = withState(fetching, 'fetching', T0 + 24_000, {
      fetched: { ...fetched, pages: 3, at: T0 + 24_000 },
    });
    expect(jobView(further, T0 + 24_000)).toMatchObject({
      stage: 'Fetching page 4 of 6',
      estimatedLeftMs: 6_000,
    });
    const writing = withState(further, 'writing', T0 + 30_000, {
      write: { done: 4000, total: 10000, bodyRow: 2, since: T0 + 26_000, at: T0 + 30_000 },
    });
    expect(jobView(writing, T0 + 30_000)).toMatchObject({
      stage: 'Writing rows 4,001 of 10,000',
      detail: expect.stringMatching(/shows its old table until the last rows are in/),
      rows: 4000,
      estimatedLeftMs: 6_000,
      nextCheckInMs: 0,
    });
    // Every row in, the state not yet moved on: the last row, never one past it.
    const written = withState(writing, 'writing', T0 + 31_000, {
      write: { done: 10000, total: 10000, bodyRow: 2, since: T0 + 26_000, at: T0 + 31_000 },
    });
    expect(jobView(written, T0 + 31_000).stage).toBe('Writing rows 10,000 of 10,000');
    const allRead = withState(further, 'fetching', T0 + 25_000, {
      fetched: { ...fetched, pages: 6, at: T0 + 25_000 },
    });
    expect(jobView(allRead, T0 + 25_000).stage).toBe('Fetching page 6 of 6');
    const done = withState(writing, 'done', T0 + 31_000, { rows: 12, message: '12 rows written.' });
    expect(jobView(done, T0 + 99_000)).toMatchObject({
      stage: 'Done',
      detail: '12 rows written.',
      estimatedLeftMs: 0,
    });
  });

  it("times a failed request's retry as a try, and only a report being built as a check", () => {
    const queued = newJob('k', ANALYST, 'test-spreadsheet', REPORT, T0, 'k');
    const started = withState(queued, 'running', T0 + 1_000, { reportId: 'r1', nextPollAt: T0 + 11_000 });
    // Assembled is building the report: the add-on checks on it.
    expect(jobView(started, T0 + 4_000)).toMatchObject({ nextCheckInMs: 7_000, nextTryInMs: 0 });
    // A check that failed (a 504) is tried again: that is a try, as a push's is, whatever the state.
    const message =
      'Assembled had a server error (HTTP 504) while reading the report; try again in a few minutes.';
    const failedCheck = { ...started, errors: 1, nextPollAt: T0 + 23_000, message };
    expect(jobView(failedCheck, T0 + 11_000)).toMatchObject({
      stage: 'Waiting to try again',
      nextCheckInMs: 0,
      nextTryInMs: 12_000,
    });
    const failedStart = { ...queued, errors: 2, nextPollAt: T0 + 30_000, message };
    expect(jobView(failedStart, T0 + 10_000)).toMatchObject({ nextCheckInMs: 0, nextTryInMs: 20_000 });
  });
});

describe('the rows figure of a pull stopped or failed with none in its target', () => {
  const BIGQUERY = {
    kind: 'bigquery' as const,
    project: 'team-analytics',
    dataset: 'wfm',
    table: 'agent_states',
  };
  /** A pull of `spec` stopped while it loaded or wrote: `load` or `write` as it stood then. */
  const stopped = (spec: PullSpec, at: Partial<PullJob>, rows = 0) => {
    const job = newJob('k', ANALYST, 'test-spreadsheet', spec, T0, 'k');
    const writing = withState(job, 'writing', T0 + 60_000, at);
    const message = 'Stopped: nothing was written, and team-analytics.wfm.agent_states is as it was.';
    return jobView(
      withState(writing, 'failed', T0 + 90_000, { message, failure: STOPPED, rows }),
      T0 + 99_000,
    );
  };
  const load = (rows: number, more: Partial<LoadProgress> = {}) => ({
    load: { chunk: 3, rows, bytes: 1, ...more },
  });
  const write = (done: number) => ({ write: { done, total: 9000, bodyRow: 2, since: T0, at: T0 + 60_000 } });
  const bigQuery = (mode: PullSpec['mode']) => ({ ...REPORT, target: BIGQUERY, mode });

  // "Rows loaded" fell from "(67,451 so far)" to a bare "none" once a merge was stopped (QA).
  it('says the rows a merge or replace had loaded never reached the table, and a replace into a sheet its rows', () => {
    for (const mode of ['merge', 'replace'] as const)
      expect(stopped(bigQuery(mode), load(67_451)), mode).toMatchObject({
        rows: 0,
        rowsWords: 'none: the 67,451 so far never reached the table',
      });
    expect(stopped({ ...REPORT, mode: 'replace' }, write(4000))).toMatchObject({
      rows: 0,
      rowsWords: 'none: the 4,000 so far never reached the sheet',
    });
  });

  it('says nothing more where the count is the whole story, or what became of the rows is not known', () => {
    const plain = [
      // Its final statement begun: the rows may have gone in all the same.
      stopped(bigQuery('merge'), load(67_451, { staged: true })),
      // Nothing loaded yet, or an append's chunks: they stay in the table, and are counted.
      stopped(bigQuery('merge'), load(0)),
      stopped(bigQuery('append'), load(4000), 4000),
      // An append into a sheet keeps its rows written.
      stopped({ ...REPORT, mode: 'append' }, write(4000), 4000),
    ];
    for (const view of plain) expect(view.rowsWords).toBeUndefined();
    // Running, the count so far is the figure.
    const job = newJob('k', ANALYST, 'test-spreadsheet', bigQuery('merge'), T0, 'k');
    expect(jobView(withState(job, 'writing', T0 + 60_000, load(67_451)), T0 + 61_000)).not.toHaveProperty(
      'rowsWords',
    );
  });
});

describe("a pull waiting out Assembled's rate limit", () => {
  it('says when it tries again, at the Retry-After, at any stage, a report being checked on too', () => {
    const message =
      "Assembled's rate limit was hit while reading the report and the add-on's retries ran out for now; wait a minute and try again.";
    const queued = newJob('k', ANALYST, 'test-spreadsheet', REPORT, T0, 'k');
    const refused = { ...queued, limitedSince: T0, nextPollAt: T0 + 2_000, message };
    expect(jobView(refused, T0)).toMatchObject({
      stage: 'Waiting to try again',
      detail: expect.stringMatching(/waits its turn and tries again\.$/),
      nextCheckInMs: 0,
      nextTryInMs: 2_000,
    });
    const started = withState(queued, 'running', T0 + 1_000, { reportId: 'r1', nextPollAt: T0 + 11_000 });
    const checkRefused = { ...started, limitedSince: T0 + 11_000, nextPollAt: T0 + 12_000, message };
    expect(jobView(checkRefused, T0 + 11_000)).toMatchObject({ nextCheckInMs: 0, nextTryInMs: 1_000 });
  });
});

// Ticket stats over 7 queues, one report each (queue-parts.ts): the time left is told from the
// first report in. Once it counted the report under way's time into the average of those in, so it
// rose with every check, by a minute at the start of a report.
describe('the time left of a pull asked as several reports', () => {
  const TICKETS: PullSpec = {
    ...REPORT,
    source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
  };
  const queues = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'];
  /** The estimate every 2 s from the first report in, the reports ending at `ends` (s from T0). */
  const estimates = (ends: number[]) => {
    const job = {
      ...newJob('k', ANALYST, 'test-spreadsheet', TICKETS, T0, 'k'),
      state: 'running' as const,
      queues,
    };
    const seen: { t: number; left: number | null }[] = [];
    for (let t = ends[0] ?? 0; t < (ends.at(-1) ?? 0); t += 2) {
      const part = ends.filter((end) => end <= t).length;
      const now = withState(job, 'running', T0 + t * 1000, {
        part,
        partSince: T0 + (ends[part - 1] ?? 0) * 1000,
      });
      seen.push({ t, left: jobView(now, T0 + t * 1000).estimatedLeftMs });
    }
    return seen;
  };

  it('counts down smoothly across the reports when they take the same time', () => {
    const seen = estimates([26, 52, 78, 104, 130, 156, 182]);
    expect(seen.map(({ t, left }) => [t, left])).toEqual(seen.map(({ t }) => [t, (182 - t) * 1000]));
  });

  it('rises, once in, for a report much slower than those before it, and holds meanwhile', () => {
    // Report 3 takes 60 s, not 26.
    const seen = estimates([26, 52, 112, 138, 164, 190, 216]);
    const left = (t: number) => seen.find((s) => s.t === t)?.left;
    // 26 s into it, the four reports after it at 26 s each; and so still 40 s later.
    expect([left(78), left(110)]).toEqual([104_000, 104_000]);
    // In at 112 s, three reports took 37.3 s each: four more of them.
    expect(left(112)).toBe(149_333);
  });
});

describe('the Range list', () => {
  it('offers ranges ahead beside those behind, for schedules and coverage, N days back last', () => {
    expect(catalogueChoices().presets.map((p) => p.label)).toEqual([
      'Today',
      'Yesterday',
      'Tomorrow',
      'Last 7 days',
      'Last week (Mon–Sun)',
      'Week to date',
      'This week (Mon–Sun)',
      'Next week (Mon–Sun)',
      'Last month',
      'Month to date',
      'Last quarter',
      'Custom: N days back',
    ]);
  });
});
