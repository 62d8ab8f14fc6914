import { describe, expect, it } from 'vitest';
import { describeFrequency } from '../../src/core/schedule/frequency';
import { suggestedFrequency } from '../../src/core/schedule/suggested-frequency';
import type { DateRangeSpec } from '../../src/core/time/date-range';

const offered = (range?: DateRangeSpec) => describeFrequency(suggestedFrequency(range));
const relative = (preset: Extract<DateRangeSpec, { kind: 'relative' }>['preset']) =>
  offered({ kind: 'relative', preset, days: preset === 'days_back' ? 3 : undefined });

describe('the frequency a new refresh is offered with', () => {
  it('runs as often as its range changes: a month once a month, a week once a week', () => {
    expect(relative('last_month')).toBe('Monthly on day 1 at 07:00');
    expect(relative('last_quarter')).toBe('Monthly on day 1 at 07:00');
    expect(relative('last_week')).toBe('Weekly on Mon at 07:00');
    // Plans ahead: next week's on Friday, before the weekend; this week's and tomorrow's daily.
    expect(relative('next_week')).toBe('Weekly on Fri at 07:00');
    expect(relative('this_week')).toBe('Daily at 07:00');
    expect(relative('tomorrow')).toBe('Daily at 07:00');
  });

  it('ranges that move every day run daily; today runs every hour', () => {
    for (const preset of ['yesterday', 'last_7_days', 'days_back', 'week_to_date', 'month_to_date'] as const)
      expect(relative(preset), preset).toBe('Daily at 07:00');
    expect(relative('today')).toBe('Every hour');
  });

  it('reference data (no range) runs daily; fixed dates weekly', () => {
    expect(offered(undefined)).toBe('Daily at 07:00');
    expect(offered({ kind: 'absolute', from: '2026-11-01', to: '2026-11-30' })).toBe(
      'Weekly on Mon at 07:00',
    );
  });
});
