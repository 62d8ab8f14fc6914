// What a shared spreadsheet can hold: merged cells, protections, a locale, sheets that are not grids,
// and sheet names unique whatever their case. The runtime refuses what Sheets refuses, with its words.
import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function tryIt(f) { try { return { value: f() }; } catch (e) { return { error: e.message }; } }
function mergeAndFreeze() {
  var s = sheet();
  s.getRange('A1:B1').setValues([['Title', 'lost']]);
  s.getRange('A1:A2').merge();
  var merged = s.getRange('A1:C3').getMergedRanges().map(function (r) { return r.getA1Notation(); });
  var values = s.getRange('A1:B2').getValues();
  var freeze = tryIt(function () { s.setFrozenRows(1); });
  var partial = tryIt(function () { s.getRange('A2:B2').breakApart(); });
  s.getRange('A1:A2').breakApart();
  var after = tryIt(function () { s.setFrozenRows(1); return s.getFrozenRows(); });
  return { merged: merged, values: values, freeze: freeze, partial: partial, after: after,
    left: s.getRange('A1:C3').getMergedRanges().length };
}
function mergeBelowFrozen() {
  var s = sheet();
  s.setFrozenRows(1);
  return tryIt(function () { s.getRange('B1:B3').merge(); });
}
function writeCell(a1, value) { return tryIt(function () { sheet().getRange(a1).setValue(value); return true; }); }
function protectRange(a1, editors) {
  var p = sheet().getRange(a1).protect().setDescription('locked');
  p.removeEditors(p.getEditors().map(function (u) { return u.getEmail(); }));
  p.addEditors(editors);
  return p.getEditors().map(function (u) { return u.getEmail(); }).sort();
}
function protectSheet(warningOnly) {
  var p = sheet().protect();
  p.removeEditors(p.getEditors().map(function (u) { return u.getEmail(); }));
  p.setWarningOnly(warningOnly);
  return sheet().protect() === p || sheet().getProtections(SpreadsheetApp.ProtectionType.SHEET).length;
}
function whatICanDo() {
  var ss = SpreadsheetApp.getActive();
  return {
    ranges: ss.getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) {
      return { a1: p.getRange().getA1Notation(), canEdit: p.canEdit(), warning: p.isWarningOnly(), kind: String(p.getProtectionType()) };
    }),
    sheets: ss.getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
    editors: tryIt(function () { return ss.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getEditors().length; }),
    insert: tryIt(function () { sheet().insertRowsAfter(1, 2); return true; }),
    freeze: tryIt(function () { sheet().setFrozenRows(1); return true; }),
  };
}
function shiftAround() {
  var s = sheet();
  s.getRange('B3:C4').merge();
  s.getRange('A5:B6').protect();
  s.insertRowsBefore(1, 2);
  var afterInsert = [s.getRange('A1:Z20').getMergedRanges()[0].getA1Notation(),
    SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation()];
  s.deleteRows(5, 1);
  s.deleteColumns(1, 1);
  var afterDelete = [s.getRange('A1:Y20').getMergedRanges().map(function (r) { return r.getA1Notation(); }),
    SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation()];
  return { afterInsert: afterInsert, afterDelete: afterDelete };
}
function setLocale(locale) { SpreadsheetApp.getActive().setSpreadsheetLocale(locale); return SpreadsheetApp.getActive().getSpreadsheetLocale(); }
function typeRow(values) {
  sheet().getRange(1, 1, 1, values.length).setValues([values]);
  return sheet().getRange(1, 1, 1, values.length).getValues()[0].map(function (v) {
    return v instanceof Date ? 'date ' + v.toISOString() : typeof v + ' ' + v;
  });
}
function kinds() {
  var ss = SpreadsheetApp.getActive();
  return ss.getSheets().map(function (s) {
    return { name: s.getName(), type: String(s.getType()), grid: s.getType() === SpreadsheetApp.SheetType.GRID,
      range: tryIt(function () { return s.getRange('A1').getA1Notation(); }) };
  });
}
function insert(name) { return tryIt(function () { return SpreadsheetApp.getActive().insertSheet(name).getName(); }); }
function rename(from, to) { return tryIt(function () { SpreadsheetApp.getActive().getSheetByName(from).setName(to); return to; }); }
function drop(name) { return tryIt(function () { var ss = SpreadsheetApp.getActive(); ss.deleteSheet(ss.getSheetByName(name)); return true; }); }
function insertAt(name, index) { return SpreadsheetApp.getActive().insertSheet(name, index).getIndex(); }
function byName(name) { var s = SpreadsheetApp.getActive().getSheetByName(name); return s && s.getName(); }
`;

describe('merged cells', () => {
  it('keeps the top-left value, lists merges, and refuses to freeze through one', () => {
    const rt = runtimeFor(CODE);
    const r = rt.run('mergeAndFreeze');
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual({
      merged: ['A1:A2'],
      values: [
        ['Title', 'lost'],
        ['', ''],
      ],
      freeze: { error: "You can't freeze rows which contain only part of a merged cell." },
      partial: { error: 'You must select all cells in a merged range to merge or unmerge them.' },
      after: { value: 1 },
      left: 0,
    });
  });

  it('refuses to merge frozen rows with rows below them', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('mergeBelowFrozen').value).toEqual({
      error: "You can't merge frozen and non-frozen rows.",
    });
  });

  it('a value written under a merged cell is lost, as on Sheets', () => {
    const rt = runtimeFor(CODE);
    rt.workbook.write('Sheet1', [['a'], ['b']]);
    rt.workbook.merge('Sheet1!A1:A2');
    rt.run('writeCell', 'A2', 'hidden');
    expect(rt.workbook.values('Sheet1')).toEqual([['a']]);
    expect(rt.workbook.merges('Sheet1')).toEqual(['A1:A2']);
  });
});

describe('rows and columns in or out', () => {
  it('move merges and protected ranges with them, shrinking what loses rows', () => {
    const rt = runtimeFor(CODE);
    const r = rt.run('shiftAround');
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual({
      afterInsert: ['B5:C6', 'A7:B8'],
      // Row 5 (the merge's first row) went: a 2x1 merge left, then column A went: 1 column.
      afterDelete: [['A5:B5'], 'A6:A7'],
    });
  });
});

describe('protected ranges and sheets', () => {
  const OWNER = 'analyst@example.com';
  const PROTECTED =
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

  it('only the owner and the listed editors may write into a protected range', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('protectRange', 'A1:B2', ['editor@example.com']).value).toEqual([
      OWNER,
      'editor@example.com',
    ]);
    const other = rt.asUser('other@example.com');
    expect(other.run('writeCell', 'B2', 'x').value).toEqual({ error: PROTECTED });
    expect(other.run('writeCell', 'C3', 'x').value).toEqual({ value: true });
    expect(rt.asUser('editor@example.com').run('writeCell', 'A1', 'y').value).toEqual({ value: true });
    expect(rt.run('writeCell', 'B1', 'z').value).toEqual({ value: true });
    const seen = other.run('whatICanDo').value as Record<string, unknown>;
    expect(seen.ranges).toEqual([{ a1: 'A1:B2', canEdit: false, warning: false, kind: 'RANGE' }]);
    expect(seen.editors).toEqual({ error: PROTECTED });
    // A protected range does not stop rows being inserted or the header frozen.
    expect(seen.insert).toEqual({ value: true });
    expect(seen.freeze).toEqual({ value: true });
  });

  it('a protected sheet refuses its cells and its structure; warning-only lets scripts through', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('protectSheet', false).error).toBeUndefined();
    const other = rt.asUser('other@example.com');
    expect(other.run('writeCell', 'Z99', 'x').value).toEqual({ error: PROTECTED });
    const seen = other.run('whatICanDo').value as Record<string, unknown>;
    expect(seen.sheets).toBe(1);
    expect(seen.insert).toEqual({ error: PROTECTED });
    expect(seen.freeze).toEqual({ error: PROTECTED });
    expect(rt.run('writeCell', 'Z99', 'owner').value).toEqual({ value: true });

    const warned = runtimeFor(CODE);
    warned.run('protectSheet', true);
    expect(warned.asUser('other@example.com').run('writeCell', 'A1', 'x').value).toEqual({ value: true });
  });

  it('protections set up from the test hold too', () => {
    const rt = runtimeFor(CODE);
    rt.workbook.protect('Sheet1!A1:A5', { editors: ['editor@example.com'] });
    expect(rt.asUser('other@example.com').run('writeCell', 'A3', 'x').value).toEqual({ error: PROTECTED });
    expect(rt.asUser('editor@example.com').run('writeCell', 'A3', 'x').value).toEqual({ value: true });
  });
});

describe('the spreadsheet locale', () => {
  const typed = (locale: string, values: string[]) => {
    const rt = runtimeFor(CODE, { timezone: 'UTC' });
    expect(rt.run('setLocale', locale).value).toBe(locale);
    return rt.run('typeRow', values).value;
  };

  it('is en_US unless set, and types by US rules', () => {
    const rt = runtimeFor(CODE, { timezone: 'UTC' });
    expect(rt.workbook.locale).toBe('en_US');
    expect(rt.run('typeRow', ['03/01/2026 09:00', '1,5', '1.5', 'TRUE', 'WAHR']).value).toEqual([
      'date 2026-03-01T09:00:00.000Z',
      'string 1,5',
      'number 1.5',
      'boolean true',
      'string WAHR',
    ]);
  });

  it('types German dates, decimals and booleans', () => {
    expect(
      typed('de_DE', ['01.03.2026 09:00', '1,5', '1.234,5', 'WAHR', 'falsch', 'TRUE', '2026-03-01']),
    ).toEqual([
      'date 2026-03-01T09:00:00.000Z',
      'number 1.5',
      'number 1234.5',
      'boolean true',
      'boolean false',
      'string TRUE',
      'date 2026-03-01T00:00:00.000Z',
    ]);
  });

  it('types British, French and Brazilian day-first dates and their words', () => {
    expect(typed('en_GB', ['01/03/2026 09:00', '1.5', 'TRUE'])).toEqual([
      'date 2026-03-01T09:00:00.000Z',
      'number 1.5',
      'boolean true',
    ]);
    expect(typed('fr_FR', ['01/03/2026', '1,5', '1 234,5', 'VRAI', 'faux'])).toEqual([
      'date 2026-03-01T00:00:00.000Z',
      'number 1.5',
      'number 1234.5',
      'boolean true',
      'boolean false',
    ]);
    expect(typed('pt_BR', ['01/03/2026 09:00', '1,5', 'VERDADEIRO', 'FALSO'])).toEqual([
      'date 2026-03-01T09:00:00.000Z',
      'number 1.5',
      'boolean true',
      'boolean false',
    ]);
  });

  it('types Australian, Irish, Indian and New Zealand dates day first, and Spanish and Italian ones', () => {
    for (const locale of ['en_AU', 'en_IE', 'en_IN', 'en_NZ'])
      expect(typed(locale, ['03/04/2026 09:00', '25/06/2026', '06/25/2026', '1.5', 'TRUE']), locale).toEqual([
        'date 2026-04-03T09:00:00.000Z',
        'date 2026-06-25T00:00:00.000Z',
        'string 06/25/2026',
        'number 1.5',
        'boolean true',
      ]);
    expect(typed('es_ES', ['03/04/2026', '1,5', '1.234,5', 'VERDADERO', 'falso'])).toEqual([
      'date 2026-04-03T00:00:00.000Z',
      'number 1.5',
      'number 1234.5',
      'boolean true',
      'boolean false',
    ]);
    expect(typed('it_IT', ['03/04/2026 09:00', '1,5', 'VERO', 'FALSO'])).toEqual([
      'date 2026-04-03T09:00:00.000Z',
      'number 1.5',
      'boolean true',
      'boolean false',
    ]);
  });

  it('in a locale it does not know, keeps a date in local order as text rather than guess its order', () => {
    for (const locale of ['nl_NL', 'ja_JP', 'en_CA'])
      expect(
        typed(locale, ['03/04/2026', '25/06/2026 09:00', '03.04.2026', '2026-04-03', '1.5']),
        locale,
      ).toEqual([
        'string 03/04/2026',
        'string 25/06/2026 09:00',
        'string 03.04.2026',
        'date 2026-04-03T00:00:00.000Z',
        'number 1.5',
      ]);
  });
});

describe('the spreadsheet time zone', () => {
  it('changed from File > Settings, cells show the same day and time; scripts read them in the new zone', () => {
    const rt = runtimeFor(CODE, { timezone: 'America/New_York' });
    rt.workbook.write('Sheet1', [['2026-07-01 09:00']], { row: 1, column: 1 });
    expect(rt.workbook.values('Sheet1')[0]?.[0]).toEqual(new Date('2026-07-01T13:00:00Z'));
    rt.workbook.setTimeZone('Europe/Berlin');
    expect(rt.workbook.timeZone).toBe('Europe/Berlin');
    expect(rt.workbook.displayValues('Sheet1')[0]?.[0]).toBe('2026-07-01 9:00:00');
    expect(rt.workbook.values('Sheet1')[0]?.[0]).toEqual(new Date('2026-07-01T07:00:00Z'));
    expect(() => rt.workbook.setTimeZone('Mars/Olympus')).toThrow('Invalid argument: Mars/Olympus');
    expect(rt.workbook.timeZone).toBe('Europe/Berlin');
  });
});

describe('sheet kinds', () => {
  it('chart and data-source sheets are listed but have no cells', () => {
    const rt = runtimeFor(CODE);
    rt.workbook.addChartSheet('Chart1');
    rt.workbook.addDataSourceSheet('BigQuery');
    expect(rt.run('kinds').value).toEqual([
      { name: 'Sheet1', type: 'GRID', grid: true, range: { value: 'A1' } },
      {
        name: 'Chart1',
        type: 'OBJECT',
        grid: false,
        range: { error: 'The action is not supported for OBJECT sheet.' },
      },
      {
        name: 'BigQuery',
        type: 'DATASOURCE',
        grid: false,
        range: { error: 'The action is not supported for DATASOURCE sheet.' },
      },
    ]);
  });
});

describe('sheet order', () => {
  it('insertSheet(name, index) puts the new sheet at that 0-based index; getIndex counts from 1', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('insertAt', 'Assembled log', 1).value).toBe(2);
    expect(rt.run('insertAt', 'People', 1).value).toBe(2);
    expect(rt.run('insertAt', 'First', 0).value).toBe(1);
    expect(rt.workbook.sheetNames()).toEqual(['First', 'Sheet1', 'People', 'Assembled log']);
  });
});

describe('sheet names', () => {
  it('are unique whatever their case, while getSheetByName matches the exact case', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('insert', 'People').value).toEqual({ value: 'People' });
    expect(rt.run('insert', 'people').value).toEqual({
      error: 'A sheet with the name "people" already exists. Please enter another name.',
    });
    expect(rt.run('rename', 'Sheet1', 'PEOPLE').value).toEqual({
      error: 'A sheet with the name "PEOPLE" already exists. Please enter another name.',
    });
    expect(rt.run('rename', 'People', 'PEOPLE').value).toEqual({ value: 'PEOPLE' });
    expect(rt.run('byName', 'people').value).toBeNull();
    expect(rt.run('byName', 'PEOPLE').value).toBe('PEOPLE');
  });

  it('renamed, a sheet takes the formulas that refer to it along: they name it anew', () => {
    const rt = runtimeFor(CODE);
    rt.run('insert', 'Ticket stats');
    rt.run('insert', 'Teams');
    rt.run('insert', 'MyTeams');
    const formula = "=SUM('Ticket stats'!F2:F6)+teams!A1+MyTeams!A1+'Ticket stats2'!A1";
    rt.workbook.write('Sheet1', [[formula]]);
    rt.workbook.write('Teams', [["='TICKET STATS'!B2"]]);
    expect(rt.run('rename', 'Ticket stats', "Tickets' MTD").value).toEqual({ value: "Tickets' MTD" });
    expect(rt.workbook.formulas('Sheet1')[0]?.[0]).toBe(
      "=SUM('Tickets'' MTD'!F2:F6)+teams!A1+MyTeams!A1+'Ticket stats2'!A1",
    );
    expect(rt.workbook.formulas('Teams')[0]?.[0]).toBe("='Tickets'' MTD'!B2");
    // As the user renames a tab, too; a plain name is matched unquoted.
    rt.workbook.renameSheet('Teams', 'Our teams');
    expect(rt.workbook.formulas('Sheet1')[0]?.[0]).toBe(
      "=SUM('Tickets'' MTD'!F2:F6)+'Our teams'!A1+MyTeams!A1+'Ticket stats2'!A1",
    );
  });

  it('deleted, a sheet leaves #REF! where formulas named it, and a sheet made again under its name is not read', () => {
    const rt = runtimeFor(CODE);
    rt.run('insert', 'Data');
    rt.run('insert', 'Teams');
    rt.workbook.write('Sheet1', [[`=SUM(Data!C2:C500)+'data'!A1+Teams!A1&"Data!A1"`]]);
    expect(rt.run('drop', 'Data').value).toEqual({ value: true });
    expect(rt.workbook.formulas('Sheet1')[0]?.[0]).toBe(`=SUM(#REF!)+#REF!+Teams!A1&"Data!A1"`);
    rt.run('insert', 'Data');
    expect(rt.workbook.formulas('Sheet1')[0]?.[0]).toBe(`=SUM(#REF!)+#REF!+Teams!A1&"Data!A1"`);
    // As the user deletes a tab, too.
    rt.workbook.deleteSheet('Teams');
    expect(rt.workbook.formulas('Sheet1')[0]?.[0]).toBe(`=SUM(#REF!)+#REF!+#REF!&"Data!A1"`);
  });

  it('renamed, a sheet leaves its old name where a formula has it in quoted text', () => {
    const rt = runtimeFor(CODE);
    rt.run('insert', 'Teams');
    rt.workbook.write('Sheet1', [[`="From Teams!A1: "&Teams!A1&INDIRECT("'Teams'!B2")`]]);
    rt.workbook.renameSheet('Teams', 'Squads');
    expect(rt.workbook.formulas('Sheet1')[0]?.[0]).toBe(
      `="From Teams!A1: "&'Squads'!A1&INDIRECT("'Teams'!B2")`,
    );
  });
});
