// Rows and columns inserted or deleted from the workbench grid's menu go through the runtime's model
// as a person's change (no execution runs): cells, and the add-on's developer metadata, move with them.
import { afterEach, describe, expect, it } from 'vitest';
import { lineMenu } from '../../dev/workbench/page/line-menu';
import { sheetView } from '../../dev/workbench/sheet-view';
import { Workbench } from '../../dev/workbench/workbench';

describe("the workbench grid's rows and columns", () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it('inserts and deletes rows and columns as a person would, with no execution', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    const runs = bench.rt.executions.length;
    const version = bench.state().version;
    wb.write('Sheet1', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    // Counted with the typed writes: the page draws the lines moved until a view has them.
    const { writes } = bench.sheet('Sheet1');
    expect(bench.changeLines('Sheet1', { lines: 'rows', action: 'insert', at: 2, count: 2 })).toEqual({
      ok: true,
      writes: writes + 1,
    });
    expect(bench.changeLines('Sheet1', { lines: 'columns', action: 'insert', at: 2, count: 1 })).toEqual({
      ok: true,
      writes: writes + 2,
    });
    expect(bench.sheet('Sheet1').writes).toBe(writes + 2);
    expect(wb.values('Sheet1')).toEqual([
      ['a', '', 'b', 'c'],
      ['', '', '', ''],
      ['', '', '', ''],
      ['d', '', 'e', 'f'],
    ]);
    expect(wb.size('Sheet1')).toMatchObject({ maxRows: 1002, maxColumns: 27 });
    bench.changeLines('Sheet1', { lines: 'rows', action: 'delete', at: 2, count: 2 });
    bench.changeLines('Sheet1', { lines: 'columns', action: 'delete', at: 1, count: 2 });
    expect(wb.values('Sheet1')).toEqual([
      ['b', 'c'],
      ['e', 'f'],
    ]);
    expect(bench.rt.executions.length).toBe(runs);
    // The page draws the sheet again.
    expect(bench.state().version).not.toBe(version);
  });

  it("refuses rows or columns past the sheet's end, as the grid shows none: the sheet stays as it is", async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    bench.changeLines('Sheet1', { lines: 'rows', action: 'delete', at: 11, count: 990 });
    expect(wb.size('Sheet1').maxRows).toBe(10);
    // Below row 20 of a 10-row sheet (a page drawn before the rows went): no row 20 to insert under.
    expect(bench.changeLines('Sheet1', { lines: 'rows', action: 'insert', at: 21, count: 1 })).toEqual({
      ok: false,
      message:
        '20:20 is outside "Sheet1", which has 10 rows and columns A to Z. To add a row, right-click a cell in row 10 ▸ Insert row below.',
    });
    expect(bench.changeLines('Sheet1', { lines: 'columns', action: 'delete', at: 27, count: 2 })).toEqual({
      ok: false,
      message:
        'AA:AB is outside "Sheet1", which has 10 rows and columns A to Z. To add a column, right-click a cell in column Z ▸ Insert column right.',
    });
    expect(wb.size('Sheet1')).toMatchObject({ maxRows: 10, maxColumns: 26 });
    // Below the last row is still a place to insert, as in Sheets.
    expect(bench.changeLines('Sheet1', { lines: 'rows', action: 'insert', at: 11, count: 1 })).toMatchObject({
      ok: true,
    });
    expect(wb.size('Sheet1').maxRows).toBe(11);
  });

  it('refuses what Sheets refuses, saying why, and changes nothing', async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const wb = bench.rt.workbook;
    expect(bench.changeLines('Sheet1', { lines: 'rows', action: 'delete', at: 1, count: 1000 })).toEqual({
      ok: false,
      message: "You can't delete all the rows on the sheet.",
    });
    expect(bench.changeLines('Sheet1', { lines: 'columns', action: 'delete', at: 1, count: 30 })).toEqual({
      ok: false,
      message: "You can't delete all the columns on the sheet.",
    });
    expect(bench.changeLines('Sheet1', { lines: 'rows', action: 'insert', at: 0, count: 1 })).toEqual({
      ok: false,
      message: 'Rows and columns are counted from 1',
    });
    expect(bench.changeLines('Nope', { lines: 'rows', action: 'insert', at: 1, count: 1 })).toEqual({
      ok: false,
      message: 'No sheet named Nope',
    });
    wb.addDataSourceSheet('Connected');
    expect(
      bench.changeLines('Connected', { lines: 'rows', action: 'insert', at: 1, count: 1 }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Connected is a Connected Sheets view of a BigQuery table/),
    });
    expect(wb.size('Sheet1')).toMatchObject({ maxRows: 1000, maxColumns: 26 });
  });

  it("a row inserted in a push template takes the columns' formats: times show as times, All day a checkbox", async () => {
    bench = await Workbench.create({ followRealClock: false }, '');
    const { sheet } = await bench.rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    const wb = bench.rt.workbook;
    wb.write(sheet, [['ada@example.com', '2026-12-21 09:00', '2026-12-21 17:00', 'FALSE', 'pto']], {
      row: 2,
    });
    // Insert 1 row above row 2, then 1 row below the data row (now row 3), from the row's menu.
    const pick = (row: number, label: string) =>
      lineMenu({ whole: 'rows', top: row, bottom: row, left: 1, right: 10 }).find(
        (entry) => entry !== 'separator' && entry.label === label,
      );
    for (const [row, label] of [
      [2, 'Insert 1 row above'],
      [3, 'Insert 1 row below'],
    ] as const) {
      const choice = pick(row, label);
      expect(
        choice !== undefined && choice !== 'separator' && bench.changeLines(sheet, choice.change),
      ).toMatchObject({
        ok: true,
      });
    }
    for (const row of [2, 4]) {
      bench.write(sheet, row, 1, [
        ['bo@example.com', '2026-12-22 09:00', '2026-12-22 17:00', 'FALSE', 'pto'],
      ]);
      expect(wb.displayValues(sheet)[row - 1]?.slice(1, 4)).toEqual([
        '2026-12-22 09:00',
        '2026-12-22 17:00',
        'FALSE',
      ]);
      expect(sheetView(bench.rt, sheet).rows[row - 1]?.[3]?.checkbox).toBe('unchecked');
    }
  });
});
