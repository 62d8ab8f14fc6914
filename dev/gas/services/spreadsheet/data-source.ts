// Connected Sheets: BigQuery data source specs, data source sheets and their data executions,
// read from the runtime's BigQuery fake (dev/gas/bigquery/). See dev/gas/README.md for the beliefs.

import { BigQueryError } from '../../bigquery/errors.js';
import { standardType } from '../../bigquery/sql.js';
import type { Execution } from '../../execution.js';
import { SCOPES } from '../../scopes.js';
import type { Env } from '../env.js';
import type { SheetModel, WorkbookModel } from './model.js';

/** Connected Sheets previews this many rows of a table in its data source sheet. */
export const PREVIEW_ROWS = 500;

export interface BigQuerySpecModel {
  /** The billing project: queries run (and are charged) there. */
  projectId: string;
  tableProjectId: string;
  datasetId: string;
  tableId: string;
  rawQuery: string;
}

export interface DataSourceModel {
  spec: BigQuerySpecModel;
  state: 'NOT_STARTED' | 'RUNNING' | 'SUCCESS' | 'ERROR';
  errorMessage: string;
  /** When the running execution finishes (virtual ms). */
  doneAt: number;
  lastRefreshedAt: number | null;
  /** The user whose credentials the last execution ran with (each user queries as themselves). */
  runBy: string;
  columns: { name: string; type: string }[];
  /** The preview: at most PREVIEW_ROWS rows, timestamps as epoch ms. */
  rows: unknown[][];
  truncated: boolean;
}

const NOT_ENABLED =
  'Data execution is not enabled for BIGQUERY data sources. Call SpreadsheetApp.enableBigQueryExecution() first.';

/** Executions that called SpreadsheetApp.enableBigQueryExecution(). */
const enabled = new WeakSet<Execution>();

export function enableBigQueryExecution(exec: Execution): void {
  enabled.add(exec);
}

/**
 * The guard of every call that runs a data execution: enabled in this execution, the manifest's
 * and the user's consent to bigquery.readonly, and an account where Connected Sheets is offered.
 */
function guard(env: Env, method: string): void {
  const { exec, world } = env;
  exec.requireAuth('spreadsheet', method, 'FULL');
  exec.requireScope('spreadsheet', method, SCOPES.activeSpreadsheet);
  exec.requireScope('spreadsheet', method, SCOPES.connectedSheets);
  const scope = SCOPES.connectedSheets[0];
  if (world.scopes && !world.scopesGranted(exec.user).has(scope)) {
    world.counters.spreadsheet.denied++;
    throw new Error(
      `You do not have permission to call ${method}. Required permissions: ${scope} (not granted by the user: ask with ScriptApp.requireScopes)`,
    );
  }
  if (!enabled.has(exec)) throw new Error(NOT_ENABLED);
  if (!world.connectedSheetsFor(exec.user))
    throw new Error('Connected Sheets is not available for your account.');
}

function freshModel(spec: BigQuerySpecModel): DataSourceModel {
  return {
    spec,
    state: 'NOT_STARTED',
    errorMessage: '',
    doneAt: 0,
    lastRefreshedAt: null,
    runBy: '',
    columns: [],
    rows: [],
    truncated: false,
  };
}

const blankSpec = (): BigQuerySpecModel => ({
  projectId: '',
  tableProjectId: '',
  datasetId: '',
  tableId: '',
  rawQuery: '',
});

/** A data source sheet's model (one added by hand in a test has a blank spec). */
export function dataSourceOf(sheet: SheetModel): DataSourceModel {
  sheet.dataSource ??= freshModel(blankSpec());
  return sheet.dataSource;
}

function start(env: Env, model: DataSourceModel): void {
  model.state = 'RUNNING';
  model.errorMessage = '';
  model.doneAt = env.world.clock.now() + env.world.dataExecutionMs;
  model.runBy = env.exec.user;
}

/** A running execution whose time has come reads BigQuery then (its result or BigQuery's error). */
export function settle(env: Pick<Env, 'world'>, model: DataSourceModel): void {
  if (model.state !== 'RUNNING' || env.world.clock.now() < model.doneAt) return;
  const { spec } = model;
  const bigquery = env.world.bigquery;
  try {
    if (spec.rawQuery) {
      const result = bigquery.query({ query: spec.rawQuery, useLegacySql: false }, spec.projectId) as {
        schema?: { fields?: { name: string; type: string }[] };
        rows?: { f: { v: unknown }[] }[];
      };
      model.columns = (result.schema?.fields ?? []).map((f) => ({ name: f.name, type: f.type }));
      const rows = (result.rows ?? []).map((r) => r.f.map((c) => c.v));
      model.rows = rows.slice(0, PREVIEW_ROWS);
      model.truncated = rows.length > PREVIEW_ROWS;
    } else {
      // The billing project must be one the user can run jobs in.
      bigquery.listDatasets(spec.projectId);
      const table = bigquery.table(spec.tableProjectId, spec.datasetId, spec.tableId);
      model.columns = table.schema.map((f) => ({ name: f.name, type: standardType(f.type) }));
      const rows = bigquery.rows(
        spec.tableProjectId,
        spec.datasetId,
        spec.tableId,
        undefined,
        PREVIEW_ROWS + 1,
      );
      model.rows = rows.slice(0, PREVIEW_ROWS).map((r) => model.columns.map((c) => r[c.name] ?? null));
      model.truncated = rows.length > PREVIEW_ROWS;
    }
    model.state = 'SUCCESS';
    model.lastRefreshedAt = model.doneAt;
  } catch (error) {
    if (!(error instanceof BigQueryError)) throw error;
    model.state = 'ERROR';
    model.errorMessage = error.message;
  }
}

class DataExecutionStatus {
  constructor(
    private readonly env: Env,
    private readonly model: DataSourceModel,
  ) {}
  private info<T>(f: () => T): T {
    return this.env.exec.call('spreadsheet', 0, f);
  }
  getExecutionState(): string {
    return this.info(() => this.model.state);
  }
  getErrorCode(): string {
    return this.info(() => (this.model.state === 'ERROR' ? 'ENGINE' : 'NONE'));
  }
  getErrorMessage(): string {
    return this.info(() => this.model.errorMessage);
  }
  getLastRefreshedTime(): Date | null {
    return this.info(() =>
      this.model.lastRefreshedAt === null ? null : this.env.exec.realm.date(this.model.lastRefreshedAt),
    );
  }
  isTruncated(): boolean {
    return this.info(() => this.model.truncated);
  }
}

export class BigQueryDataSourceSpec {
  constructor(
    private readonly env: Env,
    readonly spec: BigQuerySpecModel,
  ) {}
  private info<T>(f: () => T): T {
    return this.env.exec.call('spreadsheet', 0, f);
  }
  getProjectId(): string {
    return this.info(() => this.spec.projectId);
  }
  getTableProjectId(): string {
    return this.info(() => this.spec.tableProjectId);
  }
  getDatasetId(): string {
    return this.info(() => this.spec.datasetId);
  }
  getTableId(): string {
    return this.info(() => this.spec.tableId);
  }
  getRawQuery(): string {
    return this.info(() => this.spec.rawQuery);
  }
  getType(): string {
    return 'BIGQUERY';
  }
}

export class DataSourceSpec extends BigQueryDataSourceSpec {
  asBigQuery(): BigQueryDataSourceSpec {
    return this;
  }
}

/** SpreadsheetApp.newDataSourceSpec(), and its asBigQuery() builder (one object serves both). */
export class DataSourceSpecBuilder {
  private readonly spec = blankSpec();
  constructor(private readonly env: Env) {}
  private set(key: keyof BigQuerySpecModel, value: unknown): this {
    return this.env.exec.call('spreadsheet', 0, () => {
      this.spec[key] = String(value ?? '');
      return this;
    });
  }
  asBigQuery(): this {
    return this;
  }
  setProjectId(id: string): this {
    return this.set('projectId', id);
  }
  setTableProjectId(id: string): this {
    return this.set('tableProjectId', id);
  }
  setDatasetId(id: string): this {
    return this.set('datasetId', id);
  }
  setTableId(id: string): this {
    return this.set('tableId', id);
  }
  setRawQuery(query: string): this {
    return this.set('rawQuery', query);
  }
  getType(): string {
    return 'BIGQUERY';
  }
  build(): DataSourceSpec {
    return this.env.exec.call('spreadsheet', 0, () => {
      const s = this.spec;
      if (!s.projectId) throw new Error('The data source spec needs a billing project: call setProjectId.');
      if (!s.rawQuery && !(s.datasetId && s.tableId))
        throw new Error('The data source spec needs a table (setDatasetId and setTableId) or setRawQuery.');
      return new DataSourceSpec(this.env, { ...s, tableProjectId: s.tableProjectId || s.projectId });
    });
  }
}

class DataSource {
  constructor(
    private readonly env: Env,
    private readonly model: DataSourceModel,
  ) {}
  getSpec(): DataSourceSpec {
    return this.env.exec.call('spreadsheet', 0, () => new DataSourceSpec(this.env, { ...this.model.spec }));
  }
}

export class DataSourceSheet {
  constructor(
    private readonly env: Env,
    readonly sheet: SheetModel,
    private readonly asSheetOf: (sheet: SheetModel) => unknown,
  ) {}

  private get model(): DataSourceModel {
    const model = dataSourceOf(this.sheet);
    settle(this.env, model);
    return model;
  }

  private info<T>(f: () => T): T {
    return this.env.exec.call('spreadsheet', 0, f);
  }

  asSheet(): unknown {
    return this.info(() => this.asSheetOf(this.sheet));
  }

  getDataSource(): DataSource {
    return this.info(() => new DataSource(this.env, this.model));
  }

  getStatus(): DataExecutionStatus {
    return this.info(() => new DataExecutionStatus(this.env, this.model));
  }

  /** Refreshes the preview; Google refuses it while the sheet is in error (forceRefreshData does not). */
  refreshData(): this {
    return this.info(() => {
      guard(this.env, 'DataSourceSheet.refreshData');
      if (this.model.state === 'ERROR')
        throw new Error('The data source is in an error state: use forceRefreshData() to refresh it.');
      start(this.env, this.model);
      return this;
    });
  }

  forceRefreshData(): this {
    return this.info(() => {
      guard(this.env, 'DataSourceSheet.forceRefreshData');
      start(this.env, this.model);
      return this;
    });
  }

  /** Sleeps (virtual time) until the execution ends; throws when it has not ended in time. */
  waitForCompletion(timeoutInSeconds: number): DataExecutionStatus {
    const model = dataSourceOf(this.sheet);
    const timeoutMs = Number(timeoutInSeconds) * 1000;
    if (!(timeoutMs > 0 && timeoutMs <= 300_000))
      throw this.env.exec.realm.exception('Invalid argument: timeoutInSeconds');
    const left = model.state === 'RUNNING' ? Math.max(0, model.doneAt - this.env.world.clock.now()) : 0;
    return this.env.exec.call('spreadsheet', Math.min(left, timeoutMs), () => {
      guard(this.env, 'DataSourceSheet.waitForCompletion');
      if (left > timeoutMs) throw new Error('The data execution did not complete within the timeout.');
      return new DataExecutionStatus(this.env, this.model);
    });
  }

  /** The preview's values of one column (timestamps as Dates), from startRow (1-based). */
  getSheetValues(columnName: string, startRow = 1, numRows?: number): unknown[] {
    return this.info(() => {
      const model = this.model;
      const at = model.columns.findIndex((c) => c.name === String(columnName));
      if (at === -1) throw new Error(`Column not found: ${columnName}`);
      const type = model.columns[at]?.type;
      const rows = model.rows.slice(startRow - 1, numRows === undefined ? undefined : startRow - 1 + numRows);
      return this.env.exec.realm.array(
        rows.map((r) => {
          const v = r[at];
          return type === 'TIMESTAMP' && typeof v === 'number' ? this.env.exec.realm.date(v) : v;
        }),
      );
    });
  }
}

/** Spreadsheet.insertDataSourceSheet: a new DATASOURCE sheet whose first execution starts now. */
export function insertDataSourceSheet(
  env: Env,
  wb: WorkbookModel,
  spec: unknown,
  asSheetOf: (sheet: SheetModel) => unknown,
): DataSourceSheet {
  guard(env, 'Spreadsheet.insertDataSourceSheet');
  if (!(spec instanceof DataSourceSpec)) throw new Error('Invalid argument: spec');
  const sheet = wb.addSheet();
  sheet.kind = 'DATASOURCE';
  sheet.dataSource = freshModel({ ...spec.spec });
  start(env, sheet.dataSource);
  return new DataSourceSheet(env, sheet, asSheetOf);
}

export function dataSourceSheetOf(
  env: Env,
  sheet: SheetModel,
  asSheetOf: (sheet: SheetModel) => unknown,
): DataSourceSheet {
  return new DataSourceSheet(env, sheet, asSheetOf);
}
