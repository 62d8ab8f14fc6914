import { describe, expect, it } from 'vitest';
import { daysBackProblem } from '../../src/core/time/days-back';

describe('the Days back field', () => {
  it('takes a whole number from 1 to 366', () => {
    for (const typed of ['1', '14', '366', ' 7 ']) expect(daysBackProblem(typed)).toBeUndefined();
  });

  it('names the field and its bound when out of them', () => {
    expect(daysBackProblem('0')).toBe('Days back must be at least 1.');
    expect(daysBackProblem('-5')).toBe('Days back must be at least 1.');
    expect(daysBackProblem('367')).toBe('Days back must be at most 366.');
  });

  it('asks for a whole number when the field is empty or holds a fraction', () => {
    for (const typed of ['', ' ', '2.5'])
      expect(daysBackProblem(typed)).toBe('Days back must be a whole number from 1 to 366.');
  });
});
