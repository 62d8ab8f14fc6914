// What the BigQuery destination needs from Google's side (the adapter is the advanced service).
import type { Field } from './schema';
import type { Layout } from './table-layout';

export interface TableRef {
  projectId: string;
  datasetId: string;
  tableId: string;
}

/**
 * A table's reference and nothing else, as BigQuery's requests carry it: Google refuses a field
 * its message lacks, and a pull's target carries its mode, key and run as well.
 */
export function tableRefOf({ projectId, datasetId, tableId }: TableRef): TableRef {
  return { projectId, datasetId, tableId };
}

export interface TableInfo extends Layout {
  fields: { name: string; type: string; mode?: string; description?: string }[];
  numRows: number;
  /** The table's description: what the add-on loaded into it, where it made it (table-source.ts). */
  description?: string;
}

export interface JobInfo {
  done: boolean;
  /** BigQuery's own words when the job failed (errorResult, then the first row error). */
  error?: string;
  outputRows?: number;
  affectedRows?: number;
}

/** A refused call, in BigQuery's own words (404 not found, 409 already exists, ...). */
export class WarehouseError extends Error {
  constructor(
    message: string,
    readonly code: number,
    /** BigQuery's reason (backendError, rateLimitExceeded, notFound, ...) when it gave one. */
    readonly reason = '',
  ) {
    super(message);
    this.name = 'WarehouseError';
  }
}

export interface Warehouse {
  /** Rows per load job at most, when set lower than the default (an operator's tuning). */
  chunkRows?: number;
  /** null when the table does not exist. */
  table(ref: TableRef): TableInfo | null;
  /** Creates the dataset if it is missing. */
  ensureDataset(projectId: string, datasetId: string): void;
  createTable(ref: TableRef, fields: Field[], options: Layout & { description?: string }): void;
  /** Adds columns (the whole schema as it should be, old columns first). */
  patchSchema(ref: TableRef, fields: Field[]): void;
  describeTable(ref: TableRef, description: string): void;
  /**
   * Starts a job with the caller's id; a second start with the same id (a retry after a kill)
   * answers the job already started, never a second one.
   */
  startJob(projectId: string, jobId: string, configuration: object, data?: string): JobInfo;
  job(projectId: string, jobId: string): JobInfo;
  /**
   * Asks BigQuery to cancel a job; answers at once, the job perhaps still running (poll it). A job
   * ended already is left as it ended, and one near its end may end as it would have.
   */
  cancelJob(projectId: string, jobId: string): JobInfo;
  dropTable(ref: TableRef): void;
  sleep(ms: number): void;
}
