// Time helpers. The canonical data model keeps every instant as unix seconds (UTC).

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

/** Fixed UTC offsets (hours) of the demo timezones; schedules ignore daylight saving. */
export const TZ_OFFSETS: Record<string, number> = {
  'America/Los_Angeles': -8,
  'America/Chicago': -6,
  'America/New_York': -5,
  'Europe/Dublin': 0,
  'Asia/Manila': 8,
};

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
