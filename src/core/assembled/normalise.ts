// Dialect differences that span more than one field: live report metrics become rows.
import type { ReportRow } from './model';
import type { Metric } from './schemas/reports';

/**
 * One row per distinct set of attributes (agent or queue, type, time bucket) with a column per
 * metric name, in order of first appearance. Null attributes are left out, as the YAML's rows
 * leave out dimensions a report does not have.
 */
export function metricsToRows(metrics: Metric[]): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  for (const { name, value, attributes } of metrics) {
    const dims = Object.entries(attributes).filter(([, v]) => v !== null);
    const key = JSON.stringify(dims);
    let row = rows.get(key);
    if (!row) {
      row = Object.fromEntries(dims);
      rows.set(key, row);
    }
    row[name] = value;
  }
  return [...rows.values()];
}
