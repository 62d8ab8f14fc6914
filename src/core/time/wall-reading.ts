// A wall-clock time on a night the clocks change may name no instant (in the hour they skip) or two
// (in the hour they go back over). fromLocal reads one all the same; these say which it read, so
// a row typed at such a time can say so (clock-changes.ts has the words).
import type { Zone } from '../ports';
import { offsetsShowing, wallClock } from './wall-clock';
import { fromLocal, type LocalDateTime, toLocal } from './zone-math';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type WallReading =
  /** No instant shows `wall`: read as `ms`, forward by the jump from offset `before` to `after`. */
  | { kind: 'skipped'; wall: LocalDateTime; ms: number; before: number; after: number }
  /** Two instants show `wall`, the first at offset `first`, the second at `second`; `ms` is the one read. */
  | { kind: 'twice'; wall: LocalDateTime; ms: number; first: number; second: number };

/** The instant fromLocal reads a wall-clock time as, and how, where the clocks change around it. */
export function readWall(local: LocalDateTime, zone: Zone): { ms: number; reading?: WallReading } {
  const ms = fromLocal(local, zone);
  const wall = wallOf(local);
  const offsets = offsetsShowing(wall, zone);
  if (offsets.length === 1) return { ms };
  if (offsets.length === 0) {
    const [before, after] = [zone.offsetMinutes(wall - DAY_MS), zone.offsetMinutes(wall + DAY_MS)];
    return { ms, reading: { kind: 'skipped', wall: local, ms, before, after } };
  }
  return { ms, reading: twice(local, ms, offsets) };
}

/**
 * An instant whose wall-clock time comes twice (a date cell's: Sheets holds the wall-clock time,
 * and Apps Script picked one of its instants): which it is; undefined for any other.
 */
export function instantReading(ms: number, zone: Zone): WallReading | undefined {
  const offsets = offsetsShowing(wallClock(ms, zone), zone);
  return offsets.length === 2 ? twice(toLocal(ms, zone), ms, offsets) : undefined;
}

/**
 * Whether an instant is what a skipped wall-clock time is read forward as (03:30 for 02:30 on a
 * spring-forward night): the instant alone does not say which was typed, the cell's text does.
 */
export function mayBeSkipped(ms: number, zone: Zone): boolean {
  const jump = zone.offsetMinutes(ms) - zone.offsetMinutes(ms - DAY_MS);
  return jump > 0 && offsetsShowing(wallClock(ms, zone) - jump * MINUTE_MS, zone).length === 0;
}

function twice(wall: LocalDateTime, ms: number, offsets: number[]): WallReading {
  return { kind: 'twice', wall, ms, first: Math.max(...offsets), second: Math.min(...offsets) };
}

function wallOf(l: LocalDateTime): number {
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
}
