// The BigQuery advanced service fake: REST v2 shapes and errors, a real SQL engine, scopes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../dev/gas/index.js';
import { fixture, runtimeFor } from './fixture.js';

// Calls BigQuery.<Collection>.<method>(...args); a string `blob` argument becomes a Blob.
const CODE = `
function bq(name, args, blob) {
  var parts = name.split('.');
  var all = args.slice();
  if (blob !== undefined) all.push(Utilities.newBlob(blob, 'application/octet-stream'));
  try {
    return { value: BigQuery[parts[0]][parts[1]].apply(BigQuery[parts[0]], all) };
  } catch (e) {
    return { error: { name: e.name, message: e.message, details: e.details || null } };
  }
}
function consent(scopes) { ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, scopes); }
function hasBigQuery() { return typeof BigQuery !== 'undefined'; }
`;

const P = 'team-analytics';
const ndjson = (rows: (object | undefined)[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const SCHEMA = [
  { name: 'agent_id', type: 'STRING', mode: 'NULLABLE' },
  { name: 'start_time', type: 'TIMESTAMP', description: 'start time' },
  { name: 'minutes', type: 'INT64' },
  { name: 'tags', type: 'STRING', mode: 'REPEATED' },
];

// biome-ignore lint/suspicious/noExplicitAny: REST resources are read field by field in assertions
type Rest = any;
type Reply = { value?: Rest; error?: { name: string; message: string; details: Rest } };

function runtime() {
  const rt = runtimeFor(CODE);
  rt.bigquery.addProject(P);
  const call = (name: string, args: unknown[], blob?: string) => {
    const r = rt.run('bq', name, args, blob);
    if (r.error) throw new Error(r.error.message);
    return r.value as Reply;
  };
  call('Datasets.insert', [{ datasetReference: { projectId: P, datasetId: 'wfm' } }, P]);
  return { rt, call };
}

const loadJob = (jobId: string, extra: object = {}) => ({
  jobReference: { projectId: P, jobId },
  configuration: {
    load: {
      destinationTable: { projectId: P, datasetId: 'wfm', tableId: 'states' },
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      schema: { fields: SCHEMA },
      timePartitioning: { type: 'DAY', field: 'start_time' },
      clustering: { fields: ['agent_id'] },
      ...extra,
    },
  },
});

const ROWS: Record<string, unknown>[] = [
  { agent_id: 'a1', start_time: '2026-05-01T09:00:00Z', minutes: 30, tags: ['phone'] },
  { agent_id: 'a2', start_time: '2026-05-01 10:00:00 UTC', minutes: 15, tags: [] },
];

describe('BigQuery advanced service (local fake)', () => {
  it('loads NDJSON into a partitioned, clustered table; the job is RUNNING, then DONE', () => {
    const { rt, call } = runtime();
    const job = call('Jobs.insert', [loadJob('pull-1-c0'), P], ndjson(ROWS)).value;
    expect(job.jobReference).toEqual({ projectId: P, jobId: 'pull-1-c0', location: 'US' });
    expect(job.status.state).toBe('RUNNING');
    rt.clock.advance(5_000);
    const done = call('Jobs.get', [P, 'pull-1-c0']).value;
    expect(done.status).toEqual({ state: 'DONE' });
    expect(done.statistics.load.outputRows).toBe('2');
    const table = call('Tables.get', [P, 'wfm', 'states']).value;
    expect(table.numRows).toBe('2');
    expect(table.timePartitioning).toEqual({ type: 'DAY', field: 'start_time' });
    expect(table.clustering).toEqual({ fields: ['agent_id'] });
    expect(table.schema.fields[1]).toMatchObject({ name: 'start_time', description: 'start time' });
    expect(rt.bigquery.rows(P, 'wfm', 'states', 'agent_id')).toEqual([
      { agent_id: 'a1', start_time: Date.parse('2026-05-01T09:00:00Z'), minutes: 30, tags: ['phone'] },
      { agent_id: 'a2', start_time: Date.parse('2026-05-01T10:00:00Z'), minutes: 15, tags: [] },
    ]);
  });

  it('a load job is atomic: its table and rows appear only once the job is DONE', () => {
    const { rt, call } = runtime();
    call('Jobs.insert', [loadJob('first'), P], ndjson(ROWS));
    // Created by the load (CREATE_IF_NEEDED): not there until the job completes.
    expect(call('Tables.get', [P, 'wfm', 'states']).error?.details.code).toBe(404);
    rt.clock.advance(5_000);
    call('Jobs.insert', [loadJob('second'), P], ndjson([ROWS[0]]));
    const count = () =>
      call('Jobs.query', [{ query: `SELECT count(*) FROM \`${P}.wfm.states\``, useLegacySql: false }, P])
        .value.rows[0].f[0].v;
    expect(call('Jobs.get', [P, 'second']).value.status).toEqual({ state: 'RUNNING' });
    expect(count()).toBe('2');
    expect(call('Tables.get', [P, 'wfm', 'states']).value.numRows).toBe('2');
    rt.clock.advance(5_000);
    expect(call('Jobs.get', [P, 'second']).value.status).toEqual({ state: 'DONE' });
    expect(count()).toBe('3');
  });

  it('Jobs.cancel answers at once; a load it reaches ends DONE stopped, its table and rows never there', () => {
    const { rt, call } = runtime();
    // A busy project: a load takes a minute on BigQuery's side.
    rt.bigquery.jobMs.base = 60_000;
    call('Jobs.insert', [loadJob('slow'), P], ndjson(ROWS));
    const answer = call('Jobs.cancel', [P, 'slow']).value;
    expect(answer.kind).toBe('bigquery#jobCancelResponse');
    expect(answer.job.status).toEqual({ state: 'RUNNING' });
    rt.clock.advance(1_000);
    const stopped = {
      reason: 'stopped',
      message: 'Job execution was cancelled: User requested cancellation',
    };
    expect(call('Jobs.get', [P, 'slow']).value.status).toEqual({
      state: 'DONE',
      errorResult: stopped,
      errors: [stopped],
    });
    rt.clock.advance(60_000);
    expect(call('Tables.get', [P, 'wfm', 'states']).error?.details.code).toBe(404);
    // Cancelled too late (the job ends first), or once DONE: the job ends as it would have.
    rt.bigquery.jobMs.base = 1_000;
    call('Jobs.insert', [loadJob('quick'), P], ndjson(ROWS));
    rt.clock.advance(500);
    expect(call('Jobs.cancel', [P, 'quick']).value.job.status).toEqual({ state: 'RUNNING' });
    rt.clock.advance(1_000);
    expect(call('Jobs.cancel', [P, 'quick']).value.job.status).toEqual({ state: 'DONE' });
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toHaveLength(2);
    expect(call('Jobs.cancel', [P, 'none']).error?.message).toBe(
      `API call to bigquery.jobs.cancel failed with error: Not found: Job ${P}:none`,
    );
  });

  it('a second insert with the same job id is refused as BigQuery does, and loads nothing', () => {
    const { rt, call } = runtime();
    call('Jobs.insert', [loadJob('pull-1-c0'), P], ndjson(ROWS));
    const again = call('Jobs.insert', [loadJob('pull-1-c0'), P], ndjson(ROWS));
    rt.clock.advance(5_000);
    expect(again.error?.name).toBe('GoogleJsonResponseException');
    expect(again.error?.message).toBe(
      `API call to bigquery.jobs.insert failed with error: Already Exists: Job ${P}:US.pull-1-c0`,
    );
    expect(again.error?.details).toMatchObject({ code: 409 });
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toHaveLength(2);
  });

  it('adds a column only with ALLOW_FIELD_ADDITION, refuses a changed type, and truncates', () => {
    const { rt, call } = runtime();
    call('Jobs.insert', [loadJob('j0'), P], ndjson(ROWS));
    rt.clock.advance(5_000);
    const wider = { fields: [...SCHEMA, { name: 'site', type: 'STRING' }] };
    const refused = call('Jobs.insert', [loadJob('j1', { schema: wider }), P], ndjson(ROWS)).value;
    rt.clock.advance(5_000);
    expect(call('Jobs.get', [P, refused.jobReference.jobId]).value.status.errorResult.message).toBe(
      `Provided Schema does not match Table ${P}:wfm.states. Cannot add fields (field: site)`,
    );
    call(
      'Jobs.insert',
      [loadJob('j2', { schema: wider, schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'] }), P],
      ndjson([{ ...ROWS[0], site: 'Lisbon' }]),
    );
    rt.clock.advance(5_000);
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toHaveLength(3);
    const changed = { fields: SCHEMA.map((f) => (f.name === 'minutes' ? { ...f, type: 'STRING' } : f)) };
    call('Jobs.insert', [loadJob('j3', { schema: changed }), P], ndjson(ROWS));
    rt.clock.advance(5_000);
    expect(call('Jobs.get', [P, 'j3']).value.status.errorResult.message).toBe(
      `Provided Schema does not match Table ${P}:wfm.states. Field minutes has changed type from INT64 to STRING`,
    );
    call('Jobs.insert', [loadJob('j4', { writeDisposition: 'WRITE_TRUNCATE' }), P], ndjson([ROWS[1]]));
    rt.clock.advance(5_000);
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toMatchObject([{ agent_id: 'a2', site: null }]);
  });

  it('a bad row fails the whole load job with BigQuery error text, loading nothing', () => {
    const { rt, call } = runtime();
    const bad = [ROWS[0], { ...ROWS[1], minutes: 'soon' }, { agent_id: 'a3', shoe_size: 9 }];
    call('Jobs.insert', [loadJob('bad'), P], ndjson(bad));
    rt.clock.advance(5_000);
    const status = call('Jobs.get', [P, 'bad']).value.status;
    expect(status.state).toBe('DONE');
    expect(status.errorResult.message).toBe(
      'Error while reading data, error message: JSON table encountered too many errors, giving up. Rows: 3; errors: 2. Please look into the errors[] collection for more details.',
    );
    expect(status.errors[1].message).toMatch(/position \d+: Could not convert value 'soon' to integer/);
    expect(status.errors[2].message).toMatch(/No such field: shoe_size\./);
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toEqual([]);
  });

  it('runs standard SQL with backquoted names: MERGE, then a query in REST row shape', () => {
    const { rt, call } = runtime();
    call('Jobs.insert', [loadJob('j0'), P], ndjson(ROWS));
    const stage = loadJob('j1');
    stage.configuration.load.destinationTable.tableId = 'stage';
    call(
      'Jobs.insert',
      [stage, P],
      ndjson([
        { ...ROWS[0], minutes: 45 },
        { agent_id: 'a9', minutes: 1 },
      ]),
    );
    rt.clock.advance(5_000);
    const merge = `MERGE \`${P}.wfm.states\` T USING \`${P}.wfm.stage\` S ON T.agent_id = S.agent_id
      WHEN MATCHED THEN UPDATE SET minutes = S.minutes
      WHEN NOT MATCHED THEN INSERT (agent_id, minutes) VALUES (S.agent_id, S.minutes)`;
    const job = call('Jobs.insert', [
      { configuration: { query: { query: merge, useLegacySql: false } } },
      P,
    ]).value;
    rt.clock.advance(5_000);
    const done = call('Jobs.get', [P, job.jobReference.jobId]).value;
    expect(done.status).toEqual({ state: 'DONE' });
    expect(done.statistics.query.numDmlAffectedRows).toBe('2');
    const result = call('Jobs.query', [
      {
        query: `SELECT agent_id, minutes, start_time FROM \`${P}.wfm.states\` ORDER BY agent_id`,
        useLegacySql: false,
      },
      P,
    ]).value;
    expect(result.jobComplete).toBe(true);
    expect(result.schema.fields.map((f: { type: string }) => f.type)).toEqual([
      'STRING',
      'INTEGER',
      'TIMESTAMP',
    ]);
    expect(result.rows).toEqual([
      { f: [{ v: 'a1' }, { v: '45' }, { v: '1.777626E9' }] },
      { f: [{ v: 'a2' }, { v: '15' }, { v: '1.7776296E9' }] },
      { f: [{ v: 'a9' }, { v: '1' }, { v: null }] },
    ]);
    // Two source rows for one target row: BigQuery refuses the MERGE (DuckDB alone would not).
    call(
      'Jobs.insert',
      [{ ...stage, jobReference: { projectId: P, jobId: 'j2' } }, P],
      ndjson([{ agent_id: 'a1' }]),
    );
    rt.clock.advance(5_000);
    const twice = call('Jobs.query', [{ query: merge, useLegacySql: false }, P]);
    expect(twice.error?.message).toBe(
      'API call to bigquery.jobs.query failed with error: UPDATE/MERGE must match at most one source row for each target row',
    );
    // As in the console: `dataset.table` or `project.dataset.table` unquoted, dashes and all.
    const unquoted = `SELECT count(*) FROM wfm.states WHERE agent_id IN (SELECT agent_id FROM ${P}.wfm.states)`;
    expect(call('Jobs.query', [{ query: unquoted, useLegacySql: false }, P]).value.rows).toEqual([
      { f: [{ v: '3' }] },
    ]);
    const legacy = call('Jobs.query', [{ query: 'SELECT 1' }, P]);
    expect(legacy.error?.message).toMatch(/useLegacySql: false/);
  });

  it("a table's lastModifiedTime changes when a statement writes it, not when one reads it", () => {
    const { rt, call } = runtime();
    call('Jobs.insert', [loadJob('j0'), P], ndjson(ROWS));
    const stage = loadJob('j1');
    stage.configuration.load.destinationTable.tableId = 'stage';
    call('Jobs.insert', [stage, P], ndjson([{ agent_id: 'a9', minutes: 1 }]));
    rt.clock.advance(5_000);
    const modified = (table: string) => Number(call('Tables.get', [P, 'wfm', table]).value.lastModifiedTime);
    const loaded = { states: modified('states'), stage: modified('stage') };
    const query = (sql: string) => call('Jobs.query', [{ query: sql, useLegacySql: false }, P]).value;
    // Read, as the workbench's query box does: both keep their time.
    rt.clock.advance(60_000);
    expect(query(`SELECT COUNT(*) FROM \`${P}.wfm.states\``).rows).toEqual([{ f: [{ v: '2' }] }]);
    query(`SELECT agent_id FROM wfm.stage WHERE agent_id IN (SELECT agent_id FROM \`${P}.wfm.states\`)`);
    expect({ states: modified('states'), stage: modified('stage') }).toEqual(loaded);
    // A MERGE writes its target alone; the table it reads from keeps its time.
    rt.clock.advance(60_000);
    const merged = rt.clock.now();
    query(`MERGE \`${P}.wfm.states\` T USING \`${P}.wfm.stage\` S ON T.agent_id = S.agent_id
      WHEN NOT MATCHED THEN INSERT (agent_id, minutes) VALUES (S.agent_id, S.minutes)`);
    expect(modified('states')).toBeGreaterThanOrEqual(merged);
    expect(modified('stage')).toBe(loaded.stage);
    // So does a DELETE, its table named unquoted.
    rt.clock.advance(60_000);
    const deleted = rt.clock.now();
    expect(query('DELETE FROM wfm.stage WHERE TRUE').numDmlAffectedRows).toBe('1');
    expect(modified('stage')).toBeGreaterThanOrEqual(deleted);
  });

  it("a query overwriting a table must name the table's partitioning and clustering, as BigQuery refuses another", () => {
    const { rt, call } = runtime();
    call('Jobs.insert', [loadJob('j0'), P], ndjson(ROWS));
    const stage = loadJob('j1');
    stage.configuration.load.destinationTable.tableId = 'stage';
    call('Jobs.insert', [stage, P], ndjson([ROWS[0]]));
    rt.clock.advance(5_000);
    const overwrite = (jobId: string, layout: object) => {
      call('Jobs.insert', [
        {
          jobReference: { projectId: P, jobId },
          configuration: {
            query: {
              query: `SELECT * FROM \`${P}.wfm.stage\``,
              useLegacySql: false,
              destinationTable: { projectId: P, datasetId: 'wfm', tableId: 'states' },
              writeDisposition: 'WRITE_TRUNCATE',
              ...layout,
            },
          },
        },
        P,
      ]);
      rt.clock.advance(5_000);
      return call('Jobs.get', [P, jobId]).value;
    };
    const bare = overwrite('q1', {});
    expect(bare.status.errorResult.message).toBe(
      'Incompatible table partitioning specification. Expects partitioning specification interval(type:day,field:start_time) clustering(agent_id), but input partitioning specification is none',
    );
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toHaveLength(2);
    const same = overwrite('q2', {
      timePartitioning: { type: 'DAY', field: 'start_time' },
      clustering: { fields: ['agent_id'] },
    });
    expect(same.status.errorResult).toBeUndefined();
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toHaveLength(1);
  });

  it('counts numBytes and bytes processed from the rows, the same whether a load, MERGE or INSERT put them there', () => {
    const { rt, call } = runtime();
    call('Jobs.insert', [loadJob('j0'), P], ndjson(ROWS));
    for (const tableId of ['merged', 'inserted'])
      call('Tables.insert', [
        { tableReference: { projectId: P, datasetId: 'wfm', tableId }, schema: { fields: SCHEMA } },
        P,
        'wfm',
      ]);
    rt.clock.advance(5_000);
    const cols = SCHEMA.map((f) => f.name).join(', ');
    const dml = [
      `MERGE \`${P}.wfm.merged\` T USING \`${P}.wfm.states\` S ON T.agent_id = S.agent_id
        WHEN NOT MATCHED THEN INSERT (${cols}) VALUES (${SCHEMA.map((f) => `S.${f.name}`).join(', ')})`,
      `INSERT INTO \`${P}.wfm.inserted\` (${cols}) SELECT ${cols} FROM \`${P}.wfm.states\``,
    ];
    for (const query of dml) call('Jobs.query', [{ query, useLegacySql: false }, P]);
    // BigQuery's data sizes: a1, phone (2 + UTF-8 bytes each), a timestamp and an INT64 (8 each),
    // and a2's row the same without a tag: 4 + 8 + 8 + 7 = 27, 4 + 8 + 8 + 0 = 20.
    for (const tableId of ['states', 'merged', 'inserted']) {
      expect(call('Tables.get', [P, 'wfm', tableId]).value.numBytes, tableId).toBe('47');
      const read = call('Jobs.query', [
        { query: `SELECT * FROM \`${P}.wfm.${tableId}\``, useLegacySql: false },
        P,
      ]);
      expect(read.value.totalBytesProcessed, tableId).toBe('47');
    }
  });

  it("injects BigQuery's transient errors; a lost answer's job exists, and its retry is a 409", () => {
    const { rt, call } = runtime();
    rt.bigquery.faults.set({ backendErrors: 1, unavailable: 1, rateLimits: 1, lostWrites: 1 });
    const first = call('Datasets.list', [P]).error;
    expect(first?.name).toBe('GoogleJsonResponseException');
    expect(first?.message).toMatch(
      /^API call to bigquery\.datasets\.list failed with error: An internal error/,
    );
    expect(first?.details).toMatchObject({ code: 500, errors: [{ reason: 'backendError' }] });
    expect(call('Datasets.list', [P]).error?.details).toMatchObject({
      code: 503,
      errors: [{ reason: 'backendError' }],
    });
    expect(call('Datasets.list', [P]).error?.details).toMatchObject({
      code: 403,
      errors: [{ reason: 'rateLimitExceeded' }],
    });
    // The insert happens; its answer is a 503. Sent again, the same id is the same job.
    expect(call('Jobs.insert', [loadJob('lost'), P], ndjson(ROWS)).error?.details.code).toBe(503);
    expect(call('Jobs.insert', [loadJob('lost'), P], ndjson(ROWS)).error?.details.code).toBe(409);
    rt.clock.advance(5_000);
    expect(call('Jobs.get', [P, 'lost']).value.status).toEqual({ state: 'DONE' });
    expect(rt.bigquery.rows(P, 'wfm', 'states')).toHaveLength(2);
    expect(rt.bigquery.faults.injected).toBe(4);
    // A share of calls at random, the same ones for the same seed.
    const outcomes = () => {
      rt.bigquery.faults.set({ errorRate: 0.5, seed: 7 });
      return Array.from({ length: 12 }, () => call('Datasets.list', [P]).error?.details.code ?? 200);
    };
    const once = outcomes();
    expect(once.filter((c) => c !== 200).length).toBeGreaterThan(2);
    expect(once.filter((c) => c === 200).length).toBeGreaterThan(2);
    expect(outcomes()).toEqual(once);
  });

  it('names what is missing: project, dataset, table, job', () => {
    const { call } = runtime();
    expect(call('Tables.get', [P, 'wfm', 'nope']).error?.message).toBe(
      `API call to bigquery.tables.get failed with error: Not found: Table ${P}:wfm.nope`,
    );
    expect(call('Datasets.get', ['other', 'wfm']).error?.message).toMatch(/Not found: Project other$/);
    expect(call('Jobs.get', [P, 'none']).error?.details.code).toBe(404);
    expect(call('Datasets.insert', [{ datasetReference: { datasetId: 'wfm' } }, P]).error?.message).toMatch(
      /Already Exists: Dataset team-analytics:wfm$/,
    );
  });

  it('refuses a table reference with a field it does not have, as Google refuses unknown JSON fields', () => {
    const { rt, call } = runtime();
    const job = loadJob('extra');
    Object.assign(job.configuration.load.destinationTable, { mode: 'append' });
    expect(call('Jobs.insert', [job, P], ndjson(ROWS)).error?.message).toMatch(
      /Invalid JSON payload received\. Unknown name "mode" at 'job\.configuration\.load\.destination_table': Cannot find field\.$/,
    );
    // Refused at insert: no job, so no table.
    expect(call('Jobs.get', [P, 'extra']).error?.details.code).toBe(404);
    expect(() => rt.bigquery.rows(P, 'wfm', 'states')).toThrow(/Not found: Table/);
    const table = { tableReference: { projectId: P, datasetId: 'wfm', tableId: 'states', runId: 'r1' } };
    expect(call('Tables.insert', [table, P, 'wfm']).error?.message).toMatch(
      /Unknown name "runId" at 'table\.table_reference': Cannot find field\.$/,
    );
  });
});

describe('BigQuery service scopes', () => {
  const AUTH = 'https://www.googleapis.com/auth/';
  function withManifest(manifest: object) {
    const dir = fixture(CODE);
    fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
    const rt = createRuntime({ buildDir: dir });
    rt.bigquery.addProject(P);
    return rt;
  }
  const service = {
    enabledAdvancedServices: [{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }],
  };

  it('exists only when the manifest enables the advanced service', () => {
    expect(withManifest({ oauthScopes: [`${AUTH}bigquery`] }).run('hasBigQuery').value).toBe(false);
    expect(
      withManifest({ oauthScopes: [`${AUTH}bigquery`], dependencies: service }).run('hasBigQuery').value,
    ).toBe(true);
  });

  it('needs the scope in the manifest and the user consent; a trigger cannot ask for it', () => {
    const missing = withManifest({ oauthScopes: [`${AUTH}spreadsheets`], dependencies: service });
    const bq = (r: { value?: unknown }) => (r.value as { error?: { message: string } }).error?.message;
    expect(bq(missing.run('bq', 'Datasets.list', [P]))).toMatch(
      /You do not have permission to call BigQuery.Datasets.list. Required permissions: \(https:\/\/www.googleapis.com\/auth\/bigquery/,
    );
    const rt = withManifest({
      oauthScopes: [`${AUTH}bigquery`, `${AUTH}script.scriptapp`],
      dependencies: service,
    });
    expect(bq(rt.run('bq', 'Datasets.list', [P]))).toMatch(/not granted by the user/);
    expect(rt.counters.bigquery.denied).toBe(1);
    rt.run('consent', [`${AUTH}bigquery`]);
    expect(rt.run('bq', 'Datasets.list', [P]).value).toEqual({
      value: { kind: 'bigquery#datasetList', etag: 'local' },
    });
    // Another user has not consented; a time-driven run cannot show them the prompt.
    const other = rt.asUser('lead@example.com');
    expect(bq(other.run('bq', 'Datasets.list', [P]))).toMatch(/not granted by the user/);
  });
});
