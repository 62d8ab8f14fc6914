// Developer metadata as Sheets keeps it: on whole rows it grows, shrinks and moves as people insert
// and delete rows (rows at its edges stay outside it), and goes with its last row; Google's limits
// and scopes hold.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet(name) { return SpreadsheetApp.getActive().getSheetByName(name || 'Sheet1'); }
function tryIt(f) { try { return { value: f() }; } catch (e) { return { error: e.message }; } }
function tag(a1, key, value) {
  return tryIt(function () {
    sheet().getRange(a1).addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    return true;
  });
}
function rowsOf(key) {
  return sheet().createDeveloperMetadataFinder().withKey(key).find().map(function (m) {
    var l = m.getLocation();
    return { a1: l.getRow() && l.getRow().getA1Notation(), type: String(l.getLocationType()),
      value: m.getValue(), visibility: String(m.getVisibility()),
      project: m.getVisibility() === SpreadsheetApp.DeveloperMetadataVisibility.PROJECT };
  });
}
function where(key) { return rowsOf(key).map(function (r) { return r.a1; }); }
function insertBefore(row, n) { sheet().insertRowsBefore(row, n); }
function insertAfter(row, n) { sheet().insertRowsAfter(row, n); }
function remove(row, n) { sheet().deleteRows(row, n); }
function overloads() {
  var r = sheet().getRange('5:5');
  r.addDeveloperMetadata('tagOnly');
  r.addDeveloperMetadata('byVisibility', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  r.addDeveloperMetadata('byValue', 'PROJECT');
  return r.getDeveloperMetadata().map(function (m) {
    return [m.getKey(), m.getValue(), String(m.getVisibility())];
  });
}
function arbitrary() {
  var s = sheet();
  return [
    tryIt(function () { s.getRange('A2:C4').addDeveloperMetadata('k'); }),
    tryIt(function () { s.getRange(2, 1, 3, s.getMaxColumns()).addDeveloperMetadata('k'); }),
    tryIt(function () { s.getRange('2:4').addDeveloperMetadata(''); }),
  ];
}
function scoped() {
  var s = sheet();
  s.getRange('3:3').addDeveloperMetadata('three');
  s.getRange('B:C').addDeveloperMetadata('columns');
  s.addDeveloperMetadata('onSheet', 'v');
  SpreadsheetApp.getActive().addDeveloperMetadata('onSpreadsheet');
  var keys = function (list) { return list.map(function (m) { return m.getKey(); }).sort(); };
  return {
    inRows: keys(s.getRange('1:5').createDeveloperMetadataFinder().find()),
    inBlock: keys(s.getRange('A1:D5').createDeveloperMetadataFinder().find()),
    crossing: keys(s.getRange('A1:D5').createDeveloperMetadataFinder().onIntersectingLocations().find()),
    sheet: keys(s.createDeveloperMetadataFinder().find()),
    sheetOwn: keys(s.getDeveloperMetadata()),
    spreadsheet: keys(SpreadsheetApp.getActive().createDeveloperMetadataFinder().find()),
    spreadsheetOwn: keys(SpreadsheetApp.getActive().getDeveloperMetadata()),
    rows: keys(SpreadsheetApp.getActive().createDeveloperMetadataFinder()
      .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.ROW).find()),
    columnA1: s.createDeveloperMetadataFinder().withKey('columns').find()[0].getLocation().getColumn().getA1Notation(),
  };
}
function fill(name, key, chars) {
  return tryIt(function () {
    sheet(name).getRange('1:1').addDeveloperMetadata(key, new Array(chars + 1).join('x'));
    return true;
  });
}
function renameAndRemove(key) {
  var m = sheet().createDeveloperMetadataFinder().withKey(key).find()[0];
  m.setValue('second');
  var value = sheet().createDeveloperMetadataFinder().withValue('second').find().length;
  m.remove();
  return { value: value, left: sheet().createDeveloperMetadataFinder().withKey(key).find().length,
    again: tryIt(function () { m.setValue('third'); }) };
}
function everywhere() { return SpreadsheetApp.getActive().createDeveloperMetadataFinder().find().length; }
`;

describe('developer metadata on rows', () => {
  it('is found by key, with its rows as whole rows, its value and visibility', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('tag', '2:4', 'table', '7').value).toEqual({ value: true });
    expect(rt.run('rowsOf', 'table').value).toEqual([
      { a1: '2:4', type: 'ROW', value: '7', visibility: 'PROJECT', project: true },
    ]);
  });

  it('grows with rows inserted inside it, moves with rows inserted above, and leaves rows at its edges outside', () => {
    const rt = runtimeFor(CODE);
    rt.run('tag', '2:4', 'table', '');
    rt.run('insertBefore', 3, 2); // inside: between its first and second rows
    expect(rt.run('where', 'table').value).toEqual(['2:6']);
    rt.run('insertBefore', 2, 1); // above its first row: it moves down
    expect(rt.run('where', 'table').value).toEqual(['3:7']);
    rt.run('insertAfter', 7, 3); // right under its last row: outside it
    expect(rt.run('where', 'table').value).toEqual(['3:7']);
    rt.workbook.insertRows('Sheet1', 4, 1); // a user's insert, as the workbench does it
    expect(rt.run('where', 'table').value).toEqual(['3:8']);
  });

  it('shrinks with rows deleted inside it, moves up with rows deleted above, and goes with its last row', () => {
    const rt = runtimeFor(CODE);
    rt.run('tag', '3:6', 'table', '');
    rt.run('remove', 4, 2);
    expect(rt.run('where', 'table').value).toEqual(['3:4']);
    rt.run('remove', 1, 1);
    expect(rt.run('where', 'table').value).toEqual(['2:3']);
    rt.run('remove', 1, 2); // its first row and the row above it
    expect(rt.run('where', 'table').value).toEqual(['1:1']);
    rt.workbook.deleteRows('Sheet1', 1, 1);
    expect(rt.run('where', 'table').value).toEqual([]);
  });

  it('goes with its sheet', () => {
    const rt = runtimeFor(CODE);
    rt.workbook.addSheet('Other');
    rt.run('tag', '2:4', 'table', '');
    rt.run('fill', 'Other', 'kept', 3);
    rt.workbook.deleteSheet('Sheet1');
    expect(rt.run('everywhere').value).toBe(1);
  });
});

describe('what Apps Script takes', () => {
  it('tells a value from a visibility, DOCUMENT by default', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('overloads').value).toEqual([
      ['tagOnly', null, 'DOCUMENT'],
      ['byVisibility', null, 'PROJECT'],
      ['byValue', 'PROJECT', 'DOCUMENT'],
    ]);
  });

  it('refuses a range that is not whole rows or columns (even one as wide as the sheet), and an empty key', () => {
    const rt = runtimeFor(CODE);
    const arbitrary =
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';
    expect(rt.run('arbitrary').value).toEqual([
      { error: arbitrary },
      { error: arbitrary },
      { error: 'Invalid argument: key' },
    ]);
  });

  it("finds within a range what lies wholly inside it, or crosses it when asked; a sheet's finder takes its rows and columns", () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('scoped').value).toEqual({
      inRows: ['three'],
      inBlock: [],
      crossing: ['columns', 'three'],
      sheet: ['columns', 'onSheet', 'three'],
      sheetOwn: ['onSheet'],
      spreadsheet: ['columns', 'onSheet', 'onSpreadsheet', 'three'],
      spreadsheetOwn: ['onSpreadsheet'],
      rows: ['three'],
      columnA1: 'B:C',
    });
  });

  it('changes and removes it; a change to metadata removed is refused', () => {
    const rt = runtimeFor(CODE);
    rt.run('tag', '2:4', 'table', 'first');
    expect(rt.run('renameAndRemove', 'table').value).toEqual({
      value: 1,
      left: 0,
      again: { error: expect.stringMatching(/no longer exists/) },
    });
  });

  it('holds each sheet, and the spreadsheet as a whole, to 30,000 characters of keys and values', () => {
    const rt = runtimeFor(CODE);
    rt.workbook.addSheet('Other');
    expect(rt.run('fill', 'Sheet1', 'k', 29_999).value).toEqual({ value: true }); // 1 + 29,999
    expect(rt.run('fill', 'Sheet1', 'k', 0).value).toEqual({
      error:
        'This would take the developer metadata of the sheet "Sheet1" past its limit of 30000 characters (keys and values).',
    });
    expect(rt.run('fill', 'Other', 'k', 0).value).toEqual({
      error:
        'This would take the developer metadata of the spreadsheet past its limit of 30000 characters (keys and values).',
    });
  });

  it('needs a spreadsheet scope: spreadsheets.currentonly is enough, none is refused', () => {
    const AUTH = 'https://www.googleapis.com/auth/';
    const current = runtimeFor(CODE, { oauthScopes: [`${AUTH}spreadsheets.currentonly`] });
    expect(current.run('tag', '2:4', 'table', '').value).toEqual({ value: true });
    const none = runtimeFor(CODE, { oauthScopes: [`${AUTH}script.container.ui`] });
    expect(none.run('tag', '2:4', 'table', '').value).toEqual({
      error: expect.stringMatching(/You do not have permission to call SpreadsheetApp.getActive/),
    });
  });

  it('goes only on rows the user may edit (the stricter reading)', () => {
    const rt = runtimeFor(CODE, { user: 'analyst@example.com' });
    rt.workbook.protect('Sheet1!K3:K4', { editors: [] });
    const other = rt.asUser('sam@example.com');
    expect(other.run('tag', '1:2', 'free', '').value).toEqual({ value: true });
    expect(other.run('tag', '2:4', 'table', '').value).toEqual({
      error: expect.stringMatching(/protected cell or object/),
    });
  });
});
