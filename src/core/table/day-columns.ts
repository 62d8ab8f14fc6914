// A report's rows by day, week or month are whole days in the sheet's zone (report-buckets.ts):
// their Start and End are midnights, shown as dates (2026-11-30), not "2026-11-30 00:00:00". Only
// the format changes: the cells stay date-times, so formulas, merge keys, spans and BigQuery see the
// instants they saw, and a sheet pulled before merges and refreshes as it did. End stays the API's
// exclusive end under its own header (a header of other words would not find a sheet's old column,
// nor an end of another meaning its old rows' spans): the header note says what it is.
import type { Zone } from '../ports';
import { wallClock } from '../time/wall-clock';
import { DATE_FORMAT, DATETIME_FORMAT, type Table } from './build-table';
import { isDate } from './flatten';

const ENDS = new Set(['start_time', 'end_time']);
const DAY_MS = 86_400_000;

/** Said in the header note of a table whose Start and End are days. */
export const END_EXCLUSIVE =
  "End: the period's end, exclusive: 00:00 of the day after its last day, so a row whose last day is 30 November (that day, a week to it or November itself) ends 2026-12-01. Its last day is End - 1.";

/** The table with its Start and End shown as dates; a cell at a time of day keeps its time (dayFormats). */
export function asDays(table: Table): Table {
  const columns = table.columns.map((c) =>
    ENDS.has(c.key) && c.kind === 'datetime'
      ? { ...c, numberFormat: DATE_FORMAT, timeFormat: DATETIME_FORMAT }
      : c,
  );
  return { ...table, columns };
}

/**
 * The formats a day column's cells take: the date, but the date and time for a cell at a time of day
 * (the last row of a range that runs past now stops at the pull's time: shown as a date, it would
 * read as a day that ends where it starts). One format when every cell takes it. Without the zone,
 * no midnight can be told: the time is shown.
 */
export function dayFormats(
  day: string,
  time: string,
  cells: readonly unknown[],
  zone: Zone | undefined,
): string | string[] {
  if (!zone) return time;
  const formats = cells.map((v) => (isDate(v) && wallClock(v.getTime(), zone) % DAY_MS !== 0 ? time : day));
  return formats.includes(time) ? formats : day;
}
