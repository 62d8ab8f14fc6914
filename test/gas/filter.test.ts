// A sheet's filter: Range.createFilter, Sheet.getFilter, Range.getFilter, Filter.getRange and
// remove, one a sheet, moving with the rows around it; and a person's Data ▸ Create a filter.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function caught(f) { try { f(); return null; } catch (e) { return String(e.message); } }
function lifecycle() {
  var s = sheet();
  var none = s.getFilter();
  var filter = s.getRange('A1:C20').createFilter();
  var out = {
    none: none,
    range: s.getFilter().getRange().getA1Notation(),
    fromRange: s.getRange('Z900').getFilter().getRange().getA1Notation(),
    second: caught(function () { s.getRange('E1:F2').createFilter(); }),
    criteria: typeof filter.getColumnFilterCriteria,
  };
  s.insertRowsBefore(1, 2);
  out.moved = filter.getRange().getA1Notation();
  filter.remove();
  out.removed = s.getFilter();
  out.stale = caught(function () { filter.getRange(); });
  return out;
}
function has() { return sheet().getFilter() ? sheet().getFilter().getRange().getA1Notation() : null; }
`;

describe("a sheet's filter", () => {
  it('is created over a range, one a sheet, read from the sheet or any range of it, moved with its rows, removed', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('lifecycle').value).toEqual({
      none: null,
      range: 'A1:C20',
      fromRange: 'A1:C20',
      second: 'You can’t create a filter in a sheet that already has a filter.',
      // Which rows a filter hides is not simulated: no criteria to read or set.
      criteria: 'undefined',
      moved: 'A3:C22',
      removed: null,
      stale: 'This filter no longer exists.',
    });
  });

  it("is a person's Data ▸ Create a filter too, which scripts read with the spreadsheet's own scope", () => {
    const rt = runtimeFor(CODE, {
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    });
    expect(rt.run('has').value).toBeNull();
    rt.workbook.createFilter('Sheet1!A1:D9');
    expect(rt.workbook.filter('Sheet1')).toBe('A1:D9');
    expect(() => rt.workbook.createFilter('Sheet1!A1:B2')).toThrow(/already has a filter/);
    expect(rt.run('has').value).toBe('A1:D9');
    rt.workbook.removeFilter('Sheet1');
    expect(rt.run('has').value).toBeNull();
    // Without a spreadsheet scope the script reaches no sheet, and no filter.
    const none = runtimeFor(CODE, {
      oauthScopes: ['https://www.googleapis.com/auth/script.external_request'],
    });
    expect(none.run('has').error?.message).toMatch(/^You do not have permission to call SpreadsheetApp/);
  });
});
