// The person's selection, as a sidebar's call reads it. Reading it can fail (a service error, or
// a selection Sheets cannot make a range of): what uses it does without it, saying why, rather
// than failing whole (Pull data's form came up empty when its options call failed on it).
import type { ActiveCell } from '../../core/pull/pull-view';
import { errorText } from '../error-text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The selection (null on a chart sheet), or why it could not be read. */
export function readSelection(ss: Spreadsheet): { range: Range | null } | { unread: string } {
  try {
    return { range: ss.getActiveRange() };
  } catch (error) {
    return { unread: errorText(error) };
  }
}

/**
 * Where a pull to "Active cell" starts: the selection's top-left cell when `sheet` is the one in
 * front (`selected`), else its A1; the sheet alone, and why, when the selection could not be read.
 */
export function activeCellOf(ss: Spreadsheet, sheet: Sheet, selected: boolean): ActiveCell {
  const read = selected ? readSelection(ss) : { range: null };
  if ('unread' in read) return { sheet: sheet.getName(), unread: read.unread };
  try {
    const cell = (read.range ?? sheet.getRange('A1')).getCell(1, 1);
    return { sheet: cell.getSheet().getName(), a1: cell.getA1Notation() };
  } catch (error) {
    return { sheet: sheet.getName(), unread: errorText(error) };
  }
}
