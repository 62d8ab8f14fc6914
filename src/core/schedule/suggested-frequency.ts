// The frequency a new refresh is offered with, from the range it re-pulls: a refresh of "last
// month" that ran weekly would fetch the same month four times before it changed. Reference data
// (no range) is offered daily, as a lookup list a workbook's reports are read against.
import type { DateRangeSpec } from '../time/date-range';
import type { Frequency } from './frequency';

/** The hour reports of a finished day are offered at: after the night, before the working day. */
const MORNING = 7;

export function suggestedFrequency(range: DateRangeSpec | undefined): Frequency {
  if (!range) return { kind: 'daily', hour: MORNING };
  switch (range.kind === 'relative' ? range.preset : undefined) {
    case 'today':
      return { kind: 'hourly' };
    case 'yesterday':
    case 'last_7_days':
    case 'days_back':
    case 'week_to_date':
    case 'month_to_date':
      return { kind: 'daily', hour: MORNING };
    case 'last_month':
    case 'last_quarter':
      return { kind: 'monthly', day: 1, hour: MORNING };
    case 'tomorrow':
    case 'this_week':
      return { kind: 'daily', hour: MORNING };
    // Next week's plans in hand before the weekend.
    case 'next_week':
      return { kind: 'weekly', weekdays: [5], hour: MORNING };
    default:
      return { kind: 'weekly', weekdays: [1], hour: MORNING };
  }
}
