// Converting between instants and wall-clock times in a Zone, DST included.
import type { Zone } from '../ports';
import { fromDayNumber, isoWeekday, type LocalDate, pad, toDayNumber } from './local-date';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
}

export function toLocal(epochMs: number, zone: Zone): LocalDateTime {
  const shifted = epochMs + zone.offsetMinutes(epochMs) * MINUTE_MS;
  const day = Math.floor(shifted / DAY_MS);
  const minuteOfDay = Math.floor((shifted - day * DAY_MS) / MINUTE_MS);
  return { ...fromDayNumber(day), hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by a DST jump moves forward by
 * the jump (02:30 on a spring-forward night is 03:30); a repeated time takes its first instant.
 */
export function fromLocal(local: LocalDate & { hour?: number; minute?: number }, zone: Zone): number {
  const wall = toDayNumber(local) * DAY_MS + ((local.hour ?? 0) * 60 + (local.minute ?? 0)) * MINUTE_MS;
  // Try the offsets in force just before and just after the wall time; keep one that round-trips.
  const offsets = [zone.offsetMinutes(wall - DAY_MS), zone.offsetMinutes(wall + DAY_MS)];
  for (const offset of offsets) {
    const candidate = wall - offset * MINUTE_MS;
    if (zone.offsetMinutes(candidate) === offset) return candidate;
  }
  // In a gap: no offset round-trips; the earlier offset pushes the time past the jump.
  return wall - (offsets[0] ?? 0) * MINUTE_MS;
}

export function localDateOf(epochMs: number, zone: Zone): LocalDate {
  const { year, month, day } = toLocal(epochMs, zone);
  return { year, month, day };
}

/** The ISO weekday (Monday 1 … Sunday 7) an instant falls on in the zone. */
export const weekdayOf = (epochMs: number, zone: Zone) => isoWeekday(localDateOf(epochMs, zone));

/** The instant a local day starts (midnight, or the first instant after a midnight DST gap). */
export function startOfLocalDay(date: LocalDate, zone: Zone): number {
  return fromLocal(date, zone);
}

/**
 * "2026-03-02 07:00" in the zone: how the sidebar shows a time; with seconds, "2026-03-02
 * 07:00:05", as the sheets' date-time format shows one (header notes say their times so too).
 */
export function formatLocalDateTime(epochMs: number, zone: Zone, seconds = false): string {
  const l = toLocal(epochMs, zone);
  const s = seconds ? `:${pad(Math.floor(epochMs / 1000) - Math.floor(epochMs / MINUTE_MS) * 60)}` : '';
  return `${l.year}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}${s}`;
}
