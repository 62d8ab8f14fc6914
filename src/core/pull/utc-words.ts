// The words said of a report whose rows are Assembled's UTC buckets (report-buckets.ts bucketPlan's
// utc), in the header note and under the Pull form's range alike: its dates are asked as UTC dates
// (utc-span.ts), and a replace writes Start and End as those dates (day-columns.ts asUtcDays). A
// range that runs past now has a last row that ends at no midnight, which is said (QA: the note said
// each row ends at midnight UTC of a last row cut at 09:00).
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

/** Where the last row ends when the range runs past now (`until`): at no midnight. `dates` as for utcEndsWords. */
export function utcLastWords(until: number, before: boolean, dates: boolean): string {
  const ends = `the last row ${before ? 'will end' : 'ends'} then`;
  return dates
    ? `${ends}, its End in UTC ${utcTime(until)}, not a midnight`
    : `${ends}, not at a midnight UTC`;
}
