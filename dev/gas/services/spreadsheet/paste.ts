// A block of cells copied and pasted as Sheets pastes it, for Range.copyTo and a person's Ctrl+C /
// Ctrl+X / Ctrl+V alike. Apps Script's CopyPasteType.PASTE_NORMAL (what copyTo without options and
// the menu's paste do) is "Paste values, formulas, formats and merges"; Sheets' Paste special also
// offers "Data validation only", and a note pastes with its cell. The stricter reading lays down
// all of it: value or formula, number format, bold, colours, note and data validation, so that a
// row copied in a push sheet carries the add-on's notes and checkboxes, as in Sheets. Merges are
// not pasted (not simulated). A copied formula's relative references move as far as it moved
// (`$` holds them); a cut's formulas move as they are. Paste special ▸ Values only (Ctrl+Shift+V)
// lays down each value as the cell holds it, a formula's result in its place, with its type: a
// date stays a date to the millisecond, its date format coming with it where the cell it lands on
// has none; formulas, text formats, notes and validation stay behind.

import type { GridRange } from './a1.js';
import { applyImpliedFormat } from './cells.js';
import type { Cell, SheetModel } from './model.js';
import { fromR1C1, toR1C1 } from './r1c1.js';

/** What a copy holds: each cell as it was (undefined for an empty one), and where it was. */
export interface CopiedBlock {
  row: number;
  col: number;
  cells: (Cell | undefined)[][];
}

/** contentsOnly: values and formulas; formatOnly: number formats, bold and colours; values only. */
export type PasteWhat = 'all' | 'contents' | 'formats' | 'values';

const cloneCell = (cell: Cell): Cell =>
  cell.validation ? { ...cell, validation: structuredClone(cell.validation) } : { ...cell };

/** The cells of `grid` as they are now: a paste later lays these down, whatever changes meanwhile. */
export function copyBlock(sheet: SheetModel, grid: GridRange): CopiedBlock {
  const cells: (Cell | undefined)[][] = [];
  for (let r = 0; r < grid.numRows; r++) {
    const line: (Cell | undefined)[] = [];
    for (let c = 0; c < grid.numCols; c++) {
      const cell = sheet.get(grid.row + r, grid.col + c);
      line.push(cell ? cloneCell(cell) : undefined);
    }
    cells.push(line);
  }
  return { row: grid.row, col: grid.col, cells };
}

const EMPTY: Cell = { value: '' };

/**
 * Lays one copied cell at (row, col): an empty one empties the cell it lands on. `from` is where
 * the cell was copied from, for its formula's relative references; none for a cut (moved as is).
 */
export function pasteCell(
  sheet: SheetModel,
  row: number,
  col: number,
  copied: Cell | undefined,
  what: PasteWhat,
  from?: { row: number; col: number },
): void {
  const source = copied ?? EMPTY;
  const cell = sheet.ensure(row, col);
  if (what === 'values') {
    cell.value = source.value;
    cell.formula = undefined;
    applyImpliedFormat(cell, source.format);
    return;
  }
  if (what !== 'formats') {
    cell.value = source.value;
    cell.formula =
      source.formula && from
        ? fromR1C1(toR1C1(source.formula, from.row, from.col), row, col)
        : source.formula;
  }
  if (what !== 'contents') {
    cell.format = source.format;
    cell.fontWeight = source.fontWeight;
    cell.background = source.background;
    cell.fontColor = source.fontColor;
  }
  if (what === 'all') {
    cell.note = source.note;
    cell.validation = source.validation ? structuredClone(source.validation) : undefined;
  }
}

/** Lays the block from (row, col) in its own size; `moved`: a cut's, whose formulas keep their references. */
export function pasteBlock(
  sheet: SheetModel,
  row: number,
  col: number,
  block: CopiedBlock,
  what: PasteWhat,
  moved = false,
): void {
  block.cells.forEach((line, r) => {
    line.forEach((cell, c) => {
      const from = moved ? undefined : { row: block.row + r, col: block.col + c };
      pasteCell(sheet, row + r, col + c, cell, what, from);
    });
  });
}
