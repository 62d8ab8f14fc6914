// Which changed rows hold cells another changed row was pushed with (moved-rows.ts), read from
// notes of both forms: a whole sheet's sort is one look-up a row. Through the bundle:
// sorted-rows.test.ts.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { matchHeader } from '../../src/core/push/header';
import { movedRows } from '../../src/core/push/moved-rows';
import { inputPrint, sentNote } from '../../src/core/push/sent-print';
import type { CellValue } from '../../src/core/table/build-table';

const zone = intlZone('America/New_York');
const read = matchHeader('time_off', ['Agent', 'Start', 'End', 'All day', 'Type', 'Notes']);
if (!read.ok) throw new Error(read.problem);
const { map } = read;
const cells = (i: number): CellValue[] => [
  `agent${i % 40}@example.com`,
  new Date(Date.UTC(2027, 0, 1 + i, 14)),
  new Date(Date.UTC(2027, 0, 1 + i, 22)),
  '',
  'pto',
  `row ${i}`,
];

describe('rows sorted without their status columns', () => {
  it('finds whose cells each row of a whole sheet holds, every note kept where its row was', () => {
    const n = 6000;
    const notes = Array.from({ length: n }, (_, i) => sentNote(cells(i), map, zone));
    // Row i now holds the cells row order(i) was pushed with: a permutation of every row, the
    // rows it leaves in place (as pushed, so not changed) aside.
    const order = (i: number) => (i * 7919) % n;
    const rows = Array.from({ length: n }, (_, i) => ({
      row: i + 2,
      values: cells(order(i)),
      note: notes[i],
    }));
    const changed = rows.filter((_, i) => order(i) !== i);
    const started = performance.now();
    const moved = movedRows(changed, map, zone);
    expect(performance.now() - started).toBeLessThan(5_000);
    console.log('MOVED MS', performance.now() - started);
    expect(moved.size).toBe(changed.length);
    expect(changed.length).toBeGreaterThan(n - 5);
    for (const { row } of changed) expect(moved.get(row)).toBe(order(row - 2) + 2);
  });

  it('reads notes of the older form, a print of the cells', () => {
    const old = (i: number) =>
      `What the add-on sent, kept as ${inputPrint(cells(i), map)}: if the row is changed after it was sent, Validate and Push say so.`;
    const rows = [
      { row: 2, values: cells(1), note: old(0) },
      { row: 3, values: cells(0), note: old(1) },
    ];
    expect([...movedRows(rows, map, zone)]).toEqual([
      [2, 3],
      [3, 2],
    ]);
  });

  it('finds none for a row whose cells no changed row was pushed with', () => {
    const rows = [
      { row: 2, values: cells(5), note: sentNote(cells(0), map, zone) },
      { row: 3, values: [...cells(0).slice(0, 5), 'row 0, edited'], note: sentNote(cells(1), map, zone) },
    ];
    expect(movedRows(rows, map, zone).size).toBe(0);
  });
});
