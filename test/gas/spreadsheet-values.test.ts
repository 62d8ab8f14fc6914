import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function writeRow(values) {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Sheet1');
  sheet.getRange(1, 1, 1, values.length).setValues([values]);
}
function writeAsText(values) {
  var range = SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange(1, 1, 1, values.length);
  range.setNumberFormat('@');
  range.setValues([values]);
}
function readTypes() {
  var row = SpreadsheetApp.getActiveSheet().getDataRange().getValues()[0];
  return row.map(function (v) { return v instanceof Date ? 'date' : typeof v; });
}
function mismatch(rows, cols, data) {
  SpreadsheetApp.getActiveSheet().getRange(1, 1, rows, cols).setValues(data);
}
function catchMismatch() {
  try { mismatch(2, 2, [[1, 2]]); } catch (e) { return { isError: e instanceof Error, text: String(e) }; }
}
function outside() { SpreadsheetApp.getActiveSheet().getRange(1001, 1).setValue('x'); }
function outsideA1(a1) { SpreadsheetApp.getActiveSheet().getRange(a1).setValues([['x']]); }
function longText(n, how) {
  var sheet = SpreadsheetApp.getActiveSheet();
  var text = new Array(n + 1).join('x');
  if (how === 'setValues') sheet.getRange(1, 1, 1, 2).setValues([['ok', text]]);
  if (how === 'setValue') sheet.getRange(1, 2).setValue(text);
  if (how === 'appendRow') sheet.appendRow(['ok', text]);
}
function grow(rows) {
  var ss = SpreadsheetApp.getActive();
  var sheet = ss.getSheetByName('Big') || ss.insertSheet('Big');
  sheet.insertRowsAfter(sheet.getMaxRows(), rows);
  return sheet.getMaxRows();
}
function bigInDateCell(n) {
  var r = SpreadsheetApp.getActiveSheet().getRange('A1');
  r.setNumberFormat('yyyy-mm-dd hh:mm');
  r.setValue(n);
  var v = r.getValue();
  return [v instanceof Date ? 'date' : typeof v, String(v), typeof r.getDisplayValue()];
}
function writeDate(iso) { SpreadsheetApp.getActiveSheet().getRange('B2').setValue(new Date(iso)); }
function notesAndFormats() {
  var r = SpreadsheetApp.getActiveSheet().getRange('A1:B1');
  r.setValues([[0.256, 1234.5]]).setNumberFormats([['0.0%', '#,##0.00']]).setNotes([['why', '']]);
  SpreadsheetApp.getActiveSheet().setFrozenRows(1);
  return r.getDisplayValues();
}
`;

describe('setValues typing rules', () => {
  it('turns =formulas, numbers, dates and booleans into typed values', () => {
    const rt = runtimeFor(CODE);
    const r = rt.run('writeRow', [
      '=1+1',
      '007',
      '1,234',
      '2024-03-01',
      'TRUE',
      '-5',
      '12%',
      '$3',
      '=SUM(A1:B1)',
    ]);
    expect(r.error).toBeUndefined();
    const [row] = rt.workbook.values('Sheet1');
    expect(row?.slice(0, 8)).toEqual([2, 7, 1234, new Date('2024-03-01T05:00:00Z'), true, -5, 0.12, 3]);
    expect(rt.workbook.formulas('Sheet1')[0]).toEqual(['=1+1', '', '', '', '', '', '', '', '=SUM(A1:B1)']);
    expect(rt.workbook.displayValues('Sheet1')[0]).toEqual([
      '2',
      '7',
      '1,234',
      '2024-03-01',
      'TRUE',
      '-5',
      '12%',
      '$3',
      '#NAME?',
    ]);
    expect(rt.run('readTypes').value).toEqual([
      'number',
      'number',
      'number',
      'date',
      'boolean',
      'number',
      'number',
      'number',
      'string',
    ]);
  });

  it('makes +1 555 a formula parse error and reads US dates and date-times', () => {
    const rt = runtimeFor(CODE);
    rt.run('writeRow', ['+1 555', '3/1/2024', '2024-03-01 10:00', 'hello']);
    const [row] = rt.workbook.values('Sheet1');
    expect(row).toEqual([
      '#ERROR!',
      new Date('2024-03-01T05:00:00Z'),
      new Date('2024-03-01T15:00:00Z'),
      'hello',
    ]);
    expect(rt.workbook.formulas('Sheet1')[0]?.[0]).toBe('=+1 555');
    expect(rt.workbook.displayValues('Sheet1')[0]?.slice(1, 3)).toEqual(['3/1/2024', '2024-03-01 10:00:00']);
  });

  it("reads a month and day typed with no year as that day of the spreadsheet's current year, by its locale", () => {
    // 03:00 UTC on New Year's Day is still 2025 in the spreadsheet's zone (New York).
    const rt = runtimeFor(CODE, { now: '2026-01-01T03:00:00Z' });
    rt.run('writeRow', ['12/3', '2/30', '12/3 x']);
    expect(rt.workbook.values('Sheet1')[0]).toEqual([new Date('2025-12-03T05:00:00Z'), '2/30', '12/3 x']);
    expect(rt.workbook.displayValues('Sheet1')[0]?.[0]).toBe('12/3/2025');
    expect(rt.run('readTypes').value).toEqual(['date', 'string', 'string']);

    const gb = runtimeFor(CODE, { now: '2026-05-25T12:00:00Z' });
    gb.workbook.setLocale('en_GB');
    gb.run('writeRow', ['3/12', '12/3']);
    expect(gb.workbook.values('Sheet1')[0]).toEqual([
      new Date('2026-12-03T05:00:00Z'),
      new Date('2026-03-12T04:00:00Z'),
    ]);
    expect(gb.workbook.displayValues('Sheet1')[0]).toEqual(['03/12/2026', '12/03/2026']);
  });

  it("keeps 'apostrophe text and @-formatted cells literal", () => {
    const rt = runtimeFor(CODE);
    rt.run('writeRow', ["'007", "'=1+1", "'TRUE"]);
    expect(rt.workbook.values('Sheet1')[0]).toEqual(['007', '=1+1', 'TRUE']);
    expect(rt.workbook.formulas('Sheet1')[0]).toEqual(['', '', '']);

    const text = runtimeFor(CODE);
    text.run('writeAsText', ['007', '=1+1', '2024-03-01', '1,234']);
    expect(text.workbook.values('Sheet1')[0]).toEqual(['007', '=1+1', '2024-03-01', '1,234']);
    expect(text.workbook.numberFormats('Sheet1')[0]).toEqual(['@', '@', '@', '@']);
  });

  it('hands the script Dates of its own realm and numbers in date-formatted cells as Dates', () => {
    const rt = runtimeFor(CODE);
    rt.run('writeDate', '2024-07-04T16:30:00Z');
    expect(rt.workbook.values('Sheet1')[1]?.[1]).toEqual(new Date('2024-07-04T16:30:00Z'));
    expect(rt.workbook.displayValues('Sheet1')[1]?.[1]).toBe('7/4/2024 12:30:00');
    rt.workbook.write('Sheet1', [['2024-01-02']]);
    expect(rt.run('readTypes').value).toEqual(['date', 'string']);
  });

  it('gives back the number in a date-formatted cell too large for a date (unix seconds typed there)', () => {
    const rt = runtimeFor(CODE);
    // 1764860400 days is millions of years past any date a script can hold.
    expect(rt.run('bigInDateCell', 1764860400).value).toEqual(['number', '1764860400', 'string']);
    expect((rt.run('bigInDateCell', 46361.5).value as unknown[])[0]).toBe('date');
  });

  it('applies number formats to display values, and keeps notes and frozen rows', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('notesAndFormats').value).toEqual([['25.6%', '1,234.50']]);
    expect(rt.workbook.notes('Sheet1')).toEqual([['why', '']]);
    expect(rt.workbook.frozenRows('Sheet1')).toBe(1);
  });
});

describe('Sheets limits', () => {
  it('rejects a setValues whose shape differs from the range, with Apps Script text', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('mismatch', 2, 2, [[1, 2]]).error?.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(rt.run('mismatch', 1, 2, [[1, 2, 3]]).error?.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(rt.run('catchMismatch').value).toEqual({
      isError: true,
      text: 'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
    expect(rt.workbook.values('Sheet1')).toEqual([]);
  });

  it('refuses ranges outside the grid and growth past 10 million cells', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('outside').error?.message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(rt.run('grow', 10_000).value).toBe(11_000);
    expect(rt.run('grow', 400_000).error?.message).toContain('above the limit of 10000000 cells');
  });

  it('refuses A1 ranges past the last column, as Sheets does (AA5 on a 26-column sheet)', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('outsideA1', 'AA5').error?.message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(rt.run('outsideA1', 'Z5').error).toBeUndefined();
  });

  it.each(['setValues', 'setValue', 'appendRow'])(
    '%s refuses a cell of more than 50,000 characters and writes nothing of the call',
    (how) => {
      const rt = runtimeFor(CODE);
      expect(rt.run('longText', 50_001, how).error?.message).toBe(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
      expect(rt.workbook.values('Sheet1')).toEqual([]);
      expect(rt.run('longText', 50_000, how).error).toBeUndefined();
      expect(String(rt.workbook.values('Sheet1')[0]?.[1]).length).toBe(50_000);
    },
  );
});
