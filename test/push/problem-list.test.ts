import { describe, expect, it } from 'vitest';
import { followedProblems, listProblem, withMore } from '../../src/core/push/problem-list';

describe('the rows to fix listed in the sidebar', () => {
  it('are the first five by row number, whatever order they were found in', () => {
    const problems: string[] = [];
    // Found invalid before sending, then refused by Assembled (earlier rows, sent later).
    for (const row of [4, 6, 8, 9, 10, 11]) listProblem(problems, row, 'invalid');
    listProblem(problems, 5, 'refused');
    listProblem(problems, 12, 'refused');
    expect(withMore(problems, 8)).toEqual([
      'Row 4: invalid',
      'Row 5: refused',
      'Row 6: invalid',
      'Row 8: invalid',
      'Row 9: invalid',
      "… and 3 more rows to fix: each one's Push message says what.",
    ]);
  });

  it('call the rows past those listed what they are: to fix, to look at, or either', () => {
    const listed = ['Row 2: a', 'Row 3: b'];
    expect(withMore(listed, 4).at(-1)).toBe("… and 2 more rows to fix: each one's Push message says what.");
    expect(withMore(listed, 0, 4).at(-1)).toBe(
      "… and 2 more rows to look at: each one's Push message says what.",
    );
    expect(withMore(listed, 1, 3).at(-1)).toBe(
      "… and 2 more rows to fix or look at: each one's Push message says what.",
    );
  });

  it('followed to where their words are now, rows saying the same taken in order', () => {
    const listed = ['Row 3: a', 'Row 4: b', 'Row 6: a', 'Row 8: c'];
    // Row 5 inserted above row 6: rows 6 on move down one; row 3 stays; "c" is said nowhere now.
    const messages = ['', 'a', 'b', '', 'OK', 'a', '', '', 'Ready to push.'];
    expect(followedProblems(listed, messages, '2026-12-20 14:05')).toEqual([
      'Row 3: a',
      'Row 4: b',
      'Row 7: a',
      'Row 8 at the push ended 2026-12-20 14:05 (no row says this now): c',
    ]);
  });
});
