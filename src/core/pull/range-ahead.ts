// Whether a pull's range lies ahead of its day: Assembled plans schedules only so far ahead (the
// simulator two weeks), so a range past that finds nothing, whatever the filters. A pull that
// finds no rows says so first (written-words.ts), not only that the filters found none.
import type { Zone } from '../ports';
import type { ResolvedRange } from '../time/date-range';
import { datesWords } from '../time/dates-words';
import { formatLocalDate } from '../time/local-date';
import { localDateOf } from '../time/zone-math';

export interface RangeAhead {
  /** The range in words ("2027-02-01 to 2027-02-28"). */
  dates: string;
  /** Today is in it: only its days after today lie ahead. */
  partly: boolean;
}

/** The range's days after today's (in the sheet's zone) at `now`; undefined when it has none. */
export function rangeAhead(range: ResolvedRange, now: number, zone: Zone): RangeAhead | undefined {
  const today = formatLocalDate(localDateOf(now, zone));
  if (range.to <= today) return undefined;
  return { dates: datesWords(range), partly: range.from <= today };
}
