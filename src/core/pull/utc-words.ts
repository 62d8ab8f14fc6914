// The words said of a report whose rows are Assembled's UTC buckets (report-buckets.ts bucketPlan's
// utc), in the header note and under the Pull form's range alike: its dates are asked as UTC dates
// (utc-span.ts), and a replace writes Start and End as those dates (day-columns.ts asUtcDays).
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';

/** "2026-12-07 14:00", UTC's wall clock. */
const utcTime = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

/** Why the range is asked as UTC dates. */
export const utcAskedWords = (granularity: string) =>
  `The range's dates are asked as UTC dates, so no row is a few hours of a ${granularity} cut off at either end.`;

/**
 * What Start and End hold (`start`: the first row's start): UTC dates where `dates` (utc-span.ts
 * writesUtcDates), else the instants of UTC midnights in the zone.
 */
export function utcEndsWords(start: number, zone: Zone, dates: boolean): string {
  const local = `${formatLocalDateTime(start, zone)} in ${zone.name}`;
  const first = utcTime(start).slice(0, 10);
  return dates
    ? `Start and End are UTC dates (Assembled's buckets): a row runs from midnight UTC on its Start date to midnight UTC on its End date; the first, ${first}, began at ${local}.`
    : `Each row runs from midnight UTC to midnight UTC, which Start and End show in ${zone.name}, as times an append or merge matches with the rows the sheet holds: the first, UTC's ${first}, starts at ${local}.`;
}
