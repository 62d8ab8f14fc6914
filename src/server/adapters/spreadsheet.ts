import { recordedSpreadsheetId } from '../../core/record-store';
import { documentStore } from './properties-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// One per execution: Apps Script evaluates the bundle afresh for each.
let current: Spreadsheet | undefined;

/**
 * The spreadsheet this execution works in. A sidebar or menu has it active; an add-on's
 * time-driven run has none (getActive() is null there), so it opens the spreadsheet its
 * records name, by id: that is why the manifest asks for `spreadsheets`, not `currentonly`.
 */
export function documentSpreadsheet(): Spreadsheet {
  const known = knownSpreadsheet();
  if (!known)
    throw new Error(
      'This background run cannot tell which spreadsheet it belongs to; open the Assembled sidebar in it once.',
    );
  return known;
}

/** documentSpreadsheet, or undefined in a time-driven run no record names it for (all deleted). */
export function knownSpreadsheet(): Spreadsheet | undefined {
  if (current) return current;
  const active = SpreadsheetApp.getActive() as Spreadsheet | null;
  const id = active ? undefined : recordedSpreadsheetId(documentStore());
  current = active ?? (id ? SpreadsheetApp.openById(id) : undefined);
  return current;
}
