// A merge or append refresh of a moving range leaves no day unpulled between two runs. A weekly
// "month to date" run on 28 December pulls the 28th part way; the next, on 4 January, resolves to
// January alone, so the rest of December would never reach the sheet. That run starts where the
// last one's data stopped being whole: the last range again when it was not over as it ran (its
// buckets come out aligned as before, so a merge replaces them whole), or the first day after it.
import type { Zone } from '../ports';
import type { PullSpec } from '../pull/pull-spec';
import { type ResolvedRange, resolveRange } from '../time/date-range';
import { addDays, formatLocalDate, type LocalDate, parseLocalDate } from '../time/local-date';
import { localDateOf } from '../time/zone-math';
import { nextPulls } from './next-pulls';

/** The range a refresh's last good run pulled, and when the run began. */
export interface PulledRange {
  from: string;
  end: number;
  at: number;
}

/** How far back a run goes to catch up at most: a refresh paused for months starts a month back. */
export const CATCH_UP_DAYS = 31;

/**
 * A merge, or an append into a sheet (which adds only the rows not there yet), may pull days again
 * to catch up; a replace shows its own range alone, and a BigQuery append, which would add them
 * twice, catches up from the days its table holds (held-days.ts).
 */
export function catchesUp(spec: PullSpec): boolean {
  return spec.mode === 'merge' || (spec.mode === 'append' && spec.target.kind !== 'bigquery');
}

/** The first day the next run pulls, when earlier than its own range's; else undefined. */
export function catchUpFrom(
  last: PulledRange | undefined,
  range: ResolvedRange,
  zone: Zone,
): string | undefined {
  if (!last) return undefined;
  const from =
    last.end > last.at
      ? last.from
      : last.end < range.start
        ? formatLocalDate(localDateOf(last.end, zone))
        : undefined;
  if (from === undefined || from >= range.from) return undefined;
  const floor = formatLocalDate(addDays(parseLocalDate(range.from) as LocalDate, -CATCH_UP_DAYS));
  // Dates as yyyy-mm-dd compare as text.
  if (from < floor) return floor;
  return from;
}

/** The days a good run pulled whole: its range's, up to the day it began on (that day not over). */
function pulledWhole(last: PulledRange, zone: Zone): { from: string; to: string } | undefined {
  const end = formatLocalDate(addDays(localDateOf(Math.min(last.end, last.at), zone), -1));
  return end >= last.from ? { from: last.from, to: end } : undefined;
}

/**
 * What the next run, at `nextAt`, leaves of the dates a run failed to pull: `lost`, those before
 * the first day it pulls that the last good run did not pull whole either, and `again`, that first
 * day, when a refresh that catches up pulls any of them again. A replace pulls its own range alone:
 * all of them are lost, unless its next run's range holds them all (`covered`, when that run is
 * due), as an hourly "today"'s does the same day. `goesOn`: the refresh is not paused, so that run
 * comes by itself.
 */
export function afterFailed(
  spec: PullSpec,
  last: PulledRange | undefined,
  failed: { from: string; to: string },
  nextAt: number,
  zone: Zone,
  goesOn = true,
): { lost?: { from: string; to: string }; again?: string; covered?: number } {
  if (spec.mode === 'replace' && spec.range && goesOn && nextPulls(spec.range, nextAt, failed, zone))
    return { covered: nextAt };
  if (!spec.range || !catchesUp(spec)) return { lost: failed };
  const next = resolveRange(spec.range, nextAt, zone);
  const again = catchUpFrom(last, next, zone) ?? next.from;
  if (again <= failed.from) return { again };
  let lost = { from: failed.from, to: again > failed.to ? failed.to : shift(again, -1) };
  // "Last 7 days" daily: the failed run's first day was pulled whole by the run before it, and is
  // in the sheet. Those days are at one end of the span (catchUpFrom starts after them or at them).
  const held = last && pulledWhole(last, zone);
  if (held && held.from <= lost.from && held.to >= lost.from) lost = { ...lost, from: shift(held.to, 1) };
  else if (held && held.from <= lost.to && held.to >= lost.to) lost = { ...lost, to: shift(held.from, -1) };
  const caught = again <= failed.to ? { again } : {};
  return lost.from <= lost.to ? { lost, ...caught } : caught;
}

/** A yyyy-mm-dd date `days` days on (back, when negative). */
export const shift = (date: string, days: number) =>
  formatLocalDate(addDays(parseLocalDate(date) as LocalDate, days));
