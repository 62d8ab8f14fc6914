// A time-off request as a sheet row, as a pull and Sync time off list it: every request gets its
// first and last day off (dates), and only a part-day request keeps its exact start and end times.
// An all-day request starts at a midnight of the agent's own zone, which the sheet's zone shows as
// some odd hour (11:00 the day before for Manila in New York): its day is the sheet's day when it
// starts at the sheet's midnight (a request pushed from the sheet), else the day of the nearest UTC
// midnight (any agent's midnight from UTC-12 to UTC+12 rounds to its own date).
import type { TimeOffRequest } from '../assembled';
import type { Zone } from '../ports';
import { formatLocalDate, fromDayNumber } from '../time/local-date';
import { localDateOf, startOfLocalDay } from '../time/zone-math';

const DAY_MS = 86_400_000;

function dayOf(ms: number, zone: Zone, allDay: boolean): string {
  const local = localDateOf(ms, zone);
  if (!allDay || startOfLocalDay(local, zone) === ms) return formatLocalDate(local);
  return formatLocalDate(fromDayNumber(Math.round(ms / DAY_MS)));
}

export function timeOffRow(r: TimeOffRequest, zone: Zone): Record<string, unknown> {
  const { start_time: start, end_time: end } = r;
  if (start === null || end === null) return { ...r };
  const allDay = r.all_day === true;
  // The end is exclusive: the last day off is the day before an all-day end, the day of a part-day one.
  const lastDay = allDay ? dayOf(end, zone, true) : dayOf(Math.max(start, end - 1), zone, false);
  const last = allDay && lastDay > dayOf(start, zone, true) ? previousDay(lastDay) : lastDay;
  const row: Record<string, unknown> = {};
  // The days go just before the times, which an all-day request leaves blank: read side by side.
  for (const [key, value] of Object.entries(r)) {
    if (key === 'start_time') {
      row.first_day = dayOf(start, zone, allDay);
      row.last_day = last;
    }
    row[key] = (key === 'start_time' || key === 'end_time') && allDay ? '' : value;
  }
  return row;
}

function previousDay(iso: string): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return new Date(ms - DAY_MS).toISOString().slice(0, 10);
}
