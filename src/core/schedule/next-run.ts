// When a refresh runs next, in the spreadsheet's time zone as it is now. Its next run is kept as an
// instant, worked out in the zone the spreadsheet had then; the zone may change since (File >
// Settings), and "Daily at 07:00" then means 07:00 in the new one. So the next run is worked out
// again, from the time it was first worked out from, in the zone now: the same instant while the
// zone is the same, the frequency's time in the new zone once it changed.
import type { Zone } from '../ports';
import { nextRun } from './frequency';
import type { Refresh } from './refresh';

type Scheduled = Pick<Refresh, 'frequency' | 'nextRunAt' | 'nextRunFrom' | 'lastRun' | 'createdAt'>;

/** The refresh's next run after `after`, and the time it was worked out from. */
export function scheduleAfter(
  frequency: Refresh['frequency'],
  after: number,
  zone: Zone,
): Pick<Refresh, 'nextRunAt' | 'nextRunFrom'> {
  return { nextRunAt: nextRun(frequency, after, zone), nextRunFrom: after };
}

export function nextRunIn(r: Scheduled, zone: Zone): number {
  if (r.nextRunFrom !== undefined) return nextRun(r.frequency, r.nextRunFrom, zone);
  // Saved before nextRunFrom was kept: a next run that is none of the frequency's times here was
  // worked out in another zone, from about its last run (or its saving).
  if (nextRun(r.frequency, r.nextRunAt - 1, zone) === r.nextRunAt) return r.nextRunAt;
  return nextRun(r.frequency, r.lastRun?.dueAt ?? r.lastRun?.at ?? r.createdAt, zone);
}
