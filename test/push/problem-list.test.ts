import { describe, expect, it } from 'vitest';
import { listProblem, withMore } from '../../src/core/push/problem-list';

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
});
