// A person's selection is always cells of the sheet, as in Sheets, where the grid has no cell past
// the sheet's last row or column: a range past them cannot be selected, and columns deleted under
// the selection take it to the sheet's edge. A script reading it (getActiveRange) never fails.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function trim(columns) {
  var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
  s.deleteColumns(columns + 1, s.getMaxColumns() - columns);
}
function selected() {
  var ss = SpreadsheetApp.getActive();
  return { range: ss.getActiveRange().getA1Notation(), cell: ss.getActiveCell().getA1Notation() };
}
`;

describe('the selection', () => {
  it("refuses a range past the sheet's last column or row, saying where the sheet ends and how to add to it", () => {
    const rt = runtimeFor(CODE);
    rt.run('trim', 8);
    rt.workbook.select('Sheet1!B2');
    expect(() => rt.workbook.select('Sheet1!I1')).toThrow(
      'I1 is outside "Sheet1", which has 1,000 rows and columns A to H. To add a column, right-click a cell in column H ▸ Insert column right.',
    );
    expect(() => rt.workbook.select('Sheet1!A999:A1001')).toThrow(
      'A999:A1001 is outside "Sheet1", which has 1,000 rows and columns A to H. To add a row, right-click a cell in row 1000 ▸ Insert row below.',
    );
    expect(() => rt.workbook.select('Sheet1!J1001')).toThrow(
      'J1001 is outside "Sheet1", which has 1,000 rows and columns A to H. To add a row, right-click a cell in row 1000 ▸ Insert row below; to add a column, right-click a cell in column H ▸ Insert column right.',
    );
    // The selection stays where it was, and the add-on reads it.
    expect(rt.workbook.selection()).toBe('Sheet1!B2');
    expect(rt.run('selected').value).toEqual({ range: 'B2', cell: 'B2' });
    // The sheet's last column is the sheet's: selected.
    rt.workbook.select('Sheet1!H1');
    expect(rt.run('selected').value).toEqual({ range: 'H1', cell: 'H1' });
    // Back on the sheet by its tab, a selection left on I:J before they went is at its edge.
    rt.workbook.returnTo('Sheet1!I4:J6');
    expect(rt.run('selected').value).toEqual({ range: 'H4:H6', cell: 'H4' });
  });

  it("is taken to the sheet's edge when columns under it are deleted, and read without failing", () => {
    const rt = runtimeFor(CODE);
    rt.workbook.select('Sheet1!G3:K5');
    // A pull trims the sheet to its table's width (A:H) while I:K are selected.
    rt.run('trim', 8);
    const read = rt.run('selected');
    expect(read.error).toBeUndefined();
    expect(read.value).toEqual({ range: 'G3:H5', cell: 'G3' });
    expect(rt.workbook.selection()).toBe('Sheet1!G3:H5');
    // The active cell itself deleted: the sheet's last column holds it.
    const other = runtimeFor(CODE);
    other.workbook.select('Sheet1!Z1');
    expect(other.run('selected').value).toEqual({ range: 'Z1', cell: 'Z1' });
    other.run('trim', 8);
    expect(other.run('selected').value).toEqual({ range: 'H1', cell: 'H1' });
    expect(other.workbook.selection()).toBe('Sheet1!H1');
  });
});
