import type { PushSheets, SheetRef } from '../../core/push/run-push';
import type { TemplateSpec, TemplateValidation } from '../../core/push/template';
import { toSheetValue } from '../../core/table/sheet-literal';
import { dataSheetAt, findSheet } from './find-sheet';
import { flagColumn } from './flag-column';
import { sheetGrid } from './sheet-grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A column's rule; a checkbox column is made with insertCheckboxes instead. */
function rule(
  v: Exclude<TemplateValidation, { kind: 'checkbox' }>,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (v.kind) {
    case 'list':
      return builder
        .requireValueInList([...v.values], true)
        .setAllowInvalid(!v.strict)
        .build();
    case 'date':
      // Text such as 2026-06-01T09:00-04:00 is valid too: warn, never refuse.
      return builder
        .requireDate()
        .setAllowInvalid(true)
        .setHelpText('A date and time, e.g. 2026-06-01 09:00 (the spreadsheet’s timezone).')
        .build();
  }
}

/** A name no sheet has yet: "Time off to create", then "Time off to create (2)", ... */
function freeName(ss: Spreadsheet, base: string): string {
  let name = base;
  for (let n = 2; findSheet(ss, name); n++) name = `${base} (${n})`;
  return name;
}

/** The sheets of the active spreadsheet, found by id so that a rename does not lose a push. */
export function pushSheets(ss: Spreadsheet): PushSheets {
  return {
    open(id) {
      const sheet = ss.getSheetById(id);
      return sheet ? { id, name: sheet.getName(), grid: sheetGrid(sheet) } : undefined;
    },
    insertTemplate(spec: TemplateSpec): SheetRef {
      const name = freeName(ss, spec.sheetName);
      const sheet = ss.insertSheet(name, dataSheetAt(ss));
      const cols = spec.columns.length;
      const header = sheet.getRange(1, 1, 1, cols);
      header.setValues([spec.columns.map((c) => toSheetValue(c.header))]);
      header.setNotes([spec.columns.map((c) => c.note)]);
      header.setFontWeight('bold');
      sheet.setFrozenRows(1);
      const rows = Math.min(spec.rows, sheet.getMaxRows() - 1);
      spec.columns.forEach((c, i) => {
        const body = sheet.getRange(2, i + 1, rows, 1);
        if (c.format) body.setNumberFormat(c.format);
        // insertCheckboxes writes FALSE, as Sheets' own boxes hold (a requireCheckbox rule would
        // leave ''): read alike, unticked, and a row of them alone is empty (blank-row.ts).
        if (c.validation?.kind === 'checkbox') body.insertCheckboxes();
        else if (c.validation) body.setDataValidation(rule(c.validation));
        if (c.status) sheet.getRange(1, i + 1).setBackground('#f1f3f4');
        if (c.flag) flagColumn(sheet, i + 1, c.flag);
        sheet.setColumnWidth(i + 1, c.width);
      });
      ss.setActiveSheet(sheet);
      return { id: sheet.getSheetId(), name };
    },
  };
}
