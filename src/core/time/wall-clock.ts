// A sheet's cell holds the wall-clock time an instant shows, not the instant (clock-changes.ts):
// on the night clocks go back a time read back may stand for either of two instants, so rows are
// told apart by the wall-clock times they hold, and these say which instants a time can be.
import type { Zone } from '../ports';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The wall-clock time an instant shows in the zone, in ms as if it were UTC. */
export function wallClock(epochMs: number, zone: Zone): number {
  return epochMs + zone.offsetMinutes(epochMs) * MINUTE_MS;
}

/**
 * The offsets (minutes east of UTC) under which a wall-clock time is a real instant: two in the
 * hour clocks go back over, none in the hour they skip, else one.
 */
export function offsetsShowing(wall: number, zone: Zone): number[] {
  const offsets = new Set([zone.offsetMinutes(wall - DAY_MS), zone.offsetMinutes(wall + DAY_MS)]);
  return [...offsets].filter((o) => zone.offsetMinutes(wall - o * MINUTE_MS) === o);
}

/**
 * The stretch of wall clock a span of wall-clock times covers. A span whose end is not after its
 * start crossed the hour clocks went back over, from its start the first time round to its end the
 * second ("01:30 → 01:00" is the half hour up to 02:00); undefined when no such hour explains it.
 */
export function wallSpan(start: number, end: number, zone?: Zone): [number, number] | undefined {
  if (end > start) return [start, end];
  if (!zone) return undefined;
  const first = start - Math.max(...offsetsShowing(start, zone)) * MINUTE_MS;
  const last = end - Math.min(...offsetsShowing(end, zone)) * MINUTE_MS;
  return last > first ? [start, start + last - first] : undefined;
}

/**
 * How many records may show the same wall-clock times (`walls`): as many as the offsets under which
 * all of them are real instants, two for times inside the hour clocks go back over; one for a span
 * that crosses it (`crosses`: its end is not after its start), as it runs from one pass to the next.
 */
export function comings(walls: readonly number[], zone: Zone, crosses = false): number {
  if (crosses) return 1;
  let common: number[] | undefined;
  for (const wall of walls) {
    const offsets = offsetsShowing(wall, zone);
    common = common ? common.filter((o) => offsets.includes(o)) : offsets;
  }
  return Math.max(1, common?.length ?? 1);
}
