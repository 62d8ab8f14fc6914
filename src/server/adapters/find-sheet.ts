// Sheets keeps sheet names unique whatever their case ("people" cannot sit beside "People"), but
// getSheetByName matches the exact case: every find-or-insert looks past the case, or the insert
// fails on the sheet it did not find.
import { dataSheetIndex } from '../../core/pull/log-last';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function findSheet(ss: Spreadsheet, name: string): Sheet | null {
  const lower = name.toLowerCase();
  return ss.getSheetByName(name) ?? ss.getSheets().find((s) => s.getName().toLowerCase() === lower) ?? null;
}

/** The sheet of that name whatever its case, created (a data sheet, log-last.ts) when there is none. */
export function findOrInsertSheet(ss: Spreadsheet, name: string): Sheet {
  return findSheet(ss, name) ?? ss.insertSheet(name, dataSheetAt(ss));
}

/**
 * Where a data sheet the add-on makes goes: before its log while the log is last (log-last.ts).
 * Always an explicit index: where insertSheet(name) puts a sheet is not documented.
 */
export function dataSheetAt(ss: Spreadsheet): number {
  return dataSheetIndex(ss.getSheets().map((s) => s.getName()));
}

/** Chart sheets and Connected Sheets data-source sheets have no cells to write. */
export function isGridSheet(sheet: Sheet): boolean {
  return sheet.getType() === SpreadsheetApp.SheetType.GRID;
}
