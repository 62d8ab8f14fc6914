// A replace's fill-down of a person's formula columns goes in slices of whole rows, as the table's
// own rows do: one call for every added row of a wide block may time out in real Sheets.
import { describe, expect, it } from 'vitest';
import { fillBeside } from '../../src/core/sheet/fill-down';
import { type Grid, MAX_CELLS_PER_WRITE } from '../../src/core/sheet/grid';

/** A sheet whose table had `old` data rows with one formula down each column; the rows below are empty. */
function sheet(old: number) {
  const writes: { row: number; rows: number; cols: number }[] = [];
  const grid = {
    read: (_row: number, _col: number, rows: number, cols: number) =>
      Array.from({ length: rows }, () => Array<string>(cols).fill('')),
    formulasR1C1: (row: number, _col: number, rows: number, cols: number) =>
      Array.from({ length: rows }, (_, r) =>
        Array<string>(cols).fill(row + r <= 1 + old ? '=R[0]C[-2]' : ''),
      ),
    writeFormulasR1C1: (row: number, _col: number, formulas: string[][]) =>
      writes.push({ row, rows: formulas.length, cols: formulas[0]?.length ?? 0 }),
  } as unknown as Grid;
  return { grid, writes };
}

describe('fillBeside', () => {
  it('fills two formula columns down 30,000 added rows in calls of at most 50,000 cells, every row once', () => {
    const { grid, writes } = sheet(2);
    const { calls } = fillBeside(
      grid,
      { row: 1, col: 1 },
      { rows: 3, cols: 4 },
      { rows: 30_003, cols: 4 },
      {
        from: 4,
        to: 6,
      },
    );
    expect(calls).toBe(writes.length);
    expect(writes.length).toBe(2);
    for (const w of writes) expect(w.rows * w.cols).toBeLessThanOrEqual(MAX_CELLS_PER_WRITE);
    expect(writes.map((w) => w.row)).toEqual([4, 4 + 25_000]);
    expect(writes.reduce((n, w) => n + w.rows, 0)).toBe(30_000);
  });
});
