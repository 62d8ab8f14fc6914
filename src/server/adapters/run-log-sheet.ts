import {
  OLD_MESSAGE_HEADER,
  RESTATE_ROWS,
  RUN_LOG_HEADER,
  RUN_LOG_SHEET,
  type RunLog,
  runLogNote,
  runLogRow,
  runLogWhenFormat,
} from '../../core/pull/run-log';
import { toSheetValue } from '../../core/table/sheet-literal';
import { errorText } from '../error-text';
import { findSheet } from './find-sheet';
import { flagColumn, stretchFlag } from './flag-column';
import { spreadsheetZone } from './gas-zone';
import { insertBehind } from './sheet-in-front';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Entry = Parameters<RunLog['append']>[0];

/** The "Assembled log" sheet, its header written on first use; one block write per run. */
export function runLogSheet(ss: Spreadsheet): RunLog {
  return {
    append(entry) {
      try {
        append(ss, entry);
      } catch (error) {
        // A log sheet someone protected must not fail the run it logs.
        console.warn(`The run could not be logged: ${errorText(error)}`);
      }
    },
    restate(was, message) {
      try {
        restate(ss, was, message);
      } catch (error) {
        console.warn(`The run's log row could not be changed: ${errorText(error)}`);
      }
    },
  };
}

/** The row appended for `was`, found from the bottom by its When, Who, What and Message. */
function restate(ss: Spreadsheet, was: Entry, message: string): void {
  const sheet = findSheet(ss, RUN_LOG_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return;
  const from = Math.max(2, last - RESTATE_ROWS + 1);
  const rows = sheet.getRange(from, 1, last - from + 1, RUN_LOG_HEADER.length).getValues();
  const [when, who, what, , , , , said] = runLogRow(was);
  const same = (r: unknown[]) =>
    r[0] instanceof Date &&
    r[0].getTime() === (when as Date).getTime() &&
    r[1] === who &&
    r[2] === what &&
    r[7] === said;
  for (let at = rows.length - 1; at >= 0; at--)
    if (same(rows[at] ?? [])) {
      sheet.getRange(from + at, RUN_LOG_HEADER.length).setValue(toSheetValue(message));
      return;
    }
}

const STATUS_COL = RUN_LOG_HEADER.indexOf('Status') + 1;

function append(ss: Spreadsheet, entry: Entry): void {
  // The user stays on their data, not the log; made last, out of the way of their tabs (log-last.ts).
  const sheet = findSheet(ss, RUN_LOG_SHEET) ?? insertBehind(ss, RUN_LOG_SHEET, ss.getSheets().length);
  const lastRow = sheet.getLastRow();
  const head = sheet.getRange(1, 1);
  if (lastRow === 0) {
    sheet.getRange(1, 1, 1, RUN_LOG_HEADER.length).setValues([RUN_LOG_HEADER]).setFontWeight('bold');
    sheet.setFrozenRows(1);
    // A failed run stands out among the done ones, as a Push status of error does.
    flagColumn(sheet, STATUS_COL, 'failed');
  } else {
    // A log begun when its last column held errors alone is headed for what it holds now.
    const last = sheet.getRange(1, RUN_LOG_HEADER.length);
    if (last.getValue() === OLD_MESSAGE_HEADER) last.setValue(RUN_LOG_HEADER[RUN_LOG_HEADER.length - 1]);
  }
  // appendRow grows the sheet: a range past its last row is refused, so a log with every row of
  // its sheet used would stop at its thousandth run.
  // A log begun before it had a note gets one too; a zone changed since is said from this row on.
  const zone = spreadsheetZone(ss);
  const note = runLogNote(head.getNote(), zone.name, Math.max(lastRow, 1) + 1);
  if (note !== undefined) head.setNote(note);
  const grows = lastRow >= sheet.getMaxRows();
  sheet.appendRow(runLogRow(entry).map(toSheetValue));
  if (grows) stretchFlag(sheet, STATUS_COL, 'failed');
  const when = runLogWhenFormat(zone.offsetMinutes(entry.when.getTime()));
  sheet.getRange(sheet.getLastRow(), 1).setNumberFormat(when);
}
