// A BigQuery append adds every row it loads (a load job), so a refresh appending there loads only
// the days its table does not hold whole yet: those a run of it (in any mode, so a refresh changed
// from replace or merge counts its own last range) loaded after they were over. "Last 7 days" run
// daily adds the day just over, "yesterday" run hourly adds it once, and a day a run left out is
// caught up on. A day not over as a run began holds only the rows up to then: it is loaded again.
import type { Zone } from '../ports';
import type { PullSpec } from '../pull/pull-spec';
import type { ResolvedRange } from '../time/date-range';
import { addDays, formatLocalDate, type LocalDate, parseLocalDate } from '../time/local-date';
import { localDateOf } from '../time/zone-math';
import { CATCH_UP_DAYS } from './catch-up';

/** Days from `from` to `to`, both included, as yyyy-mm-dd (which compare as text). */
export interface DaySpan {
  from: string;
  to: string;
}

const plusDays = (date: string, days: number) =>
  formatLocalDate(addDays(parseLocalDate(date) as LocalDate, days));
/** Dates as yyyy-mm-dd sort as text. */
const first = (a: string, b: string) => [a, b].sort()[0] as string;
const last = (a: string, b: string) => [a, b].sort()[1] as string;

export function loadsOnce(spec: Pick<PullSpec, 'mode' | 'target'>): boolean {
  return spec.mode === 'append' && spec.target.kind === 'bigquery';
}

/**
 * The days a run loads: from the first day after those held (31 days back at most) to its range's
 * end; undefined when the table holds them all. A range reaching back before the days held (it
 * was widened) loads the days before them first, and its next run the rest.
 */
export function daysToLoad(held: DaySpan | undefined, range: ResolvedRange): DaySpan | undefined {
  const { from, to } = range;
  if (!held || held.from > to) return { from, to };
  if (from < held.from) return { from, to: plusDays(held.from, -1) };
  const next = plusDays(held.to, 1);
  if (next > to) return undefined;
  const floor = plusDays(from, -CATCH_UP_DAYS);
  return { from: last(next, floor), to };
}

/**
 * The days the table holds whole after a good run that loaded `range`, begun at `began`: a
 * replace holds its own days alone; an append or merge adds them to those held before when the
 * two meet, or else holds the later ones.
 */
export function heldAfter(
  mode: PullSpec['mode'],
  held: DaySpan | undefined,
  range: ResolvedRange,
  began: number,
  zone: Zone,
): DaySpan | undefined {
  // Whole: the days that ended by the time the run began.
  const end = formatLocalDate(localDateOf(Math.min(range.end, began), zone));
  const got = end > range.from ? { from: range.from, to: plusDays(end, -1) } : undefined;
  if (mode === 'replace' || !held) return got;
  if (!got) return held;
  if (got.from > plusDays(held.to, 1) || held.from > plusDays(got.to, 1))
    return got.to > held.to ? got : held;
  return { from: first(got.from, held.from), to: last(got.to, held.to) };
}
