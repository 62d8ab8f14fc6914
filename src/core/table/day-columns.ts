// A report's rows by day, week or month are whole days in the sheet's zone (report-buckets.ts):
// their Start and End are midnights, shown as dates (2026-11-30), not "2026-11-30 00:00:00". Only
// the format changes: the cells stay date-times, so formulas, merge keys, spans and BigQuery see the
// instants they saw, and a sheet pulled before merges and refreshes as it did. End stays the API's
// exclusive end under its own header (a header of other words would not find a sheet's old column,
// nor an end of another meaning its old rows' spans): the header note says what it is.
import type { Zone } from '../ports';
import { wallClock } from '../time/wall-clock';
import { fromLocal, toLocal } from '../time/zone-math';
import { DATE_FORMAT, DATETIME_FORMAT, type Table } from './build-table';
import { isDate } from './flatten';

const UTC: Zone = { name: 'UTC', offsetMinutes: () => 0 };
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
 * A table whose rows are Assembled's UTC buckets (report-buckets.ts bucketPlan's utc) with its Start
 * and End as the UTC dates they are: each cell is the zone's midnight of that date, shown as a date,
 * where it was the instant UTC's midnight is in the zone ("2026-09-30 20:00:00" for October's row
 * in New York, read by a KPI sheet grouping by the month or date of Start as September; QA). A time
 * not at UTC's midnight (the last row, cut at now) shows its UTC time of day, as the note says
 * (utc-words.ts), so End - Start is each row's length. The rows are changed in place.
 */
export function asUtcDays(table: Table, zone: Zone): Table {
  const at = table.columns.flatMap((c, i) => (ENDS.has(c.key) && c.kind === 'datetime' ? [i] : []));
  // The same few dates repeat down the columns: each is worked out once.
  const seen = new Map<number, number>();
  const asDate = (t: number) => {
    const ms = seen.get(t) ?? fromLocal(toLocal(t, UTC), zone);
    seen.set(t, ms);
    return new Date(ms);
  };
  for (const row of table.rows)
    for (const c of at) {
      const v = row[c];
      if (isDate(v)) row[c] = asDate(v.getTime());
    }
  return asDays(table);
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
