// A Connected Sheets data source sheet as the page shows it: its preview rows under a header row of
// column names, and a banner saying which BigQuery table it reads. It has no cells to edit.
import type { LocalRuntime } from '../gas';
import type { DataSourceModel } from '../gas/services/spreadsheet/data-source';
import { formatTime } from './sheet-view';
import type { CellView, DataSourceInfo, SheetView } from './wire';

function text(value: unknown, type: string, timeZone: string): CellView {
  if (value === null || value === undefined) return { text: '', input: '' };
  const shown =
    type === 'TIMESTAMP' && typeof value === 'number'
      ? formatTime(value, timeZone).replace(/^\w+ /, '')
      : Array.isArray(value)
        ? value.join(', ')
        : String(value);
  return typeof value === 'number' && type !== 'TIMESTAMP'
    ? { text: shown, input: shown, numeric: true }
    : { text: shown, input: shown };
}

export function dataSourceInfo(model: DataSourceModel, timeZone: string): DataSourceInfo {
  const { spec } = model;
  return {
    table: spec.rawQuery
      ? `query: ${spec.rawQuery}`
      : `${spec.tableProjectId}.${spec.datasetId}.${spec.tableId}`,
    state: model.state,
    rows: model.rows.length,
    truncated: model.truncated,
    runBy: model.runBy,
    refreshed: model.lastRefreshedAt === null ? '' : formatTime(model.lastRefreshedAt, timeZone),
    error: model.errorMessage,
  };
}

/** The sheet's view when it is a data source sheet; null for any other sheet. */
export function dataSourceView(rt: LocalRuntime, name: string): SheetView | null {
  const model = rt.workbook.dataSource(name);
  if (!model) return null;
  const zone = rt.workbook.timeZone;
  const header: CellView[] = model.columns.map((c) => ({ text: c.name, input: c.name, bold: true }));
  const rows = model.rows.map((row) => row.map((v, i) => text(v, model.columns[i]?.type ?? '', zone)));
  return {
    name,
    frozenRows: header.length ? 1 : 0,
    frozenColumns: 0,
    columnWidths: {},
    lastRow: rows.length + (header.length ? 1 : 0),
    lastColumn: header.length,
    // Its grid is its preview: a header row over the rows read, a column each.
    maxRows: Math.max(1, rows.length + (header.length ? 1 : 0)),
    maxColumns: Math.max(1, header.length),
    rows: header.length ? [header, ...rows] : [],
    truncated: false,
    charts: [],
    dataSource: dataSourceInfo(model, zone),
  };
}
