// A person's selection: only cells the sheet has. Shared by the fake services and the workbench's
// name box, so both say the same of a range past the sheet's edge.

import { columnLetters, type GridRange } from './a1.js';

/**
 * A selection as it lies on a sheet now: cut to the sheet's last row and column. Nobody can select
 * past them in Sheets, and rows or columns deleted under a selection take it to the sheet's edge
 * (the stricter reading: a person's active cell is always a cell of the sheet).
 */
export function withinSheet(g: GridRange, maxRows: number, maxCols: number): GridRange {
  const row = Math.min(g.row, maxRows);
  const col = Math.min(g.col, maxCols);
  return {
    row,
    col,
    numRows: Math.min(g.row + g.numRows - 1, maxRows) - row + 1,
    numCols: Math.min(g.col + g.numCols - 1, maxCols) - col + 1,
  };
}

/** Why a range cannot be selected: the sheet ends before it. */
export function outsideSheet(range: string, sheet: string, maxRows: number, maxColumns: number): string {
  const rows = maxRows === 1 ? '1 row' : `${maxRows.toLocaleString('en-US')} rows`;
  const columns = maxColumns === 1 ? 'column A' : `columns A to ${columnLetters(maxColumns)}`;
  return `${range.replace(/^.*!/, '')} is outside "${sheet}", which has ${rows} and ${columns}.`;
}
