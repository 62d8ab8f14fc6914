// Connected Sheets in the local runtime: data source sheets over the BigQuery fake's tables.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function add(p, d, t, wait, skipEnable) {
  if (!skipEnable) SpreadsheetApp.enableBigQueryExecution();
  var spec = SpreadsheetApp.newDataSourceSpec().asBigQuery()
    .setProjectId(p).setTableProjectId(p).setDatasetId(d).setTableId(t).build();
  var ds = SpreadsheetApp.getActive().insertDataSourceSheet(spec);
  var out = { name: ds.asSheet().getName(), type: String(ds.asSheet().getType()),
    state: String(ds.getStatus().getExecutionState()) };
  if (wait) {
    var st = ds.waitForCompletion(wait);
    out.after = String(st.getExecutionState());
    out.error = st.getErrorMessage();
  }
  return out;
}
function first() { return SpreadsheetApp.getActive().getDataSourceSheets()[0]; }
function values(col) { return first().getSheetValues(col); }
function refresh(force) {
  SpreadsheetApp.enableBigQueryExecution();
  var ds = first();
  if (force) ds.forceRefreshData(); else ds.refreshData();
  var s = ds.waitForCompletion(60);
  return { state: String(s.getExecutionState()), error: s.getErrorMessage() };
}
function spec() {
  var b = first().getDataSource().getSpec().asBigQuery();
  return [b.getProjectId(), b.getTableProjectId(), b.getDatasetId(), b.getTableId()];
}
function write() { first().asSheet().getRange('A1').setValue(1); }
function consent(scopes) { ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, scopes); }
`;

const P = 'team-analytics';
const READONLY = 'https://www.googleapis.com/auth/bigquery.readonly';
const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';

type Rt = ReturnType<typeof runtimeFor>;

function seed(rt: Rt, count: number, from = 0) {
  rt.bigquery.addProject(P);
  try {
    rt.bigquery.insertDataset({ datasetReference: { projectId: P, datasetId: 'wfm' } }, P);
  } catch {
    // already there
  }
  const rows = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ agent_id: `a${from + i}`, start_time: '2026-05-01T09:00:00Z', minutes: from + i }),
  );
  rt.bigquery.insertJob(
    {
      configuration: {
        load: {
          destinationTable: { projectId: P, datasetId: 'wfm', tableId: 'states' },
          sourceFormat: 'NEWLINE_DELIMITED_JSON',
          schema: {
            fields: [
              { name: 'agent_id', type: 'STRING' },
              { name: 'start_time', type: 'TIMESTAMP' },
              { name: 'minutes', type: 'INT64' },
            ],
          },
        },
      },
    },
    P,
    Buffer.from(rows.join('\n')),
  );
}

function ok<T>(rt: Rt, fn: string, ...args: unknown[]): T {
  const r = rt.run(fn, ...args);
  if (r.error) throw new Error(r.error.message);
  return r.value as T;
}

describe('Connected Sheets (local fake)', () => {
  // One runtime for the happy path; the guards each get a small one of their own.
  const rt = runtimeFor(CODE);
  seed(rt, 501);

  it('adds a DATASOURCE sheet whose execution runs after the call, previewing the first 500 rows', () => {
    const added = ok<Record<string, string>>(rt, 'add', P, 'wfm', 'states', 60);
    expect(added).toMatchObject({ type: 'DATASOURCE', state: 'RUNNING', after: 'SUCCESS', error: '' });
    const minutes = ok<number[]>(rt, 'values', 'minutes');
    expect(minutes).toHaveLength(500);
    expect(ok<unknown[]>(rt, 'values', 'start_time')[0]).toBeInstanceOf(Date);
    expect(ok(rt, 'spec')).toEqual([P, P, 'wfm', 'states']);
    const view = rt.workbook.dataSource(added.name as string);
    expect(view).toMatchObject({ state: 'SUCCESS', truncated: true, runBy: 'analyst@example.com' });
    expect(view?.columns.map((c) => c.name)).toEqual(['agent_id', 'start_time', 'minutes']);
  });

  it('refuses cell writes on the data source sheet', () => {
    expect(rt.run('write').error?.message).toBe('The action is not supported for DATASOURCE sheet.');
  });

  it('refreshData re-reads the table, as the user who refreshed', () => {
    rt.bigquery.sql(`DELETE FROM \`${P}.wfm.states\` WHERE minutes > 1`, P);
    expect(ok(rt.asUser('lead@example.com'), 'refresh', false)).toEqual({ state: 'SUCCESS', error: '' });
    expect(ok<number[]>(rt, 'values', 'minutes').sort()).toEqual([0, 1]);
    const name = rt.workbook.sheetNames().find((n) => rt.workbook.dataSource(n)) as string;
    expect(rt.workbook.dataSource(name)?.runBy).toBe('lead@example.com');
  });

  it('a missing table is the execution ERROR in BigQuery words; refreshData then refuses, forceRefreshData runs', () => {
    const own = runtimeFor(CODE);
    seed(own, 1);
    const added = ok<Record<string, string>>(own, 'add', P, 'wfm', 'gone', 60);
    expect(added).toMatchObject({ after: 'ERROR', error: `Not found: Table ${P}:wfm.gone` });
    expect(own.run('refresh', false).error?.message).toMatch(/error state: use forceRefreshData/);
    expect(ok(own, 'refresh', true)).toMatchObject({ state: 'ERROR' });
  });

  it('waitForCompletion throws when the execution outlasts the timeout', () => {
    const own = runtimeFor(CODE);
    seed(own, 1);
    expect(own.run('add', P, 'wfm', 'states', 1).error?.message).toMatch(/did not complete within/);
  });

  it('refuses data execution before SpreadsheetApp.enableBigQueryExecution()', () => {
    const own = runtimeFor(CODE);
    seed(own, 1);
    expect(own.run('add', P, 'wfm', 'states', 0, true).error?.message).toMatch(
      /not enabled for BIGQUERY.*enableBigQueryExecution/,
    );
    expect(own.workbook.sheetNames()).toEqual(['Sheet1']);
  });

  it('needs bigquery.readonly in the manifest and granted by the user', () => {
    const unlisted = runtimeFor(CODE, { oauthScopes: [SHEETS, 'https://www.googleapis.com/auth/bigquery'] });
    seed(unlisted, 1);
    expect(unlisted.run('add', P, 'wfm', 'states', 0).error?.message).toBe(
      `You do not have permission to call Spreadsheet.insertDataSourceSheet. Required permissions: ${READONLY}`,
    );
    const listed = runtimeFor(CODE, { oauthScopes: [SHEETS, READONLY] });
    seed(listed, 1);
    expect(listed.run('add', P, 'wfm', 'states', 0).error?.message).toMatch(/not granted by the user/);
    ok(listed, 'consent', [READONLY]);
    expect(ok(listed, 'add', P, 'wfm', 'states', 60)).toMatchObject({ after: 'SUCCESS' });
  });

  it('refuses on an account without Connected Sheets (connectedSheets option)', () => {
    const own = runtimeFor(CODE, { connectedSheets: ['lead@example.com'] });
    seed(own, 1);
    expect(own.run('add', P, 'wfm', 'states', 0).error?.message).toBe(
      'Connected Sheets is not available for your account.',
    );
    expect(ok(own.asUser('lead@example.com'), 'add', P, 'wfm', 'states', 60)).toMatchObject({
      after: 'SUCCESS',
    });
  });
});
