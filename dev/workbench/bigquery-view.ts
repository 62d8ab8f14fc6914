// The workbench's window on the fake BigQuery (dev/gas/bigquery/): the project's datasets and
// tables with their schema, size, partitioning and clustering, and SQL run as the console runs it.
import type { LocalRuntime } from '../gas';
import { BigQueryError } from '../gas/bigquery/errors.js';
import type { BigQueryExplorerView, BigQueryQueryReply, BigQueryTableView } from './bigquery-wire';

type Json = Record<string, unknown>;

/** Rows a query shows at most (the console pages; the workbench keeps the first page). */
export const QUERY_ROWS_SHOWN = 500;

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function tableView(rt: LocalRuntime, project: string, datasetId: string, tableId: string): BigQueryTableView {
  const t = rt.bigquery.getTable(project, datasetId, tableId) as Json;
  const fields = ((t.schema as Json | undefined)?.fields ?? []) as Json[];
  const partitioning = t.timePartitioning as { type?: string; field?: string } | undefined;
  return {
    datasetId,
    tableId,
    fields: fields.map((f) => ({
      name: String(f.name),
      type: String(f.type),
      mode: String(f.mode ?? 'NULLABLE'),
      description: String(f.description ?? ''),
    })),
    numRows: Number(t.numRows ?? 0),
    numBytes: Number(t.numBytes ?? 0),
    partitioning: partitioning
      ? `${partitioning.type ?? 'DAY'} on ${partitioning.field ?? '_PARTITIONTIME'}`
      : '',
    clustering: (((t.clustering as Json | undefined)?.fields ?? []) as unknown[]).map(String),
    modified: utc(Number(t.lastModifiedTime ?? 0)),
  };
}

export function bigQueryExplorer(rt: LocalRuntime, project: string): BigQueryExplorerView {
  const list = rt.bigquery.listDatasets(project) as { datasets?: { datasetReference: Json }[] };
  const datasets = (list.datasets ?? []).map((d) => {
    const datasetId = String(d.datasetReference.datasetId);
    const tables = (rt.bigquery.listTables(project, datasetId) as { tables?: { tableReference: Json }[] })
      .tables;
    return {
      datasetId,
      tables: (tables ?? []).map((t) => tableView(rt, project, datasetId, String(t.tableReference.tableId))),
    };
  });
  return { project, datasets };
}

/** A REST cell `{v}` as the console shows it. */
function shown(v: unknown, type: string): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map((item) => shown((item as Json).v, type)).join(', ')}]`;
  if (type === 'TIMESTAMP') return utc(Number(v) * 1000);
  return String(v);
}

export function bigQueryQuery(rt: LocalRuntime, project: string, sql: string): BigQueryQueryReply {
  if (!sql.trim()) return { ok: false, message: 'Syntax error: Unexpected end of script' };
  try {
    const result = rt.bigquery.query(
      { query: sql, useLegacySql: false, maxResults: QUERY_ROWS_SHOWN },
      project,
    ) as Json;
    const fields = (((result.schema as Json | undefined)?.fields ?? []) as Json[]).map((f) => ({
      name: String(f.name),
      type: String(f.type),
    }));
    const rows = ((result.rows ?? []) as { f: { v: unknown }[] }[]).map((row) =>
      row.f.map((c, i) => shown(c.v, fields[i]?.type ?? '')),
    );
    return {
      ok: true,
      fields,
      rows,
      totalRows: Number(result.totalRows ?? rows.length),
      bytesProcessed: Number(result.totalBytesProcessed ?? 0),
      ...(result.numDmlAffectedRows !== undefined ? { affectedRows: Number(result.numDmlAffectedRows) } : {}),
    };
  } catch (error) {
    // BigQuery's own words, as the console shows them under the editor.
    if (error instanceof BigQueryError) return { ok: false, message: error.message };
    throw error;
  }
}
