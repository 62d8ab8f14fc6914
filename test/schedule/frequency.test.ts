import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { intlZone } from '../../dev/intl-zone';
import { type Frequency, Frequency as FrequencySchema, nextRun } from '../../src/core/schedule/frequency';
import { toLocal } from '../../src/core/time/zone-math';
import { parseInput } from '../../src/core/validation';

const newYork = intlZone('America/New_York');
const sydney = intlZone('Australia/Sydney');

/** Every run in [from, to), as local "YYYY-MM-DD HH:mm". */
function runs(f: Frequency, from: string, to: string, zone = newYork): string[] {
  const out: string[] = [];
  let t = Date.parse(from);
  const end = Date.parse(to);
  for (;;) {
    t = nextRun(f, t, zone);
    if (t >= end) return out;
    const l = toLocal(t, zone);
    const p = (n: number) => String(n).padStart(2, '0');
    out.push(`${l.year}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)}`);
  }
}

describe('nextRun', () => {
  it('weekly on Monday at 07:00 stays 07:00 local across the March DST change', () => {
    expect(
      runs({ kind: 'weekly', weekdays: [1], hour: 7 }, '2026-02-25T00:00:00Z', '2026-03-25T00:00:00Z'),
    ).toEqual(['2026-03-02 07:00', '2026-03-09 07:00', '2026-03-16 07:00', '2026-03-23 07:00']);
  });

  it('weekly on Monday at 07:00 in Sydney across its April DST end', () => {
    expect(
      runs(
        { kind: 'weekly', weekdays: [1], hour: 7 },
        '2026-03-29T00:00:00Z',
        '2026-04-14T00:00:00Z',
        sydney,
      ),
    ).toEqual(['2026-03-30 07:00', '2026-04-06 07:00', '2026-04-13 07:00']);
  });

  it('daily at 02:00 on the spring-forward night runs at 03:00, the first instant after the jump', () => {
    expect(runs({ kind: 'daily', hour: 2 }, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-07 02:00',
      '2026-03-08 03:00',
      '2026-03-09 02:00',
    ]);
  });

  it('every 6 hours fires at 00, 06, 12, 18 local', () => {
    expect(runs({ kind: 'every_hours', hours: 6 }, '2026-06-01T04:00:00Z', '2026-06-02T04:00:01Z')).toEqual([
      '2026-06-01 06:00',
      '2026-06-01 12:00',
      '2026-06-01 18:00',
      '2026-06-02 00:00',
    ]);
  });

  it('hourly fires once per local hour on the 25-hour fall-back day: the repeated 01:00 once', () => {
    const day = runs({ kind: 'hourly' }, '2026-11-01T03:59:00Z', '2026-11-02T04:59:00Z');
    expect(day).toHaveLength(24);
    expect(day.filter((t) => t === '2026-11-01 01:00')).toHaveLength(1);
    expect(day[0]).toBe('2026-11-01 00:00');
    expect(day[23]).toBe('2026-11-01 23:00');
  });

  it('monthly on the last day follows month lengths', () => {
    expect(
      runs({ kind: 'monthly', day: 'last', hour: 23 }, '2026-01-15T00:00:00Z', '2026-05-01T12:00:00Z'),
    ).toEqual(['2026-01-31 23:00', '2026-02-28 23:00', '2026-03-31 23:00', '2026-04-30 23:00']);
  });

  it('weekly on several weekdays', () => {
    expect(
      runs({ kind: 'weekly', weekdays: [5, 1], hour: 9 }, '2026-06-01T00:00:00Z', '2026-06-09T00:00:00Z'),
    ).toEqual(['2026-06-01 09:00', '2026-06-05 09:00', '2026-06-08 09:00']);
  });
});

describe('a frequency from a sidebar', () => {
  it('takes whole hours and days only, each within its range, and says so', () => {
    const problems = (input: unknown) => {
      try {
        parseInput(FrequencySchema, input, 'Frequency');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problems({ kind: 'daily', hour: 7 })).toBe('');
    expect(problems({ kind: 'daily', hour: 7.5 })).toBe('Frequency: hour: must be a whole number.');
    // Full zod sets its English messages for zod/mini too when it first builds a schema, as a
    // module in the same test worker may: zod's words then keep the path before them, as ours do.
    const before = z.config().localeError;
    try {
      z.config({ localeError: undefined });
      expect(problems({ kind: 'daily', hour: 24 })).toBe('Frequency: hour: must be at most 23.');
      z.config(z.locales.en());
      expect(problems({ kind: 'daily', hour: 24 })).toMatch(/^Frequency: hour: Too big/);
    } finally {
      z.config({ localeError: before });
    }
    // A schema's own whole sentence is said without its path.
    expect(problems({ kind: 'weekly', weekdays: [], hour: 7 })).toBe(
      'Choose at least one weekday for a weekly refresh.',
    );
    expect(problems({ kind: 'weekly', weekdays: [1, 2.5], hour: 7 })).toMatch(
      /weekdays\[1\]: must be a whole number/,
    );
    expect(problems({ kind: 'monthly', day: 28, hour: 0 })).toBe('');
  });

  it('says a weekly refresh with no weekday in the words of the form, with no field path', () => {
    expect(() => parseInput(FrequencySchema, { kind: 'weekly', weekdays: [], hour: 7 }, 'Frequency')).toThrow(
      /^Choose at least one weekday for a weekly refresh\.$/,
    );
  });
});
