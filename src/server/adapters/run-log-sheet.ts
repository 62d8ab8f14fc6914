import { RUN_LOG_HEADER, RUN_LOG_SHEET, type RunLog, runLogRow } from '../../core/pull/run-log';
import { toSheetValue } from '../../core/table/sheet-literal';

/** The "Assembled log" sheet, created with its header on first use; one block write per run. */
export function runLogSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RunLog {
  return {
    append(entry) {
      let sheet = ss.getSheetByName(RUN_LOG_SHEET);
      if (!sheet) {
        // Inserting a sheet activates it; the user should stay on their data, not the log.
        const active = ss.getActiveSheet();
        sheet = ss.insertSheet(RUN_LOG_SHEET);
        ss.setActiveSheet(active);
        sheet.getRange(1, 1, 1, RUN_LOG_HEADER.length).setValues([RUN_LOG_HEADER]).setFontWeight('bold');
        sheet.setFrozenRows(1);
      }
      const row = sheet.getLastRow() + 1;
      sheet.getRange(row, 1, 1, RUN_LOG_HEADER.length).setValues([runLogRow(entry).map(toSheetValue)]);
      sheet.getRange(row, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
    },
  };
}
