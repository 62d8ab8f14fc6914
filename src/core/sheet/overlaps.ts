// A report's row is its agent (or queue) over one bucket, from its start to its end. A bucket cut
// short by the range it was pulled for (a week pulled Monday to Wednesday) is not the same record as
// the whole bucket pulled later, yet it counts the same days: merged side by side, the sheet would
// count Monday to Wednesday twice. So in a merge a new row takes the place of the sheet's rows for
// the same agent whose span overlaps its own, unless one of them holds all of its time: then the
// sheet's longer row stays and the new one is left out (a part week never replaces a whole one).
import type { CellValue } from '../table/build-table';
import type { BodyCell } from './kept-formula';

/** The span, when the merge key has both its columns: a key of the user's own without them is plain. */
export function spanIn(key: readonly string[], span?: readonly [string, string]): typeof span {
  return span?.every((k) => key.includes(k)) ? span : undefined;
}

/** What tells a row's record apart besides its span, and its span as the sheet's wall clock reads it. */
export interface Spans {
  entityOf(row: readonly BodyCell[]): string;
  /**
   * The wall clock from start to end, in ms (wall-clock.ts `wallSpan`), or undefined when either
   * cell is not a date or the span runs backwards for no change of clocks.
   */
  spanOf(row: readonly BodyCell[]): [number, number] | undefined;
}

interface Held {
  start: number;
  end: number;
  index: number;
}

/**
 * The old rows a new row overlaps, and whether one of them holds all of its time, or is its bucket
 * cut short (`grown`: the one row it overlaps starts where it does, and ends sooner; a day or week
 * pulled while under way, pulled again fuller), which it updates rather than replaces.
 */
export interface Overlap {
  hits: number[];
  covered: boolean;
  grown: boolean;
}

/**
 * For each new row (by index), the old rows (by index) of its entity whose span overlaps its own
 * without being the same (that one is its own key's). Per entity the old spans are sorted, so each
 * look-up is a binary search and a short walk back (no longer than the entity's longest span).
 */
export function overlapping(old: BodyCell[][], rows: CellValue[][], spans: Spans): Map<number, Overlap> {
  const byEntity = new Map<string, { held: Held[]; longest: number }>();
  old.forEach((row, index) => {
    const span = spans.spanOf(row);
    if (!span) return;
    const key = spans.entityOf(row);
    const entry = byEntity.get(key) ?? { held: [], longest: 0 };
    entry.held.push({ start: span[0], end: span[1], index });
    entry.longest = Math.max(entry.longest, span[1] - span[0]);
    byEntity.set(key, entry);
  });
  for (const { held } of byEntity.values()) held.sort((a, b) => a.start - b.start);

  const found = new Map<number, Overlap>();
  rows.forEach((row, j) => {
    const span = spans.spanOf(row);
    const entry = span && byEntity.get(spans.entityOf(row));
    if (!span || !entry) return;
    const [start, end] = span;
    const { held, longest } = entry;
    // The first held span that starts at or after this one's end: none from there on overlaps.
    let lo = 0;
    let hi = held.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((held[mid] as Held).start < end) lo = mid + 1;
      else hi = mid;
    }
    const hits: number[] = [];
    let covered = false;
    let same = false;
    for (let k = lo - 1; k >= 0; k--) {
      const h = held[k] as Held;
      if (h.start + longest <= start) break;
      if (h.end <= start || (h.start === start && h.end === end)) continue;
      hits.push(h.index);
      covered ||= h.start <= start && h.end >= end;
      same ||= h.start === start;
    }
    const grown = same && hits.length === 1 && !covered;
    if (hits.length) found.set(j, { hits: hits.sort((a, b) => a - b), covered, grown });
  });
  return found;
}
