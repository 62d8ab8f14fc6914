import { describe, expect, it } from 'vitest';
import { cellName, cellPosition } from '../../src/core/sheet/a1';

describe('A1 names', () => {
  it('name a cell by its column letters and row, and read back to the same place', () => {
    const cases: [number, number, string][] = [
      [1, 1, 'A1'],
      [7, 26, 'Z7'],
      [5, 27, 'AA5'],
      [5, 28, 'AB5'],
      [2, 702, 'ZZ2'],
      [3, 703, 'AAA3'],
    ];
    for (const [row, col, name] of cases) {
      expect(cellName(row, col)).toBe(name);
      expect(cellPosition(name)).toEqual({ row, col });
    }
  });

  it('refuses what is not one cell', () => {
    for (const text of ['b2', 'A0', 'A1:B2', '5A'])
      expect(() => cellPosition(text)).toThrow(/is not a cell like B2/);
  });
});
