// Time-driven trigger records and their schedules on the virtual clock.

import { fromLocalMs, toLocalMs } from '../time/timezone.js';

const DAY_MS = 86_400_000;

export type Schedule =
  | { kind: 'interval'; unit: 'minutes' | 'hours'; n: number }
  | { kind: 'daily'; everyDays: number; hour: number; minute: number; timeZone: string }
  | { kind: 'weekly'; everyWeeks: number; weekDay: number; hour: number; minute: number; timeZone: string }
  | { kind: 'monthly'; monthDay: number; hour: number; minute: number; timeZone: string }
  | { kind: 'once'; at: number };

export interface TriggerRecord {
  uid: string;
  owner: string;
  handler: string;
  documentId: string;
  schedule: Schedule;
  createdAt: number;
  /** Null once a one-shot trigger has fired: it stays listed (and counted) until deleted. */
  nextRunAt: number | null;
}

export function intervalMs(s: Schedule): number | null {
  if (s.kind !== 'interval') return null;
  return s.n * (s.unit === 'minutes' ? 60_000 : 3_600_000);
}

/** The instant the zone's wall clock reads the given local date (as UTC ms of midnight) at h:m. */
function atLocal(localMidnight: number, hour: number, minute: number, timeZone: string): number {
  return fromLocalMs(localMidnight + hour * 3_600_000 + minute * 60_000, timeZone);
}

function localMidnight(ms: number, timeZone: string): number {
  const local = toLocalMs(ms, timeZone);
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * First due time strictly after `from`. An interval trigger made afresh first fires a whole period
 * after it is made (Google gives no time within it: the latest is the stricter reading), so a
 * script that deletes and remakes its trigger moves its tick.
 */
export function firstRun(s: Schedule, from: number): number {
  switch (s.kind) {
    case 'once':
      return s.at;
    case 'interval':
      return from + (intervalMs(s) ?? 0);
    case 'daily': {
      let day = localMidnight(from, s.timeZone);
      while (atLocal(day, s.hour, s.minute, s.timeZone) <= from) day += DAY_MS;
      return atLocal(day, s.hour, s.minute, s.timeZone);
    }
    case 'weekly': {
      let day = localMidnight(from, s.timeZone);
      while (new Date(day).getUTCDay() !== s.weekDay || atLocal(day, s.hour, s.minute, s.timeZone) <= from) {
        day += DAY_MS;
      }
      return atLocal(day, s.hour, s.minute, s.timeZone);
    }
    case 'monthly': {
      const d = new Date(localMidnight(from, s.timeZone));
      let month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), s.monthDay);
      if (atLocal(month, s.hour, s.minute, s.timeZone) <= from) {
        month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, s.monthDay);
      }
      return atLocal(month, s.hour, s.minute, s.timeZone);
    }
  }
}

/** The due time after `due`; null for one-shots. Calendar steps keep the local wall time across DST. */
export function followingRun(s: Schedule, due: number): number | null {
  switch (s.kind) {
    case 'once':
      return null;
    case 'interval':
      return due + (intervalMs(s) ?? 0);
    case 'daily':
      return atLocal(localMidnight(due, s.timeZone) + s.everyDays * DAY_MS, s.hour, s.minute, s.timeZone);
    case 'weekly':
      return atLocal(
        localMidnight(due, s.timeZone) + s.everyWeeks * 7 * DAY_MS,
        s.hour,
        s.minute,
        s.timeZone,
      );
    case 'monthly': {
      const d = new Date(localMidnight(due, s.timeZone));
      return atLocal(
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, s.monthDay),
        s.hour,
        s.minute,
        s.timeZone,
      );
    }
  }
}

const hm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

export function describeSchedule(s: Schedule): string {
  switch (s.kind) {
    case 'once':
      return `once at ${new Date(s.at).toISOString()}`;
    case 'interval':
      return `every ${s.n} ${s.unit}`;
    case 'daily':
      return `every ${s.everyDays} day(s) at ${hm(s.hour, s.minute)} ${s.timeZone}`;
    case 'weekly':
      return `every ${s.everyWeeks} week(s) on day ${s.weekDay} at ${hm(s.hour, s.minute)} ${s.timeZone}`;
    case 'monthly':
      return `monthly on day ${s.monthDay} at ${hm(s.hour, s.minute)} ${s.timeZone}`;
  }
}
