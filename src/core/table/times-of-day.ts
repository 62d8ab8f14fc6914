// Whether a table's rows carry times of day, which a clock change repeats or skips (its header note
// says so then). Rows with a start and an end are judged by those: all-day time off holds its days
// under First day and Last day, its Start and End blank, and the Created and Updated stamps beside
// them are not the times the range selects.
import type { Table } from './build-table';

const ENDS = new Set(['start_time', 'end_time']);

export function holdsTimesOfDay(table: Table): boolean {
  const ends = table.columns.filter((c) => ENDS.has(c.key));
  return (ends.length ? ends : table.columns).some((c) => c.kind === 'datetime');
}
