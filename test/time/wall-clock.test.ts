// What a sheet's offset-less date-time can stand for on the nights clocks change.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { comings, offsetsShowing, wallSpan } from '../../src/core/time/wall-clock';

const ny = intlZone('America/New_York');
const wall = (local: string) => Date.parse(`${local}:00Z`);

describe('wall-clock times in New York', () => {
  it('a time in the hour clocks go back over is two instants, one in the hour they skip none', () => {
    expect(offsetsShowing(wall('2026-11-01T01:30'), ny).sort()).toEqual([-240, -300]);
    expect(offsetsShowing(wall('2026-11-01T02:00'), ny)).toEqual([-300]);
    expect(offsetsShowing(wall('2026-03-08T02:30'), ny)).toEqual([]);
  });

  it('a span ending before it starts crossed that hour: 01:30 to 01:00 is the half hour up to 02:00', () => {
    expect(wallSpan(wall('2026-11-01T01:30'), wall('2026-11-01T01:00'), ny)).toEqual([
      wall('2026-11-01T01:30'),
      wall('2026-11-01T02:00'),
    ]);
    // Backwards on another night, it is no span at all.
    expect(wallSpan(wall('2026-11-02T01:30'), wall('2026-11-02T01:00'), ny)).toBeUndefined();
    expect(wallSpan(wall('2026-11-01T00:00'), wall('2026-11-02T00:00'), ny)).toEqual([
      wall('2026-11-01T00:00'),
      wall('2026-11-02T00:00'),
    ]);
  });

  it('two records may show the same times only inside the repeated hour, and once across it', () => {
    const times = (...locals: string[]) => locals.map(wall);
    expect(comings(times('2026-11-01T01:00', '2026-11-01T01:30'), ny)).toBe(2);
    expect(comings(times('2026-11-01T01:30', '2026-11-01T02:00'), ny)).toBe(1);
    expect(comings(times('2026-11-01T01:30', '2026-11-01T01:00'), ny, true)).toBe(1);
    expect(comings(times('2026-11-01T00:30', '2026-11-01T01:00'), ny)).toBe(1);
    expect(comings(times('2026-03-08T01:30', '2026-03-08T03:00'), ny)).toBe(1);
  });
});
