// The BigQuery advanced service (v2): Datasets, Tables and Jobs with the REST shapes, backed by
// the World's warehouse (dev/gas/bigquery/). Present only when the manifest enables it; each call
// needs the BigQuery scope in the manifest and the user's consent to it (granular consent:
// ScriptApp.requireScopes), and fails as Apps Script's advanced services do, with
// `API call to bigquery.<resource>.<method> failed with error: <BigQuery's message>`.
import { BigQueryError } from '../bigquery/errors.js';
import { fromRealm } from '../realm.js';
import { SCOPES } from '../scopes.js';
import { BlobFake, toBuffer } from './blob.js';
import type { Env } from './env.js';

export const BIGQUERY_COSTS = {
  /** Every call: a round trip to Google's API. */
  callMs: 150,
  /** Uploading a load job's data, per MB. */
  uploadPerMbMs: 50,
};

type Json = Record<string, unknown>;

/** The calls whose answer a fault may lose after the work is done (faults.ts). */
const WRITES = new Set([
  'BigQuery.Datasets.insert',
  'BigQuery.Tables.insert',
  'BigQuery.Tables.delete',
  'BigQuery.Jobs.insert',
]);

class Collection {
  constructor(
    protected readonly env: Env,
    private readonly resource: string,
  ) {}

  protected api<T>(method: string, body: () => T, extraMs = 0): T {
    const { exec, world } = this.env;
    return exec.call('bigquery', BIGQUERY_COSTS.callMs + extraMs, () => {
      const name = `BigQuery.${this.resource[0]?.toUpperCase()}${this.resource.slice(1)}.${method}`;
      exec.requireAuth('bigquery', name, 'FULL');
      exec.requireScope('bigquery', name, SCOPES.bigquery);
      if (world.scopes && !SCOPES.bigquery.some((s) => world.scopesGranted(exec.user).has(s))) {
        world.counters.bigquery.denied++;
        throw exec.realm.exception(
          `You do not have permission to call ${name}. Required permissions: ${SCOPES.bigquery[0]} (not granted by the user: ask with ScriptApp.requireScopes)`,
        );
      }
      try {
        // A transient fault (rt.bigquery.faults) answers before the call does any work.
        const fault = world.bigquery.faults.before();
        if (fault) throw fault;
        const answer = body();
        const lost = WRITES.has(name) ? world.bigquery.faults.afterWrite() : undefined;
        if (lost) throw lost;
        return exec.realm.toRealm(answer) as T;
      } catch (error) {
        if (!(error instanceof BigQueryError)) throw error;
        const e = exec.realm.exception(
          `API call to bigquery.${this.resource}.${method} failed with error: ${error.message}`,
        ) as Error & { details?: unknown };
        e.name = 'GoogleJsonResponseException';
        e.details = exec.realm.toRealm(error.details);
        throw e;
      }
    });
  }

  protected get warehouse() {
    return this.env.world.bigquery;
  }
}

const text = (v: unknown) => String(v ?? '');
const plain = (v: unknown) => (fromRealm(v) ?? {}) as Json;

class Datasets extends Collection {
  constructor(env: Env) {
    super(env, 'datasets');
  }
  get(projectId: string, datasetId: string): Json {
    return this.api('get', () => this.warehouse.getDataset(text(projectId), text(datasetId)));
  }
  insert(resource: Json, projectId: string): Json {
    return this.api('insert', () => this.warehouse.insertDataset(plain(resource), text(projectId)));
  }
  list(projectId: string): Json {
    return this.api('list', () => this.warehouse.listDatasets(text(projectId)));
  }
}

class Tables extends Collection {
  constructor(env: Env) {
    super(env, 'tables');
  }
  get(projectId: string, datasetId: string, tableId: string): Json {
    return this.api('get', () => this.warehouse.getTable(text(projectId), text(datasetId), text(tableId)));
  }
  insert(resource: Json, projectId: string, datasetId: string): Json {
    return this.api('insert', () =>
      this.warehouse.insertTable(plain(resource), text(projectId), text(datasetId)),
    );
  }
  list(projectId: string, datasetId: string): Json {
    return this.api('list', () => this.warehouse.listTables(text(projectId), text(datasetId)));
  }
  patch(resource: Json, projectId: string, datasetId: string, tableId: string): Json {
    return this.api('patch', () =>
      this.warehouse.patchTable(plain(resource), text(projectId), text(datasetId), text(tableId)),
    );
  }
  remove(projectId: string, datasetId: string, tableId: string): void {
    this.api('delete', () => {
      this.warehouse.removeTable(text(projectId), text(datasetId), text(tableId));
      return undefined;
    });
  }
}

class Jobs extends Collection {
  constructor(env: Env) {
    super(env, 'jobs');
  }
  insert(resource: Json, projectId: string, mediaData?: unknown): Json {
    const data = mediaData === undefined || mediaData === null ? undefined : toBuffer(mediaData);
    if (data) {
      this.env.world.counters.bigquery.uploads++;
      this.env.world.counters.bigquery.bytesUploaded += data.length;
    }
    const uploadMs = data ? Math.ceil((data.length / 1e6) * BIGQUERY_COSTS.uploadPerMbMs) : 0;
    return this.api(
      'insert',
      () => this.warehouse.insertJob(plain(resource), text(projectId), data),
      uploadMs,
    );
  }
  get(projectId: string, jobId: string): Json {
    return this.api('get', () => this.warehouse.getJob(text(projectId), text(jobId)));
  }
  cancel(projectId: string, jobId: string): Json {
    return this.api('cancel', () => this.warehouse.cancelJob(text(projectId), text(jobId)));
  }
  getQueryResults(projectId: string, jobId: string, optionalArgs?: Json): Json {
    return this.api('getQueryResults', () =>
      this.warehouse.queryResults(text(projectId), text(jobId), plain(optionalArgs)),
    );
  }
  query(resource: Json, projectId: string): Json {
    return this.api('query', () => this.warehouse.query(plain(resource), text(projectId)));
  }
}

export class BigQueryFake {
  readonly Datasets: Datasets;
  readonly Tables: Tables;
  readonly Jobs: Jobs;
  constructor(env: Env) {
    this.Datasets = new Datasets(env);
    this.Tables = new Tables(env);
    this.Jobs = new Jobs(env);
  }
}

export { BlobFake };
