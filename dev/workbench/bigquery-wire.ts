// What the workbench's BigQuery explorer (page/bigquery.ts) and the server (bigquery-view.ts) say
// to each other: the fake project's datasets and tables, and a query's result or BigQuery's error.

export interface BigQueryFieldView {
  name: string;
  /** BigQuery's type name as the REST API gives it (STRING, INTEGER, TIMESTAMP, ...). */
  type: string;
  mode: string;
  description: string;
}

export interface BigQueryTableView {
  datasetId: string;
  tableId: string;
  fields: BigQueryFieldView[];
  numRows: number;
  numBytes: number;
  /** e.g. "DAY on start_time"; empty when the table is not partitioned. */
  partitioning: string;
  clustering: string[];
  /** Virtual time of the last change, in the spreadsheet's zone. */
  modified: string;
}

export interface BigQueryExplorerView {
  project: string;
  datasets: { datasetId: string; tables: BigQueryTableView[] }[];
}

export type BigQueryQueryReply =
  | {
      ok: true;
      fields: { name: string; type: string }[];
      /** Cells as the console shows them (TIMESTAMP as "YYYY-MM-DD hh:mm:ss UTC", null as ""). */
      rows: string[][];
      totalRows: number;
      bytesProcessed: number;
      /** DML statements: rows inserted, updated or deleted. */
      affectedRows?: number;
    }
  | { ok: false; message: string };
