// Rows of a range sorted as Sheets sorts them, for Range.sort and a person's Data ▸ Sort range
// alike. Each row moves whole within the range's columns only (the cells beside it stay): value or
// formula, formats, note and data validation, as a paste moves them (paste.ts), a formula's
// relative references moving as far as its row did. Numbers (dates among them) come before text,
// text (case aside) before TRUE and FALSE; empty cells go last either way; rows that tie keep
// their order.

import { a1Notation, columnLetters, type GridRange } from './a1.js';
import { intersects, type SheetModel } from './model.js';
import { copyBlock, pasteCell } from './paste.js';

/** A column of the sheet (1-based, as Apps Script counts it) and its direction. */
export interface SortSpec {
  column: number;
  ascending: boolean;
}

const text = new Intl.Collator('en', { sensitivity: 'base' });

/** Where a value sorts among the kinds: numbers, text, booleans. */
const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);

function compare(a: unknown, b: unknown): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') return text.compare(a, String(b));
  return Number(a) - Number(b);
}

/** Sorts the rows of `grid` by `specs` (the first deciding, the next breaking its ties). */
export function sortRows(sheet: SheetModel, grid: GridRange, specs: SortSpec[]): void {
  const last = grid.col + grid.numCols - 1;
  for (const { column } of specs)
    if (!Number.isInteger(column) || column < grid.col || column > last)
      throw new Error(
        `Column ${column} is not in the range ${a1Notation(grid)}: sort by one of its columns, ${grid.col} (${columnLetters(grid.col)}) to ${last} (${columnLetters(last)}).`,
      );
  // The stricter reading: Sheets refuses some merges in a sort, and they are not simulated here.
  if (sheet.merges.some((m) => intersects(m, grid)))
    throw new Error(
      `Sorting a range with merged cells (${a1Notation(grid)}) is not simulated: unmerge them first.`,
    );
  const keys = (row: number) => specs.map(({ column }) => sheet.get(row, column)?.value ?? '');
  const rows = Array.from({ length: grid.numRows }, (_, i) => ({
    at: grid.row + i,
    keys: keys(grid.row + i),
  }));
  rows.sort((x, y) => {
    for (const [i, { ascending }] of specs.entries()) {
      const a = x.keys[i];
      const b = y.keys[i];
      if (a === '' || b === '') {
        if (a !== b) return a === '' ? 1 : -1;
        continue;
      }
      const order = compare(a, b);
      if (order !== 0) return ascending ? order : -order;
    }
    return 0;
  });
  // Read every cell first: the rows land where others were.
  const block = copyBlock(sheet, grid);
  rows.forEach(({ at }, i) => {
    block.cells[at - grid.row]?.forEach((cell, c) => {
      pasteCell(sheet, grid.row + i, grid.col + c, cell, 'all', { row: at, col: grid.col + c });
    });
  });
}
