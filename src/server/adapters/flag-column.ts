// Cells that need a person's eye (a Push status of error, a failed run in the log) shown in red,
// so they are found while scrolling a long sheet, whatever is typed or written there later.
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const FLAG_BACKGROUND = '#fce8e6';
const FLAG_TEXT = '#a50e0e';

/**
 * Adds a rule over the whole column as the sheet is now (its header never reads `text`), keeping
 * the sheet's other rules.
 */
export function flagColumn(sheet: Sheet, col: number, text: string): void {
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), flagRule(sheet, col, text)]);
}

/**
 * Stretches the column's rule over rows added since it was laid (a rule's range stays as it was
 * when rows are added at the foot). A rule the user removed stays removed.
 */
export function stretchFlag(sheet: Sheet, col: number, text: string): void {
  const rules = sheet.getConditionalFormatRules();
  const at = rules.findIndex((r) => isFlag(r, col, text));
  const range = rules[at]?.getRanges()[0];
  if (!range || range.getNumRows() >= sheet.getMaxRows()) return;
  rules[at] = flagRule(sheet, col, text);
  sheet.setConditionalFormatRules(rules);
}

function flagRule(sheet: Sheet, col: number, text: string): Rule {
  return SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo(text)
    .setBackground(FLAG_BACKGROUND)
    .setFontColor(FLAG_TEXT)
    .setRanges([sheet.getRange(1, col, sheet.getMaxRows(), 1)])
    .build();
}

/** A rule flagColumn laid: `text` in our red over the one column. */
function isFlag(rule: Rule, col: number, text: string): boolean {
  const condition = rule.getBooleanCondition();
  return (
    rule.getRanges()[0]?.getColumn() === col &&
    condition?.getBackground()?.toLowerCase() === FLAG_BACKGROUND &&
    String(condition.getCriteriaValues()[0]) === text
  );
}
