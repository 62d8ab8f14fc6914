import { describe, expect, it } from 'vitest';
import { pushColumnsBeside, refusePendingActions } from '../../src/core/pull/push-columns';
import { MemoryGrid } from '../sheet/memory-grid';

// A two-column table at A1 with a push's columns beside it.
function sheet(rows: string[][]): MemoryGrid {
  return new MemoryGrid([
    ['ID', 'Name', 'Note', 'Action', 'Push status', 'Assembled ID', 'Push message', 'Pushed at'],
    ...rows,
  ]);
}

describe('push columns beside a pulled table', () => {
  it('finds them right of the table, and the Actions not pushed: no done status and no Assembled ID the add-on wrote', () => {
    const at = '2026-12-06 10:00';
    const grid = sheet([
      ['1', 'a', 'mine', 'delete', 'deleted', '', '', at],
      ['2', 'b', '', 'update', 'error', '', 'Start: …', at],
      ['3', 'c', '', 'update', '', 'act_9', '', at],
      ['4', 'd', '', '', '', '', '', ''],
      ['5', 'e', '', 'Delete', 'OK', '', '', ''],
      // Typed, with no Pushed at beside them: a push holds the first back and sends the second.
      ['6', 'f', '', 'delete', 'deleted', '', '', ''],
      ['7', 'g', '', 'update', '', 'act_7', '', ''],
    ]);
    // "Note" is the person's own column: it is not the push's and is never cleared.
    expect(pushColumnsBeside(grid, { row: 1, col: 1 }, 2)).toEqual({
      cols: [4, 5, 6, 7, 8],
      others: [{ col: 3, header: 'Note' }],
      pending: [3, 6, 7, 8],
      rows: 7,
      status: 5,
    });
    // Columns of the table itself are not beside it.
    expect(pushColumnsBeside(grid, { row: 1, col: 1 }, 8)).toEqual({
      cols: [],
      others: [],
      pending: [],
      rows: 0,
    });
  });

  it('takes the status and ID alone where no Pushed at column is beside the table', () => {
    const grid = new MemoryGrid([
      ['ID', 'Name', 'Action', 'Push status', 'Assembled ID'],
      ['1', 'a', 'delete', 'deleted', ''],
      ['2', 'b', 'update', '', 'act_9'],
      ['3', 'c', 'update', '', ''],
    ]);
    expect(pushColumnsBeside(grid, { row: 1, col: 1 }, 2).pending).toEqual([4]);
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
