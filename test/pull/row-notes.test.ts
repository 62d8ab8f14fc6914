// The rule telling a column of notes row by row from a summary at its top, on a grid of cells.
import { describe, expect, it } from 'vitest';
import { rowNoteColumns, SUMMARY_ROWS } from '../../src/core/pull/row-notes';

/** A grid whose cells from row 2, column 1 are `cells` (a string starting "=" is a formula, showing ''). */
function grid(cells: string[][]) {
  const at = (r: number, c: number) => cells[r - 2]?.[c - 1] ?? '';
  const block = <T>(row: number, col: number, rows: number, cols: number, f: (v: string) => T) =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(at(row + i, col + j))));
  return {
    read: (row: number, col: number, rows: number, cols: number) =>
      block(row, col, rows, cols, (v) => (v.startsWith('=') ? '' : v)),
    formulas: (row: number, col: number, rows: number, cols: number) =>
      block(row, col, rows, cols, (v) => (v.startsWith('=') ? v : '')),
  };
}

/** One column: `filled` data rows (0-based) hold a cell. */
const oneColumn = (rows: number, filled: number[]) =>
  Array.from({ length: rows }, (_, r) => [filled.includes(r) ? `note ${r}` : '']);

describe('rowNoteColumns', () => {
  it('takes cells all in the first three data rows, fewer than half of them, as a summary', () => {
    expect(SUMMARY_ROWS).toBe(3);
    expect(rowNoteColumns(grid(oneColumn(100, [0, 1, 2])), 2, 100, [1])).toEqual(new Set());
    // One in the fourth data row: notes, however few.
    expect(rowNoteColumns(grid(oneColumn(100, [3])), 2, 100, [1])).toEqual(new Set([1]));
    expect(rowNoteColumns(grid(oneColumn(100, [0, 50])), 2, 100, [1])).toEqual(new Set([1]));
  });

  it('takes three cells of seven rows as a summary, of six as notes: half a table is row by row', () => {
    expect(rowNoteColumns(grid(oneColumn(7, [0, 1, 2])), 2, 7, [1])).toEqual(new Set());
    expect(rowNoteColumns(grid(oneColumn(6, [0, 1, 2])), 2, 6, [1])).toEqual(new Set([1]));
    expect(rowNoteColumns(grid(oneColumn(2, [0])), 2, 2, [1])).toEqual(new Set([1]));
  });

  it('counts a formula showing nothing as a filled cell, and looks no lower than the table', () => {
    expect(rowNoteColumns(grid([[''], [''], [''], ['=IF(G5>0,"","")']]), 2, 10, [1])).toEqual(new Set([1]));
    // A total typed under a table of three rows is beside no row.
    expect(rowNoteColumns(grid([['a'], [''], [''], [''], ['=SUM(A2:A4)']]), 2, 3, [1])).toEqual(new Set());
  });

  it('judges each column apart', () => {
    const cells = Array.from({ length: 20 }, (_, r) => [r === 0 ? '=AVERAGE(A2:A21)' : '', `note ${r}`]);
    expect(rowNoteColumns(grid(cells), 2, 20, [1, 2])).toEqual(new Set([2]));
  });
});
