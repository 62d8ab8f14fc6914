import { describe, expect, it } from 'vitest';
import { pushColumnsBeside, refusePendingActions } from '../../src/core/pull/push-columns';
import { MemoryGrid } from '../sheet/memory-grid';

// A two-column table at A1 with a push's columns beside it.
function sheet(rows: string[][]): MemoryGrid {
  return new MemoryGrid([['ID', 'Name', 'Note', 'Action', 'Push status', 'Assembled ID'], ...rows]);
}

describe('push columns beside a pulled table', () => {
  it('finds them right of the table, and the Actions not pushed: no done status and no Assembled ID', () => {
    const grid = sheet([
      ['1', 'a', 'mine', 'delete', 'deleted', ''],
      ['2', 'b', '', 'update', 'error', ''],
      ['3', 'c', '', 'update', '', 'act_9'],
      ['4', 'd', '', '', '', ''],
      ['5', 'e', '', 'Delete', 'OK', ''],
    ]);
    // "Note" is the person's own column: it is not the push's and is never cleared.
    expect(pushColumnsBeside(grid, { row: 1, col: 1 }, 2)).toEqual({
      cols: [4, 5, 6],
      others: [{ col: 3, header: 'Note' }],
      pending: [3, 6],
      rows: 5,
      status: 5,
    });
    // Columns of the table itself are not beside it.
    expect(pushColumnsBeside(grid, { row: 1, col: 1 }, 6)).toEqual({
      cols: [],
      others: [],
      pending: [],
      rows: 0,
    });
  });

  it('names the first five rows not pushed, and how many more', () => {
    const grid = sheet(Array.from({ length: 7 }, (_, i) => [String(i), 'x', '', 'delete', '', '']));
    const found = pushColumnsBeside(grid, { row: 1, col: 1 }, 2);
    expect(() => refusePendingActions(found)).toThrow(
      'An Action beside the table is not pushed yet (rows 2, 3, 4, 5, 6 and 2 more).',
    );
    expect(() => refusePendingActions({ ...found, pending: [] })).not.toThrow();
  });
});
