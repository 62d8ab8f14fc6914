// Range.sort with Apps Script's signature, and a person's Data ▸ Sort range (rt.workbook.sortRange):
// one sort for both. Rows move whole within the range's columns only: values, formulas (their
// references moving with the row), notes and formats; the cells beside the range stay.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function caught(f) { try { f(); return null; } catch (e) { return String(e.message); } }
function seed() {
  var s = sheet();
  s.getRange('A1:D6').setValues([
    ['Agent', 'Handled', 'Double', 'Status'],
    ['cy', 10, '=B2*2', 'sent 3'],
    ['Ada', 4, '=B3*2', 'sent 1'],
    ['', 7, '=B4*2', 'sent 4'],
    ['ben', 6, '=B5*2', 'sent 2'],
    ['Ada', 1, '=B6*2', 'sent 5'],
  ]);
  s.getRange('A3').setNote('first');
  s.getRange('B2').setFontWeight('bold').setNumberFormat('0.0');
}
function read() {
  var r = sheet().getRange('A1:D6');
  return {
    values: r.getDisplayValues(),
    formulas: r.getFormulas().map(function (row) { return row[2]; }),
    notes: r.getNotes().map(function (row) { return row[0]; }),
    bold: r.getFontWeights().map(function (row) { return row[1]; }),
  };
}
function sortBy(spec) { sheet().getRange('A2:C6').sort(spec); return read(); }
function refusals() {
  var r = sheet().getRange('A2:C6');
  return [
    caught(function () { r.sort(4); }),
    caught(function () { r.sort({ column: 'A' }); }),
  ];
}
`;

/** Column `i` of the values read. */
const col = (read: { values: string[][] }, i: number) => read.values.map((row) => row[i]);

describe('Range.sort and Data ▸ Sort range', () => {
  it('sorts A to Z by a column: rows move whole within the range, blanks last, ties kept in order', () => {
    const rt = runtimeFor(CODE);
    rt.run('seed');
    const sorted = rt.run('sortBy', 1).value as ReturnType<typeof JSON.parse>;
    expect(col(sorted, 0)).toEqual(['Agent', 'Ada', 'Ada', 'ben', 'cy', '']);
    expect(col(sorted, 1)).toEqual(['Handled', '4', '1', '6', '10.0', '7']);
    // Formulas move with their rows, their references with them.
    expect(sorted.formulas).toEqual(['', '=B2*2', '=B3*2', '=B4*2', '=B5*2', '=B6*2']);
    expect(sorted.notes).toEqual(['', 'first', '', '', '', '']);
    expect(sorted.bold).toEqual(['normal', 'normal', 'normal', 'normal', 'bold', 'normal']);
    // Column D is not in the range: it stays where it was.
    expect(col(sorted, 3)).toEqual(['Status', 'sent 3', 'sent 1', 'sent 4', 'sent 2', 'sent 5']);
  });

  it('sorts Z to A, by several columns, numbers as numbers; refuses a column outside the range', () => {
    const rt = runtimeFor(CODE);
    rt.run('seed');
    const down = rt.run('sortBy', { column: 2, ascending: false }).value as { values: string[][] };
    expect(col(down, 1)).toEqual(['Handled', '10.0', '7', '6', '4', '1']);
    const both = rt.run('sortBy', [
      { column: 1, ascending: true },
      { column: 2, ascending: true },
    ]).value as { values: string[][] };
    expect(col(both, 0)).toEqual(['Agent', 'Ada', 'Ada', 'ben', 'cy', '']);
    expect(col(both, 1)).toEqual(['Handled', '1', '4', '6', '10.0', '7']);
    expect(rt.run('refusals').value).toEqual([
      'Column 4 is not in the range A2:C6: sort by one of its columns, 1 (A) to 3 (C).',
      "The parameters (object) don't match the method signature for SpreadsheetApp.Range.sort.",
    ]);
  });

  it("is a person's Data ▸ Sort range too, sorted as the script's", () => {
    const rt = runtimeFor(CODE);
    rt.run('seed');
    rt.workbook.sortRange('Sheet1!A2:C6', [{ column: 1, ascending: false }]);
    const sorted = rt.run('read').value as { values: string[][]; notes: string[] };
    expect(col(sorted, 0)).toEqual(['Agent', 'cy', 'ben', 'Ada', 'Ada', '']);
    expect(sorted.notes).toEqual(['', '', '', 'first', '', '']);
  });
});
