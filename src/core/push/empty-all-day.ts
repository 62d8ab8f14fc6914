// Time-off rows whose All day is empty and whose Start and End have no times go as whole days
// (parse-row.ts wholeDays), while the sheet draws their empty box as it draws FALSE, and the All day
// column often sits behind the sidebar: Validate and Push name those rows in one line.
import { someOf } from '../count-text';
import type { HeaderMap } from './header';
import type { SheetRow } from './sheet-rows';

/** Rows named before "and N more". */
const ROWS_NAMED = 5;

/** Whether a row to send reads as whole days from an empty All day. */
export const emptyAllDay = (row: SheetRow): boolean => row.parse?.ok === true && !!row.parse.emptyAllDay;

/** The line on `rows` (row numbers) that go as whole days from an empty All day; '' when none. */
export function emptyAllDayWords(rows: readonly number[], map: HeaderMap): string {
  if (rows.length === 0) return '';
  const column = map.headers[map.columns.all_day ?? -1] || 'All day';
  const named = someOf(
    rows.map((r) => String(r)),
    ROWS_NAMED,
    'and',
  );
  const one = rows.length === 1;
  return `${one ? 'Row' : 'Rows'} ${named} ${one ? 'goes' : 'go'} as whole days: ${column} is empty and ${one ? 'it has' : 'they have'} no times. Tick ${column} to say so, or give times.`;
}
