// A report over a range that runs past now counts the time scheduled after now but none of it
// adherent yet (nor any ticket handled): month-to-date adherence pulled at 07:41 counted the whole day's 8 hours
// scheduled against 07:41 of adherence, and read 86% for a month at 93%. So a report's range ends
// at the last whole 30-minute interval before the pull began, and its note and the Pull form say so.
//
// An append adds each row once, so it adds no row of a day (week, month) still under way: such a
// row would go in part-way, and again whole once the day was over, counted twice. The pull after
// the day ends adds it whole (a refresh goes back for it, catch-up.ts).
import type { ReportGranularity, ReportType } from '../assembled/model';
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import { bucketStart, UTC, type Window } from './report-buckets';
import { utcLastWords } from './utc-words';

/** Assembled's intervals: half hours from UTC midnight. */
const INTERVAL_MS = 30 * 60_000;

/** The end of the last whole interval before `now`, where `window` runs past it; else undefined. */
export function reportUntil(window: Window, now: number): number | undefined {
  const until = Math.floor(now / INTERVAL_MS) * INTERVAL_MS;
  return window.start < until && until < window.end ? until : undefined;
}

/** The part of `window` a report asked at `now` covers. */
export function reportWindow(window: Window, now: number): Window {
  return { start: window.start, end: reportUntil(window, now) ?? window.end };
}

/** Why the rows stop at now: what Assembled counts of the time after `it`, in the report's words. */
const COUNTED: Record<ReportType, (it: string) => string> = {
  adherence: (it) => `Assembled counts the time scheduled ${it} but none of it adherent yet`,
  ticket_stats: (it) => `Assembled counts no tickets created or solved ${it} yet`,
  handle_time: (it) => `Assembled counts no tickets handled ${it} yet`,
};

/**
 * Said in the header note (`now`: when the pull began) and, `before` it, under the range: where the
 * rows stop short of a range that runs past now, or that the range lies ahead. `utc`: the rows are
 * Assembled's UTC buckets, whose last row's End is no midnight; `dates`, written as UTC dates
 * (utc-words.ts).
 */
export function untilNote(
  window: Window,
  now: number,
  zone: Zone,
  report: ReportType,
  before = false,
  { utc = false, dates = false }: { utc?: boolean; dates?: boolean } = {},
): string {
  if (window.end <= now) return '';
  const counted = COUNTED[report];
  const until = reportUntil(window, now);
  if (until === undefined)
    return `The range lies ahead of the pull, or began less than 30 minutes before it: ${counted('in it')}.`;
  const when = formatLocalDateTime(until, zone);
  const last = utc ? utcLastWords(until, before, dates) : '';
  return before
    ? `This range runs past now: the rows will stop at the last whole 30-minute interval before the pull begins (${when} in ${zone.name}, if it began now), since ${counted('after now')}${last && `; ${last}`}.`
    : `Until: ${when} (${zone.name}), the last whole 30-minute interval before the pull began. The range runs past it, and ${counted('after it')}, so the rows stop there${last && `: ${last}`}; a later pull brings the rest.`;
}

/**
 * Where an append's rows stop: the start of the bucket under way at `now`, where `window` runs
 * past it; else undefined. `utc`: the rows are Assembled's UTC buckets, not the sheet's.
 */
export function appendUntil(
  window: Window,
  now: number,
  granularity: ReportGranularity,
  zone: Zone,
  utc?: boolean,
): number | undefined {
  if (granularity === 'interval' || window.end <= now) return undefined;
  return bucketStart(now, granularity, utc ? UTC : zone);
}

/**
 * Where a report's rows stop short of its range, said in the header note and, `before` the pull,
 * under its range in the Pull form: an append's at the start of the bucket under way, any other
 * write's at the last whole interval (untilNote). `utc` as for appendUntil.
 */
export function stopNote(
  window: Window,
  now: number,
  granularity: ReportGranularity,
  zone: Zone,
  { append, utc, dates, report }: { append: boolean; utc?: boolean; dates?: boolean; report: ReportType },
  before = false,
): string {
  const until = append ? appendUntil(window, now, granularity, zone, utc) : undefined;
  if (until === undefined) return untilNote(window, now, zone, report, before, { utc, dates });
  const buckets = utc ? UTC : zone;
  const once = `an append adds each ${granularity} once, whole`;
  const after = `the first pull after it ends adds it`;
  if (until <= window.start)
    return before
      ? `This range is the ${granularity} under way or lies ahead: ${once}, so this pull will add no rows; ${after}.`
      : `No rows: the range is the ${granularity} under way or lies ahead, and ${once}; ${after}.`;
  const when = formatLocalDateTime(until, buckets);
  return before
    ? `This range runs past now: ${once}, so the rows will stop at the start of the ${granularity} under way (${when} in ${buckets.name}, if the pull began now); ${after}.`
    : `Until: ${when} (${buckets.name}), the start of the ${granularity} under way as the pull began: ${once}, so the rows stop there; ${after}.`;
}
