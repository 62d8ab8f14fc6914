// The sheet in front of the person. insertSheet puts the sheet it makes in front, in a sidebar's
// call as from the menu: a sheet the add-on makes on its own (a pull's rows landing from a poll
// minutes after Pull data was pressed, its log, its staging) must leave the person where they are,
// or what they type next lands in it. Only their own press takes them somewhere (Go to).

import { readSelection } from './selection';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A new sheet at `index`, the person's sheet and selection put back in front at once. */
export function insertBehind(ss: Spreadsheet, name: string, index: number): Sheet {
  const read = readSelection(ss);
  const range = 'range' in read ? read.range : null;
  // None on a chart sheet (or none read): that sheet is put back, without a selection.
  const active = range ? undefined : ss.getActiveSheet();
  const sheet = ss.insertSheet(name, index);
  if (range) range.activate();
  else if (active) ss.setActiveSheet(active);
  return sheet;
}

/** Go to: the sheet of that id in front (renamed since, it is still found); its name now, none if deleted. */
export function showSheet(ss: Spreadsheet, sheetId: number): string | undefined {
  const sheet = ss.getSheetById(sheetId);
  if (!sheet) return undefined;
  ss.setActiveSheet(sheet);
  return sheet.getName();
}
