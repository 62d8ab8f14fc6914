// A column a person adds beside a pulled table with one formula on every data row (=G2/F2 down
// column I: in R1C1 notation the same text on each row) goes on down the rows a write adds, as a
// calculated column of a Sheets table does. A column that is not uniform (values, blanks or
// differing formulas) is left as it is. Merge and append write such cells with their rows (no
// call of their own); a replace, whose block stops short of the person's columns, writes them per
// run of adjacent columns, in slices of at most MAX_CELLS_PER_WRITE cells (where this user may edit them).
// A cell of theirs that holds something else in the rows added (a total typed under the table) is
// left as it is, the column filled around it, and told (LeftBeside): the table's rows now pass it.
// A replace that shrinks the table takes the column's formula off the rows it no longer reaches,
// as it clears its own cells there (a formula beside an empty row shows 0, which a COUNT counts).
// A merge that takes rows out needs no such step: its rows carry the person's cells, and the rows
// it leaves are cleared whole (clearTakenOut); an append only adds.
import { cellName } from './a1';
import { type Extent, type Grid, MAX_CELLS_PER_WRITE } from './grid';
import { type BodyCell, KeptFormula } from './kept-formula';
import { WriteRefused } from './write-refused';

/** Data rows a column needs, all one formula, to be taken as filled down: one alone may be a one-off. */
const LEAST_ROWS = 2;

const blank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * Cells of the person's own columns, in the rows a write added, that held something other than their
 * column's formula: left as they were, now beside the table's rows.
 */
export interface LeftBeside {
  /** A1 name, sheet row, and whether its column was filled down around it (it lacks the formula now). */
  cells: { name: string; row: number; refill: boolean }[];
  /** The table's last row: below it they are out of its way. */
  end: number;
}

/** The formula columns a replace took off the rows its table no longer reaches. */
export interface ClearedBeside {
  headers: string[];
  /** The table's last row now: the formula is cleared below it. */
  end: number;
  /** With the header alone left, the row under it, which keeps the formula (clearBelow). */
  kept?: number;
}

/** What a write did in the person's columns over the rows it added, or a replace over those it left. */
export interface Beside {
  /** Headers of the formula columns filled down them. */
  filled: string[];
  left?: LeftBeside;
  cleared?: ClearedBeside;
}

/**
 * Of the columns `own` (0-based from `col`), those whose `rows` data rows from `first` all hold
 * one formula: index -> that formula in R1C1 notation. One read over their span. A table of no
 * data rows (`rows` 0) has the formula a column holds in the row under its header: a replace that
 * left the table empty kept it there (clearBelow), and beside no row it is no one-off about one.
 */
export function uniformColumns(
  grid: Pick<Grid, 'formulasR1C1'>,
  first: number,
  rows: number,
  col: number,
  own: readonly number[],
): Map<number, string> {
  const found = new Map<number, string>();
  const [span, least] = rows === 0 ? [1, 1] : [rows, LEAST_ROWS];
  if (!grid.formulasR1C1 || span < least || own.length === 0) return found;
  const lo = Math.min(...own);
  const lines = grid.formulasR1C1(first, col + lo, span, Math.max(...own) - lo + 1);
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
 * (the sheet's rows there hold it already). Written at its row, it points at that row. Returns the
 * columns it filled.
 */
export function fillBody(body: BodyCell[][], formulas: ReadonlyMap<number, KeptFormula>): number[] {
  const filled = new Set<number>();
  if (formulas.size === 0) return [];
  for (const row of body)
    for (const [k, formula] of formulas)
      if (blank(row[k])) {
        row[k] = formula;
        filled.add(k);
      }
  return [...filled].sort((a, b) => a - b);
}

/**
 * Merge and append: the person's cells (columns `own`) in the sheet's rows the write adds, body rows
 * from `from` on, the body's first at (row, col). One that holds something other than its column's
 * formula (a total typed under the table) is written back as it is, a formula as its formula, where
 * the write would blank or fill it; the cells are returned. Past the sheet's used rows all is empty.
 */
export function keepOwnCells(
  grid: Grid,
  body: BodyCell[][],
  at: { row: number; col: number },
  from: number,
  own: readonly number[],
  formulas: ReadonlyMap<number, KeptFormula>,
): LeftBeside['cells'] {
  const first = at.row + from;
  const rows = Math.min(body.length, grid.used().rows - at.row + 1) - from;
  if (rows <= 0 || own.length === 0) return [];
  const lo = Math.min(...own);
  const width = Math.max(...own) - lo + 1;
  const values = grid.read(first, at.col + lo, rows, width);
  const texts = grid.formulas(first, at.col + lo, rows, width);
  const cells: LeftBeside['cells'] = [];
  for (let r = 0; r < rows; r++) {
    const row = first + r;
    for (const k of own) {
      const [v, f] = [values[r]?.[k - lo], texts[r]?.[k - lo]];
      // A merge or append cut short and run again finds its own fill there.
      if (f ? formulas.get(k)?.at(row) === f : blank(v)) continue;
      (body[from + r] as BodyCell[])[k] = f ? new KeptFormula(f, row) : (v ?? '');
      cells.push({ name: cellName(row, at.col + k), row, refill: formulas.has(k) });
    }
  }
  return cells;
}

/** What a replace's fill did: its write calls, the columns of one formula all down, what it told. */
export interface FilledBeside {
  calls: number;
  /** Sheet columns (1-based) holding one formula down the table's rows before it (after it, when it shrank). */
  uniform: Set<number>;
  beside?: Beside;
}

/**
 * Replace: the person's columns right of the table's block, from column index `from` to `to`
 * (exclusive, 0-based from `col`), headed `header`, filled down the rows the table grew by, from
 * `before` rows to `now` (header included). A column goes on in each cell that is empty or holds
 * its formula already; a cell that holds something else (a total typed under it) is left as it is,
 * and so is one in any of the person's columns, each said in `beside`. A table that shrank has its
 * columns' formula taken off the rows it left (clearBelow).
 */
export function fillBeside(
  grid: Grid,
  at: { row: number; col: number },
  before: Extent,
  now: Extent,
  span: { from: number; to: number },
  header: readonly string[] = [],
): FilledBeside {
  const none = { calls: 0, uniform: new Set<number>() };
  if (!grid.formulasR1C1 || !grid.writeFormulasR1C1 || span.to <= span.from) return none;
  const own = Array.from({ length: span.to - span.from }, (_, i) => span.from + i);
  const uniform = uniformColumns(grid, at.row + 1, before.rows - 1, at.col, own);
  const found = { ...none, uniform: new Set([...uniform.keys()].map((k) => at.col + k)) };
  if (now.rows < before.rows) {
    const { calls, formulas, cleared } = clearBelow(grid, at, before, now, own, uniform, header);
    const columns = new Set([...formulas.keys()].map((k) => at.col + k));
    return { calls, uniform: columns, ...(cleared ? { beside: { filled: [], cleared } } : {}) };
  }
  const added = now.rows - before.rows;
  if (added <= 0) return found;
  // What the rows added hold there now: a cell a formula leaves blank still holds the formula.
  const top = at.row + before.rows;
  const width = span.to - span.from;
  const values = grid.read(top, at.col + span.from, added, width);
  const formulas = grid.formulasR1C1(top, at.col + span.from, added, width);
  const free = (r: number, k: number): boolean => {
    const f = formulas[r]?.[k - span.from];
    return f ? f === uniform.get(k) : blank(values[r]?.[k - span.from]);
  };
  const cells: LeftBeside['cells'] = [];
  for (let r = 0; r < added; r++)
    for (const k of own)
      if (!free(r, k))
        cells.push({ name: cellName(top + r, at.col + k), row: top + r, refill: uniform.has(k) });
  let calls = 0;
  // The table is in place by now: a column this user may not edit (protected) is left as it is.
  const wrote = inBlocks(
    added,
    (r) => [...uniform.keys()].filter((k) => free(r, k)),
    (run, from, rows) => {
      const line = run.map((k) => uniform.get(k) ?? '');
      // In slices of whole rows, as the table's own rows go: a larger call may time out in Sheets.
      const step = Math.max(1, Math.floor(MAX_CELLS_PER_WRITE / line.length));
      for (let r = from; r < from + rows; r += step) {
        calls++;
        grid.writeFormulasR1C1?.(
          top + r,
          at.col + (run[0] as number),
          Array.from({ length: Math.min(step, from + rows - r) }, () => line),
        );
      }
    },
  );
  const filled = [...uniform.keys()].filter((k) => wrote.has(k)).map((k) => header[k] ?? '');
  if (!filled.length && !cells.length) return { ...found, calls };
  const left = cells.length ? { left: { cells, end: at.row + now.rows - 1 } } : {};
  return { ...found, calls, beside: { filled, ...left } };
}

/**
 * Replace, the table shrunk from `before` rows to `now`: in the person's columns `own`, the cells of
 * the rows it no longer reaches that hold their column's formula (`was`: as the old rows held it)
 * are cleared, as the table's own cells there are; anything else there (a total, a note, another
 * formula) is theirs and stays. Only inside the old block: what lies below it is someone's.
 */
function clearBelow(
  grid: Grid,
  at: { row: number; col: number },
  before: Extent,
  now: Extent,
  own: readonly number[],
  was: ReadonlyMap<number, string>,
  header: readonly string[],
): { calls: number; formulas: ReadonlyMap<number, string>; cleared?: ClearedBeside } {
  const rows = now.rows - 1;
  // The column's formula as the table's rows hold it now; one row or none are too few to tell a
  // column by (a one-off), so then as its old rows held it.
  const formulas = rows >= LEAST_ROWS ? uniformColumns(grid, at.row + 1, rows, at.col, own) : was;
  // A table left with its header alone keeps the formula in the row under it, beside no data,
  // as a Sheets table keeps its calculated column in its one empty row: cleared, the column would
  // be lost for good after a week with no rows, and the person would type it and fill it down
  // again; kept, the next pull that brings rows fills it down from there (uniformColumns).
  const top = at.row + Math.max(now.rows, 2);
  const count = at.row + before.rows - top;
  const columns = [...formulas.keys()];
  if (count <= 0 || columns.length === 0 || !grid.formulasR1C1) return { calls: 0, formulas };
  const lo = Math.min(...columns);
  const lines = grid.formulasR1C1(top, at.col + lo, count, Math.max(...columns) - lo + 1);
  let calls = 0;
  const done = inBlocks(
    count,
    (r) => columns.filter((k) => lines[r]?.[k - lo] === formulas.get(k)),
    (run, from, n) => {
      calls++;
      grid.clear(top + from, at.col + (run[0] as number), n, run.length);
    },
  );
  const headers = columns.filter((k) => done.has(k)).map((k) => header[k] ?? '');
  if (!headers.length) return { calls, formulas };
  const kept = rows === 0 ? { kept: at.row + 1 } : {};
  return { calls, formulas, cleared: { headers, end: at.row + now.rows - 1, ...kept } };
}

/**
 * Over `count` rows, each taking the columns `takes(r)` (ascending): rows alike in which columns
 * they take go in one block, and each run of adjacent columns of a block in one `act` (a cell left
 * as it is splits the rest). A run refused (a column this user may not edit, protected) is done
 * column by column, the refused ones left as they are. Returns the columns acted on.
 */
function inBlocks(
  count: number,
  takes: (r: number) => number[],
  act: (run: number[], from: number, rows: number) => void,
): Set<number> {
  const done = new Set<number>();
  const attempt = (run: number[], from: number, rows: number): void => {
    try {
      act(run, from, rows);
      for (const k of run) done.add(k);
    } catch (e) {
      if (!(e instanceof WriteRefused)) throw e;
      if (run.length > 1) for (const k of run) attempt([k], from, rows);
    }
  };
  for (let r = 0; r < count; ) {
    const these = takes(r);
    let end = r + 1;
    while (end < count && same(takes(end), these)) end++;
    for (const run of runs(these)) attempt(run, r, end - r);
    r = end;
  }
  return done;
}

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

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
