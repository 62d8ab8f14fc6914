// The BigQuery destination's server side: consent, which a user may untick at first authorization
// (granular consent), asked again when a pull or refresh goes to BigQuery; and the Cloud project
// remembered for the spreadsheet.
import type { Warehouse } from '../core/bigquery/warehouse';
import { BIGQUERY_SCOPE, bigQueryWarehouse } from './adapters/bigquery-warehouse';
import { BIGQUERY_READONLY_SCOPE } from './adapters/connected-sheets';

const PROJECT_KEY = 'bigquery.project';

/** The project the last BigQuery pull of this spreadsheet used, for the sidebar to offer. */
export function rememberedProject(): string {
  return PropertiesService.getDocumentProperties().getProperty(PROJECT_KEY) ?? '';
}

/**
 * Before a pull or refresh into BigQuery is saved: the user's consent to the BigQuery scope (the
 * first time, Google shows its prompt and ends this execution; the sidebar asks again after),
 * then the project is remembered for the spreadsheet.
 */
export function authorizeTarget(spec: unknown): void {
  const target = (spec as { target?: { kind?: unknown; project?: unknown; view?: unknown } } | null)?.target;
  if (target?.kind !== 'bigquery') return;
  // A Connected Sheets view reads the table with bigquery.readonly: asked now, not mid-load.
  ScriptApp.requireScopes(
    ScriptApp.AuthMode.FULL,
    target.view === true ? [BIGQUERY_SCOPE, BIGQUERY_READONLY_SCOPE] : [BIGQUERY_SCOPE],
  );
  if (typeof target.project === 'string' && target.project.trim())
    PropertiesService.getDocumentProperties().setProperty(PROJECT_KEY, target.project.trim());
}

export function warehouse(): Warehouse {
  const rows = Number(PropertiesService.getScriptProperties().getProperty('BIGQUERY_CHUNK_ROWS'));
  return rows > 0 ? { ...bigQueryWarehouse, chunkRows: rows } : bigQueryWarehouse;
}
