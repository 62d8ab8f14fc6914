// What a pull from the sidebar says of its target when Assembled's failures end it.
import { describe, expect, it } from 'vitest';
import { newJob, type PullJob } from '../../src/core/jobs/pull-job';
import { gaveUpWords, rowsLeft } from '../../src/core/pull/failed-words';
import type { PullSpec } from '../../src/core/pull/pull-spec';

const spec = (mode: PullSpec['mode']): PullSpec => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_week' },
  filters: {},
  target: { kind: 'sheet', name: 'Adherence' },
  mode,
});
const owner = { id: 'id-analyst-0001', email: 'analyst@example.com' };
/** A job cut short while writing, 500 of its 700 rows in. */
const writing = (mode: PullSpec['mode']): PullJob => ({
  ...newJob('job-1', owner, 'sheet-1', spec(mode), 0, 'key-1'),
  sheetId: 3,
  state: 'writing',
  write: { done: 500, total: 700, bodyRow: 40, since: 0, at: 0 },
});
const serverError =
  'Assembled had a server error (HTTP 503) while reading people; try again in a few minutes.';

describe('gaveUpWords', () => {
  it('says the rows an append or merge wrote stay, none twice, and that pulling again writes the rest', () => {
    for (const mode of ['append', 'merge'] as const) {
      expect(rowsLeft(writing(mode))).toBe(500);
      expect(gaveUpWords(writing(mode), serverError)).toBe(
        '500 rows were written to "Adherence" before then and stay there, none of them twice; pulling again writes the rest without doubling a row. Try again in a few minutes.',
      );
    }
  });

  it('says a replace wrote nothing, its rows being staged apart from the sheet until its end', () => {
    expect(rowsLeft(writing('replace'))).toBe(0);
    expect(gaveUpWords(writing('replace'), serverError)).toBe(
      'Nothing was written: "Adherence" still holds what it held before this pull. Try again in a few minutes.',
    );
  });

  it('names a BigQuery table as BigQuery table "…", the word outside the quotes', () => {
    const target = {
      kind: 'bigquery',
      project: 'workbench-demo',
      dataset: 'assembled',
      table: 'adherence_daily',
    } as const;
    const job = { ...writing('merge'), spec: { ...spec('merge'), target }, state: 'queued' as const };
    expect(gaveUpWords(job, serverError)).toBe(
      'Nothing was loaded into BigQuery table "workbench-demo.assembled.adherence_daily". Try again in a few minutes.',
    );
  });

  it("gives Assembled's own advice: a rate limit's wait, a connection to check", () => {
    const job = { ...writing('append'), state: 'queued' as const };
    expect(
      gaveUpWords(
        job,
        "Assembled's rate limit was hit while starting the report and the add-on's retries ran out for now; wait a minute and try again.",
      ),
    ).toBe(
      'Nothing was written: "Adherence" still holds what it held before this pull. Wait a minute and try again.',
    );
    expect(
      gaveUpWords(
        job,
        'Could not reach Assembled while starting the report: no response arrived. Check the connection and try again.',
      ),
    ).toMatch(/ Check the connection and try again\.$/);
  });
});
