// Where a range of wall-clock times has an hour twice, or none: the header note's clock lines.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { clockChangeNote, clockChanges } from '../../src/core/time/clock-changes';
import { fromLocal } from '../../src/core/time/zone-math';

const ny = intlZone('America/New_York');
const day = (iso: string, zone = ny) => {
  const [year, month, d] = iso.split('-').map(Number) as [number, number, number];
  return fromLocal({ year, month, day: d }, zone);
};
const NOW = Date.parse('2026-12-02T15:00:00Z');

describe('clock changes in a range', () => {
  it('says which times come twice on the night clocks go back, at which offsets', () => {
    const november = { start: day('2026-11-01'), end: day('2026-12-01') };
    expect(clockChanges(november, ny)).toEqual([
      { at: Date.parse('2026-11-01T06:00:00Z'), before: -240, after: -300 },
    ]);
    expect(clockChangeNote(november, ny, NOW)).toBe(
      'Clocks went back on 2026-11-01 (America/New_York): times from 01:00 to 01:59 come twice, first at UTC\u22124, then at UTC\u22125.',
    );
  });

  it('says which times never happen on the night clocks go forward, and what they became', () => {
    const march = { start: day('2026-03-01'), end: day('2026-03-31') };
    expect(clockChangeNote(march, ny, NOW)).toBe(
      'Clocks went forward on 2026-03-08 (America/New_York): 02:00 became 03:00, so no times from 02:00 to 02:59 occur that day (UTC\u22125, then UTC\u22124).',
    );
  });

  it('speaks of a change still to come as to come', () => {
    const march = { start: day('2027-03-14'), end: day('2027-03-15') };
    expect(clockChangeNote(march, ny, NOW)).toMatch(/^Clocks go forward on 2027-03-14 /);
  });

  it('finds each change in a long range, and half-hour ones', () => {
    const year = { start: day('2026-01-01'), end: day('2027-01-01') };
    expect(clockChanges(year, ny)).toHaveLength(2);
    const lordHowe = intlZone('Australia/Lord_Howe');
    const april = { start: day('2026-04-01', lordHowe), end: day('2026-04-30', lordHowe) };
    expect(clockChangeNote(april, lordHowe, NOW)).toBe(
      'Clocks went back on 2026-04-05 (Australia/Lord_Howe): times from 01:30 to 01:59 come twice, first at UTC+11, then at UTC+10:30.',
    );
  });

  it('says nothing where the clocks do not change in the range, or change at its very edge', () => {
    expect(clockChangeNote({ start: day('2026-11-02'), end: day('2026-11-30') }, ny, NOW)).toBe('');
    const kolkata = intlZone('Asia/Kolkata');
    expect(clockChangeNote({ start: day('2026-01-01'), end: day('2027-01-01') }, kolkata, NOW)).toBe('');
    const at = Date.parse('2026-11-01T06:00:00Z');
    expect(clockChanges({ start: at - 3_600_000, end: at }, ny)).toEqual([]);
    expect(clockChanges({ start: at, end: at + 3_600_000 }, ny)).toEqual([]);
    // A change on a day's boundary of the search is found once.
    expect(clockChanges({ start: at - 86_400_000, end: at + 86_400_000 }, ny)).toHaveLength(1);
  });
});
