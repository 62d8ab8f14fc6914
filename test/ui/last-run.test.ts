import { describe, expect, it } from 'vitest';
import { lastRunText } from '../../src/ui/last-run';

describe('a refresh card’s last run', () => {
  const at = '2026-06-01 07:00';
  it('counts rows as every other message does', () => {
    expect(lastRunText({ running: false, lastRun: { at, status: 'done', rows: 21_383, message: '' } })).toBe(
      '2026-06-01 07:00: 21,383 rows',
    );
  });

  it('says why a run wrote no rows, when it was told', () => {
    const message = 'Nothing appended to Sheet1!A1: all 35 rows were in the sheet already';
    expect(lastRunText({ running: false, lastRun: { at, status: 'done', rows: 0, message } })).toBe(
      `2026-06-01 07:00: ${message}`,
    );
    expect(lastRunText({ running: false, lastRun: { at, status: 'done', rows: 0, message: '' } })).toBe(
      '2026-06-01 07:00: 0 rows',
    );
  });

  it('says a run under way, one not run yet, and a failure with its reason', () => {
    expect(lastRunText({ running: true, lastRun: null })).toBe('Running now');
    expect(lastRunText({ running: false, lastRun: null })).toBe('Not run yet');
    expect(
      lastRunText({ running: false, lastRun: { at, status: 'failed', rows: 0, message: 'HTTP 503' } }),
    ).toBe('2026-06-01 07:00: failed (HTTP 503)');
  });
});
