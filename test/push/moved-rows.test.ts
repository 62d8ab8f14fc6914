// Which changed rows hold cells another changed row was pushed with (moved-rows.ts), read from
// notes of both forms: a whole sheet's sort is one look-up a row. Through the bundle:
// sorted-rows.test.ts.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { matchHeader } from '../../src/core/push/header';
import { movedAway, movedRows } from '../../src/core/push/moved-rows';
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

  it('once rows show the sort, takes a row edited too for one moved from the row it nearly is', () => {
    const edited = (i: number, notes: string): CellValue[] => [...cells(i).slice(0, 5), notes];
    const later = (i: number): CellValue[] => [
      ...cells(i).slice(0, 2),
      cells(i + 1)[2] ?? '',
      '',
      'sick',
      'x',
    ];
    const rows = [
      // Rows 2 and 3 swapped as they were.
      { row: 2, values: cells(1), note: sentNote(cells(0), map, zone) },
      { row: 3, values: cells(0), note: sentNote(cells(1), map, zone) },
      // Rows 4 and 5 swapped, row 4's Notes edited; row 6 (row 7's) its End, Type and Notes.
      { row: 4, values: edited(3, 'row 3, edited'), note: sentNote(cells(2), map, zone) },
      { row: 5, values: cells(2), note: sentNote(cells(3), map, zone) },
      { row: 6, values: later(4), note: sentNote(cells(5), map, zone) },
      { row: 7, values: cells(5), note: sentNote(cells(4), map, zone) },
      // Edited where it stands, nearer its own note than any other.
      { row: 8, values: edited(6, 'row 6, edited'), note: sentNote(cells(6), map, zone) },
    ];
    expect(Object.fromEntries(movedRows(rows, map, zone))).toEqual({ 2: 3, 3: 2, 4: 5, 5: 4, 6: 7, 7: 6 });
    // With no row moved as it was, an edit is an edit.
    expect(
      movedRows(
        [rows[2], rows[4], rows[6]].flatMap((r) => (r ? [r] : [])),
        map,
        zone,
      ).size,
    ).toBe(0);
  });

  it('finds none for a row whose cells no changed row was pushed with', () => {
    const rows = [
      { row: 2, values: cells(5), note: sentNote(cells(0), map, zone) },
      { row: 3, values: [...cells(0).slice(0, 5), 'row 0, edited'], note: sentNote(cells(1), map, zone) },
    ];
    expect(movedRows(rows, map, zone).size).toBe(0);
  });

  it('matches a row not pushed to what a changed row was pushed with, exactly alone, and tells that row', () => {
    // Rows 2 (pushed) and 3 (not sent) swapped; row 4, not pushed, nearly row 2's cells.
    const changed = [{ row: 2, values: cells(1), note: sentNote(cells(0), map, zone) }];
    const unpushed = [
      { row: 3, values: cells(0) },
      { row: 4, values: [...cells(0).slice(0, 5), 'row 0, edited'] },
    ];
    const moved = movedRows(changed, map, zone, unpushed);
    expect(Object.fromEntries(moved)).toEqual({ 3: 2 });
    expect(Object.fromEntries(movedAway(moved))).toEqual({ 2: 3 });
    // A row not pushed whose cells were pushed from a row as it was sent is no sort.
    expect(movedRows([], map, zone, unpushed).size).toBe(0);
    // Nor one holding what a row edited where it stands (its agent and start kept) was pushed with:
    // typed or copied before the edit.
    const edited = [
      { row: 2, values: [...cells(0).slice(0, 5), 'edited'], note: sentNote(cells(0), map, zone) },
    ];
    expect(movedRows(edited, map, zone, [{ row: 3, values: cells(0) }]).size).toBe(0);
  });
});
