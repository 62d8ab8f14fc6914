// Calendar arithmetic on local dates (no time, no zone). Months are 1-12.
// Computed through UTC so that no host timezone leaks in.

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/**
 * Date.UTC for every year: Date.UTC reads a year under 100 as 19xx, so 0020 (a Fixed dates year
 * still being typed) was 1920, and 0000-02-29 no date (1900 has no leap day).
 */
function utcMs(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

export function toDayNumber(d: LocalDate): number {
  return Math.floor(utcMs(d.year, d.month - 1, d.day) / DAY_MS);
}

export function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(d: LocalDate): number {
  const w = new Date(utcMs(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Short weekday names by ISO weekday: WEEKDAY_NAMES[1] is 'Mon', WEEKDAY_NAMES[7] 'Sun'. */
export const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

// Pure: a bundle that wants only pad() leaves the names out.
const MONTH_NAMES =
  /* @__PURE__ */ 'January February March April May June July August September October November December'.split(
    ' ',
  );

/** "3 April 2026": a date no reader takes the wrong way round. */
export function longDate(d: LocalDate): string {
  return `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

/** "February 2027". */
export function longMonth(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** A number as dates and times show it, 0-padded: 7 -> "07". */
export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatLocalDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The date, or undefined when no such day exists (month 13, 30 February). */
export function validLocalDate(year: number, month: number, day: number): LocalDate | undefined {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    ? { year, month, day }
    : undefined;
}

export function parseLocalDate(text: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? validLocalDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** The days from `b` to `a`: negative when `a` comes first. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toDayNumber(a) - toDayNumber(b);
}
