// The span a report asks for. Where its rows are Assembled's UTC buckets (report-buckets.ts
// bucketPlan's utc), it asks for the range's dates as UTC dates: asked from the zone's midnights,
// Assembled clips its first and last buckets to them, and by month over 2026-10-01 to 2026-12-31
// in New York October lost its first four hours and a last "month" of January was five hours
// long, a row a KPI sheet's average of months reads as a month (QA).
import type { ReportGranularity } from '../assembled/model';
import type { Zone } from '../ports';
import type { WriteMode } from '../sheet/write-table';
import type { ResolvedRange } from '../time/date-range';
import { addDays, parseLocalDate } from '../time/local-date';
import { startOfLocalDay } from '../time/zone-math';
import { bucketPlan, intervalParts, UTC, type Window } from './report-buckets';
import { reportWindow } from './report-until';

/** The range's dates as UTC dates: from the first's UTC midnight to the one after the last. */
export function utcDates(range: ResolvedRange): Window {
  const day = (text: string) => {
    const d = parseLocalDate(text);
    if (!d) throw new Error(`unreachable: a resolved range's date (${text})`);
    return d;
  };
  return {
    start: startOfLocalDay(day(range.from), UTC),
    end: startOfLocalDay(addDays(day(range.to), 1), UTC),
  };
}

/**
 * The time a report over `range` asks for at `now` (reportWindow: up to the last whole interval
 * before it): the range's own, or its dates in UTC where the rows are Assembled's UTC buckets.
 * `parts`: those the range is asked in already, if any (a job's); else they are worked out from
 * `own`, the range its sheet's buckets are (intervalParts). `tooManyIntervals` as for bucketPlan.
 */
export function reportSpan(
  granularity: ReportGranularity,
  range: ResolvedRange,
  now: number,
  zone: Zone,
  {
    own = range,
    parts,
    tooManyIntervals = false,
  }: { own?: Window; parts?: readonly Window[]; tooManyIntervals?: boolean } = {},
): Window {
  const local = reportWindow(range, now);
  if (granularity === 'interval') return local;
  const cut = parts ?? intervalParts(granularity, local, reportWindow(own, now), zone);
  const { utc } = bucketPlan(granularity, local, zone, tooManyIntervals, cut);
  return utc ? reportWindow(utcDates(range), now) : local;
}

/**
 * A replace writes the rows' Start and End as the UTC dates they are (day-columns.ts asUtcDays). An
 * append or merge keeps the instants: it matches its rows' spans with those the sheet holds, and
 * UTC's November written as 2026-11-01 to 2026-12-01 would overlap nothing of a calendar October
 * beside it, whose last four hours it holds too (write-table.ts `span`).
 */
export const writesUtcDates = (mode: WriteMode) => mode === 'replace';
