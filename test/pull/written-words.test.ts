// What a finished write says: where its rows went, and why there are none.
import { describe, expect, it } from 'vitest';
import type { Written } from '../../src/core/pull/staged-write';
import { writtenWords } from '../../src/core/pull/written-words';

const written = (rows: number): Written => ({
  rows,
  appended: rows,
  updated: 0,
  present: 0,
  superseded: 0,
  bodyRow: 2,
  extent: { rows: rows + 1, cols: 3 },
});

describe('writtenWords', () => {
  it('says a replace with no rows found none to write, rather than "0 rows written"', () => {
    expect(writtenWords('replace', written(0), 'AHT!A1')).toBe(
      'No rows: Assembled holds none for this range and these filters, so AHT!A1 shows "(no records)"',
    );
    expect(writtenWords('replace', written(1), 'AHT!A1')).toBe('1 row written to AHT!A1');
  });
});
