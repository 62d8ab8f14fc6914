// Range.copyTo with Apps Script's signature and rules, and rt.killAfter's planned kills.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function ss() { return SpreadsheetApp.getActive(); }
function caught(f) { try { f(); return null; } catch (e) { return String(e.message); } }
function copy(options) {
  var from = ss().insertSheet('From');
  var to = ss().getSheetByName('Sheet1');
  to.getRange(1, 1, 3, 3).setValues([['old', 'old', 'old'], ['old', 'old', 'old'], ['old', 'old', 'old']]);
  from.getRange('A1:B1').setValues([['Name', 'When']]).setFontWeight('bold');
  from.getRange('A1').setNote('a note');
  from.getRange('A2:B2').setValues([['Ada', '2026-05-01']]);
  from.getRange('A1:C3').copyTo(to.getRange('A1'), options);
  var r = to.getRange(1, 1, 3, 3);
  return { values: r.getDisplayValues(), bold: r.getFontWeights()[0], note: to.getRange('A1').getNote(), formats: r.getNumberFormats()[1] };
}
function pasteNormal() {
  var sheet = ss().getSheetByName('Sheet1');
  sheet.getRange('A1:D1').setValues([['2026-12-22 09:00', false, '=A1+1', '=$A$1']]);
  sheet.getRange('A1').setNumberFormat('yyyy-mm-dd hh:mm').setNote('sent 09:00');
  sheet.getRange('B1').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  sheet.getRange('A1:D1').copyTo(sheet.getRange('B3'));
  var r = sheet.getRange('B3:E3');
  return {
    shown: r.getDisplayValues()[0],
    formats: r.getNumberFormats()[0],
    notes: r.getNotes()[0],
    formulas: r.getFormulas()[0],
    checkbox: sheet.getRange('C3').getDataValidation() && String(sheet.getRange('C3').getDataValidation().getCriteriaType()),
  };
}
function refusals(otherId) {
  var from = ss().getSheetByName('Sheet1');
  var small = ss().insertSheet('Small');
  small.deleteRows(2, small.getMaxRows() - 2);
  var other = SpreadsheetApp.openById(otherId).getSheets()[0];
  return [
    caught(function () { from.getRange('A1:A5').copyTo(small.getRange('A1')); }),
    caught(function () { from.getRange('A1').copyTo('B1'); }),
    caught(function () { from.getRange('A1').copyTo(other.getRange('A1')); }),
  ];
}
function count(n) { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < n; i++) p.setProperty('k' + i, 'v'); return n; }
`;

describe('Range.copyTo', () => {
  it('lands values, formats and notes in the source size; empty source cells empty the target', () => {
    const rt = runtimeFor(CODE);
    const out = rt.run('copy').value as Record<string, unknown>;
    expect(out.values).toEqual([
      ['Name', 'When', ''],
      ['Ada', '2026-05-01', ''],
      ['', '', ''],
    ]);
    expect(out.bold).toEqual(['bold', 'bold', 'normal']);
    expect(out.note).toBe('a note');
  });

  it("pastes as Sheets' paste does: formats, notes and checkboxes with the values, relative references moved", () => {
    const rt = runtimeFor(CODE);
    const out = rt.run('pasteNormal').value as Record<string, unknown>;
    expect(out.shown).toEqual(['2026-12-22 09:00', 'FALSE', '#NAME?', '#NAME?']);
    expect((out.formats as string[])[0]).toBe('yyyy-mm-dd hh:mm');
    expect(out.notes).toEqual(['sent 09:00', '', '', '']);
    expect(out.checkbox).toBe('CHECKBOX');
    // One row down and one column right: A1 is B3's A1 moved as far; $A$1 is held.
    expect(out.formulas).toEqual(['', '', '=B3+1', '=$A$1']);
  });

  it('keeps the target formats with contentsOnly', () => {
    const rt = runtimeFor(CODE);
    const out = rt.run('copy', { contentsOnly: true }).value as Record<string, unknown>;
    expect((out.values as string[][])[0]).toEqual(['Name', 'When', '']);
    expect(out.bold).toEqual(['normal', 'normal', 'normal']);
    expect(out.note).toBe('');
  });

  it('refuses a paste past the grid, a non-range, and another spreadsheet', () => {
    const rt = runtimeFor(CODE);
    const other = rt.newSpreadsheet('Other');
    expect(rt.run('refusals', other.documentId).value).toEqual([
      'The coordinates of the range are outside the dimensions of the sheet.',
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.copyTo.",
      'Target range and source range must be on the same spreadsheet.',
    ]);
  });
});

describe('rt.killAfter', () => {
  it('kills the next execution at its n-th call of a service; the call does not happen; the plan lapses', () => {
    const rt = runtimeFor(CODE);
    // Call 1 opens the store; calls 2 and 3 write k0 and k1.
    rt.killAfter('properties', 3);
    const killed = rt.run('count', 5);
    expect(killed).toMatchObject({ killed: true, error: { message: 'Exceeded maximum execution time' } });
    expect(Object.keys(rt.properties.script.all())).toEqual(['k0']);
    expect(rt.run('count', 5)).toMatchObject({ killed: false, value: 5 });
  });
});
