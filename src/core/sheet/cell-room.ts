// Room for a write in Google Sheets' 10 million cells. Sheets counts every cell of every sheet's
// grid, empty or not, hidden sheets too: a new sheet's 1,000 rows by 26 columns count though
// nothing is in them, and a replace's staging sheet counts beside its target.
import { countText } from '../count-text';
import { type Extent, type Grid, SHEETS_CELL_LIMIT } from './grid';

/**
 * A sheet the write sizes: its grid once sized, and whether it was made for this write (its grid
 * is then the write's own, counted whole, and not among what the spreadsheet held before).
 */
export interface SheetUse {
  grid: Grid;
  after: Extent;
  made?: boolean;
}

const cellsOf = (e: Extent) => e.rows * e.cols;

/** A grid grown to hold `reach` from A1: growing never shrinks it. */
export const grown = (size: Extent, reach: Extent): Extent => ({
  rows: Math.max(size.rows, reach.rows),
  cols: Math.max(size.cols, reach.cols),
});

/**
 * Why the write does not fit, in words, or undefined when it does. `table` is the table's size;
 * `staged` says it is built in a hidden sheet first, so it needs room twice.
 */
export function noRoom(uses: readonly SheetUse[], table: Extent, staged: boolean): string | undefined {
  const [first] = uses;
  if (!first) return undefined;
  let taken = first.grid.spreadsheetCells();
  let need = 0;
  for (const { grid, after, made } of uses) {
    const now = cellsOf(grid.gridSize());
    if (made) taken -= now;
    need += made ? cellsOf(after) : Math.max(0, cellsOf(after) - now);
  }
  const room = Math.max(0, SHEETS_CELL_LIMIT - taken);
  if (need <= room) return undefined;
  const twice = staged ? ' (a replace builds it in a hidden sheet first, then copies it in)' : '';
  return (
    `The table is ${countText(table.rows)} rows by ${countText(table.cols)} columns and needs room for ${countText(need)} more cells${twice}, ` +
    `but the spreadsheet has room for ${countText(room)}: Google Sheets holds ${countText(SHEETS_CELL_LIMIT)} cells, ` +
    'counting every cell of every sheet, empty or not, hidden ones too. Nothing was written. Choose a shorter date range ' +
    'or fewer agents or teams, delete sheets, rows or columns you do not need, or pull into a BigQuery table instead.'
  );
}
