// The rows a pulled table fills, kept as developer metadata on those whole rows: Sheets grows it
// with rows a person inserts inside the table, shrinks it with rows deleted there and moves it with
// rows inserted or deleted above, so the next write finds the table where it is now and as long as
// it is now. The record of the block carries the metadata's value, its mark: a record without one
// was written before (or where the metadata was refused) and keeps its position and size.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TableRows {
  row: number;
  rows: number;
}

/**
 * Where the table's rows are now; rows 0 when they were all deleted (the metadata went with them);
 * undefined when the record has no mark, or the metadata holds another (an undo brought back an
 * older one): then the record's position and size are all there is.
 */
export function tableRows(sheet: Sheet, key: string, mark: string | undefined): TableRows | undefined {
  if (!mark) return undefined;
  const found = sheet.createDeveloperMetadataFinder().withKey(key).find();
  const range = found
    .find((m) => m.getValue() === mark)
    ?.getLocation()
    .getRow();
  if (range) return { row: range.getRow(), rows: range.getNumRows() };
  return found.length ? undefined : { row: 0, rows: 0 };
}

/** Puts the mark on the table's rows in place of the last; undefined when Sheets refuses it (its limit, a protection). */
export function markRows(sheet: Sheet, key: string, at: TableRows): string | undefined {
  try {
    for (const m of sheet.createDeveloperMetadataFinder().withKey(key).find()) m.remove();
    const mark = Date.now().toString(36);
    sheet
      .getRange(`${at.row}:${at.row + at.rows - 1}`)
      .addDeveloperMetadata(key, mark, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    return mark;
  } catch {
    return undefined;
  }
}
