// A sheet's date-times are wall-clock times with no offset. On the night clocks go back an hour's
// times come twice (two 01:30 rows, one of them ending at 01:00, before it starts); on the night
// they go forward an hour's never happen. A sheet of times finer than a day says so in its note.
import type { Zone } from '../ports';
import { formatLocalDate, longDate, pad } from './local-date';
import type { WallReading } from './wall-reading';
import { type LocalDateTime, toLocal } from './zone-math';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;

export interface ClockChange {
  /** The first instant of the new offset. */
  at: number;
  /** Minutes east of UTC before and from `at`. */
  before: number;
  after: number;
}

/**
 * The zone's offset changes in [start, end): a day at a time, then halved down to the minute (a
 * real change falls on a whole minute), so a month costs a few dozen offset look-ups.
 */
export function clockChanges(window: { start: number; end: number }, zone: Zone): ClockChange[] {
  const changes: ClockChange[] = [];
  const offset = (minute: number) => zone.offsetMinutes(minute * MINUTE_MS);
  // In whole minutes; a day's last minute is the next day's first, so no change falls between.
  const last = Math.ceil(window.end / MINUTE_MS) - 1;
  for (let from = Math.floor(window.start / MINUTE_MS); from < last; from += DAY_MINUTES) {
    let [lo, hi] = [from, Math.min(from + DAY_MINUTES, last)];
    const before = offset(lo);
    const after = offset(hi);
    if (before === after) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offset(mid) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi * MINUTE_MS, before, after });
  }
  return changes;
}

/** "UTC−5", "UTC+5:30", "UTC". */
export function utc(offset: number): string {
  if (offset === 0) return 'UTC';
  const abs = Math.abs(offset);
  const minutes = abs % 60 ? `:${pad(abs % 60)}` : '';
  return `UTC${offset < 0 ? '\u2212' : '+'}${Math.floor(abs / 60)}${minutes}`;
}

/** "-05:00", "+05:30": an offset as typed after a time (2027-11-07 01:30-05:00). */
function isoOffset(offset: number): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const hhmm = (l: LocalDateTime) => `${pad(l.hour)}:${pad(l.minute)}`;

/** The wall-clock time an instant shows at a fixed offset. */
function wall(epochMs: number, offset: number) {
  const l = toLocal(epochMs, { name: '', offsetMinutes: () => offset });
  return { date: formatLocalDate(l), time: hhmm(l) };
}

/** One line for a change: which wall-clock times come twice, or never, and at which offsets. */
export function clockChangeWords(change: ClockChange, zone: Zone, now: number): string {
  const { at, before, after } = change;
  const past = at <= now;
  // The times between the two offsets' readings of `at`: repeated going back, skipped going forward.
  const first = wall(at, Math.min(before, after));
  const last = wall(at - MINUTE_MS, Math.max(before, after));
  const span = `from ${first.time} to ${last.time}`;
  if (after < before)
    return `Clocks ${past ? 'went' : 'go'} back on ${first.date} (${zone.name}): times ${span} come twice, first at ${utc(before)}, then at ${utc(after)}.`;
  return `Clocks ${past ? 'went' : 'go'} forward on ${first.date} (${zone.name}): ${first.time} became ${wall(at, after).time}, so no times ${span} occur that day (${utc(before)}, then ${utc(after)}).`;
}

/** The header note's lines for the clock changes in a range of times finer than a day; '' for none. */
export function clockChangeNote(window: { start: number; end: number }, zone: Zone, now: number): string {
  return clockChanges(window, zone)
    .map((c) => clockChangeWords(c, zone, now))
    .join('\n');
}

/**
 * The form's line for the clock changes in a range: one change said whole (clockChangeWords), more
 * counted in one sentence, so years of them (two a year) do not push the form off the sidebar.
 */
export function clockChangeLine(window: { start: number; end: number }, zone: Zone, now: number): string {
  const changes = clockChanges(window, zone);
  const [first, second] = changes;
  if (!first) return '';
  if (!second) return clockChangeWords(first, zone, now);
  const past = changes.every((c) => c.at <= now);
  const forward = changes.some((c) => c.after > c.before);
  const back = changes.some((c) => c.after < c.before);
  const what =
    forward && back
      ? 'never occur (clocks going forward) or come twice (going back)'
      : forward
        ? 'never occur (clocks going forward)'
        : 'come twice (clocks going back)';
  // The first change's day in its own new offset, as clockChangeWords dates it.
  const day = wall(first.at, Math.min(first.before, first.after)).date;
  return `Clocks ${past ? 'changed' : 'change'} ${changes.length} times in this range (${zone.name}), first on ${day}: on those days some times of day ${what}.`;
}

/**
 * What a time typed on a night the clocks change was read as, and how to type it exactly: "02:30
 * on 14 March 2027 does not exist in America/New_York (clocks go forward from 02:00 to 03:00): read
 * as 03:30 (UTC−4). …". An offset typed after the time (text: 2027-11-07 01:30-05:00) is exact.
 */
export function wallReadingWords(r: WallReading, zone: Zone): string {
  const typed = `${hhmm(r.wall)} on ${longDate(r.wall)}`;
  const change = clockChanges({ start: r.ms - DAY_MS, end: r.ms + DAY_MS }, zone).find((c) =>
    r.kind === 'skipped' ? c.after > c.before : c.after < c.before,
  );
  const how = change
    ? ` (clocks go ${r.kind === 'skipped' ? 'forward' : 'back'} from ${wall(change.at, change.before).time} to ${wall(change.at, change.after).time})`
    : '';
  const date = formatLocalDate(r.wall);
  if (r.kind === 'skipped') {
    const read = toLocal(r.ms, zone);
    return `${typed} does not exist in ${zone.name}${how}: read as ${hhmm(read)} (${utc(r.after)}). To be exact, type a time the clocks show that day, or the time with its offset, such as ${date} ${hhmm(read)}${isoOffset(r.after)}.`;
  }
  const first = zone.offsetMinutes(r.ms) === r.first;
  const other = first ? r.second : r.first;
  return `${typed} happens twice in ${zone.name}${how}: read as the ${first ? 'first' : 'second'} (${utc(zone.offsetMinutes(r.ms))}). To mean the ${first ? 'second' : 'first'}, type it with its offset: ${date} ${hhmm(r.wall)}${isoOffset(other)}.`;
}
