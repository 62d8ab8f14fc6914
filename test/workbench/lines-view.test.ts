// The sheet the workbench grid draws at once as rows or columns are inserted or deleted, before
// the server's view of it comes: cells where the change puts them, lines inserted empty.
import { describe, expect, it } from 'vitest';
import { lineAfter, viewAfterLines } from '../../dev/workbench/page/lines-view';
import type { CellView, SheetReply } from '../../dev/workbench/wire';

const text = (t: string): CellView => ({ text: t, input: t });
const view: SheetReply = {
  name: 'Sheet1',
  frozenRows: 0,
  frozenColumns: 0,
  columnWidths: {},
  lastRow: 3,
  lastColumn: 2,
  maxRows: 3,
  maxColumns: 2,
  rows: [
    [text('a1'), text('b1')],
    [text('a2'), { text: 'TRUE', input: 'TRUE', checkbox: 'checked' }],
    [{ text: 'x', input: 'x', choices: ['x', 'y'] }, text('b3')],
  ],
  truncated: false,
  charts: [],
  writes: 4,
};
const shown = (v: SheetReply) => v.rows.map((row) => row.map((c) => c.text));

describe('the grid as lines inserted or deleted leave it', () => {
  it('inserts empty rows, with the drop-downs and checkboxes of the row they take their format from', () => {
    const below = viewAfterLines(view, {
      lines: 'rows',
      action: 'insert',
      at: 3,
      count: 1,
      inherit: 'before',
    });
    expect(shown(below)).toEqual([
      ['a1', 'b1'],
      ['a2', 'TRUE'],
      ['', ''],
      ['x', 'b3'],
    ]);
    expect(below.rows[2]?.[1]).toEqual({ text: '', input: '', checkbox: 'unchecked' });
    expect(below.maxRows).toBe(4);
    const above = viewAfterLines(view, {
      lines: 'rows',
      action: 'insert',
      at: 3,
      count: 2,
      inherit: 'after',
    });
    expect(above.rows[3]?.[0]).toEqual({ text: '', input: '', choices: ['x', 'y'] });
    expect(shown(above).map((row) => row[0])).toEqual(['a1', 'a2', '', '', 'x']);
  });

  it('inserts and deletes columns in every row, and deletes rows', () => {
    const left = viewAfterLines(view, {
      lines: 'columns',
      action: 'insert',
      at: 1,
      count: 1,
      inherit: 'after',
    });
    expect(shown(left)).toEqual([
      ['', 'a1', 'b1'],
      ['', 'a2', 'TRUE'],
      ['', 'x', 'b3'],
    ]);
    expect(left.maxColumns).toBe(3);
    const gone = viewAfterLines(view, { lines: 'columns', action: 'delete', at: 1, count: 1 });
    expect(shown(gone)).toEqual([['b1'], ['TRUE'], ['b3']]);
    const up = viewAfterLines(view, { lines: 'rows', action: 'delete', at: 1, count: 2 });
    expect(shown(up)).toEqual([['x', 'b3']]);
    expect([up.maxRows, up.writes]).toEqual([1, 4]);
  });

  it('says where a line goes, or that it is gone', () => {
    const insert = { lines: 'rows', action: 'insert', at: 3, count: 2 } as const;
    expect([2, 3, 4].map((n) => lineAfter(n, insert))).toEqual([2, 5, 6]);
    const remove = { lines: 'rows', action: 'delete', at: 3, count: 2 } as const;
    expect([2, 3, 4, 5].map((n) => lineAfter(n, remove))).toEqual([2, null, null, 3]);
  });
});
