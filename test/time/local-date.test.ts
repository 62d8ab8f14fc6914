// Calendar arithmetic for every year a date field can give as it is typed: Date.UTC reads a year
// under 100 as 19xx, so 0020-01-01 was 1920-01-01, and 0000-02-29 was no date (1900 has no leap day).
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  fromDayNumber,
  isoWeekday,
  parseLocalDate,
  toDayNumber,
} from '../../src/core/time/local-date';

describe('a year under 100', () => {
  it('is that year, not 19xx', () => {
    const d = { year: 20, month: 1, day: 1 };
    expect(fromDayNumber(toDayNumber(d))).toEqual(d);
    // 2000 years before 2020-01-01, less the 485 leap days between (the proleptic Gregorian calendar).
    expect(toDayNumber({ year: 2020, month: 1, day: 1 }) - toDayNumber(d)).toBe(2000 * 365 + 485);
    expect(addDays({ year: 99, month: 12, day: 31 }, 1)).toEqual({ year: 100, month: 1, day: 1 });
    // 0020-01-01 was a Wednesday; 1920-01-01 a Thursday.
    expect(isoWeekday(d)).toBe(3);
  });

  it('has its own leap days: year 0 has 29 February, 1900 had none', () => {
    expect(daysInMonth(0, 2)).toBe(29);
    expect(parseLocalDate('0000-02-29')).toEqual({ year: 0, month: 2, day: 29 });
    expect(parseLocalDate('1900-02-29')).toBeUndefined();
  });
});
