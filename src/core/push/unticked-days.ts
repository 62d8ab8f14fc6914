// Time-off rows whose All day is not ticked and whose Start and End have no times go as whole days
// (parse-row.ts wholeDays), FALSE and empty alike as the sheet draws them alike, and the All day
// column often sits behind the sidebar: Validate and Push name those rows in one line.
import { someOf } from '../count-text';
import type { HeaderMap } from './header';
import { isToFix, type RowOutcome, type SheetRow } from './sheet-rows';

/** Rows named before "and N more". */
const ROWS_NAMED = 5;

/** Whether a row to send reads as whole days with All day not ticked. */
export const untickedDays = (row: SheetRow): boolean => row.parse?.ok === true && !!row.parse.untickedDays;

/**
 * A push's rows (row numbers) set to go as whole days with All day not ticked, named by the sheet's
 * headers (`column` All day's, `start` and `end` Start's and End's), and those of them that `went`
 * (reached Assembled): only those are said to have gone once it is over.
 */
export interface WholeDays {
  column: string;
  start?: string;
  end?: string;
  rows: number[];
  went?: number[];
}

/** `rows` under the sheet's headers; undefined when none. */
export function wholeDays(rows: readonly number[], map: HeaderMap): WholeDays | undefined {
  if (rows.length === 0) return undefined;
  const header = (key: string, kind: string) => map.headers[map.columns[key] ?? -1] || kind;
  return {
    column: header('all_day', 'All day'),
    start: header('start', 'Start'),
    end: header('end', 'End'),
    rows: [...rows],
  };
}

/** `days` with the rows among `outcomes` that reached Assembled added to those that went. */
export function wentAsWholeDays(days: WholeDays, outcomes: ReadonlyMap<number, RowOutcome>): WholeDays {
  const went = new Set(days.went);
  for (const [row, o] of outcomes) if (days.rows.includes(row) && !o.unsent && !isToFix(o)) went.add(row);
  return { ...days, went: [...went].sort((a, b) => a - b) };
}

/**
 * The line on rows that go as whole days with All day not ticked; '' when none. `before` a push
 * (Validate) it says how to change that; `sending`, the rows are fixed and it only says so; `sent`,
 * it names the rows that went, in the past, with nothing left to tick.
 */
export function untickedDaysWords(days: WholeDays | undefined, when: 'before' | 'sending' | 'sent'): string {
  const rows = when === 'sent' ? (days?.went ?? []) : (days?.rows ?? []);
  if (!days || rows.length === 0) return '';
  const { column, start = 'Start', end = 'End' } = days;
  const named = someOf(
    rows.map((r) => String(r)),
    ROWS_NAMED,
    'and',
  );
  const one = rows.length === 1;
  const why = `${column} is not ticked, and ${start} and ${end} have no time of day.`;
  if (when === 'sent') return `${one ? 'Row' : 'Rows'} ${named} went as whole days: ${why}`;
  const go = `${one ? 'Row' : 'Rows'} ${named} ${one ? 'goes' : 'go'} as whole days: ${why}`;
  return when === 'before' ? `${go} Tick ${column} to say so, or type the times.` : go;
}
