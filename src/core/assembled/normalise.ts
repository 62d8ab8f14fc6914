// Dialect differences that span more than one field: live report metrics become rows.
import { AssembledError } from './errors';
import type { ReportRow } from './model';
import type { Metric } from './schemas/reports';

/**
 * One row per distinct set of attributes (agent or queue, type, time bucket) with a column per
 * metric name, in order of first appearance. Null attributes are left out, as the YAML's rows
 * leave out dimensions a report does not have. A name twice under the same attributes is two rows
 * the metrics do not tell apart (a queue they do not name): refused, never one figure kept.
 */
export function metricsToRows(metrics: Metric[]): ReportRow[] {
  const rows = new Map<string, ReportRow>();
  const named = new Set<string>();
  for (const { name, value, attributes } of metrics) {
    const dims = Object.entries(attributes).filter(([, v]) => v !== null);
    const key = JSON.stringify(dims);
    let row = rows.get(key);
    if (!row) {
      row = Object.fromEntries(dims);
      rows.set(key, row);
    }
    if (named.has(`${name} ${key}`))
      throw twice(
        name,
        dims.map(([k]) => k),
      );
    named.add(`${name} ${key}`);
    row[name] = value;
  }
  return [...rows.values()];
}

function twice(name: string, attributes: string[]): AssembledError {
  return new AssembledError({
    kind: 'unexpected_response',
    status: 200,
    endpoint: 'GET /v0/reports/{id}',
    message: `Assembled's report gave "${name}" more than once for the same ${attributes.join(', ') || 'row'}, so its rows could not be told apart (they are for different queues or agents it does not name). Nothing was written: filter the pull to one queue, or one agent, at a time.`,
  });
}
