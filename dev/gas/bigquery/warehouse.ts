// The fake BigQuery behind the advanced service: projects, datasets, tables and jobs with the
// REST v2 shapes and errors, the rows in DuckDB (engine.ts). It outlives executions (World).
import { Engine, EngineError } from './engine.js';
import { BigQueryError } from './errors.js';
import { Faults } from './faults.js';
import { loadRows } from './load.js';
import { sizeSql } from './size.js';
import {
  bigQueryError,
  checkFieldName,
  dmlTarget,
  duckTable,
  duckType,
  type Field,
  fieldOfDuck,
  quote,
  standardType,
  type TableName,
  translate,
} from './sql.js';

export type { Field };

type Json = Record<string, unknown>;

export interface TableRecord {
  ref: TableName;
  schema: Field[];
  description?: string;
  timePartitioning?: Json;
  clustering?: Json;
  creationTime: number;
  lastModifiedTime: number;
}

interface DatasetRecord {
  ref: { projectId: string; datasetId: string };
  location: string;
  creationTime: number;
  tables: Map<string, TableRecord>;
}

interface JobRecord {
  resource: Json;
  doneAt: number;
  /** A load's work, done when the job completes: a load is atomic, no row shows before DONE. */
  pending?: () => void;
  /** A query's rows (REST form) and schema, for getQueryResults. */
  result?: { fields: Field[]; rows: Json[] };
}

export interface ProjectOptions {
  /** The BigQuery API enabled in the project's Cloud console (default true). */
  apiEnabled?: boolean;
}

const LOCATION = 'US';
const DATASET_ID = /^[A-Za-z0-9_]{1,1024}$/;
const TABLE_ID = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]{1,1024}$/u;
const JOB_ID = /^[A-Za-z0-9_-]{1,1024}$/;

/** Virtual ms a job takes on BigQuery's side (it is DONE that long after insert). */
export const JOB_MS = { base: 1_000, perMb: 100 };

/** Virtual ms a cancel takes to stop a running job: Jobs.cancel answers before it has. */
export const CANCEL_MS = 1_000;

/** A cancelled job's errorResult, in BigQuery's words (reason `stopped`). */
const CANCELLED = { reason: 'stopped', message: 'Job execution was cancelled: User requested cancellation' };

/** Java's Double.toString, which is how BigQuery writes a TIMESTAMP in query results. */
function javaDouble(x: number): string {
  if (x === 0) return '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) return Number.isInteger(x) ? `${x}.0` : String(x);
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** A DuckDB JSON value as BigQuery's REST row cell `{v}`. */
function cell(value: unknown, duck: string): Json {
  if (value === null || value === undefined) return { v: null };
  if (Array.isArray(value)) return { v: value.map((item) => cell(item, duck.slice(0, -2))) };
  if (duck.startsWith('TIMESTAMP')) {
    const ms = Date.parse(
      String(value)
        .replace(' ', 'T')
        .replace(/([+-]\d\d)$/, '$1:00'),
    );
    return { v: javaDouble(ms / 1000) };
  }
  return { v: String(value) };
}

/** Google's JSON front end refuses a field the message does not have, as it does for any API. */
function onlyRefFields(ref: object, at: string): void {
  const unknown = Object.keys(ref).find((k) => !['projectId', 'datasetId', 'tableId'].includes(k));
  if (unknown)
    throw new BigQueryError(
      'invalid',
      `Invalid JSON payload received. Unknown name "${unknown}" at '${at}': Cannot find field.`,
    );
}
export class Warehouse {
  private readonly projects = new Map<string, ProjectOptions & { datasets: Map<string, DatasetRecord> }>();
  private readonly jobs = new Map<string, JobRecord>();
  /** Load jobs not yet DONE, in the order they complete. */
  private pending: JobRecord[] = [];
  /** Transient errors to answer calls with (tests, benches): see faults.ts. */
  readonly faults = new Faults();
  /** How long jobs take here: tests slow it down, as a busy project's jobs wait for slots. */
  readonly jobMs = { ...JOB_MS };
  private engineInstance: Engine | undefined;
  private jobSeq = 0;

  constructor(private readonly now: () => number) {}

  private get engine(): Engine {
    this.engineInstance ??= new Engine();
    return this.engineInstance;
  }

  /** A Google Cloud project the user can reach (tests and the workbench add them). */
  addProject(projectId: string, options: ProjectOptions = {}): void {
    if (!this.projects.has(projectId)) this.projects.set(projectId, { ...options, datasets: new Map() });
    else Object.assign(this.projects.get(projectId) as object, options);
  }

  projectIds(): string[] {
    return [...this.projects.keys()];
  }

  private project(projectId: string) {
    this.settle();
    const project = this.projects.get(String(projectId));
    if (!project) throw new BigQueryError('notFound', `Not found: Project ${projectId}`);
    if (project.apiEnabled === false)
      throw new BigQueryError(
        'accessDenied',
        `BigQuery API has not been used in project ${projectId} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/bigquery.googleapis.com/overview?project=${projectId} then retry.`,
      );
    return project;
  }

  private dataset(projectId: string, datasetId: string): DatasetRecord {
    const dataset = this.project(projectId).datasets.get(String(datasetId));
    if (!dataset) throw new BigQueryError('notFound', `Not found: Dataset ${projectId}:${datasetId}`);
    return dataset;
  }

  table(projectId: string, datasetId: string, tableId: string): TableRecord {
    const table = this.dataset(projectId, datasetId).tables.get(String(tableId));
    if (!table) throw new BigQueryError('notFound', `Not found: Table ${projectId}:${datasetId}.${tableId}`);
    return table;
  }

  // ---- Datasets ----

  insertDataset(resource: Json, projectId: string): Json {
    const project = this.project(projectId);
    const ref = (resource.datasetReference ?? {}) as { datasetId?: string };
    const datasetId = String(ref.datasetId ?? '');
    if (!DATASET_ID.test(datasetId))
      throw new BigQueryError(
        'invalid',
        `Invalid dataset ID "${datasetId}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`,
      );
    if (project.datasets.has(datasetId))
      throw new BigQueryError('duplicate', `Already Exists: Dataset ${projectId}:${datasetId}`);
    const location = String(resource.location ?? LOCATION);
    project.datasets.set(datasetId, {
      ref: { projectId, datasetId },
      location,
      creationTime: this.now(),
      tables: new Map(),
    });
    this.engine.run([`CREATE SCHEMA ${quote(`${projectId}.${datasetId}`)}`]);
    return this.datasetResource(this.dataset(projectId, datasetId));
  }

  getDataset(projectId: string, datasetId: string): Json {
    return this.datasetResource(this.dataset(projectId, datasetId));
  }

  listDatasets(projectId: string): Json {
    const datasets = [...this.project(projectId).datasets.values()].map((d) => ({
      kind: 'bigquery#dataset',
      id: `${d.ref.projectId}:${d.ref.datasetId}`,
      datasetReference: { ...d.ref },
      location: d.location,
    }));
    return { kind: 'bigquery#datasetList', etag: 'local', ...(datasets.length ? { datasets } : {}) };
  }

  private datasetResource(d: DatasetRecord): Json {
    return {
      kind: 'bigquery#dataset',
      id: `${d.ref.projectId}:${d.ref.datasetId}`,
      datasetReference: { ...d.ref },
      location: d.location,
      creationTime: String(d.creationTime),
      lastModifiedTime: String(d.creationTime),
    };
  }

  // ---- Tables ----

  private checkSchema(fields: Field[]): Field[] {
    const seen = new Set<string>();
    return fields.map((f) => {
      checkFieldName(String(f.name));
      const lower = String(f.name).toLowerCase();
      if (seen.has(lower)) throw new BigQueryError('invalid', `Field ${f.name} already exists in schema`);
      seen.add(lower);
      const type = standardType(f.type);
      if (type === 'JSON' || f.fields)
        throw new BigQueryError('invalid', `Field ${f.name}: type not supported by the local fake`);
      const mode = (f.mode ?? 'NULLABLE').toUpperCase() as Field['mode'];
      if (!['NULLABLE', 'REQUIRED', 'REPEATED'].includes(String(mode)))
        throw new BigQueryError('invalid', `Invalid value for mode: ${f.mode} is not a valid value`);
      return {
        name: String(f.name),
        type: String(f.type).toUpperCase(),
        mode,
        ...(f.description ? { description: String(f.description) } : {}),
      };
    });
  }

  insertTable(resource: Json, projectId: string, datasetId: string): Json {
    const dataset = this.dataset(projectId, datasetId);
    const ref = (resource.tableReference ?? {}) as { tableId?: string };
    onlyRefFields(ref, 'table.table_reference');
    const tableId = String(ref.tableId ?? '');
    if (!TABLE_ID.test(tableId))
      throw new BigQueryError(
        'invalid',
        `Invalid table ID "${tableId}". Table IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long. Also, Table decorators cannot be used.`,
      );
    if (dataset.tables.has(tableId))
      throw new BigQueryError('duplicate', `Already Exists: Table ${projectId}:${datasetId}.${tableId}`);
    const fields = this.checkSchema(((resource.schema as Json | undefined)?.fields ?? []) as Field[]);
    const table = this.createTable({ projectId, datasetId, tableId }, fields, resource);
    return this.tableResource(table);
  }

  private createTable(ref: TableName, fields: Field[], options: Json): TableRecord {
    const dataset = this.dataset(ref.projectId, ref.datasetId);
    const partitionField = (options.timePartitioning as Json | undefined)?.field;
    if (partitionField !== undefined) {
      const f = fields.find((x) => x.name === partitionField);
      if (!f || !['TIMESTAMP', 'DATE'].includes(standardType(f.type)))
        throw new BigQueryError(
          'invalid',
          `The field specified for time partitioning can only be of type TIMESTAMP, DATE or DATETIME. The type found is: ${f ? f.type : 'missing'}.`,
        );
    }
    for (const name of ((options.clustering as Json | undefined)?.fields ?? []) as string[]) {
      if (!fields.some((f) => f.name === name))
        throw new BigQueryError(
          'invalid',
          `The field specified for clustering cannot be found in the schema. Invalid field: ${name}.`,
        );
    }
    const columns = fields.map((f) => `${quote(f.name)} ${duckType(f)}`).join(', ');
    // BigQuery tables may have no columns; DuckDB's may not.
    this.engine.run([
      `CREATE TABLE ${duckTable(ref.projectId, ref.datasetId, ref.tableId)} (${columns || '"_empty" BOOLEAN'})`,
    ]);
    const now = this.now();
    const table: TableRecord = {
      ref: { ...ref },
      schema: fields,
      creationTime: now,
      lastModifiedTime: now,
      ...(options.description ? { description: String(options.description) } : {}),
      ...(options.timePartitioning ? { timePartitioning: { ...(options.timePartitioning as Json) } } : {}),
      ...(options.clustering ? { clustering: { ...(options.clustering as Json) } } : {}),
    };
    dataset.tables.set(ref.tableId, table);
    return table;
  }

  getTable(projectId: string, datasetId: string, tableId: string): Json {
    return this.tableResource(this.table(projectId, datasetId, tableId));
  }

  listTables(projectId: string, datasetId: string): Json {
    const tables = [...this.dataset(projectId, datasetId).tables.values()].map((t) => ({
      kind: 'bigquery#table',
      id: `${t.ref.projectId}:${t.ref.datasetId}.${t.ref.tableId}`,
      tableReference: { ...t.ref },
      type: 'TABLE',
      creationTime: String(t.creationTime),
      ...(t.timePartitioning ? { timePartitioning: t.timePartitioning } : {}),
      ...(t.clustering ? { clustering: t.clustering } : {}),
    }));
    return {
      kind: 'bigquery#tableList',
      etag: 'local',
      totalItems: tables.length,
      ...(tables.length ? { tables } : {}),
    };
  }

  removeTable(projectId: string, datasetId: string, tableId: string): void {
    this.table(projectId, datasetId, tableId);
    this.engine.run([`DROP TABLE ${duckTable(projectId, datasetId, tableId)}`]);
    this.dataset(projectId, datasetId).tables.delete(tableId);
  }

  /** Tables.patch: descriptions and added columns; a column's type or mode cannot change. */
  patchTable(resource: Json, projectId: string, datasetId: string, tableId: string): Json {
    const table = this.table(projectId, datasetId, tableId);
    const fields = (resource.schema as Json | undefined)?.fields as Field[] | undefined;
    if (fields) this.evolve(table, this.checkSchema(fields), true, true);
    if (resource.description !== undefined) table.description = String(resource.description);
    table.lastModifiedTime = this.now();
    return this.tableResource(table);
  }

  /**
   * Applies a new schema to a table as a load or patch would: columns it lacks are added when
   * allowed (NULLABLE or REPEATED only), a changed type or mode is refused in BigQuery's words.
   */
  private evolve(table: TableRecord, fields: Field[], allowAddition: boolean, dropIsError: boolean): void {
    const name = `${table.ref.projectId}:${table.ref.datasetId}.${table.ref.tableId}`;
    const byName = new Map(table.schema.map((f) => [f.name.toLowerCase(), f]));
    const added: Field[] = [];
    for (const f of fields) {
      const old = byName.get(f.name.toLowerCase());
      if (!old) {
        added.push(f);
        continue;
      }
      if (standardType(old.type) !== standardType(f.type))
        throw new BigQueryError(
          'invalid',
          `Provided Schema does not match Table ${name}. Field ${f.name} has changed type from ${old.type} to ${f.type}`,
        );
      if ((old.mode ?? 'NULLABLE') !== (f.mode ?? 'NULLABLE'))
        throw new BigQueryError(
          'invalid',
          `Provided Schema does not match Table ${name}. Field ${f.name} has changed mode from ${old.mode ?? 'NULLABLE'} to ${f.mode ?? 'NULLABLE'}`,
        );
      if (f.description !== undefined) old.description = f.description;
    }
    if (dropIsError) {
      const given = new Set(fields.map((f) => f.name.toLowerCase()));
      const dropped = table.schema.find((f) => !given.has(f.name.toLowerCase()));
      if (dropped)
        throw new BigQueryError(
          'invalid',
          `Provided Schema does not match Table ${name}. Field ${dropped.name} is missing in new schema`,
        );
    }
    if (added.length && !allowAddition)
      throw new BigQueryError(
        'invalid',
        `Provided Schema does not match Table ${name}. Cannot add fields (field: ${added[0]?.name})`,
      );
    for (const f of added) {
      if (f.mode === 'REQUIRED')
        throw new BigQueryError(
          'invalid',
          `Provided Schema does not match Table ${name}. Cannot add required fields to an existing schema. (field: ${f.name})`,
        );
      this.engine.run([
        `ALTER TABLE ${duckTable(table.ref.projectId, table.ref.datasetId, table.ref.tableId)} ADD COLUMN ${quote(f.name)} ${duckType(f)}`,
      ]);
      table.schema.push(f);
    }
  }

  /** BigQuery's numBytes: counted from the rows it holds, whatever put them there (size.ts). */
  private bytesOf(t: TableRecord): number {
    const sql = sizeSql(duckTable(t.ref.projectId, t.ref.datasetId, t.ref.tableId), t.schema);
    return Number(this.engine.run([sql]).rows[0]?.[0] ?? 0);
  }

  private tableResource(t: TableRecord): Json {
    const rows = this.engine.run([
      `SELECT count(*) FROM ${duckTable(t.ref.projectId, t.ref.datasetId, t.ref.tableId)}`,
    ]).rows[0]?.[0];
    return {
      kind: 'bigquery#table',
      id: `${t.ref.projectId}:${t.ref.datasetId}.${t.ref.tableId}`,
      tableReference: { ...t.ref },
      schema: { fields: t.schema.map((f) => ({ ...f })) },
      numRows: String(rows ?? '0'),
      numBytes: String(this.bytesOf(t)),
      creationTime: String(t.creationTime),
      lastModifiedTime: String(t.lastModifiedTime),
      type: 'TABLE',
      location: LOCATION,
      ...(t.description ? { description: t.description } : {}),
      ...(t.timePartitioning ? { timePartitioning: { type: 'DAY', ...t.timePartitioning } } : {}),
      ...(t.clustering ? { clustering: t.clustering } : {}),
    };
  }

  // ---- Jobs ----

  private jobKey(projectId: string, jobId: string): string {
    return `${projectId}:${jobId}`;
  }

  /**
   * Jobs.insert. A job id already used in the project is refused with 409 (a retried insert is
   * the same job, never a second load). A job that fails (bad rows, a schema change, a SQL
   * error) is still created: its status.errorResult says why.
   */
  insertJob(resource: Json, projectId: string, data?: Buffer): Json {
    this.project(projectId);
    const given = (resource.jobReference as Json | undefined)?.jobId;
    const jobId =
      given === undefined ? `job_${(++this.jobSeq).toString(36)}_${this.now().toString(36)}` : String(given);
    if (!JOB_ID.test(jobId))
      throw new BigQueryError(
        'invalid',
        `Invalid job ID "${jobId}". Job IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long.`,
      );
    const key = this.jobKey(projectId, jobId);
    if (this.jobs.has(key))
      throw new BigQueryError('duplicate', `Already Exists: Job ${projectId}:${LOCATION}.${jobId}`);
    const configuration = (resource.configuration ?? {}) as Json;
    const now = this.now();
    const job: JobRecord = {
      resource: {
        kind: 'bigquery#job',
        id: `${projectId}:${LOCATION}.${jobId}`,
        jobReference: { projectId, jobId, location: LOCATION },
        configuration: { ...configuration },
        statistics: { creationTime: String(now), startTime: String(now) },
      },
      doneAt: now,
    };
    let mb = (data?.length ?? 0) / 1e6;
    const work = (body: () => void) => {
      try {
        body();
        job.resource.status = {};
      } catch (error) {
        if (!(error instanceof BigQueryError)) throw error;
        job.resource.status = {
          errorResult: error.errorProto,
          errors: [error.errorProto, ...(error.rowErrors ?? [])],
        };
      }
    };
    try {
      if (configuration.load) {
        (job.resource.configuration as Json).jobType = 'LOAD';
        const load = configuration.load as Json;
        // What the request itself gets wrong is refused at once; the rows land when the job is DONE.
        const ref = this.checkLoad(load, projectId, data);
        job.pending = () =>
          work(() => {
            (job.resource.statistics as Json).load = this.runLoad(load, ref, data as Buffer);
          });
      } else if (configuration.query) {
        (job.resource.configuration as Json).jobType = 'QUERY';
        const query = this.runQuery(configuration.query as Json, projectId, job);
        (job.resource.statistics as Json).query = query;
        (job.resource.statistics as Json).totalBytesProcessed = query.totalBytesProcessed;
        mb += Number(query.totalBytesProcessed) / 1e6;
        job.resource.status = {};
      } else {
        throw new BigQueryError(
          'invalid',
          'Required parameter is missing: configuration.load or configuration.query',
        );
      }
    } catch (error) {
      if (!(error instanceof BigQueryError)) throw error;
      // Invalid requests are refused at once; failures of the work are the job's status.
      if (
        error.reason === 'invalid' &&
        /^Required parameter|^Invalid value for|^Invalid JSON payload/.test(error.message)
      )
        throw error;
      work(() => {
        throw error;
      });
    }
    job.doneAt = now + this.jobMs.base + Math.ceil(mb * this.jobMs.perMb);
    job.resource.status ??= {};
    this.jobs.set(key, job);
    if (job.pending) {
      // Kept in completion order (stable for equal times: jobs complete in the order inserted).
      let at = this.pending.length;
      while (at > 0 && (this.pending[at - 1] as JobRecord).doneAt > job.doneAt) at--;
      this.pending.splice(at, 0, job);
    }
    return this.jobResource(job);
  }

  private settling = false;

  /** Completes the load jobs whose time has come, in order: their rows appear only now. */
  private settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      const now = this.now();
      while (this.pending.length && (this.pending[0] as JobRecord).doneAt <= now) {
        const job = this.pending.shift() as JobRecord;
        const run = job.pending;
        job.pending = undefined;
        run?.();
      }
    } finally {
      this.settling = false;
    }
  }

  getJob(projectId: string, jobId: string): Json {
    this.project(projectId);
    const job = this.jobs.get(this.jobKey(projectId, jobId));
    if (!job) throw new BigQueryError('notFound', `Not found: Job ${projectId}:${jobId}`);
    return this.jobResource(job);
  }

  /**
   * Jobs.cancel: answers at once with the job as it stands, RUNNING still (BigQuery says to poll
   * for the cancel's outcome). A load it reaches in time ends DONE CANCEL_MS later with errorResult
   * reason `stopped`, its rows, schema change and created table never there. One due to end sooner
   * ends as it would (the cancel came too late, as it may in BigQuery), and so does a query, whose
   * work this fake does at insert; a job DONE already is left as it ended.
   */
  cancelJob(projectId: string, jobId: string): Json {
    this.project(projectId);
    const job = this.jobs.get(this.jobKey(projectId, jobId));
    if (!job) throw new BigQueryError('notFound', `Not found: Job ${projectId}:${jobId}`);
    const stopsAt = this.now() + CANCEL_MS;
    if (job.pending && stopsAt < job.doneAt) {
      this.pending = this.pending.filter((j) => j !== job);
      job.pending = undefined;
      job.doneAt = stopsAt;
      job.resource.status = { errorResult: { ...CANCELLED }, errors: [{ ...CANCELLED }] };
    }
    return { kind: 'bigquery#jobCancelResponse', job: this.jobResource(job) };
  }

  private jobResource(job: JobRecord): Json {
    const done = this.now() >= job.doneAt;
    const copy = structuredClone(job.resource);
    copy.status = done ? { ...(job.resource.status as Json), state: 'DONE' } : { state: 'RUNNING' };
    const statistics = copy.statistics as Json;
    if (done) statistics.endTime = String(job.doneAt);
    else {
      delete statistics.load;
      delete statistics.query;
    }
    return copy;
  }

  /** Jobs.query: a query job, waited for up to timeoutMs (its result on the first page). */
  query(request: Json, projectId: string): Json {
    const job = this.insertJob(
      {
        configuration: {
          query: {
            query: request.query,
            useLegacySql: request.useLegacySql,
            ...(request.defaultDataset ? { defaultDataset: request.defaultDataset } : {}),
          },
        },
      },
      projectId,
    );
    const ref = job.jobReference as { jobId: string };
    return this.queryResults(projectId, ref.jobId, { maxResults: request.maxResults }, true);
  }

  /** getQueryResults; `atOnce` answers as if the caller waited for the job (Jobs.query). */
  queryResults(projectId: string, jobId: string, options: Json = {}, atOnce = false): Json {
    this.settle();
    const record = this.jobs.get(this.jobKey(projectId, String(jobId)));
    if (!record) throw new BigQueryError('notFound', `Not found: Job ${projectId}:${jobId}`);
    const status = record.resource.status as Json;
    if (status.errorResult)
      throw new BigQueryError(
        (status.errorResult as { reason: 'invalidQuery' }).reason,
        String((status.errorResult as Json).message),
      );
    const jobReference = { projectId, jobId: String(jobId), location: LOCATION };
    if (!atOnce && this.now() < record.doneAt)
      return { kind: 'bigquery#getQueryResultsResponse', jobReference, jobComplete: false };
    const result = record.result ?? { fields: [], rows: [] };
    const start = Number(options.pageToken ?? options.startIndex ?? 0);
    const size = Math.min(Number(options.maxResults ?? 10_000) || 10_000, 10_000);
    const rows = result.rows.slice(start, start + size);
    const statistics = (record.resource.statistics as Json).query as Json | undefined;
    return {
      kind: 'bigquery#getQueryResultsResponse',
      jobReference,
      jobComplete: true,
      schema: { fields: result.fields },
      totalRows: String(result.rows.length),
      ...(rows.length ? { rows } : {}),
      ...(start + size < result.rows.length ? { pageToken: String(start + size) } : {}),
      totalBytesProcessed: String(statistics?.totalBytesProcessed ?? '0'),
      cacheHit: false,
      ...(statistics?.numDmlAffectedRows !== undefined
        ? { numDmlAffectedRows: statistics.numDmlAffectedRows }
        : {}),
    };
  }

  private tableRef(value: unknown, projectId: string, at: string): TableName {
    const ref = (value ?? {}) as Partial<TableName>;
    if (!ref.datasetId || !ref.tableId)
      throw new BigQueryError('invalid', 'Required parameter is missing: destinationTable');
    onlyRefFields(ref, at);
    return {
      projectId: String(ref.projectId ?? projectId),
      datasetId: String(ref.datasetId),
      tableId: String(ref.tableId),
    };
  }

  /** A load request's own mistakes, refused at insert; answers its destination. */
  private checkLoad(load: Json, projectId: string, data?: Buffer): TableName {
    const format = String(load.sourceFormat ?? 'CSV');
    if (format !== 'NEWLINE_DELIMITED_JSON')
      throw new BigQueryError(
        'invalid',
        `Invalid value for sourceFormat: the local fake loads NEWLINE_DELIMITED_JSON only (got ${format})`,
      );
    if (!data)
      throw new BigQueryError(
        'invalid',
        'Required parameter is missing: the load job has no data (mediaData)',
      );
    return this.tableRef(load.destinationTable, projectId, 'job.configuration.load.destination_table');
  }

  private runLoad(load: Json, ref: TableName, data: Buffer): Json {
    const write = String(load.writeDisposition ?? 'WRITE_APPEND');
    const create = String(load.createDisposition ?? 'CREATE_IF_NEEDED');
    const given = load.schema ? this.checkSchema(((load.schema as Json).fields ?? []) as Field[]) : undefined;
    this.dataset(ref.projectId, ref.datasetId);
    let table = this.dataset(ref.projectId, ref.datasetId).tables.get(ref.tableId);
    let created = false;
    if (!table) {
      if (create === 'CREATE_NEVER')
        throw new BigQueryError(
          'notFound',
          `Not found: Table ${ref.projectId}:${ref.datasetId}.${ref.tableId}`,
        );
      if (!given) throw new BigQueryError('invalid', 'No schema specified on job or table.');
      table = this.createTable(ref, given, load);
      created = true;
    } else if (given) {
      const options = ((load.schemaUpdateOptions ?? []) as string[]).map(String);
      if (options.length && write === 'WRITE_EMPTY')
        throw new BigQueryError(
          'invalid',
          'Schema update options should only be specified with WRITE_APPEND disposition, or with WRITE_TRUNCATE disposition on a table partition.',
        );
      this.evolve(
        table,
        given,
        options.includes('ALLOW_FIELD_ADDITION') || write === 'WRITE_TRUNCATE',
        false,
      );
    }
    const target = duckTable(ref.projectId, ref.datasetId, ref.tableId);
    if (write === 'WRITE_EMPTY' && !created) {
      const n = Number(this.engine.run([`SELECT count(*) FROM ${target}`]).rows[0]?.[0] ?? 0);
      if (n > 0)
        throw new BigQueryError(
          'duplicate',
          `Already Exists: Table ${ref.projectId}:${ref.datasetId}.${ref.tableId}`,
        );
    }
    const rows = loadRows(data.toString('utf8'), table.schema, {
      ignoreUnknownValues: load.ignoreUnknownValues === true,
      maxBadRecords: Number(load.maxBadRecords ?? 0),
    });
    const statements = write === 'WRITE_TRUNCATE' ? [`DELETE FROM ${target}`] : [];
    if (rows.count > 0) statements.push(rows.insertSql(target));
    if (statements.length) this.run(statements, { atomic: true, data: rows.text });
    table.lastModifiedTime = this.now();
    return {
      inputFiles: '1',
      inputFileBytes: String(data.length),
      outputRows: String(rows.count),
      outputBytes: String(data.length),
      badRecords: String(rows.bad),
    };
  }

  private run(statements: string[], options: { atomic?: boolean; data?: string } = {}) {
    try {
      return this.engine.run(statements, options);
    } catch (error) {
      if (error instanceof EngineError) throw bigQueryError(error.message);
      throw error;
    }
  }

  private runQuery(query: Json, projectId: string, job: JobRecord): Json {
    if (query.useLegacySql !== false)
      throw new BigQueryError(
        'invalidQuery',
        'Legacy SQL is the default of the v2 API: set useLegacySql: false (the local fake runs standard SQL only)',
      );
    const defaults = (query.defaultDataset ?? {}) as { projectId?: string; datasetId?: string };
    const read: TableName[] = [];
    const scope = {
      projectId: defaults.projectId ?? projectId,
      ...(defaults.datasetId ? { datasetId: defaults.datasetId } : {}),
    };
    const sql = translate(String(query.query ?? ''), scope, read);
    const tables = new Set(read.map((t) => this.table(t.projectId, t.datasetId, t.tableId)));
    // Bytes processed: the whole of each table read (once), as it stands before the statement.
    const bytes = [...tables].reduce((n, t) => n + this.bytesOf(t), 0);
    const statementType = (/^\s*(\w+)/.exec(sql)?.[1] ?? 'SELECT').toUpperCase();
    const dml = ['MERGE', 'INSERT', 'UPDATE', 'DELETE'].includes(statementType);
    if (statementType === 'MERGE') this.checkMergeMatches(sql);
    const destination = query.destinationTable
      ? this.tableRef(query.destinationTable, projectId, 'job.configuration.query.destination_table')
      : undefined;
    if (destination && !dml) {
      const write = String(query.writeDisposition ?? 'WRITE_EMPTY');
      const table = this.table(destination.projectId, destination.datasetId, destination.tableId);
      if (write === 'WRITE_TRUNCATE') this.checkLayout(table, query);
      const target = duckTable(destination.projectId, destination.datasetId, destination.tableId);
      const columns = table.schema.map((f) => quote(f.name)).join(', ');
      const statements = write === 'WRITE_TRUNCATE' ? [`DELETE FROM ${target}`] : [];
      statements.push(`INSERT INTO ${target} (${columns}) SELECT ${columns} FROM (${sql})`);
      const result = this.run(statements, { atomic: true });
      table.lastModifiedTime = this.now();
      return {
        statementType,
        totalBytesProcessed: String(bytes),
        numDmlAffectedRows: String(result.rows[0]?.[0] ?? 0),
      };
    }
    const result = this.run([sql], { atomic: dml });
    // A write changes its table's lastModifiedTime; a read changes none (a SELECT, a MERGE's source).
    const written = dml ? dmlTarget(String(query.query ?? ''), scope) : undefined;
    if (written)
      this.table(written.projectId, written.datasetId, written.tableId).lastModifiedTime = this.now();
    if (dml) {
      const affected = String(result.rows[0]?.[0] ?? 0);
      job.result = { fields: [], rows: [] };
      return { statementType, totalBytesProcessed: String(bytes), numDmlAffectedRows: affected };
    }
    const fields = result.columns.map((c) => fieldOfDuck(c.name, c.type));
    job.result = {
      fields,
      rows: result.rows.map((row) => ({ f: row.map((v, i) => cell(v, result.columns[i]?.type ?? '')) })),
    };
    return { statementType, totalBytesProcessed: String(bytes) };
  }

  /**
   * A query that overwrites a table gives it its own partitioning and clustering, none if it says
   * none: BigQuery refuses one that differs from the table's (it changes only by dropping the table).
   */
  private checkLayout(table: TableRecord, query: Json): void {
    const spec = (partitioning: unknown, clustering: unknown) => {
      const p = partitioning as { type?: string; field?: string } | undefined;
      const c = ((clustering as Json | undefined)?.fields ?? []) as string[];
      const interval = p
        ? `interval(type:${String(p.type ?? 'DAY').toLowerCase()}${p.field ? `,field:${p.field}` : ''})`
        : '';
      return [interval, c.length ? `clustering(${c.join(',')})` : ''].filter(Boolean).join(' ') || 'none';
    };
    const expects = spec(table.timePartitioning, table.clustering);
    const input = spec(query.timePartitioning, query.clustering);
    if (expects !== input)
      throw new BigQueryError(
        'invalid',
        `Incompatible table partitioning specification. Expects partitioning specification ${expects}, but input partitioning specification is ${input}`,
      );
  }

  /** BigQuery refuses a MERGE where a target row matches two source rows; DuckDB does not. */
  private checkMergeMatches(sql: string): void {
    const m =
      /^\s*MERGE\s+(?:INTO\s+)?(\S+)\s+(?:AS\s+)?(\w+)\s+USING\s+([\s\S]+?)\s+(?:AS\s+)?(\w+)\s+ON\s+([\s\S]+?)\s+WHEN\b/i.exec(
        sql,
      );
    if (!m) return;
    const [, target, t, source, s, on] = m;
    const twice = this.run([
      `SELECT 1 FROM ${target} AS ${t} JOIN ${source} AS ${s} ON ${on} GROUP BY ${t}.rowid HAVING count(*) > 1 LIMIT 1`,
    ]);
    if (twice.rows.length)
      throw new BigQueryError(
        'invalidQuery',
        'UPDATE/MERGE must match at most one source row for each target row',
      );
  }

  /** Rows of a table for tests and the workbench, as plain values (timestamps as epoch ms). */
  rows(
    projectId: string,
    datasetId: string,
    tableId: string,
    orderBy?: string,
    limit?: number,
  ): Record<string, unknown>[] {
    const table = this.table(projectId, datasetId, tableId);
    const columns = table.schema.map((f) => quote(f.name));
    const result = this.engine.run([
      `SELECT ${columns.join(', ') || '*'} FROM ${duckTable(projectId, datasetId, tableId)}${orderBy ? ` ORDER BY ${orderBy}` : ''}${limit ? ` LIMIT ${Math.floor(limit)}` : ''}`,
    ]);
    return result.rows.map((row) =>
      Object.fromEntries(
        table.schema.map((f, i) => {
          const v = row[i];
          const type = standardType(f.type);
          const plain = (x: unknown) =>
            x === null
              ? null
              : type === 'TIMESTAMP'
                ? Date.parse(
                    String(x)
                      .replace(' ', 'T')
                      .replace(/([+-]\d\d)$/, '$1:00'),
                  )
                : type === 'INT64' || type === 'FLOAT64'
                  ? Number(x)
                  : x;
          return [f.name, Array.isArray(v) ? v.map(plain) : plain(v)];
        }),
      ),
    );
  }

  /** Every job, for tests (their ids, types and outcomes). */
  jobList(): Json[] {
    this.settle();
    return [...this.jobs.values()].map((j) => this.jobResource(j));
  }

  /** Runs SQL as the console would (the workbench's query box). */
  sql(text: string, projectId: string): Json {
    return this.query({ query: text, useLegacySql: false }, projectId);
  }

  dispose(): void {
    this.engineInstance?.drop();
  }
}
