// Cells that need a person's eye (a Push status of error) shown in red, so they are found while
// scrolling a long sheet, whatever is typed or written there later.
const FLAG_BACKGROUND = '#fce8e6';
const FLAG_TEXT = '#a50e0e';

/**
 * Adds a rule over the whole column as the sheet is now (its header never reads `text`), keeping
 * the sheet's other rules.
 */
export function flagColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number, text: string): void {
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo(text)
    .setBackground(FLAG_BACKGROUND)
    .setFontColor(FLAG_TEXT)
    .setRanges([sheet.getRange(1, col, sheet.getMaxRows(), 1)])
    .build();
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
}
