// A person's column beside a pulled table may hold a note per row (a coach's word on several
// agents), which a replace leaves where it is while the rows may move (kept-words.ts says so), or a
// summary of the table about no row ("Avg adherence" over =SUM(G2:G2064)/SUM(F2:F2064), a block of
// totals with its labels), which a warning would send to Merge by key for nothing. Where the cells
// sit cannot tell them apart (three coached agents may be the top three rows); what a summary is can.
// The rule, one for the card before a replace and the words after, over the old table's data rows:
// a block is a run of adjacent columns right of the table, each the person's or unheaded (values
// under a label column's header), each with filled cells within SUMMARY_ROWS rows. A block whose
// filled cells all lie within SUMMARY_ROWS rows, starting on any row, and that holds an aggregate
// (a formula over a range covering at least half the table's rows: F2:F488, A:A) is a summary,
// every column of it: its labels, and =U3/U2 beside its SUMs. Any other column with a filled cell
// among the table's rows is notes, typed text with no aggregate beside it even on rows 2 to 4.
import { filledCell, type Grid } from '../sheet/grid';

/** Rows a summary block may span: a few totals, a blank line or two, their labels. */
export const SUMMARY_ROWS = 12;

/**
 * Rows a formula's widest range covers: A1:B10 is 10, A:A or A2:A (to the sheet's foot) Infinity,
 * 0 for none. Text in quotes ("10:30") is no range.
 */
export function rangeRows(formula: string): number {
  const bare = formula.replace(/"[^"]*"/g, '""');
  const ref = /(?<![\w.$])\$?([A-Z]{0,3})\$?(\d*):\$?([A-Z]{0,3})\$?(\d*)(?![\w(])/gi;
  let widest = 0;
  for (const [, c1, r1, c2, r2] of bare.matchAll(ref)) {
    const rows =
      c1 && c2
        ? r1 && r2
          ? Math.abs(Number(r2) - Number(r1)) + 1
          : Infinity // whole or open-ended columns
        : !c1 && !c2 && r1 && r2
          ? Math.abs(Number(r2) - Number(r1)) + 1
          : 0;
    widest = Math.max(widest, rows);
  }
  return widest;
}

/**
 * Of the sheet columns `cols` (headed by the person beside a table whose last column is left of
 * `from`), those whose cells in the `rows` data rows from sheet row `first` (its header row just
 * above) hold notes row by row rather than a summary. One read of values and one of formulas,
 * header row included, from `from` to the sheet's last used column.
 */
export function rowNoteColumns(
  grid: Pick<Grid, 'read' | 'formulas' | 'used'>,
  first: number,
  rows: number,
  cols: readonly number[],
  from: number,
): Set<number> {
  const found = new Set<number>();
  if (rows <= 0 || cols.length === 0) return found;
  const lo = Math.min(from, ...cols);
  const width = Math.max(grid.used().cols, ...cols) - lo + 1;
  const [head = [], ...values] = grid.read(first - 1, lo, rows + 1, width);
  const formulas = grid.formulas(first, lo, rows, width);
  const own = new Set(cols);
  const aggregate = Math.max(2, rows / 2);
  // Each column's filled rows (0-based), whether one of its cells is an aggregate, and whether it
  // may be part of a block: the person's or unheaded, its cells within SUMMARY_ROWS rows.
  const column = Array.from({ length: width }, (_, k) => {
    const at = values.flatMap((line, r) => (formulas[r]?.[k] || filledCell(line[k]) ? [r] : []));
    const sum = formulas.some((line) => Boolean(line[k]) && rangeRows(line[k] ?? '') >= aggregate);
    const headed = String(head[k] ?? '').trim() !== '';
    const span = at.length ? (at[at.length - 1] ?? 0) - (at[0] ?? 0) + 1 : 0;
    const joins = at.length > 0 && span <= SUMMARY_ROWS && (own.has(lo + k) || !headed);
    return { at, sum, joins };
  });
  for (let k = 0; k < width; k++) {
    if (!column[k]?.joins) continue;
    let end = k;
    while (column[end + 1]?.joins) end++;
    const block = column.slice(k, end + 1);
    const at = block.flatMap((c) => c.at);
    const summary = Math.max(...at) - Math.min(...at) + 1 <= SUMMARY_ROWS && block.some((c) => c.sum);
    if (!summary) for (let j = k; j <= end; j++) found.add(lo + j);
    k = end;
  }
  // A column whose cells spread over more rows than a summary's is notes on its own.
  column.forEach((c, k) => {
    if (c.at.length && !c.joins) found.add(lo + k);
  });
  return new Set(cols.filter((c) => found.has(c)));
}
