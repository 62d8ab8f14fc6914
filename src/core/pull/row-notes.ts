// A person's column beside a pulled table may hold a note per row (a coach's word on several
// agents), which a replace leaves where it is while the rows may move (kept-words.ts says so), or a
// summary of the table about no row: "Avg adherence" over =SUM(G2:G2064)/SUM(F2:F2064) in the row
// under it, a small block of totals. Nothing of a summary moves off its row, and a warning of it
// would send the person to Merge by key for nothing. The rule, one for the card before a replace
// and the words after: a column is a summary when its filled cells among the table's data rows
// all lie in the first SUMMARY_ROWS of them and cover fewer than half the data rows (two of four
// rows are notes). A single note on the first row alone reads as a summary: the cells cannot tell.
import type { Grid } from '../sheet/grid';

/** Data rows at the top a summary may fill: "a total, an average" and a line or two more. */
export const SUMMARY_ROWS = 3;

const filled = (v: unknown, f: string | undefined) =>
  Boolean(f) || !(v === '' || v === null || v === undefined);

/**
 * Of the sheet columns `cols`, those whose `rows` data rows from sheet row `first` hold notes row by
 * row rather than a summary at the top. One read of values and one of formulas over their span.
 */
export function rowNoteColumns(
  grid: Pick<Grid, 'read' | 'formulas'>,
  first: number,
  rows: number,
  cols: readonly number[],
): Set<number> {
  const found = new Set<number>();
  if (rows <= 0 || cols.length === 0) return found;
  const lo = Math.min(...cols);
  const width = Math.max(...cols) - lo + 1;
  const values = grid.read(first, lo, rows, width);
  const formulas = grid.formulas(first, lo, rows, width);
  for (const col of cols) {
    const k = col - lo;
    const at = values.flatMap((line, r) => (filled(line[k], formulas[r]?.[k]) ? [r] : []));
    const summary = at.every((r) => r < SUMMARY_ROWS) && at.length * 2 < rows;
    if (!summary) found.add(col);
  }
  return found;
}
