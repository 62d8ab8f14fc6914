// The in-memory workbook as an .xlsx file (exceljs): values with their number formats, dates as
// dates in the spreadsheet's zone, formulas, notes, bold, frozen header rows.
import ExcelJS from 'exceljs';
import type { LocalRuntime } from '../gas';
import { instantToSerial } from '../gas/time/timezone';

const DEFAULT_FORMAT = '0.###############';

export async function workbookXlsx(rt: LocalRuntime): Promise<Buffer> {
  const wb = rt.workbook;
  const book = new ExcelJS.Workbook();
  book.creator = 'Assembled for Google Sheets workbench';
  for (const name of wb.sheetNames()) {
    const frozen = wb.frozenRows(name);
    const ws = book.addWorksheet(name, {
      ...(frozen > 0 ? { views: [{ state: 'frozen' as const, ySplit: frozen }] } : {}),
    });
    const values = wb.values(name);
    const formulas = wb.formulas(name);
    const formats = wb.numberFormats(name);
    const notes = wb.notes(name);
    const weights = wb.fontWeights(name);
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        const formula = formulas[r]?.[c] ?? '';
        const format = formats[r]?.[c] ?? DEFAULT_FORMAT;
        const note = notes[r]?.[c] ?? '';
        if (value === '' && !formula && !note) return;
        const cell = ws.getCell(r + 1, c + 1);
        // A date is the same serial number Sheets stores (wall time in the spreadsheet's zone).
        const plain = value instanceof Date ? instantToSerial(value.getTime(), wb.timeZone) : value;
        if (formula) {
          const result = typeof plain === 'number' || typeof plain === 'boolean' ? plain : undefined;
          cell.value =
            result === undefined
              ? { formula: formula.replace(/^=/, '') }
              : { formula: formula.replace(/^=/, ''), result };
        } else {
          cell.value = plain as string | number | boolean;
        }
        if (format !== DEFAULT_FORMAT && typeof plain === 'number') cell.numFmt = format;
        if (note) cell.note = note;
        if (weights[r]?.[c] === 'bold') cell.font = { bold: true };
      });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
