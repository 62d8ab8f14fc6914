// The add-on's "Assembled log" is kept out of the way, after the person's data tabs: a data sheet
// the add-on makes goes just before the log while the log is last, and the log is made last. A log
// someone moved elsewhere stays where they put it: data sheets then go at the end, as before.
import { isRunLogSheet } from './run-log';
import { isStageSheet } from './staging';

/** The 0-based index for a new data sheet among the spreadsheet's sheets, named in tab order. */
export function dataSheetIndex(names: readonly string[]): number {
  let end = names.length;
  // A running pull's staging sheets (hidden, made last) go when it ends: the log is last before them.
  while (end > 0 && isStageSheet(names[end - 1] ?? '')) end--;
  return end > 0 && isRunLogSheet(names[end - 1] ?? '') ? end - 1 : names.length;
}
