// The rule telling a person's columns of notes row by row from a summary of the table, on a grid
// of cells: a block of adjacent columns within SUMMARY_ROWS rows holding an aggregate is a summary.
import { describe, expect, it } from 'vitest';
import { rangeRows, rowNoteColumns, SUMMARY_ROWS } from '../../src/core/pull/row-notes';

/**
 * A grid whose cells from row 1, column 1 are `cells` (row 1 the header row beside a table left of
 * column 1; a string starting "=" is a formula, showing '').
 */
function grid(cells: string[][]) {
  const at = (r: number, c: number) => cells[r - 1]?.[c - 1] ?? '';
  const block = <T>(row: number, col: number, rows: number, cols: number, f: (v: string) => T) =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(at(row + i, col + j))));
  return {
    used: () => ({ rows: cells.length, cols: Math.max(...cells.map((r) => r.length)) }),
    read: (row: number, col: number, rows: number, cols: number) =>
      block(row, col, rows, cols, (v) => (v.startsWith('=') ? '' : v)),
    formulas: (row: number, col: number, rows: number, cols: number) =>
      block(row, col, rows, cols, (v) => (v.startsWith('=') ? v : '')),
  };
}

/** A header row and `rows` data rows, each cell set by `cell(dataRow 0-based, column 0-based)`. */
const sheet = (header: string[], rows: number, cell: (r: number, c: number) => string) => [
  header,
  ...Array.from({ length: rows }, (_, r) => header.map((_, c) => cell(r, c))),
];

/** The notes among columns `cols` (1-based) of a table of `rows` data rows left of column 1. */
const notes = (cells: string[][], rows: number, cols: number[]) =>
  rowNoteColumns(grid(cells), 2, rows, cols, 1);

describe('rangeRows', () => {
  it('reads the widest range of a formula, whole columns as the sheet, text as no range', () => {
    expect(rangeRows('=SUM(F2:F488)')).toBe(487);
    expect(rangeRows('=SUM($G$2:$G$488)/COUNTA(A:A)')).toBe(Infinity);
    expect(rangeRows("=AVERAGE('Adherence'!G2:G)")).toBe(Infinity);
    expect(rangeRows('=SUM(2:488)')).toBe(487);
    expect(rangeRows('=U3/U2')).toBe(0);
    expect(rangeRows('=IF(A2="10:30","late","")')).toBe(0);
  });
});

describe('rowNoteColumns', () => {
  it('takes a totals block, labels headed and sums unheaded beside them, as a summary', () => {
    const rows = 487;
    const labels = ['Total sched', 'Total adherent', 'Adherence', 'Agents'];
    const sums = ['=SUM(F2:F488)', '=SUM(G2:G488)', '=U3/U2', '=COUNTA(A2:A488)'];
    const cells = sheet(['Summary', ''], rows, (r, c) => (r < 4 ? ([labels, sums][c]?.[r] ?? '') : ''));
    expect(notes(cells, rows, [1])).toEqual(new Set());
  });

  it('takes a block starting on any row, within SUMMARY_ROWS rows, as a summary', () => {
    expect(SUMMARY_ROWS).toBe(12);
    const cell = (start: number, last: number) => (r: number, c: number) =>
      r >= start && r <= last ? (c === 0 ? `line ${r}` : r === start ? '=AVERAGE(G2:G101)' : '=V4*2') : '';
    expect(notes(sheet(['Summary 2', ''], 100, cell(1, 3)), 100, [1])).toEqual(new Set());
    expect(notes(sheet(['Summary 2', ''], 100, cell(60, 60 + SUMMARY_ROWS - 1)), 100, [1])).toEqual(
      new Set(),
    );
    // A row more is a column of notes beside its rows, aggregate or not.
    expect(notes(sheet(['Summary 2', ''], 100, cell(60, 60 + SUMMARY_ROWS)), 100, [1])).toEqual(new Set([1]));
  });

  it('takes typed notes on the first rows, with no aggregate, as notes', () => {
    const cells = sheet(['Coach notes'], 487, (r) => (r < 3 ? `coached ${r}` : ''));
    expect(notes(cells, 487, [1])).toEqual(new Set([1]));
    // Nor does a formula over a few rows make them a summary.
    const few = sheet(['Coach notes', ''], 487, (r, c) =>
      r < 3 ? (c ? '=SUM(G2:G4)' : `coached ${r}`) : '',
    );
    expect(notes(few, 487, [1])).toEqual(new Set([1]));
  });

  it('takes scattered notes as notes, and one formula all down (a column the caller leaves out) as no block', () => {
    const cells = sheet(['Coach notes'], 100, (r) => ([3, 40, 77].includes(r) ? `note ${r}` : ''));
    expect(notes(cells, 100, [1])).toEqual(new Set([1]));
    // A headed column not the person's own (Push status, a formula filled down) joins no block.
    const apart = sheet(['Coach notes', 'Push status', 'Total'], 20, (r, c) =>
      r < 2 ? (['late', 'pushed', ''][c] ?? '') : r === 2 && c === 2 ? '=SUM(F2:F21)' : '',
    );
    expect(notes(apart, 20, [1, 3])).toEqual(new Set([1]));
  });

  it('judges a summary beside a column of notes apart from it, and an empty column as no notes', () => {
    const cells = sheet(['Coach notes', 'Avg', 'Empty'], 20, (r, c) =>
      c === 0 ? `note ${r}` : c === 1 && r === 0 ? '=AVERAGE(A2:A21)' : '',
    );
    expect(notes(cells, 20, [1, 2, 3])).toEqual(new Set([1]));
    // "Avg adherence" over its formula alone, a column beside the table.
    const avg = sheet(['Avg adherence'], 2063, (r) => (r === 0 ? '=SUM(G2:G2064)/SUM(F2:F2064)' : ''));
    expect(notes(avg, 2063, [1])).toEqual(new Set());
  });

  it('counts a formula showing nothing as a filled cell, and looks no lower than the table', () => {
    const blank = sheet(['Flag'], 10, (r) => (r === 3 ? '=IF(G5>0,"","")' : ''));
    expect(notes(blank, 10, [1])).toEqual(new Set([1]));
    // A total typed under a table of three rows is beside no row.
    expect(notes([['Total'], [''], [''], [''], ['=SUM(A2:A4)']], 3, [1])).toEqual(new Set());
  });
});
