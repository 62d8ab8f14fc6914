// Time helpers. The canonical data model keeps every instant as unix seconds (UTC).

import type { Zone } from '../../src/core/ports';
import { fromDayNumber } from '../../src/core/time/local-date';
import { fromLocal } from '../../src/core/time/zone-math';
import { isValidTimeZone } from '../gas/time/timezone';
import { intlZone } from '../intl-zone';

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

const zones = new Map<string, Zone>();

/** A person's zone, by the real rules (DST included); a name that is no zone is taken as UTC. */
function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = intlZone(isValidTimeZone(name) ? name : 'UTC');
    zones.set(name, zone);
  }
  return zone;
}

/** Per zone and date: the offset (seconds east of UTC) all that local day; null if the clocks change. */
const steady = new Map<string, number | null>();

/**
 * Asked once per zone and date, as each agent's shift on each date would otherwise ask Intl
 * (slow) several times. A local day lies within 14 hours before its UTC date and 36 after (zones
 * run from UTC-12 to UTC+14); the same offset at both ends means no change in between, as no zone
 * changes its clocks twice in two days.
 */
function steadyOffset(date: number, zone: Zone): number | null {
  const key = `${zone.name}\u0000${date}`;
  let offset = steady.get(key);
  if (offset === undefined) {
    const before = zone.offsetMinutes((date - 14 * HOUR) * 1000);
    offset = before === zone.offsetMinutes((date + 36 * HOUR) * 1000) ? before * MINUTE : null;
    steady.set(key, offset);
  }
  return offset;
}

/**
 * The instant (unix seconds) the wall clock in `timezone` reads `hour`:00 on a calendar date,
 * named by its UTC midnight: Dublin's 8:00 is 08:00Z in January and 07:00Z in July, as a real
 * rota keeps its local hours across daylight saving.
 */
export function atLocal(date: number, hour: number, timezone: string): number {
  const zone = zoneOf(timezone);
  const offset = steadyOffset(date, zone);
  if (offset !== null) return date + hour * HOUR - offset;
  // The day the clocks change: an hour they skip moves on past the jump (zone-math's reading).
  return fromLocal({ ...fromDayNumber(Math.floor(date / DAY)), hour }, zone) / 1000;
}

/** The calendar date (its UTC midnight) that the instant falls on in `timezone`. */
export function localDateOf(sec: number, timezone: string): number {
  const wall = sec + zoneOf(timezone).offsetMinutes(sec * 1000) * MINUTE;
  return Math.floor(wall / DAY) * DAY;
}

export type Granularity = 'interval' | 'day' | 'week' | 'month';

/** ISO 8601 without milliseconds, e.g. 2026-05-24T10:00:00Z. */
export function isoOf(sec: number): string {
  return new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
}

/** Unix seconds of a validated ISO date-time (fractions of a second are dropped). */
export function secOf(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

export function dateOf(sec: number): string {
  return isoOf(sec).slice(0, 10);
}

/** Start of the UTC bucket holding `sec`: 30-minute interval, day, ISO week (Monday) or month. */
export function bucketStart(sec: number, granularity: Granularity): number {
  const day = Math.floor(sec / DAY) * DAY;
  switch (granularity) {
    case 'interval':
      return Math.floor(sec / (30 * MINUTE)) * 30 * MINUTE;
    case 'day':
      return day;
    case 'week': {
      const weekday = (new Date(day * 1000).getUTCDay() + 6) % 7; // Monday = 0
      return day - weekday * DAY;
    }
    case 'month': {
      const d = new Date(sec * 1000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    }
  }
}

export function bucketEnd(start: number, granularity: Granularity): number {
  switch (granularity) {
    case 'interval':
      return start + 30 * MINUTE;
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month': {
      const d = new Date(start * 1000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    }
  }
}

/** The buckets covering [start, end), each clipped to the range. */
export function buckets(start: number, end: number, granularity: Granularity): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let b = bucketStart(start, granularity); b < end; b = bucketEnd(b, granularity)) {
    out.push([Math.max(b, start), Math.min(bucketEnd(b, granularity), end)]);
  }
  return out;
}
