// Which of the dates a failed run was to pull its sheet still holds, by its header note's range
// (source-note.ts notedRange): those are there as they were last pulled, not brought
// up to date, and not "not pulled". A replace's table holds its range alone, so the rest it never
// got; an append's or merge's holds its earlier runs' rows too, of dates the note does not name.
// Those it pulled after they were over (source-note.ts partialFrom) it holds whole: nothing of them
// is missing, as a "last week" pulled on Monday morning holds that week whole.

import { shift } from './catch-up';
import type { DaySpan } from './held-days';

/** What the failed run's sheet is known to hold (failure-mail.ts SheetKept, as far as dates go). */
export type HeldDates =
  | { pulled: boolean; dates?: DaySpan & { alone: boolean; partialFrom?: string } }
  | { deleted: true };

/** The days of `span` outside `part` of it, before and after it; all of it, with no part. */
export function outside(span: DaySpan, part?: DaySpan): DaySpan[] {
  if (!part) return [span];
  const before = { from: span.from, to: shift(part.from, -1) };
  const after = { from: shift(part.to, 1), to: span.to };
  return [before, after].filter((d) => d.from <= d.to);
}

/**
 * Of `lost`: `held`, the dates the sheet holds but not whole; `whole`, those it holds whole;
 * `never`, those it is known never to have got (none left out when all are held). None when what it
 * holds is not known (BigQuery, no range line).
 */
export function keptDates(
  lost: DaySpan,
  kept?: HeldDates,
): { held?: DaySpan; whole?: DaySpan; never?: DaySpan[] } {
  if (!kept) return {};
  if ('deleted' in kept || !kept.pulled) return { never: [lost] };
  const { dates } = kept;
  if (!dates) return {};
  // Dates as yyyy-mm-dd compare as text (Math.max would make them NaN).
  // biome-ignore lint/complexity/useMathMinMax: text, not numbers
  const from = lost.from > dates.from ? lost.from : dates.from;
  // biome-ignore lint/complexity/useMathMinMax: text, not numbers
  const to = lost.to < dates.to ? lost.to : dates.to;
  const there = from <= to ? { from, to } : undefined;
  // The days before the first its pull did not get whole; the rest of them are as they stood then.
  const cut = dates.partialFrom;
  const whole =
    there && cut && there.from < cut
      ? { from: there.from, to: cut <= there.to ? shift(cut, -1) : there.to }
      : undefined;
  const held = there && (whole ? outside(there, whole)[0] : there);
  const never = dates.alone ? outside(lost, there) : undefined;
  return { ...(held ? { held } : {}), ...(whole ? { whole } : {}), ...(never ? { never } : {}) };
}

/** Whether the sheet holds every one of `dates` whole: nothing of them is missing. */
export function heldWhole(dates: DaySpan, kept?: HeldDates): boolean {
  const { whole } = keptDates(dates, kept);
  return whole?.from === dates.from && whole.to === dates.to;
}
