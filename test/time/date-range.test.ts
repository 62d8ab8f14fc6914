import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { type DateRangeSpec, resolveRange } from '../../src/core/time/date-range';
import { fromLocal, toLocal } from '../../src/core/time/zone-math';

const newYork = intlZone('America/New_York');
const sydney = intlZone('Australia/Sydney');
const rel = (preset: string, days?: number) => ({ kind: 'relative', preset, days }) as DateRangeSpec;

describe('relative date ranges', () => {
  // 2026-03-02 is a Monday.
  const mondayMorningNY = Date.parse('2026-03-02T14:00:00Z');

  it.each([
    ['today', '2026-03-02', '2026-03-02'],
    ['yesterday', '2026-03-01', '2026-03-01'],
    ['last_7_days', '2026-02-23', '2026-03-01'],
    ['last_week', '2026-02-23', '2026-03-01'],
    ['week_to_date', '2026-03-02', '2026-03-02'],
    ['last_month', '2026-02-01', '2026-02-28'],
    ['month_to_date', '2026-03-01', '2026-03-02'],
    ['last_quarter', '2025-10-01', '2025-12-31'],
    // Ahead, for schedules and coverage.
    ['tomorrow', '2026-03-03', '2026-03-03'],
    ['this_week', '2026-03-02', '2026-03-08'],
    ['next_week', '2026-03-09', '2026-03-15'],
  ])('%s on Monday 2 March 2026 in New York is %s..%s', (preset, from, to) => {
    const r = resolveRange(rel(preset), mondayMorningNY, newYork);
    expect([r.from, r.to]).toEqual([from, to]);
  });

  it('counts N whole days back, today excluded', () => {
    const r = resolveRange(rel('days_back', 3), mondayMorningNY, newYork);
    expect([r.from, r.to]).toEqual(['2026-02-27', '2026-03-01']);
  });

  it('resolves "today" by the spreadsheet timezone, not UTC', () => {
    // 23:30 UTC on 1 March is already 2 March in Sydney but still 1 March in New York.
    const t = Date.parse('2026-03-01T23:30:00Z');
    expect(resolveRange(rel('today'), t, sydney).from).toBe('2026-03-02');
    expect(resolveRange(rel('today'), t, newYork).from).toBe('2026-03-01');
  });

  it('gives a 23-hour day across spring-forward and a 25-hour day across fall-back', () => {
    const spring = resolveRange({ kind: 'absolute', from: '2026-03-08', to: '2026-03-08' }, 0, newYork);
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect(new Date(spring.start).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    const fall = resolveRange({ kind: 'absolute', from: '2026-04-05', to: '2026-04-05' }, 0, sydney);
    expect((fall.end - fall.start) / 3_600_000).toBe(25);
  });

  it('last week across a DST change starts and ends at local midnights', () => {
    const r = resolveRange(rel('last_week'), Date.parse('2026-03-10T12:00:00Z'), newYork);
    expect([r.from, r.to]).toEqual(['2026-03-02', '2026-03-08']);
    expect(toLocal(r.start, newYork)).toMatchObject({ day: 2, hour: 0, minute: 0 });
    expect(toLocal(r.end, newYork)).toMatchObject({ day: 9, hour: 0, minute: 0 });
    expect((r.end - r.start) / 3_600_000).toBe(7 * 24 - 1);
  });

  it('last quarter and last month across a year boundary', () => {
    const jan = Date.parse('2026-01-15T12:00:00Z');
    expect(resolveRange(rel('last_quarter'), jan, sydney)).toMatchObject({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(resolveRange(rel('last_month'), jan, sydney)).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() =>
      resolveRange({ kind: 'absolute', from: '2026-03-02', to: '2026-03-01' }, 0, newYork),
    ).toThrow(/ends \(2026-03-01\) before it starts \(2026-03-02\)/);
  });
});

describe('wall-clock conversion', () => {
  it('moves a time skipped by spring-forward past the jump', () => {
    const t = fromLocal({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, newYork);
    expect(new Date(t).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first of a repeated fall-back time', () => {
    const t = fromLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, newYork);
    expect(new Date(t).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});
