// A time-off request as a sheet row, as a pull and Sync time off list it: every request gets its
// first and last day off (dates), and only a part-day request keeps its exact start and end times.
// An all-day request's days are its agent's (all-day-zone.ts): it starts at the agent's midnight,
// which the sheet's zone shows as some odd hour (11:00 the day before for Manila in New York). One
// that starts at no midnight of the agent's is read by the sheet's midnight (pushed from the sheet
// before the days were the agent's), else by the nearest UTC midnight (any midnight from UTC-12 to
// UTC+12 rounds to its own date).
import type { TimeOffRequest } from '../assembled';
import type { Zone } from '../ports';
import { workedOut } from '../table/column-words';
import { formatLocalDate, fromDayNumber } from '../time/local-date';
import { localDateOf, startOfLocalDay } from '../time/zone-math';

const DAY_MS = 86_400_000;

/** The day an instant falls on in `zone`; for an all-day request, the day it is a midnight of. */
function dayOf(ms: number, zone: Zone, days?: Zone): string {
  if (!days) return formatLocalDate(localDateOf(ms, zone));
  for (const z of [days, zone]) {
    const local = localDateOf(ms, z);
    if (startOfLocalDay(local, z) === ms) return formatLocalDate(local);
  }
  return formatLocalDate(fromDayNumber(Math.round(ms / DAY_MS)));
}

/**
 * The request as a row; `zone` is the sheet's, `daysZone` the zone of an agent's all-day days
 * (read only for all-day requests).
 */
export function timeOffRow(
  r: TimeOffRequest,
  zone: Zone,
  daysZone: (agentId: string) => Zone,
): Record<string, unknown> {
  const { start_time: start, end_time: end } = r;
  if (start === null || end === null) return { ...r };
  const allDay = r.all_day === true;
  const days = allDay ? daysZone(r.agent_id ?? '') : undefined;
  // The end is exclusive: the last day off is the day before an all-day end, the day of a part-day one.
  const first = dayOf(start, zone, days);
  const lastDay = allDay ? dayOf(end, zone, days) : dayOf(Math.max(start, end - 1), zone);
  const last = allDay && lastDay > first ? previousDay(lastDay) : lastDay;
  const row: Record<string, unknown> = {};
  // The days go just before the times, which an all-day request leaves blank: read side by side.
  for (const [key, value] of Object.entries(r)) {
    if (key === 'start_time') {
      row.first_day = first;
      row.last_day = last;
    }
    row[key] = (key === 'start_time' || key === 'end_time') && allDay ? '' : value;
  }
  return row;
}

/** The days a request's row gets, as the header note says them: Assembled sends only its times. */
export const DAYS_MADE: Readonly<Record<string, string>> = {
  first_day: workedOut('day of start_time'),
  last_day: workedOut('day of the moment before end_time'),
};

function previousDay(iso: string): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return new Date(ms - DAY_MS).toISOString().slice(0, 10);
}
