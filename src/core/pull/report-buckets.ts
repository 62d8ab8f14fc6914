// Report rows at day, week or month granularity are the spreadsheet's calendar days. Assembled's
// buckets are UTC ones, so where they do not line up with the sheet's zone the add-on asks for
// 30-minute intervals and rolls them up itself: counts and seconds summed, averages and percentages
// recomputed from the sums (never averaged), levels such as a backlog taken at the bucket's end.
import type { ReportGranularity, ReportRow } from '../assembled/model';
import { counted } from '../count-text';
import type { Zone } from '../ports';
import { datesWords } from '../time/dates-words';
import {
  addDays,
  addMonths,
  compareLocalDates,
  formatLocalDate,
  isoWeekday,
  type LocalDate,
} from '../time/local-date';
import { localDateOf, startOfLocalDay } from '../time/zone-math';
import { ASK_TOGETHER } from './queue-parts';
import { utcAskedWords } from './utc-words';

export interface Window {
  start: number;
  end: number;
}

export interface BucketPlan {
  /** The granularity to ask Assembled for. */
  ask: ReportGranularity;
  /** Roll the answer's intervals up into the sheet's calendar buckets. */
  rollUp: boolean;
  /** Said in the header note when the rows are not plainly what Assembled answered. */
  note?: string;
  /** The rows are Assembled's UTC buckets, not the sheet's calendar ones. */
  utc?: true;
}

/** Assembled refuses interval granularity over longer ranges (a report fails). */
export const MAX_INTERVAL_DAYS = 31;
const DAY_MS = 86_400_000;
const pastIntervalLimit = (window: Window) => window.end - window.start > MAX_INTERVAL_DAYS * DAY_MS;

/**
 * Past the limit as a person counts it: more calendar days in the zone than the limit. 31 days across
 * an autumn clock change are 31 days and an hour, past the limit in hours: such a window is asked in
 * parts within it (intervalParts).
 */
const pastDaysLimit = (window: Window, zone: Zone) =>
  pastIntervalLimit(window) &&
  compareLocalDates(localDateOf(window.end - 1, zone), localDateOf(window.start, zone)) + 1 >
    MAX_INTERVAL_DAYS;

function bucketDate(d: LocalDate, granularity: 'day' | 'week' | 'month'): LocalDate {
  if (granularity === 'week') return addDays(d, 1 - isoWeekday(d));
  if (granularity === 'month') return { year: d.year, month: d.month, day: 1 };
  return d;
}

function nextDate(d: LocalDate, granularity: 'day' | 'week' | 'month'): LocalDate {
  return granularity === 'month' ? addMonths(d, 1) : addDays(d, granularity === 'week' ? 7 : 1);
}

/** The start of the calendar bucket (in `zone`) that holds `t`. */
export function bucketStart(t: number, granularity: 'day' | 'week' | 'month', zone: Zone): number {
  return startOfLocalDay(bucketDate(localDateOf(t, zone), granularity), zone);
}

/** Assembled's own buckets are UTC ones. */
export const UTC: Zone = { name: 'UTC', offsetMinutes: () => 0 };

/** The sheet's calendar buckets over the window, each clipped to it. */
export function localBuckets(window: Window, granularity: 'day' | 'week' | 'month', zone: Zone): Window[] {
  const out: Window[] = [];
  let date = bucketDate(localDateOf(window.start, zone), granularity);
  for (let start = startOfLocalDay(date, zone); start < window.end; ) {
    date = nextDate(date, granularity);
    const end = startOfLocalDay(date, zone);
    out.push({ start: Math.max(start, window.start), end: Math.min(end, window.end) });
    start = end;
  }
  return out;
}

/**
 * What to ask for, so that the rows come out as the sheet's calendar buckets. `tooManyIntervals`:
 * the 30-minute intervals over the window proved too many to read (a large org), so Assembled's own
 * buckets it is. `parts`: the window is asked in these pieces (intervalParts), each a report.
 * `levels`: the report's columns that are levels, not flows (a backlog), named in the note.
 */
export function bucketPlan(
  granularity: ReportGranularity,
  window: Window,
  zone: Zone,
  tooManyIntervals = false,
  parts?: readonly Window[],
  levels?: string,
): BucketPlan {
  if (granularity === 'interval') return { ask: 'interval', rollUp: false };
  // Assembled's buckets start at UTC midnight: they are the sheet's wherever the zone is at UTC then.
  // A zone away from UTC as the window starts needs no walk of its buckets (years of days).
  const lined =
    zone.offsetMinutes(window.start) === 0 &&
    localBuckets(window, granularity, zone).every(
      (b) => zone.offsetMinutes(b.start) === 0 && zone.offsetMinutes(b.end) === 0,
    );
  if (lined) return { ask: granularity, rollUp: false };
  // Unless asked in these parts, a window within the limit in days is asked in parts (intervalParts).
  const long = parts ? parts.some(pastIntervalLimit) : pastDaysLimit(window, zone);
  if (long || tooManyIntervals) {
    const why = long
      ? `ranges over ${MAX_INTERVAL_DAYS} days cannot be rolled up from 30-minute intervals`
      : 'its 30-minute intervals over this range were too many to read and roll up';
    return {
      ask: granularity,
      rollUp: false,
      utc: true,
      note: `Buckets: Assembled's UTC ${granularity}s, not calendar ${granularity}s in ${zone.name} (${why}). ${utcAskedWords(granularity)}`,
    };
  }
  const cut = cutShort(localBuckets(window, granularity, zone), granularity, zone);
  return {
    ask: 'interval',
    rollUp: true,
    note: `Buckets: calendar ${granularity}s in ${zone.name}, rolled up from Assembled's 30-minute intervals (its ${granularity}s are UTC ones): counts and seconds summed, averages and percentages recomputed from the sums${levels ? `, ${levels} as at each bucket's end` : ''}.${cut ? ` ${cut}` : ''}`,
  };
}

/**
 * A refresh that goes back to finish the period before (catch-up.ts) can take its range past the
 * days Assembled builds 30-minute intervals for, while its own range is within them: a month to
 * date run on 4 January pulls 1 December on. Asked as one report, its rows would be Assembled's UTC
 * buckets, unlike those of every other run into the sheet. So it is asked in parts, each within
 * the limit and cut where the sheet's buckets meet (at midnights where one bucket alone is longer),
 * whose intervals are rolled up together. So is a range within the limit in calendar days and past
 * it in hours (31 days across an autumn clock change). A pull by interval rolls nothing up: any
 * range of it is asked in parts cut at midnights, whose intervals are the rows one report would
 * give (Assembled refuses it in one). Undefined where one report does.
 */
export function intervalParts(
  granularity: ReportGranularity,
  range: Window,
  own: Window,
  zone: Zone,
): Window[] | undefined {
  if (!pastIntervalLimit(range)) return undefined;
  if (granularity !== 'interval' && pastDaysLimit(own, zone)) return undefined;
  const parts = cutInto(range, MAX_INTERVAL_DAYS, zone, dayOr(granularity), 'day');
  if (!parts) return undefined;
  const plan = bucketPlan(granularity, range, zone, false, parts);
  return granularity === 'interval' || plan.rollUp ? parts : undefined;
}

/** Assembled refuses a report over a longer range (it fails: "Report range exceeds 92 days"). */
export const MAX_REPORT_DAYS = 92;

/**
 * A range longer than Assembled builds one report for is asked in parts within the limit (92
 * calendar days across an autumn clock change are 92 days and an hour). Such a range is past the
 * intervals' limit, so its rows are Assembled's own UTC buckets: cut where those meet, the parts'
 * rows together are the rows one report would give. Undefined where one report does.
 */
export function reportParts(granularity: ReportGranularity, range: Window): Window[] | undefined {
  if (range.end - range.start <= MAX_REPORT_DAYS * DAY_MS) return undefined;
  return cutInto(range, MAX_REPORT_DAYS, UTC, dayOr(granularity));
}

/**
 * The reports a pull asks for one after another: `asked`, its report's span, in parts where it is
 * past Assembled's intervals' limit and, but for a pull by interval, `own`, the range the sheet's
 * buckets are, is not (intervalParts), or past one report's limit (reportParts). Undefined where one report does.
 */
export function askedParts(
  granularity: ReportGranularity,
  asked: Window,
  own: Window,
  zone: Zone,
): Window[] | undefined {
  return intervalParts(granularity, asked, own, zone) ?? reportParts(granularity, asked);
}

/**
 * Said under the range before a pull asked as several reports, its range in `parts`, each asked for
 * each of `queues` alone (queue-parts.ts): the progress counts them, so it is not taken for stuck.
 * They are asked for ASK_TOGETHER at a time (queue-parts.ts partsTogether), Assembled building those
 * at once, and read one after another.
 */
export function partsNote(parts: number, queues = 1): string {
  const reports = parts * queues;
  const asked = reports > ASK_TOGETHER ? `, ${ASK_TOGETHER} at a time` : ' at once';
  const span = 'Assembled builds each for a limited span';
  const own = "so each queue's figures are its own";
  const why =
    queues === 1
      ? span
      : parts === 1
        ? `one per queue, ${own}`
        : `one per queue, ${own}, in ${parts} parts each, as Assembled builds a report for a limited span`;
  return `Asked as ${reports} reports${asked} (${why}), read one after another, then joined: the progress says which report it is on.`;
}

const dayOr = (granularity: ReportGranularity) => (granularity === 'interval' ? 'day' : granularity);

/**
 * `range` cut into parts of at most `days`, each where the first of `grains` has a bucket of `zone`
 * begin (the range's end, or the furthest such start that fits). Each part asks the zone of one
 * bucket start or two, not of every day of the range: the years a pull may name are 36,500 days,
 * whose walk and search held the sidebar's calls for seconds.
 */
function cutInto(
  range: Window,
  days: number,
  zone: Zone,
  ...grains: ('day' | 'week' | 'month')[]
): Window[] | undefined {
  const parts: Window[] = [];
  for (let start = range.start; start < range.end; ) {
    const limit = start + days * DAY_MS;
    const end =
      limit >= range.end ? range.end : grains.map((g) => bucketStart(limit, g, zone)).find((t) => t > start);
    if (end === undefined) return undefined;
    parts.push({ start, end });
    start = end;
  }
  return parts;
}

/**
 * Rows at times finer than a day (a report's intervals, or a source that is not a report: states,
 * schedules) meet the zone's clock changes, said before a pull and in its header note.
 */
export function timesOfDay(granularity: ReportGranularity | undefined): boolean {
  return granularity === undefined || granularity === 'interval';
}

/**
 * Said under the range before a report pull: when its rows will be Assembled's UTC buckets rather
 * than the sheet's calendar ones. Intervals over a longer range than Assembled builds them for are
 * asked in parts (intervalParts), said by partsNote.
 */
export function granularityNote(
  granularity: ReportGranularity,
  window: Window,
  zone: Zone,
): string | undefined {
  const plan = bucketPlan(granularity, window, zone);
  return plan.rollUp ? undefined : plan.note;
}

/**
 * Said before an append of rows that are not whole calendar buckets (Assembled's UTC ones, `utc`,
 * or the first or last cut short by `window`, the part an append adds): beside the whole ones a
 * table holds, such a row overlaps them, and the append leaves it out (write-table.ts `span`).
 */
export function appendNote(
  granularity: ReportGranularity,
  window: Window,
  zone: Zone,
  utc: boolean,
): string | undefined {
  if (granularity === 'interval' || window.end <= window.start) return undefined;
  const g = granularity;
  const cut = utc ? '' : cutShort(localBuckets(window, g, zone), g, zone);
  if (!utc && !cut) return undefined;
  const [rows, fix] = utc
    ? [`calendar ${g}s, these rows`, `append ${MAX_INTERVAL_DAYS} days at most at a time`]
    : [`whole ${g}s, rows cut short`, `choose dates from a ${g}'s first day to its last`];
  return `${cut ? `${cut} ` : ''}Appended into a table of ${rows} overlap its rows over the same time and are left out, as they would count that time twice: ${fix}, or choose Replace it.`;
}

/**
 * Names the first and last buckets the range cuts short, so a week of one day is not read as a
 * week (Start and End show it; totals beside whole weeks do not).
 */
function cutShort(buckets: Window[], granularity: 'day' | 'week' | 'month', zone: Zone): string {
  if (granularity === 'day') return '';
  const days = (b: Window) => {
    const from = localDateOf(b.start, zone);
    const last = localDateOf(b.end - 1, zone);
    const n = Math.round((startOfLocalDay(addDays(last, 1), zone) - startOfLocalDay(from, zone)) / DAY_MS);
    const span = datesWords({ from: formatLocalDate(from), to: formatLocalDate(last) });
    return `${counted('day')(n)}, ${span}`;
  };
  const whole = (b: Window) => {
    const date = bucketDate(localDateOf(b.start, zone), granularity);
    return (
      b.start === startOfLocalDay(date, zone) && b.end === startOfLocalDay(nextDate(date, granularity), zone)
    );
  };
  const cut = buckets.filter((b, i) => (i === 0 || i === buckets.length - 1) && !whole(b));
  if (cut.length === 0) return '';
  const which = (b: Window) => (b === buckets[0] ? 'first' : 'last');
  return `The range cuts ${cut.map((b) => `the ${which(b)} ${granularity} short (${days(b)})`).join(' and ')}.`;
}

/** Ratios recomputed from summed parts: name -> [numerator, denominator, scale]. */
const RATIOS: Record<string, [string, string, number]> = {
  adherence_percent: ['adherent_seconds', 'scheduled_seconds', 100],
  average_handle_seconds: ['total_handle_seconds', 'handled', 1],
};
/** An average with no total beside it is weighted by the count it averages over. */
const WEIGHTS = ['handled', 'solved'];
/** Levels, not flows: the value at the bucket's end. */
const LEVELS = new Set(['backlog']);
const TIMES = new Set(['start_time', 'end_time']);

const isAverage = (key: string) => key.startsWith('average_') || key.startsWith('avg_');
const isRatio = (key: string) => isAverage(key) || /(_percent|_pct|_rate)$/.test(key);

/**
 * The count a row's average or ratio is taken over: the denominator it is recomputed from, else,
 * for an average, the count it is weighted by. Undefined where the row does not say.
 */
function countOver(key: string, row: ReportRow): number | undefined {
  const den = RATIOS[key]?.[1];
  const counts = den !== undefined && typeof row[den] === 'number' ? [den] : isAverage(key) ? WEIGHTS : [];
  return counts.map((c) => row[c]).find((v): v is number => typeof v === 'number');
}

/**
 * An average or ratio over nothing (no item solved or handled, no time scheduled) is no number:
 * blank, not the 0 Assembled sends, which Sheets' AVERAGE would count. A report's header note says
 * so (catalogue.ts overNothing).
 */
export function blankOverNothing(rows: readonly ReportRow[]): ReportRow[] {
  return rows.map((row) => {
    const empty = Object.keys(row).filter((k) => isRatio(k) && row[k] !== null && countOver(k, row) === 0);
    return empty.length ? { ...row, ...Object.fromEntries(empty.map((k) => [k, null])) } : row;
  });
}

interface Acc {
  dims: ReportRow;
  bucket: Window;
  sums: Map<string, number>;
  /** Sum of average x weight, and of weight, for averages with no total. */
  weighted: Map<string, [number, number]>;
  levels: Map<string, [number, number]>;
}

/** Rolls interval rows up into the sheet's calendar buckets (see the head of this file). */
export function rollUp(
  rows: readonly ReportRow[],
  granularity: 'day' | 'week' | 'month',
  window: Window,
  zone: Zone,
): ReportRow[] {
  const buckets = localBuckets(window, granularity, zone);
  const bucketOf = (t: number) => buckets.find((b) => t >= b.start && t < b.end);
  const groups = new Map<string, Acc>();
  for (const row of rows) {
    const start = row.start_time;
    if (typeof start !== 'number') continue;
    const bucket = bucketOf(start);
    if (!bucket) continue;
    const dims: ReportRow = {};
    const numbers: Array<[string, number]> = [];
    for (const [key, value] of Object.entries(row)) {
      if (TIMES.has(key)) continue;
      if (key === 'type') dims.type = granularity;
      else if (typeof value === 'number' && !key.endsWith('_id')) numbers.push([key, value]);
      else dims[key] = value;
    }
    const id = `${JSON.stringify(dims)}@${bucket.start}`;
    let acc = groups.get(id);
    if (!acc) {
      acc = { dims, bucket, sums: new Map(), weighted: new Map(), levels: new Map() };
      groups.set(id, acc);
    }
    const weight = WEIGHTS.map((w) => row[w]).find((v): v is number => typeof v === 'number') ?? 0;
    for (const [key, value] of numbers) {
      if (LEVELS.has(key)) {
        const seen = acc.levels.get(key);
        if (!seen || start >= seen[0]) acc.levels.set(key, [start, value]);
      } else if (isRatio(key)) {
        const [s, w] = acc.weighted.get(key) ?? [0, 0];
        acc.weighted.set(key, [s + value * weight, w + weight]);
      } else acc.sums.set(key, (acc.sums.get(key) ?? 0) + value);
    }
  }
  const accs = [...groups.values()].sort((a, b) => a.bucket.start - b.bucket.start);
  return accs.map((acc) => {
    const out: ReportRow = { ...acc.dims, start_time: acc.bucket.start, end_time: acc.bucket.end };
    for (const [key, value] of acc.sums) out[key] = value;
    for (const [key, [, value]] of acc.levels) out[key] = value;
    for (const [key, [sum, weight]] of acc.weighted) {
      const parts = RATIOS[key];
      const num = parts ? acc.sums.get(parts[0]) : undefined;
      const den = parts ? acc.sums.get(parts[1]) : undefined;
      if (parts && num !== undefined && den !== undefined) out[key] = den ? (num / den) * parts[2] : null;
      else out[key] = weight ? sum / weight : null;
    }
    return out;
  });
}
