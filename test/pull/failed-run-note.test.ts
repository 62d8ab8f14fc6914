// A failed refresh's line in its table's header note: the first line, where it is seen above the
// note's line a column, one line whatever its reason, and the note still read as a pull's.
import { describe, expect, it } from 'vitest';
import { failedRunNote, generatedAt, pulledFrom } from '../../src/core/pull/source-note';

const NOTE = [
  'Source: Assembled Handle time report',
  'Range: 2026-05-18 to 2026-05-24 (Europe/London)',
  'Generated: 2026-05-25 07:00:12 (Europe/London)',
  ...Array.from({ length: 17 }, (_, i) => `Column ${i + 1}: what it holds`),
].join('\n');

describe('failedRunNote', () => {
  it('puts the failure first, keeps every line of the good run, and is still read as the pull it was', () => {
    const note = failedRunNote(
      NOTE,
      '2026-05-26 07:03 (Europe/London)',
      'Assembled answered 503.\nPaused: try later.',
    );
    const lines = note.split('\n');
    expect(lines[0]).toBe(
      'Last refresh failed 2026-05-26 07:03 (Europe/London): Assembled answered 503. Paused: try later. The rows were last brought up to date by the run of 2026-05-25 07:00:12 (Europe/London).',
    );
    expect(lines.slice(1)).toEqual(NOTE.split('\n'));
    expect(pulledFrom(note)).toBe('Handle time report');
    expect(generatedAt(note)).toBe('2026-05-25 07:00:12 (Europe/London)');
  });

  it('says the latest failure alone, in place of the one before', () => {
    const first = failedRunNote(NOTE, '2026-05-26 07:03 (Europe/London)', 'Assembled answered 503.');
    const second = failedRunNote(first, '2026-05-27 07:02 (Europe/London)', 'Assembled answered 502.');
    expect(second.split('\n').filter((l) => l.startsWith('Last refresh failed'))).toEqual([
      expect.stringMatching(/^Last refresh failed 2026-05-27 07:02 .*502/),
    ]);
    expect(second.split('\n')[0]).toMatch(/^Last refresh failed 2026-05-27/);
    expect(pulledFrom(second)).toBe('Handle time report');
  });
});
