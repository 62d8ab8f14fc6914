// Rows a summary counts and names the first few of ("rows 4, 9, 12, 30, 41 and 48 more"): rows
// replacing their agent's ID, time off created in the past. Kept with a push, so only those few
// row numbers are stored however many rows there are.
import { countText, someOf } from '../count-text';

export interface CountedRows {
  count: number;
  /** The first few rows counted (NAMED). */
  rows: number[];
}

/** Rows named in the summaries before "and N more". */
const NAMED = 5;

/** `counted` with `row` added. */
export function countRow(counted: CountedRows | undefined, row: number): CountedRows {
  const { count, rows } = counted ?? { count: 0, rows: [] };
  return { count: count + 1, rows: rows.length < NAMED ? [...rows, row] : rows };
}

/** The rows counted, as the summaries name them: "row 4", "rows 4 and 9", "rows 4, …, 41 and 48 more". */
export function countedRowsText({ count, rows }: CountedRows): string {
  const more = count - rows.length;
  const named = rows.map(String);
  const list =
    more > 0 ? `${named.join(', ')} and ${countText(more)} more` : someOf(named, named.length, 'and');
  return `${count === 1 ? 'row' : 'rows'} ${list}`;
}
