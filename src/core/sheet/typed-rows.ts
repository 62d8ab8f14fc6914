// Rows a person types straight under a pulled table, in its own columns, join it, as rows typed
// under a Sheets table do: a new activity typed under a schedule and pushed is listed by the next
// pull, which must neither refuse to write over it (the sheet could then never be pulled again)
// nor list it beside its typed copy. The rows taken in run from the row under the table's block
// down to the first that is not a row of data: blank in the table's columns, one cell alone (a
// label, a note), or a formula there (a total: =SUM(F2:F751), which stays the person's, so the
// write is refused over it: writeTable's refuseCovering says what to do).
import { type Extent, filledCell as filled, type Grid } from './grid';

/** Rows read at a time, from the row under the block down. */
const CHUNK = 200;

/** Cells a row of data fills in the table's columns at least: one alone is a label or a note. */
const LEAST_CELLS = 2;

/**
 * How many rows right under the table's block `block` (header included, at (row, col)) are rows of
 * data typed into it since it was written.
 */
export function typedRows(grid: Grid, at: { row: number; col: number }, block: Extent): number {
  if (block.rows <= 0 || block.cols <= 0) return 0;
  const first = at.row + block.rows;
  const last = grid.used().rows;
  let rows = 0;
  for (let from = first; from <= last; from += CHUNK) {
    const n = Math.min(CHUNK, last - from + 1);
    const values = grid.read(from, at.col, n, block.cols);
    const formulas = grid.formulas(from, at.col, n, block.cols);
    for (let r = 0; r < n; r++) {
      if (formulas[r]?.some(Boolean) || (values[r] ?? []).filter(filled).length < LEAST_CELLS) return rows;
      rows++;
    }
  }
  return rows;
}
