// The workbench's .xlsx download of sheets the user typed: formulas kept, and the file marked
// for its viewer to calculate them on opening (the workbench keeps no results for them).
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { excelNames, workbookXlsx } from '../../dev/workbench/xlsx';
import { pullToEnd } from '../addon/pull-to-end';
import { runtimeFor } from '../gas/fixture';

/** One file of a zip (an .xlsx), found by the zip's central directory. */
function unzipped(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the zip`);
}

describe('the .xlsx download', () => {
  it('keeps a KPI formula and has the viewer calculate it on opening', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('KPIs', [['Headcount', '=COUNTA(People!A2:A500)']]);
    const xlsx = await workbookXlsx(rt);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.getWorksheet('KPIs')?.getCell('B1').formula).toBe('COUNTA(People!A2:A500)');
    expect(unzipped(xlsx, 'xl/workbook.xml')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it('names the newer functions as Excel files them, leaving text and sheet names alone; keeps a red tab red', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('AHT Nov', [['Agent'], ['Ava']]);
    rt.workbook.setTabColor('AHT Nov', '#ea4335');
    const kpi = `=IFNA(XLOOKUP(A2,'AHT Nov'!A:A,'AHT Nov'!B:B),"XLOOKUP(" & TEXTJOIN(",",TRUE,FILTER(B:B,B:B>0)))`;
    rt.workbook.write('KPIs', [['Ava', kpi, '=SUM(B2:B9)', '=sort(B2:B9)']]);
    const xlsx = await workbookXlsx(rt);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const kpis = book.getWorksheet('KPIs');
    expect(kpis?.getCell('B1').formula).toBe(
      `_xlfn.IFNA(_xlfn.XLOOKUP(A2,'AHT Nov'!A:A,'AHT Nov'!B:B),"XLOOKUP(" & _xlfn.TEXTJOIN(",",TRUE,_xlfn._xlws.FILTER(B:B,B:B>0)))`,
    );
    expect(kpis?.getCell('C1').formula).toBe('SUM(B2:B9)');
    expect(kpis?.getCell('D1').formula).toBe('_xlfn._xlws.SORT(B2:B9)');
    expect(book.getWorksheet('AHT Nov')?.properties.tabColor).toEqual({ argb: 'FFEA4335' });
  });

  it("closes Sheets' open-ended ranges at Excel's last row or column, in cells and rules, leaving text and sheet names alone", async () => {
    const rt = runtimeFor(`function rule() {
      var sheet = SpreadsheetApp.getActive().getSheetByName('Summary');
      sheet.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied("=B1>AVERAGE('Adherence wk'!F$2:F)").setBackground('#f4cccc')
        .setRanges([sheet.getRange('B1:B3')]).build()]);
    }`);
    rt.workbook.write('Adherence wk', [['Agent']]);
    rt.workbook.write('Summary', [
      [
        "=SUM('Adherence wk'!F2:F)",
        "=VLOOKUP(A1,'Adherence wk'!B2:H,7,FALSE)",
        '=SUM($A$2:$2)',
        `=COUNTIF('F2:F'!A2:A,"B2:H")`,
        '=SUM(F2:F10)+SUM(A:A)',
      ],
    ]);
    expect(rt.run('rule').error).toBeUndefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookXlsx(rt)) as unknown as ArrayBuffer);
    // exceljs reads rules back but does not declare them.
    const summary = book.getWorksheet('Summary') as ExcelJS.Worksheet & {
      conditionalFormattings: { rules: ExcelJS.ConditionalFormattingRule[] }[];
    };
    expect([1, 2, 3, 4, 5].map((c) => summary.getCell(1, c).formula)).toEqual([
      "SUM('Adherence wk'!F2:F1048576)",
      "VLOOKUP(A1,'Adherence wk'!B2:H1048576,7,FALSE)",
      'SUM($A$2:$XFD$2)',
      `COUNTIF('F2:F'!A2:A1048576,"B2:H")`,
      'SUM(F2:F10)+SUM(A:A)',
    ]);
    expect(summary.conditionalFormattings[0]?.rules[0]).toMatchObject({
      type: 'expression',
      formulae: ["B1>AVERAGE('Adherence wk'!F$2:F$1048576)"],
    });
  });

  it("keeps a pull's hidden staging sheets hidden, each under a name of its own within Excel's 31 characters", async () => {
    const { rt } = await startLocalAddon();
    const staging = ['~assembled-staging-pages-pull-000000001', '~assembled-staging-pages-pull-000000002'];
    for (const name of staging) {
      rt.workbook.write(name, [['staged']]);
      rt.workbook.hideSheet(name);
    }
    // A KPI formula points at a sheet whose name is too long for Excel: it follows the name it gets.
    const long = 'Ticket stats (interval) November 2026';
    rt.workbook.write(long, [['Created'], [4]]);
    rt.workbook.write('KPIs', [['Created', `='${long}'!A2`]]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookXlsx(rt)) as unknown as ArrayBuffer);
    const sheets = book.worksheets.map((ws) => ({ name: ws.name, state: ws.state }));
    expect(sheets).toEqual([
      { name: 'Sheet1', state: 'visible' },
      { name: '~assembled-staging-pages-pull-0', state: 'hidden' },
      { name: '~assembled-staging-pages-pu (2)', state: 'hidden' },
      { name: 'Ticket stats (interval) Novembe', state: 'visible' },
      { name: 'KPIs', state: 'visible' },
    ]);
    expect(book.getWorksheet('KPIs')?.getCell('B1').formula).toBe("'Ticket stats (interval) Novembe'!A2");
  });

  it("keeps a report's days as dates: whole days yyyy-mm-dd, a day cut short at the pull's time with its time", async () => {
    const { rt } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-12-03T15:00:00Z' });
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'absolute', from: '2026-12-02', to: '2026-12-03' },
      target: { kind: 'new_sheet', name: 'Days' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, spec, 'xlsx-days-000001')).toMatchObject({ state: 'done' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookXlsx(rt)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Days') as ExcelJS.Worksheet;
    const end = (ws.getRow(1).values as unknown[]).indexOf('End');
    const cells = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getCell(i + 2, end));
    // Excel reads a date-formatted serial as a Date: 2 December's row ends 00:00 on 3 December.
    const shown = new Set(cells.map((c) => `${(c.value as Date).toISOString()} ${c.numFmt}`));
    expect(shown).toEqual(
      new Set(['2026-12-03T00:00:00.000Z yyyy-mm-dd', '2026-12-03T10:00:00.000Z yyyy-mm-dd hh:mm:ss']),
    );
  });

  it('names each sheet as Excel takes it, keeping the names it takes as they are', () => {
    const names = ['A'.repeat(40), `${'A'.repeat(31)}`, 'Q3/Q4 [draft]', "'quoted'", 'history'];
    const excel = excelNames(names);
    expect(names.map((n) => excel.get(n))).toEqual([
      `${'A'.repeat(27)} (2)`,
      'A'.repeat(31),
      'Q3_Q4 _draft_',
      'quoted',
      'history (2)',
    ]);
    // An emoji is two of Excel's 31 characters: a cut falling between them leaves it out whole.
    const emoji = `Weekly KPI summary, Ana's wk48📊 Café`;
    expect(excelNames([emoji]).get(emoji)).toBe(`Weekly KPI summary, Ana's wk48`);
    expect(excelNames([`${'B'.repeat(29)}📊x`]).get(`${'B'.repeat(29)}📊x`)).toBe(`${'B'.repeat(29)}📊`);
  });
});
