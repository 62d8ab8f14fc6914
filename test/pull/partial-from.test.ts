import { describe, expect, it } from 'vitest';
import { partialFrom } from '../../src/core/pull/source-note';

const NY = 'America/New_York';
const note = (...lines: string[]) =>
  [
    'Source: Assembled Adherence report (day)',
    'Range: 2026-11-30 to 2026-12-06 (America/New_York)',
    ...lines,
  ].join('\n');

describe('the first day a header note’s pull did not get whole', () => {
  it('is the day its rows were generated, in the zone asked about', () => {
    expect(partialFrom(note('Generated: 2026-12-07 00:29:13 (America/New_York) by a@example.com'), NY)).toBe(
      '2026-12-07',
    );
    // 00:29 in New York is 05:29 in UTC: its day is not known in New York's.
    expect(partialFrom(note('Generated: 2026-12-07 05:29:13 (UTC) by a@example.com'), NY)).toBeUndefined();
    expect(partialFrom(note('Generated: soon'), NY)).toBeUndefined();
  });

  it('is the day a report’s rows stop, when the pull began before midnight and wrote them after', () => {
    const until = (at: string) =>
      `Until: ${at}, the last whole 30-minute interval before the pull began. The range runs past it, …`;
    const generated = 'Generated: 2026-12-07 00:01:40 (America/New_York) by a@example.com';
    expect(partialFrom(note(until('2026-12-06 23:30 (America/New_York)'), generated), NY)).toBe('2026-12-06');
    expect(partialFrom(note(until('2026-12-07 00:00 (America/New_York)'), generated), NY)).toBe('2026-12-07');
    expect(partialFrom(note(until('2026-12-07 04:30 (UTC)'), generated), NY)).toBeUndefined();
  });
});
