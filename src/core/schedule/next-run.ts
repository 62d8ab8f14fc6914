// When a refresh runs next, in the spreadsheet's time zone as it is now. Its next run is kept as an
// instant, worked out in the zone the spreadsheet had then; the zone may change since (File >
// Settings), and "Daily at 07:00" then means 07:00 in the new one. So the next run is worked out
// again, from the time it was first worked out from, in the zone now: the same instant while the
// zone is the same, the frequency's time in the new zone once it changed.
import type { Zone } from '../ports';
import { fromLocal, toLocal } from '../time/zone-math';
import { nextRun } from './frequency';
import type { Refresh } from './refresh';

type Scheduled = Pick<
  Refresh,
  'frequency' | 'nextRunAt' | 'nextRunFrom' | 'nextRunFromOffset' | 'lastRun' | 'createdAt'
>;

/** The refresh's next run after `after`, the time it was worked out from, and the zone's clock then. */
export function scheduleAfter(
  frequency: Refresh['frequency'],
  after: number,
  zone: Zone,
): Pick<Refresh, 'nextRunAt' | 'nextRunFrom' | 'nextRunFromOffset'> {
  return {
    nextRunAt: nextRun(frequency, after, zone),
    nextRunFrom: after,
    nextRunFromOffset: zone.offsetMinutes(after),
  };
}

export function nextRunIn(r: Scheduled, zone: Zone): number {
  if (r.nextRunFrom !== undefined) return nextRun(r.frequency, lookFrom(r, r.nextRunFrom, zone), zone);
  // Saved before nextRunFrom was kept: a next run that is none of the frequency's times here was
  // worked out in another zone, from about its last run (or its saving).
  if (nextRun(r.frequency, r.nextRunAt - 1, zone) === r.nextRunAt) return r.nextRunAt;
  return nextRun(r.frequency, r.lastRun?.dueAt ?? r.lastRun?.at ?? r.createdAt, zone);
}

/**
 * The refresh's run times from its next one up to `now`: how many (at most `cap` + 1, then
 * counting stops), the first and the last; undefined when its next run is still to come.
 */
export function dueUpTo(
  r: Scheduled,
  zone: Zone,
  now: number,
  cap = Number.POSITIVE_INFINITY,
): { count: number; first: number; last: number } | undefined {
  const first = nextRunIn(r, zone);
  if (first > now) return undefined;
  let count = 0;
  let last = first;
  for (let due = first; due <= now && count <= cap; due = nextRun(r.frequency, due, zone)) {
    last = due;
    count++;
  }
  return { count, first, last };
}

/**
 * Where the next run is looked for from. A refresh at an hour of the day (daily, weekly, monthly)
 * that ran at 07:00 in the old zone, the spreadsheet moved west since, would find 07:00 in the new
 * zone still to come that day and pull that day again: its next time is after the day and hour the
 * old zone's clock read then, too (moved east, they are past already). Every hour and every N hours
 * go by the hours as they pass.
 */
function lookFrom(r: Scheduled, from: number, zone: Zone): number {
  const offset = r.nextRunFromOffset;
  if (offset === undefined || !('hour' in r.frequency)) return from;
  const clockThen = toLocal(from, { name: '', offsetMinutes: () => offset });
  return Math.max(from, fromLocal(clockThen, zone));
}
