// How a table is partitioned and clustered. BigQuery keeps a table's layout over a replace
// (WRITE_TRUNCATE), which must name the same layout, and changes it only by dropping the table:
// rows that lack its partitioning or clustering column (another report's) need a table made anew.
import type { Field } from './schema';

export interface Layout {
  timePartitioning?: { type: string; field?: string };
  clustering?: { fields: string[] };
}

const dated = (f: Field | undefined) => f !== undefined && ['TIMESTAMP', 'DATE'].includes(f.type);

/**
 * A new table's: by day on its start time (time off on its first day: an all-day request has no
 * start time), clustered by agent, so a query over a week reads a week.
 */
export function layoutFor(fields: readonly Field[]): Layout {
  const field = (n: string) => fields.find((f) => f.name === n);
  const partition = ['first_day', 'start_time', 'start', 'date', 'created_at'].find((n) => dated(field(n)));
  const cluster = ['agent_id', 'queue_id', 'id'].find((n) => field(n));
  return {
    ...(partition ? { timePartitioning: { type: 'DAY', field: partition } } : {}),
    ...(cluster ? { clustering: { fields: [cluster] } } : {}),
  };
}

/** Whether a table laid out so can hold `fields`: its partitioning and clustering columns are among them. */
export function holds(layout: Layout, fields: readonly Field[]): boolean {
  const field = (n: string) => fields.find((f) => f.name.toLowerCase() === n.toLowerCase());
  const partition = layout.timePartitioning?.field;
  // A table partitioned by ingestion time (no field) holds any rows.
  return (
    (partition === undefined || dated(field(partition))) &&
    (layout.clustering?.fields ?? []).every((n) => field(n) !== undefined)
  );
}

/** A table's layout alone (a TableInfo carries its schema and more). */
export function layoutOf({ timePartitioning, clustering }: Layout): Layout {
  return { ...(timePartitioning ? { timePartitioning } : {}), ...(clustering ? { clustering } : {}) };
}
