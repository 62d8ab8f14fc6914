// Rows (and columns) inserted take the formatting of a neighbour, as in Sheets: insertRowsAfter(n)
// that of row n above them, insertRowsBefore(n) that of row n below them; a person's Insert row
// above / below (rt.workbook.insertRows) likewise. Formatting: number format, bold, colours and data
// validation; never the neighbour's value or note.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function setUp() {
  var s = sheet();
  s.getRange('A1:B1').setValues([['Start', 'All day']]).setFontWeight('bold').setBackground('#f1f3f4');
  s.getRange('A2:B2').setValues([['2026-12-22 09:00', false]]).setNote('sent');
  s.getRange('A2').setNumberFormat('yyyy-mm-dd hh:mm');
  s.getRange('B2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
}
function rowsOf(first, n) {
  var r = sheet().getRange(first, 1, n, 2);
  return {
    formats: r.getNumberFormats(),
    weights: r.getFontWeights(),
    backgrounds: r.getBackgrounds(),
    values: r.getValues(),
    notes: r.getNotes(),
    checkboxes: r.getDataValidations().map(function (line) {
      return line.map(function (v) { return v ? String(v.getCriteriaType()) : null; });
    }),
  };
}
function insertAfter(n, k) { setUp(); sheet().insertRowsAfter(n, k); }
function insertBefore(n, k) { setUp(); sheet().insertRowsBefore(n, k); }
function typeInto(a1, text) { sheet().getRange(a1).setValue(text); return sheet().getRange(a1).getDisplayValue(); }
`;

const DATA = {
  formats: [['yyyy-mm-dd hh:mm', '0.###############']],
  weights: [['normal', 'normal']],
  backgrounds: [['#ffffff', '#ffffff']],
  checkboxes: [[null, 'CHECKBOX']],
};

describe('rows inserted take the formatting of a neighbour', () => {
  it('insertRowsAfter(2): the data row above, not its value or note', () => {
    const rt = runtimeFor(CODE);
    rt.run('insertAfter', 2, 2);
    const rows = rt.run('rowsOf', 3, 2).value as Record<string, unknown[][]>;
    expect(rows.formats).toEqual([...DATA.formats, ...DATA.formats]);
    expect(rows.checkboxes).toEqual([...DATA.checkboxes, ...DATA.checkboxes]);
    expect(rows.values).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(rows.notes).toEqual([
      ['', ''],
      ['', ''],
    ]);
    // A time typed there shows as the column shows its times, not as 9:00:00.
    expect(rt.run('typeInto', 'A3', '2026-12-23 10:30').value).toBe('2026-12-23 10:30');
  });

  it('insertRowsBefore(2): the data row below, not the bold header above', () => {
    const rt = runtimeFor(CODE);
    rt.run('insertBefore', 2, 1);
    const row = rt.run('rowsOf', 2, 1).value as Record<string, unknown[][]>;
    expect(row).toMatchObject(DATA);
    // insertRowsAfter(1) takes the header's.
    const after = runtimeFor(CODE);
    after.run('insertAfter', 1, 1);
    expect(after.run('rowsOf', 2, 1).value).toMatchObject({
      weights: [['bold', 'bold']],
      backgrounds: [['#f1f3f4', '#f1f3f4']],
      checkboxes: [[null, null]],
    });
  });

  it("a person's Insert row above takes the row below's; Insert row below the row above's", () => {
    const rt = runtimeFor(CODE);
    rt.run('setUp');
    rt.workbook.insertRows('Sheet1', 2, 1, 'after'); // Insert 1 row above row 2
    rt.workbook.insertRows('Sheet1', 4, 1, 'before'); // Insert 1 row below row 3 (the data row)
    const validations = rt.workbook.dataValidations('Sheet1').map((line) => line[1]?.criteria ?? null);
    expect(validations.slice(1, 4)).toEqual(['CHECKBOX', 'CHECKBOX', 'CHECKBOX']);
    expect(rt.workbook.numberFormats('Sheet1')[1]?.[0]).toBe('yyyy-mm-dd hh:mm');
    expect(rt.workbook.notes('Sheet1').map((line) => line[0])).toEqual(['', '', 'sent']);
  });
});
