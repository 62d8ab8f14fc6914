// The workbench's .xlsx download of sheets the user typed: formulas kept, and the file marked
// for its viewer to calculate them on opening (the workbench keeps no results for them).
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { workbookXlsx } from '../../dev/workbench/xlsx';

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
});
