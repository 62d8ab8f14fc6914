// Zone offsets are looked up once per quarter hour; an instant beside a transition must still get
// its own offset, to the second.
import { describe, expect, it } from 'vitest';
import { fromLocalMs, instantToSerial, offsetMs } from '../../dev/gas/time/timezone';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

describe('offsetMs', () => {
  it('is exact to the second across a transition that falls inside a quarter hour', () => {
    // Liberia left its -0:44:30 mean time at 1972-01-07 00:44:30 UTC.
    const zone = 'Africa/Monrovia';
    // The quarter hour's start is read first, so a cache keyed by quarter hour would keep its offset.
    expect(offsetMs(at('1972-01-07T00:30:00Z'), zone)).toBe(-(44 * MINUTE + 30_000));
    expect(offsetMs(at('1972-01-07T00:44:29Z'), zone)).toBe(-(44 * MINUTE + 30_000));
    expect(offsetMs(at('1972-01-07T00:44:30Z'), zone)).toBe(0);
    expect(offsetMs(at('1972-01-07T00:44:59.999Z'), zone)).toBe(0);
    expect(offsetMs(at('1972-01-07T00:30:00Z'), zone)).toBe(-(44 * MINUTE + 30_000));
  });

  it('follows daylight saving on both sides of the change, whatever was asked before', () => {
    const zone = 'America/New_York';
    const before = at('2026-03-08T06:59:59Z');
    const after = at('2026-03-08T07:00:00Z');
    for (let i = 0; i < 2; i++) {
      expect(offsetMs(before, zone)).toBe(-5 * 60 * MINUTE);
      expect(offsetMs(after, zone)).toBe(-4 * 60 * MINUTE);
    }
    // Local wall times either side of the change map back to their instants.
    expect(fromLocalMs(at('2026-03-08T01:59:59Z'), zone)).toBe(before);
    expect(fromLocalMs(at('2026-03-08T03:00:00Z'), zone)).toBe(after);
  });

  // QA: 2027-03-14 02:30 typed in a New York sheet was pushed as 01:30 EST, an hour early.
  it('reads a wall time the clocks skip forward by the gap, west and east of Greenwich', () => {
    // 02:30 on a spring-forward night is 03:30 after the change, in New York and in Berlin.
    expect(fromLocalMs(at('2027-03-14T02:30:00Z'), 'America/New_York')).toBe(at('2027-03-14T07:30:00Z'));
    expect(fromLocalMs(at('2027-03-28T02:30:00Z'), 'Europe/Berlin')).toBe(at('2027-03-28T01:30:00Z'));
    // A wall time that comes twice (fall back) is its first, in summer time, as the add-on reads one.
    expect(fromLocalMs(at('2027-11-07T01:30:00Z'), 'America/New_York')).toBe(at('2027-11-07T05:30:00Z'));
    expect(fromLocalMs(at('2027-10-31T02:30:00Z'), 'Europe/Berlin')).toBe(at('2027-10-31T00:30:00Z'));
  });
});

describe('instantToSerial', () => {
  it('gives a duration its exact fraction of a day, as Sheets stores it (8:00 is 1/3)', () => {
    // Sheets' durations are instants after 1899-12-30 00:00 in the spreadsheet's zone.
    const eight = fromLocalMs(Date.UTC(1899, 11, 30, 8), 'America/New_York');
    expect(instantToSerial(eight, 'America/New_York')).toBe(1 / 3);
    expect(instantToSerial(Date.UTC(2026, 11, 5, 18), 'UTC')).toBe(46_361 + 3 / 4);
  });
});
