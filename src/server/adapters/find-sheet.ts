// Sheets keeps sheet names unique whatever their case ("people" cannot sit beside "People"), but
// getSheetByName matches the exact case: every find-or-insert looks past the case, or the insert
// fails on the sheet it did not find.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function findSheet(ss: Spreadsheet, name: string): Sheet | null {
  const lower = name.toLowerCase();
  return ss.getSheetByName(name) ?? ss.getSheets().find((s) => s.getName().toLowerCase() === lower) ?? null;
}

/** The sheet of that name whatever its case, created when there is none. */
export function findOrInsertSheet(ss: Spreadsheet, name: string): Sheet {
  return findSheet(ss, name) ?? ss.insertSheet(name);
}

/** Chart sheets and Connected Sheets data-source sheets have no cells to write. */
export function isGridSheet(sheet: Sheet): boolean {
  return sheet.getType() === SpreadsheetApp.SheetType.GRID;
}
