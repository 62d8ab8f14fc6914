// Date ranges a pull or a scheduled refresh asks for: absolute, or relative to "today" in the
// spreadsheet's timezone and resolved afresh at every run.
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import type { Zone } from '../ports';
import { wholeNumber } from '../validation';
import { datesWords } from './dates-words';
import { DAYS_BACK_MAX, DAYS_BACK_MIN } from './days-back';
import { fixedDatesOutside } from './fixed-dates';
import {
  addDays,
  addMonths,
  compareLocalDates,
  formatLocalDate,
  isoWeekday,
  type LocalDate,
  parseLocalDate,
} from './local-date';
import { localDateOf, startOfLocalDay } from './zone-math';

/** In the order the Range list offers them. Tomorrow, this week and next week look ahead, for what
 * Assembled plans before it happens: schedules and coverage. */
export const RELATIVE_PRESETS = [
  'today',
  'yesterday',
  'tomorrow',
  'last_7_days',
  'last_week',
  'week_to_date',
  'this_week',
  'next_week',
  'last_month',
  'month_to_date',
  'last_quarter',
  'days_back',
] as const;
export type RelativePreset = (typeof RELATIVE_PRESETS)[number];

/** A range in a card's words: "last week", "the last 14 days", "2026-11-01 to 2026-11-30". */
export function rangeWords(range: DateRangeSpec | undefined): string {
  if (!range) return '';
  if (range.kind === 'absolute') return datesWords(range);
  return range.preset === 'days_back' ? `the last ${range.days} days` : range.preset.replace(/_/g, ' ');
}

/** A date of a Fixed dates range; `words` says which, as the form names it. */
const isoDate = (words: string) =>
  z.string().check(z.refine((s) => parseLocalDate(s) !== undefined, `Type ${words} like 2026-03-01.`));

export const DateRangeSpec = /* @__PURE__ */ lazy(() =>
  z.union([
    z.object({
      kind: z.literal('absolute'),
      from: isoDate('the date the range starts (From)'),
      to: isoDate('the date the range ends (To)'),
    }),
    z.object({
      kind: z.literal('relative'),
      preset: z.enum(RELATIVE_PRESETS),
      /** For days_back: how many whole days before today, today excluded. */
      days: z.optional(
        wholeNumber(
          DAYS_BACK_MIN,
          DAYS_BACK_MAX,
          `Days back must be a whole number from ${DAYS_BACK_MIN} to ${DAYS_BACK_MAX}.`,
        ),
      ),
    }),
  ]),
);
export type DateRangeSpec = z.infer<typeof DateRangeSpec>;

/** A range of whole local days: `from` and `to` inclusive; `start`/`end` the instants (end exclusive). */
export interface ResolvedRange {
  from: string;
  to: string;
  start: number;
  end: number;
}

/** Weeks start on Monday, as ISO 8601 and most WFM reporting do. */
function startOfWeek(d: LocalDate): LocalDate {
  return addDays(d, 1 - isoWeekday(d));
}

function startOfQuarter(d: LocalDate): LocalDate {
  return { year: d.year, month: d.month - ((d.month - 1) % 3), day: 1 };
}

function relativeDays(preset: RelativePreset, today: LocalDate, days = 1): [LocalDate, LocalDate] {
  const firstOfMonth = { ...today, day: 1 };
  switch (preset) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'last_7_days':
      return [addDays(today, -7), addDays(today, -1)];
    case 'last_week': {
      const monday = addDays(startOfWeek(today), -7);
      return [monday, addDays(monday, 6)];
    }
    case 'week_to_date':
      return [startOfWeek(today), today];
    case 'last_month':
      return [addMonths(firstOfMonth, -1), addDays(firstOfMonth, -1)];
    case 'month_to_date':
      return [firstOfMonth, today];
    case 'last_quarter': {
      const quarter = startOfQuarter(today);
      return [addMonths(quarter, -3), addDays(quarter, -1)];
    }
    case 'days_back':
      return [addDays(today, -days), addDays(today, -1)];
    case 'tomorrow':
      return [addDays(today, 1), addDays(today, 1)];
    case 'this_week':
      return [startOfWeek(today), addDays(startOfWeek(today), 6)];
    case 'next_week': {
      const monday = addDays(startOfWeek(today), 7);
      return [monday, addDays(monday, 6)];
    }
  }
}

export function resolveRange(spec: DateRangeSpec, now: number, zone: Zone): ResolvedRange {
  const outside = spec.kind === 'absolute' ? fixedDatesOutside(spec.from, spec.to) : undefined;
  if (outside) throw new Error(outside.problem);
  const [first, last] =
    spec.kind === 'absolute'
      ? [parseLocalDate(spec.from) as LocalDate, parseLocalDate(spec.to) as LocalDate]
      : relativeDays(spec.preset, localDateOf(now, zone), spec.days);
  if (compareLocalDates(first, last) > 0) {
    throw new Error(
      `The date range ends (${formatLocalDate(last)}) before it starts (${formatLocalDate(first)}): put the earlier date in From.`,
    );
  }
  return {
    from: formatLocalDate(first),
    to: formatLocalDate(last),
    start: startOfLocalDay(first, zone),
    end: startOfLocalDay(addDays(last, 1), zone),
  };
}
