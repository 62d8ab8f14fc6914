// Writes a coloured block (values, backgrounds, font colours) in a few block calls: each array in
// slices of whole rows of at most MAX_CELLS_PER_WRITE cells, never a call per cell.
import type { Picture } from '../pull/schedule-grid';
import { toSheetValue } from '../table/sheet-literal';
import { type Grid, MAX_CELLS_PER_WRITE } from './grid';

export function writePicture(grid: Grid, row: number, col: number, picture: Picture): void {
  const width = picture.values[0]?.length ?? 0;
  if (width === 0) return;
  if (!grid.paint) throw new Error('This sheet cannot be coloured.');
  const step = Math.max(1, Math.floor(MAX_CELLS_PER_WRITE / width));
  for (let r = 0; r < picture.values.length; r += step) {
    // Text stays the text it is: names, "2026-11-01" and "01:30" are labels, not dates or formulas.
    grid.write(
      row + r,
      col,
      picture.values.slice(r, r + step).map((line) => line.map(toSheetValue)),
    );
    grid.paint(row + r, col, picture.backgrounds.slice(r, r + step), picture.fontColors.slice(r, r + step));
  }
}
