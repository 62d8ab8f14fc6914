// Checkboxes as Sheets makes them: Range.insertCheckboxes() "sets the value of all cells in the range
// to false" (Apps Script reference), so an untouched box reads FALSE, as it shows; a checkbox rule
// set with setDataValidation(requireCheckbox()) changes no value, so an empty cell stays ''.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function read(a1) {
  var r = sheet().getRange(a1);
  return {
    values: r.getValues(),
    rules: r.getDataValidations().map(function (line) {
      return line.map(function (v) { return v ? String(v.getCriteriaType()) : null; });
    }),
  };
}
function inserted() { sheet().getRange('A1').setValue(true); sheet().getRange('A1:A3').insertCheckboxes(); return read('A1:A3'); }
function ruled() {
  sheet().getRange('A1:A2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  return read('A1:A2');
}
function custom() { sheet().getRange('A1').insertCheckboxes('yes'); }
`;

describe('checkboxes', () => {
  it('insertCheckboxes() gives each cell a box and the value false, a ticked one too', () => {
    expect(runtimeFor(CODE).run('inserted').value).toEqual({
      values: [[false], [false], [false]],
      rules: [['CHECKBOX'], ['CHECKBOX'], ['CHECKBOX']],
    });
  });

  it('a requireCheckbox rule leaves empty cells empty', () => {
    expect(runtimeFor(CODE).run('ruled').value).toEqual({
      values: [[''], ['']],
      rules: [['CHECKBOX'], ['CHECKBOX']],
    });
  });

  it('says plainly that custom checked values are not simulated', () => {
    expect(runtimeFor(CODE).run('custom').error?.message).toMatch(/not simulated/);
  });
});
