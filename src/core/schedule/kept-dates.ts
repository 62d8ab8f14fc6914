// Which of the dates a failed run was to pull its sheet still holds, by its header note's range
// (source-note.ts notedRange): those are there as the last run that worked pulled them, not brought
// up to date, and not "not pulled". A replace's table holds its range alone, so the rest it never
// got; an append's or merge's holds its earlier runs' rows too, of dates the note does not name.

import { shift } from './catch-up';
import type { DaySpan } from './held-days';

/** What the failed run's sheet is known to hold (failure-mail.ts SheetKept, as far as dates go). */
export type HeldDates = { pulled: boolean; dates?: DaySpan & { alone: boolean } } | { deleted: true };

/**
 * Of `lost`: `held`, the dates the sheet holds; `never`, those it is known never to have got (none
 * left out when all are held). Neither when what it holds is not known (BigQuery, no range line).
 */
export function keptDates(lost: DaySpan, kept?: HeldDates): { held?: DaySpan; never?: DaySpan[] } {
  if (!kept) return {};
  if ('deleted' in kept || !kept.pulled) return { never: [lost] };
  const { dates } = kept;
  if (!dates) return {};
  // Dates as yyyy-mm-dd compare as text (Math.max would make them NaN).
  // biome-ignore lint/complexity/useMathMinMax: text, not numbers
  const from = lost.from > dates.from ? lost.from : dates.from;
  // biome-ignore lint/complexity/useMathMinMax: text, not numbers
  const to = lost.to < dates.to ? lost.to : dates.to;
  const held = from <= to ? { from, to } : undefined;
  if (!dates.alone) return held ? { held } : {};
  const before = held ? { from: lost.from, to: shift(from, -1) } : lost;
  const after = held ? { from: shift(to, 1), to: lost.to } : undefined;
  const never = [before, after].filter((d): d is DaySpan => !!d && d.from <= d.to);
  return { ...(held ? { held } : {}), never };
}
