// A person's selection: only cells the sheet has. Shared by the fake services and the workbench's
// name box, so both say the same of a range past the sheet's edge.

import { columnLetters, type GridRange, parseA1, resolveA1 } from './a1.js';

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

/**
 * Why a range cannot be selected: the sheet ends before it. With the way past that edge, as a person
 * adds lines in Sheets: a sheet the add-on filled is trimmed to its table, with no spare lines.
 */
export function outsideSheet(range: string, sheet: string, maxRows: number, maxColumns: number): string {
  const rows = maxRows === 1 ? '1 row' : `${maxRows.toLocaleString('en-US')} rows`;
  const last = columnLetters(maxColumns);
  const columns = maxColumns === 1 ? 'column A' : `columns A to ${last}`;
  const parts = parseA1(range);
  const g = parts ? resolveA1(parts, maxRows, maxColumns) : null;
  // Row numbers as the grid draws them (2045), where they are right-clicked.
  const adds = [
    g && g.row + g.numRows - 1 > maxRows
      ? `a row, right-click a cell in row ${maxRows} ▸ Insert row below`
      : '',
    g && g.col + g.numCols - 1 > maxColumns
      ? `a column, right-click a cell in column ${last} ▸ Insert column right`
      : '',
  ].filter(Boolean);
  const way = adds.length ? ` To add ${adds.join('; to add ')}.` : '';
  return `${range.replace(/^.*!/, '')} is outside "${sheet}", which has ${rows} and ${columns}.${way}`;
}
