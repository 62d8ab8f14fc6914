import { describe, expect, it } from 'vitest';
import { typedRows } from '../../src/core/sheet/typed-rows';
import { MemoryGrid } from './memory-grid';

// A three-column table at A1 whose last write filled A1:C3, with what was typed under it since.
const table = [
  ['Agent', 'Start', 'End', 'Comment'],
  ['a', '09:00', '10:00', ''],
  ['b', '10:00', '11:00', ''],
];
const block = { rows: 3, cols: 3 };
const under = (rows: string[][]) => typedRows(new MemoryGrid([...table, ...rows]), { row: 1, col: 1 }, block);

describe('rows typed under a pulled table', () => {
  it('are the rows of data right under it, down to a blank row', () => {
    expect(
      under([
        ['c', '12:00', '13:00', 'mine'],
        ['d', '13:00', '', ''],
        ['', '', '', 'x'],
        ['e', '1', '2', ''],
      ]),
    ).toBe(2);
  });

  it('stop at a label alone or a formula: a total is no row of the table', () => {
    expect(
      under([
        ['c', '12:00', '13:00', ''],
        ['Total', '', '', ''],
      ]),
    ).toBe(1);
    for (const [formula, shows] of [
      ['=COUNTA(C2:C3)', 2],
      ['=1+1', 2],
    ] as const) {
      const grid = new MemoryGrid([...table, ['Total', '', '', '']]);
      grid.formula(4, 3, formula, shows);
      expect(typedRows(grid, { row: 1, col: 1 }, block)).toBe(0);
    }
  });

  it('are none under a table whose rows were all deleted', () => {
    expect(
      typedRows(new MemoryGrid([...table, ['c', '1', '2']]), { row: 1, col: 1 }, { rows: 0, cols: 0 }),
    ).toBe(0);
  });
});
