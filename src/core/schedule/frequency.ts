// How often a refresh runs, always on the wall clock of the spreadsheet's timezone, so that
// "Mondays at 7:00" stays 7:00 across a DST change.
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import type { Zone } from '../ports';
import { addDays, daysInMonth, isoWeekday, type LocalDate, pad, WEEKDAY_NAMES } from '../time/local-date';
import { fromLocal, localDateOf } from '../time/zone-math';
import { wholeNumber } from '../validation';
import { everyHourAsHourly } from './every-hour';
import { NO_WEEKDAY } from './frequency-words';

const hour = /* @__PURE__ */ lazy(() => wholeNumber(0, 23));

export const Frequency = /* @__PURE__ */ lazy(() =>
  z.union([
    z.object({ kind: z.literal('hourly') }),
    z.object({
      kind: z.literal('every_hours'),
      // 1: as saved while the form offered it; read, and saved, as Every hour (every-hour.ts).
      hours: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(6), z.literal(12)]),
    }),
    z.object({ kind: z.literal('daily'), hour }),
    z.object({
      kind: z.literal('weekly'),
      /** ISO weekdays, Monday 1 … Sunday 7. */
      weekdays: z.array(wholeNumber(1, 7)).check(z.minLength(1, NO_WEEKDAY)),
      hour,
    }),
    z.object({
      kind: z.literal('monthly'),
      day: z.union([wholeNumber(1, 28), z.literal('last')]),
      hour,
    }),
  ]),
);
export type Frequency = z.infer<typeof Frequency>;

/** "07:00 Europe/Berlin": an hour of the spreadsheet's zone, named where a person reads it. */
const at = (h: number, zone?: string) => `${pad(h)}:00${zone ? ` ${zone}` : ''}`;

/** "Daily at 07:00 Europe/Berlin", its hour in `zone` (the spreadsheet's), when given. */
export function describeFrequency(saved: Frequency, zone?: string): string {
  const f = everyHourAsHourly(saved);
  switch (f.kind) {
    case 'hourly':
      return 'Every hour';
    case 'every_hours':
      return `Every ${f.hours} hours`;
    case 'daily':
      return `Daily at ${at(f.hour, zone)}`;
    case 'weekly':
      return `Weekly on ${[...f.weekdays]
        .sort()
        .map((d) => WEEKDAY_NAMES[d])
        .join(', ')} at ${at(f.hour, zone)}`;
    case 'monthly':
      return `Monthly on ${f.day === 'last' ? 'the last day' : `day ${f.day}`} at ${at(f.hour, zone)}`;
  }
}

/** The local hours of a day at which the frequency fires. */
function hoursOn(f: Frequency, d: LocalDate): number[] {
  switch (f.kind) {
    case 'hourly':
      return Array.from({ length: 24 }, (_, h) => h);
    case 'every_hours':
      return Array.from({ length: 24 / f.hours }, (_, i) => i * f.hours);
    case 'daily':
      return [f.hour];
    case 'weekly':
      return f.weekdays.includes(isoWeekday(d)) ? [f.hour] : [];
    case 'monthly': {
      const day = f.day === 'last' ? daysInMonth(d.year, d.month) : f.day;
      return d.day === day ? [f.hour] : [];
    }
  }
}

/**
 * The first time strictly after `after` at which the frequency fires. A time that a DST jump
 * skips fires at the first instant after the jump; a repeated hour fires once.
 */
export function nextRun(f: Frequency, after: number, zone: Zone): number {
  const first = localDateOf(after, zone);
  // Two months of days always contain a monthly day.
  for (let i = 0; i < 62; i++) {
    const day = addDays(first, i);
    for (const hour of hoursOn(f, day)) {
      const t = fromLocal({ ...day, hour, minute: 0 }, zone);
      if (t > after) return t;
    }
  }
  throw new Error(`No run of "${describeFrequency(f)}" within two months`);
}
