// The BigQuery destination's core: column names and types, schema changes, and a load that
// stops at its budget and resumes without sending a chunk twice.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { abandonLoad, type LoadProgress, loadTable } from '../../src/core/bigquery/load-table';
import { columnName, compareSchema, mapColumns } from '../../src/core/bigquery/schema';
import { type JobInfo, type Warehouse, WarehouseError } from '../../src/core/bigquery/warehouse';
import { WaitTooLong } from '../../src/core/ports';
import { buildTable } from '../../src/core/table/build-table';

const zone = intlZone('America/New_York');

function records(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    agent_id: `a${i}`,
    start_time: Date.parse('2026-05-01T00:00:00Z') + i * 60_000,
    handled: i,
    ratio: i / 3,
    teams: ['Tier 1', 'Tier 2'],
  }));
}

/** A warehouse that remembers jobs by id, as BigQuery does; every call costs a second. */
function stubWarehouse() {
  let now = 0;
  const jobs = new Map<string, { configuration: object; data?: string }>();
  const sent: string[] = [];
  const w: Warehouse = {
    chunkRows: 10,
    table: () => null,
    ensureDataset: () => undefined,
    createTable: () => undefined,
    patchSchema: () => undefined,
    describeTable: () => undefined,
    startJob(_p, id, configuration, data): JobInfo {
      now += 1000;
      if (!jobs.has(id)) {
        sent.push(id);
        jobs.set(id, { configuration, ...(data === undefined ? {} : { data }) });
      }
      return { done: true };
    },
    job: () => ({ done: true }),
    cancelJob: () => ({ done: true }),
    dropTable: () => undefined,
    sleep: (ms) => {
      now += ms;
    },
  };
  const clock = {
    now: () => now,
    sleep: (ms: number) => {
      now += ms;
    },
  };
  return { w, sent, jobs, clock };
}

/** An append into p.d.t, as one pull run. */
const appendTarget = (run: { key: string[]; runId: string }) => ({
  projectId: 'p',
  datasetId: 'd',
  tableId: 't',
  mode: 'append' as const,
  ...run,
});

describe('BigQuery destination (core)', () => {
  it('makes column names valid and unique, the original kept as the description', () => {
    expect(columnName('handle time (seconds)')).toBe('handle_time_seconds');
    expect(columnName('1st reply')).toBe('_1st_reply');
    expect(columnName('café.name')).toBe('cafe_name');
    const table = buildTable([{ 'a b': 1, a_b: 'x', 'agent.name': 'Ann' }], zone);
    const fields = mapColumns(table, new Set()).map((m) => m.field);
    expect(fields.map((f) => f.name).sort()).toEqual(['a_b', 'a_b_2', 'agent_name']);
    expect(fields.find((f) => f.description === 'a b')).toMatchObject({ name: 'a_b', type: 'INT64' });
    expect(fields.find((f) => f.description === 'a_b')).toMatchObject({ name: 'a_b_2', type: 'STRING' });
  });

  it('types columns from the table model: TIMESTAMP, INT64, FLOAT64, lists REPEATED', () => {
    const recs = records(3);
    const fields = mapColumns(buildTable(recs, zone), new Set(['teams'])).map((m) => m.field);
    expect(Object.fromEntries(fields.map((f) => [f.name, `${f.type}/${f.mode}`]))).toEqual({
      agent_id: 'STRING/NULLABLE',
      start_time: 'TIMESTAMP/NULLABLE',
      handled: 'INT64/NULLABLE',
      ratio: 'FLOAT64/NULLABLE',
      teams: 'STRING/REPEATED',
    });
  });

  it('adds new columns, lets whole numbers into FLOAT64, refuses a changed type', () => {
    const mapped = mapColumns(buildTable(records(3), zone), new Set(['teams']));
    const existing = [
      { name: 'agent_id', type: 'STRING' },
      { name: 'handled', type: 'FLOAT' },
      { name: 'ratio', type: 'INT64' },
    ];
    const compared = compareSchema(existing, mapped, 'p.d.t');
    expect(compared.added.map((f) => f.name)).toEqual(['start_time', 'teams']);
    expect(compared.problems).toEqual([
      'column ratio is INT64 in p.d.t but the source now gives FLOAT64: load into a new table, or change the column in BigQuery',
    ]);
  });

  it('stops at its budget and resumes at the next chunk; a chunk already sent is the same job', () => {
    const { w, sent, clock } = stubWarehouse();
    const recs = records(45);
    const table = buildTable(recs, zone);
    const target = appendTarget({ key: ['agent_id'], runId: 'run-1' });
    const saved: LoadProgress[] = [];
    const deps = { clock, zone, save: (p: LoadProgress) => saved.push(p), budgetMs: 2_500 };
    let progress = loadTable(w, target, table, recs, deps);
    expect(progress.finished).toBeUndefined();
    expect(progress.chunk).toBeGreaterThan(0);
    // A later execution that lost its last save sends the previous chunk again: the same id.
    progress = loadTable(w, target, table, recs, deps, {
      ...progress,
      chunk: progress.chunk - 1,
      rows: progress.rows - 10,
    });
    while (!progress.finished) progress = loadTable(w, target, table, recs, deps, progress);
    expect(sent).toEqual(['c0', 'c1', 'c2', 'c3', 'c4'].map((c) => `assembled_run-1_${c}`));
    expect(progress).toMatchObject({ chunk: 5, rows: 45, finished: true });
  });

  it('records that it made the table before making it, and keeps the record through the load', () => {
    const { w, clock } = stubWarehouse();
    const recs = records(25);
    const table = buildTable(recs, zone);
    const saved: LoadProgress[] = [];
    w.createTable = () => {
      // A kill here leaves the record saved: the run that ends it drops the table (abandonLoad).
      expect(saved.at(-1)).toMatchObject({ chunk: 0, created: true });
    };
    const deps = { clock, zone, save: (p: LoadProgress) => saved.push(p) };
    const target = appendTarget({ key: ['agent_id'], runId: 'new' });
    expect(loadTable(w, target, table, recs, deps)).toMatchObject({
      rows: 25,
      finished: true,
      created: true,
    });
    expect(saved.every((p) => p.created)).toBe(true);
  });

  it('waits out a transient error; one outlasting the execution leaves the rest to the next', () => {
    const { w, sent, clock } = stubWarehouse();
    const recs = records(30);
    const table = buildTable(recs, zone);
    const target = appendTarget({ key: [], runId: 'r' });
    const saved: LoadProgress[] = [];
    // BigQuery answers 503 from the second chunk on, for as long as `down` says.
    let down = 0;
    const start = w.startJob;
    w.startJob = (...args) => {
      if (!args[1].endsWith('_c0') && down-- > 0)
        throw new WarehouseError('Error encountered during execution. Retrying may solve the problem.', 503);
      return start(...args);
    };
    // This execution has 10 s of waiting left: a longer wait is refused, as gasClock refuses it.
    let left = 10_000;
    const execution = {
      now: clock.now,
      sleep: (ms: number) => {
        if (ms > left) throw new WaitTooLong(ms);
        left -= ms;
        clock.sleep(ms);
      },
    };
    const deps = { clock: execution, zone, save: (p: LoadProgress) => saved.push(p) };
    down = 2;
    let progress = loadTable(w, target, table, recs, deps);
    expect(progress).toMatchObject({ chunk: 3, rows: 30, finished: true });
    expect(left).toBe(10_000 - 1_000 - 2_000);
    // Down for longer than the 7 s left: the chunks loaded so far stand, the rest waits.
    down = 10;
    progress = loadTable(w, { ...target, runId: 's' }, table, recs, deps);
    expect(progress).toEqual({ chunk: 1, rows: 10, bytes: expect.any(Number), total: 30, created: true });
    expect(saved.at(-1)).toEqual(progress);
    // The next execution goes on from there (the outage over); chunk 1 is not sent twice.
    down = 0;
    left = 10_000;
    progress = loadTable(w, { ...target, runId: 's' }, table, recs, deps, progress);
    expect(progress).toMatchObject({ chunk: 3, rows: 30, finished: true });
    expect(sent.filter((id) => id.startsWith('assembled_s_'))).toEqual(
      ['c0', 'c1', 'c2'].map((c) => `assembled_s_${c}`),
    );
  });

  it('a run ended mid-load drops its staging once the job it cancelled has ended, even one the cancel came too late for', () => {
    const { w, clock } = stubWarehouse();
    const events: string[] = [];
    // The merge's chunk 2 runs 3 s more whatever the cancel says, and makes the staging table as it ends.
    const endsAt = clock.now() + 3_000;
    w.cancelJob = (_p, id) => {
      events.push(`cancel ${id}`);
      if (id.endsWith('_c2')) return { done: false };
      throw new WarehouseError(`Not found: Job p:${id}`, 404);
    };
    w.job = () => {
      const done = clock.now() >= endsAt;
      if (done && !events.includes('staging made')) events.push('staging made');
      return { done };
    };
    w.dropTable = (ref) => {
      events.push(`drop ${ref.tableId}`);
    };
    const target = { projectId: 'p', datasetId: 'd', tableId: 't', mode: 'merge' as const, runId: 'r' };
    // The chunk ended all the same (into staging); the merge never started.
    expect(abandonLoad(w, clock, target, { chunk: 2, rows: 80 })).toEqual({
      chunk: { landed: true },
      final: { landed: false },
    });
    expect(events).toEqual([
      'cancel assembled_r_c2',
      'cancel assembled_r_merge',
      'staging made',
      'drop _staging_r',
    ]);
    // BigQuery not answering the cancel or the polls: the drop is still tried, nothing thrown.
    events.length = 0;
    w.cancelJob = () => ({ done: false });
    w.job = () => {
      throw new WarehouseError('Error encountered during execution. Retrying may solve the problem.', 503);
    };
    // What the jobs did is not known.
    expect(abandonLoad(w, clock, target, { chunk: 2, rows: 80 })).toEqual({ chunk: {}, final: {} });
    expect(events).toEqual(['drop _staging_r']);
  });
});
