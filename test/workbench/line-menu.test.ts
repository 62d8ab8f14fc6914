// The grid's context menu in Sheets' words: a row number's, a column letter's and a cell's, with
// counts and spans once several rows or columns are selected.
import { describe, expect, it } from 'vitest';
import { type LineMenuEntry, lineMenu } from '../../dev/workbench/page/line-menu';

const labels = (entries: LineMenuEntry[]) => entries.map((e) => (e === 'separator' ? '—' : e.label));
const choice = (entries: LineMenuEntry[], label: string) =>
  entries.find((e) => e !== 'separator' && e.label === label);

describe('the grid context menu', () => {
  it("words a row number's menu as Sheets does, counting one row or three", () => {
    expect(labels(lineMenu({ whole: 'rows', top: 5, bottom: 5, left: 1, right: 26 }))).toEqual([
      'Insert 1 row above',
      'Insert 1 row below',
      '—',
      'Delete row',
    ]);
    expect(labels(lineMenu({ whole: 'rows', top: 4, bottom: 6, left: 1, right: 26 }))).toEqual([
      'Insert 3 rows above',
      'Insert 3 rows below',
      '—',
      'Delete rows 4 - 6',
    ]);
  });

  it("words a column letter's menu with left and right, and the columns' letters", () => {
    expect(labels(lineMenu({ whole: 'columns', top: 1, bottom: 40, left: 2, right: 2 }))).toEqual([
      'Insert 1 column left',
      'Insert 1 column right',
      '—',
      'Delete column',
    ]);
    expect(labels(lineMenu({ whole: 'columns', top: 1, bottom: 40, left: 26, right: 28 }))).toEqual([
      'Insert 3 columns left',
      'Insert 3 columns right',
      '—',
      'Delete columns Z - AB',
    ]);
  });

  it("words a cell's menu without a count for one row or column, with one for several", () => {
    expect(labels(lineMenu({ whole: 'cells', top: 3, bottom: 3, left: 2, right: 2 }))).toEqual([
      'Insert row above',
      'Insert row below',
      'Insert column left',
      'Insert column right',
      '—',
      'Delete row',
      'Delete column',
    ]);
    expect(labels(lineMenu({ whole: 'cells', top: 3, bottom: 4, left: 2, right: 4 }))).toEqual([
      'Insert 2 rows above',
      'Insert 2 rows below',
      'Insert 3 columns left',
      'Insert 3 columns right',
      '—',
      'Delete rows 3 - 4',
      'Delete columns B - D',
    ]);
  });

  it('inserts above or left at the selection, below or right after it, formatted as the line beside, and moves the selection onto what it inserted', () => {
    const menu = lineMenu({ whole: 'cells', top: 3, bottom: 4, left: 2, right: 4 });
    expect(choice(menu, 'Insert 2 rows above')).toMatchObject({
      change: { lines: 'rows', action: 'insert', at: 3, count: 2, inherit: 'after' },
      moves: { rows: 0, cols: 0 },
    });
    expect(choice(menu, 'Insert 2 rows below')).toMatchObject({
      change: { lines: 'rows', action: 'insert', at: 5, count: 2, inherit: 'before' },
      moves: { rows: 2, cols: 0 },
    });
    expect(choice(menu, 'Insert 3 columns right')).toMatchObject({
      change: { lines: 'columns', action: 'insert', at: 5, count: 3, inherit: 'before' },
      moves: { rows: 0, cols: 3 },
    });
    expect(choice(menu, 'Delete columns B - D')).toMatchObject({
      change: { lines: 'columns', action: 'delete', at: 2, count: 3 },
      moves: { rows: 0, cols: 0 },
    });
  });
});
