// A column a person adds beside a pulled table with one formula on every data row (=G2/F2 down
// column I: in R1C1 notation the same text on each row) goes on down the rows a write adds, as a
// calculated column of a Sheets table does. A column that is not uniform (values, blanks or
// differing formulas) is left as it is. Merge and append write such cells with their rows (no
// call of their own); a replace, whose block stops short of the person's columns, writes them per
// run of adjacent columns, in slices of at most MAX_CELLS_PER_WRITE cells (where this user may edit them).
import { type Extent, type Grid, MAX_CELLS_PER_WRITE } from './grid';
import { type BodyCell, KeptFormula } from './kept-formula';
import { WriteRefused } from './write-refused';

/** Data rows a column needs, all one formula, to be taken as filled down: one alone may be a one-off. */
const LEAST_ROWS = 2;

const blank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * Of the columns `own` (0-based from `col`), those whose `rows` data rows from `first` all hold
 * one formula: index -> that formula in R1C1 notation. One read over their span.
 */
function uniformColumns(
  grid: Grid,
  first: number,
  rows: number,
  col: number,
  own: readonly number[],
): Map<number, string> {
  const found = new Map<number, string>();
  if (!grid.formulasR1C1 || rows < LEAST_ROWS || own.length === 0) return found;
  const lo = Math.min(...own);
  const lines = grid.formulasR1C1(first, col + lo, rows, Math.max(...own) - lo + 1);
  for (const k of own) {
    const formula = lines[0]?.[k - lo];
    if (formula && lines.every((line) => line[k - lo] === formula)) found.set(k, formula);
  }
  return found;
}

/**
 * Merge and append: the columns `own` that the table's `rows` data rows under its header at
 * (row, col) fill with one formula, each as its first data row holds it, to be written on the rows
 * the write adds (fillBody).
 */
export function formulaColumns(
  grid: Grid,
  o: { row: number; col: number },
  rows: number,
  own: readonly number[],
): Map<number, KeptFormula> {
  const uniform = [...uniformColumns(grid, o.row + 1, rows, o.col, own).keys()];
  if (uniform.length === 0) return new Map();
  const lo = Math.min(...uniform);
  const first = grid.formulas(o.row + 1, o.col + lo, 1, Math.max(...uniform) - lo + 1)[0] ?? [];
  return new Map(uniform.map((k) => [k, new KeptFormula(first[k - lo] ?? '', o.row + 1)]));
}

/**
 * Puts each column's formula in the body's blank cells of that column: the rows the write adds
 * (the sheet's rows there hold it already). Written at its row, it points at that row.
 */
export function fillBody(body: BodyCell[][], formulas: ReadonlyMap<number, KeptFormula>): void {
  if (formulas.size === 0) return;
  for (const row of body) for (const [k, formula] of formulas) if (blank(row[k])) row[k] = formula;
}

/**
 * Replace: the person's columns right of the table's block, from column index `from` to `to`
 * (exclusive, 0-based from `col`), filled down the rows the table grew by, from `before` rows to
 * `now` (header included). A column goes on only where those cells are empty or hold its formula
 * already (a total typed under it leaves it as it is). Returns the write calls made.
 */
export function fillBeside(
  grid: Grid,
  at: { row: number; col: number },
  before: Extent,
  now: Extent,
  span: { from: number; to: number },
): number {
  const old = before.rows - 1;
  const added = now.rows - before.rows;
  if (!grid.formulasR1C1 || !grid.writeFormulasR1C1 || added <= 0 || span.to <= span.from) return 0;
  const own = Array.from({ length: span.to - span.from }, (_, i) => span.from + i);
  const uniform = uniformColumns(grid, at.row + 1, old, at.col, own);
  if (uniform.size === 0) return 0;
  // What the rows added hold there now: a cell a formula leaves blank still holds the formula.
  const top = at.row + before.rows;
  const width = span.to - span.from;
  const values = grid.read(top, at.col + span.from, added, width);
  const formulas = grid.formulasR1C1(top, at.col + span.from, added, width);
  const free = [...uniform].filter(([k, formula]) =>
    values.every((line, r) => {
      const f = formulas[r]?.[k - span.from];
      return f === formula || (!f && blank(line[k - span.from]));
    }),
  );
  let calls = 0;
  // The table is in place by now: a column this user may not edit (protected) is left as it is,
  // and the others of its run are written one by one.
  const write = (run: number[]): void => {
    const line = run.map((k) => uniform.get(k) ?? '');
    // In slices of whole rows, as the table's own rows go: a larger call may time out in Sheets.
    const step = Math.max(1, Math.floor(MAX_CELLS_PER_WRITE / line.length));
    try {
      for (let r = 0; r < added; r += step) {
        calls++;
        grid.writeFormulasR1C1?.(
          top + r,
          at.col + (run[0] as number),
          Array.from({ length: Math.min(step, added - r) }, () => line),
        );
      }
    } catch (e) {
      if (!(e instanceof WriteRefused)) throw e;
      if (run.length > 1) for (const k of run) write([k]);
    }
  };
  for (const run of runs(free.map(([k]) => k))) write(run);
  return calls;
}

/** Ascending indices as runs of adjacent ones: [3, 4, 6] -> [[3, 4], [6]]. */
function runs(indices: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const k of indices) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === k - 1) last.push(k);
    else out.push([k]);
  }
  return out;
}
