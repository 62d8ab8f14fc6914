// Rows and columns inserted or deleted move the cells formulas point at, and Sheets rewrites every
// formula that points at them, on that sheet and on any other: a reference follows its cell ($ or
// not), a range grows with lines inserted inside it and shrinks with lines deleted from it, and a
// reference whose cells are all gone is #REF!. Frozen rows and columns grow and shrink likewise.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet(name) { return SpreadsheetApp.getActive().getSheetByName(name); }
function addSheet(name) { SpreadsheetApp.getActive().insertSheet(name); }
function setFormulas(name, a1, formulas) { sheet(name).getRange(a1).setFormulas(formulas); }
function formulas(name, a1) { return sheet(name).getRange(a1).getFormulas(); }
function change(name, how, at, count) { sheet(name)[how](at, count); }
function frozen(name) { var s = sheet(name); return [s.getFrozenRows(), s.getFrozenColumns()]; }
function freeze(name, rows, columns) { sheet(name).setFrozenRows(rows); sheet(name).setFrozenColumns(columns); }
`;

/** A workbook of Sheet1, Data and Bob's data, with formulas in Sheet1's column A. */
function workbook(kpis: string[]) {
  const rt = runtimeFor(CODE);
  rt.run('addSheet', 'Data');
  rt.run('addSheet', "Bob's data");
  if (kpis.length)
    rt.run(
      'setFormulas',
      'Sheet1',
      `A1:A${kpis.length}`,
      kpis.map((f) => [f]),
    );
  const column = (name: string, a1: string) =>
    (rt.run('formulas', name, a1).value as string[][]).map((r) => r[0]);
  const change = (name: string, how: string, at: number, count: number) => {
    const r = rt.run('change', name, how, at, count);
    expect(r.error).toBeUndefined();
  };
  return { rt, column, change };
}

describe('formulas after rows or columns of the sheet they point at move', () => {
  it('follow rows inserted in another sheet, whichever way its name is written, quotes in it doubled', () => {
    const { column, change } = workbook([
      "=SUM('Data'!C2:C500)",
      '=Data!B2+data!$B$3',
      '=COUNTA(Data!C:C)+SUM(Data!2:4)',
      "='Bob''s data'!A2",
      '=B2',
    ]);
    change('Data', 'insertRowsBefore', 3, 2);
    expect(column('Sheet1', 'A1:A5')).toEqual([
      "=SUM('Data'!C2:C502)",
      '=Data!B2+data!$B$5',
      '=COUNTA(Data!C:C)+SUM(Data!2:6)',
      // Another sheet, or Sheet1's own B2, did not move.
      "='Bob''s data'!A2",
      '=B2',
    ]);
    change("Bob's data", 'insertRowsBefore', 1, 1);
    expect(column('Sheet1', 'A4:A4')).toEqual(["='Bob''s data'!A3"]);
  });

  it('leave text in quotes, function names and other sheets of like names alone', () => {
    const { rt, column, change } = workbook([
      '=INDIRECT("Data!B2")&"B2"&LOG10(B2)',
      "='Data 2'!B2+Data2!B2+MyData!B2",
    ]);
    rt.run('addSheet', 'Data 2');
    change('Sheet1', 'insertRowsBefore', 1, 1);
    change('Data', 'insertRowsBefore', 1, 1);
    expect(column('Sheet1', 'A2:A3')).toEqual([
      '=INDIRECT("Data!B2")&"B2"&LOG10(B3)',
      "='Data 2'!B2+Data2!B2+MyData!B2",
    ]);
  });

  it('on the sheet itself follow its rows; a range does not take in rows inserted just below it', () => {
    const { rt, change } = workbook([]);
    rt.run('setFormulas', 'Data', 'F1:H1', [['=SUM(B2:B4)', '=$B$3*B5', '=SUM(B2:B)']]);
    const row = () => (rt.run('formulas', 'Data', 'F1:H1').value as string[][])[0];
    change('Data', 'insertRowsAfter', 4, 3);
    expect(row()).toEqual(['=SUM(B2:B4)', '=$B$3*B8', '=SUM(B2:B)']);
    change('Data', 'insertRowsBefore', 2, 1);
    expect(row()).toEqual(['=SUM(B3:B5)', '=$B$4*B9', '=SUM(B3:B)']);
  });

  it('shrink with rows deleted, and a reference to cells all deleted is #REF!', () => {
    const { column, change } = workbook([
      '=SUM(Data!C2:C10)',
      "='Data'!B3",
      '=Data!B12-Data!B1',
      '=SUM(Data!C3:C4)+1',
      '=SUM(Data!C2:C)',
    ]);
    change('Data', 'deleteRows', 3, 2);
    expect(column('Sheet1', 'A1:A5')).toEqual([
      '=SUM(Data!C2:C8)',
      '=#REF!',
      '=Data!B10-Data!B1',
      '=SUM(#REF!)+1',
      '=SUM(Data!C2:C)',
    ]);
    change('Data', 'deleteRows', 1, 2);
    expect(column('Sheet1', 'A1:A5')).toEqual([
      '=SUM(Data!C1:C6)',
      '=#REF!',
      '=Data!B8-#REF!',
      '=SUM(#REF!)+1',
      '=SUM(Data!C1:C)',
    ]);
  });

  it('follow columns inserted and deleted; whole rows stay whole', () => {
    const { column, change } = workbook([
      '=SUM(Data!B2:D2)',
      '=COUNTA(Data!A:C)+SUM(Data!2:2)',
      '=Data!$E$1+Data!A2:C',
    ]);
    change('Data', 'insertColumnsBefore', 2, 1);
    expect(column('Sheet1', 'A1:A3')).toEqual([
      '=SUM(Data!C2:E2)',
      '=COUNTA(Data!A:D)+SUM(Data!2:2)',
      '=Data!$F$1+Data!A2:D',
    ]);
    change('Data', 'deleteColumns', 1, 3);
    expect(column('Sheet1', 'A1:A3')).toEqual([
      '=SUM(Data!A2:B2)',
      '=COUNTA(Data!A:A)+SUM(Data!2:2)',
      '=Data!$C$1+Data!A2:A',
    ]);
    change('Data', 'insertColumnsAfter', 2, 1);
    expect(column('Sheet1', 'A1:A3')).toEqual([
      '=SUM(Data!A2:B2)',
      '=COUNTA(Data!A:A)+SUM(Data!2:2)',
      '=Data!$D$1+Data!A2:A',
    ]);
  });

  it('follow rows a person inserts and deletes, too', () => {
    const { rt, column } = workbook(['=SUM(Data!C2:C500)']);
    rt.workbook.insertRows('Data', 100, 5);
    expect(column('Sheet1', 'A1:A1')).toEqual(['=SUM(Data!C2:C505)']);
    rt.workbook.deleteColumns('Data', 3);
    expect(column('Sheet1', 'A1:A1')).toEqual(['=SUM(#REF!)']);
  });
});

describe('frozen rows and columns', () => {
  it('take in lines inserted above their last one, and lose those deleted', () => {
    const { rt, change } = workbook([]);
    rt.run('freeze', 'Data', 1, 2);
    change('Data', 'insertRowsBefore', 1, 2);
    change('Data', 'insertColumnsAfter', 1, 1);
    expect(rt.run('frozen', 'Data').value).toEqual([3, 3]);
    // Inserted just below the frozen lines, they are not frozen.
    change('Data', 'insertRowsAfter', 3, 1);
    change('Data', 'insertColumnsBefore', 4, 1);
    expect(rt.run('frozen', 'Data').value).toEqual([3, 3]);
    change('Data', 'deleteRows', 2, 5);
    change('Data', 'deleteColumns', 1, 1);
    expect(rt.run('frozen', 'Data').value).toEqual([1, 2]);
  });
});
