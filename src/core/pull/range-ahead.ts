// Whether a pull's range lies ahead of its day: Assembled plans schedules only so far ahead (the
// simulator two weeks), and tickets, states and edits happen only as days come, so a range ahead
// finds nothing, whatever the filters. A pull that finds no rows says so first, in the words of
// its source (written-words.ts), not only that the filters found none.
import type { Zone } from '../ports';
import type { ResolvedRange } from '../time/date-range';
import { datesWords } from '../time/dates-words';
import { formatLocalDate } from '../time/local-date';
import { localDateOf } from '../time/zone-math';
import type { PullSpec } from './pull-spec';

export interface RangeAhead {
  /** The range in words ("2027-02-01 to 2027-02-28"). */
  dates: string;
  /** Today is in it: only its days after today lie ahead. */
  partly: boolean;
  /** Why days ahead hold none of the source's records ("no tickets are handled yet"). */
  why: string;
}

/** Schedules, and what is read from them (activities, coverage), are planned only so far ahead. */
const PLANNED = 'schedules may not be planned yet';

/** Sources whose records are not planned ahead but happen, or are planned otherwise. */
const WHY: Partial<Record<string, string>> = {
  adherence: `${PLANNED}, nor any time adherent`,
  ticket_stats: 'no tickets are created or solved yet',
  handle_time: 'no tickets are handled yet',
  agent_states: 'no agent states are recorded yet',
  condensed_timeline: 'no agent states are recorded yet',
  edit_history: 'no agent states are edited yet',
  time_off_requests: 'time off may not be requested that far yet',
  time_off_updates: 'no requests are updated yet',
  requirements: 'requirements may not be forecast yet',
};

/** The range's days after today's (in the sheet's zone) at `now`; undefined when it has none. */
export function rangeAhead(
  range: ResolvedRange,
  now: number,
  zone: Zone,
  source: PullSpec['source'],
): RangeAhead | undefined {
  const today = formatLocalDate(localDateOf(now, zone));
  if (range.to <= today) return undefined;
  const id = source.kind === 'report' ? source.report : source.resource;
  return { dates: datesWords(range), partly: range.from <= today, why: WHY[id] ?? PLANNED };
}
