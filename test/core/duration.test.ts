// A span of time as the sidebars and the log say it: past an hour, in hours and minutes, where
// Elapsed read "121 min 21 s" (QA: a pull crawling for two hours).
import { describe, expect, it } from 'vitest';
import { duration } from '../../src/core/duration';
import { unansweredWords } from '../../src/core/jobs/attempt-time';

const MIN = 60_000;

describe('duration', () => {
  it('says seconds, then minutes and seconds, then hours and minutes', () => {
    expect(duration(42_000)).toBe('42 s');
    expect(duration(3 * MIN + 5_000)).toBe('3 min 05 s');
    expect(duration(59 * MIN + 59_000)).toBe('59 min 59 s');
    expect(duration(60 * MIN)).toBe('1 h 00 min');
    expect(duration(121 * MIN + 21_000)).toBe('2 h 01 min');
    // The minute under way is not yet said, as a clock's.
    expect(duration(119 * MIN + 59_000)).toBe('1 h 59 min');
    expect(duration(26 * 60 * MIN)).toBe('26 h 00 min');
  });

  it('says the wait for answers that never came so', () => {
    expect(unansweredWords('pull', 117 * MIN + 2_000)).toBe(
      ' Assembled did not answer some requests in time: the pull waited 1 h 57 min for answers that never came.',
    );
  });
});
