import { describe, expect, it } from 'vitest';
import { lastRunText, lastRunWhy } from '../../src/ui/last-run';

describe('a refresh card’s last run', () => {
  const at = '2026-06-01 07:00';
  const idle = { running: false, retry: null };
  it('counts rows as every other message does', () => {
    expect(lastRunText({ ...idle, lastRun: { at, status: 'done', rows: 21_383, message: '' } })).toBe(
      '2026-06-01 07:00, 21,383 rows',
    );
    expect(lastRunText({ ...idle, lastRun: { at, status: 'done', rows: 1, message: '' } })).toBe(
      '2026-06-01 07:00, 1 row',
    );
  });

  it('says why a run wrote no rows, when it was told', () => {
    // As writtenWords says it: a sentence with its full stop.
    const message =
      'Nothing appended to Sheet1!A1: all 35 rows were in the sheet already and left as they were (Merge updates such rows).';
    expect(lastRunText({ ...idle, lastRun: { at, status: 'done', rows: 0, message } })).toBe(
      `2026-06-01 07:00, ${message}`,
    );
    expect(lastRunText({ ...idle, lastRun: { at, status: 'done', rows: 0, message: '' } })).toBe(
      '2026-06-01 07:00, 0 rows',
    );
  });

  it('says a run under way, one not run yet, and a failure in short, its reason apart', () => {
    expect(lastRunText({ running: true, retry: null, lastRun: null })).toBe('Running now');
    expect(lastRunText({ ...idle, lastRun: null })).toBe('Not run yet');
    const failed = { at, status: 'failed' as const, rows: 0, message: 'HTTP 503' };
    expect(lastRunText({ ...idle, lastRun: failed })).toBe('2026-06-01 07:00, failed');
    expect(lastRunWhy({ ...idle, lastRun: failed })).toEqual({ label: 'Why it failed', text: 'HTTP 503' });
    // A run under way: "Last run" says the run before it.
    expect(lastRunWhy({ running: true, lastRun: failed })?.label).toBe('Why the run before failed');
    const skipped = { ...failed, status: 'skipped' as const, message: 'Nothing appended.' };
    expect(lastRunWhy({ ...idle, lastRun: skipped })?.label).toBe('Why it was skipped');
    // A run that wrote rows, or failed with no reason told, has nothing more to say.
    expect(
      lastRunWhy({ ...idle, lastRun: { at, status: 'done', rows: 0, message: 'Nothing appended.' } }),
    ).toBe(undefined);
    expect(lastRunWhy({ ...idle, lastRun: { ...failed, message: '' } })).toBe(undefined);
  });

  it('leads a run given up hours later with the time it was due, so the schedule does not seem to slip', () => {
    const failed = { status: 'failed' as const, rows: 0, message: 'The add-on gave up after 3 attempts.' };
    expect(
      lastRunText({ ...idle, lastRun: { ...failed, at: '2026-12-12 08:00', due: '2026-12-12 06:00' } }),
    ).toBe('Due 2026-12-12 06:00, failed at 08:00');
    // Given up the next day: its date is said.
    expect(
      lastRunText({ ...idle, lastRun: { ...failed, at: '2026-12-13 01:00', due: '2026-12-12 23:00' } }),
    ).toBe('Due 2026-12-12 23:00, failed at 2026-12-13 01:00');
  });

  it('keeps the run before one under way, or one waiting to try again: the sheet holds its rows', () => {
    const lastRun = { at, status: 'done' as const, rows: 8, message: '' };
    expect(lastRunText({ running: true, retry: null, lastRun })).toBe(
      'Running now. Before it: 2026-06-01 07:00, 8 rows',
    );
    const retry = { attempts: 2, reason: 'HTTP 503', nextTry: '2026-06-02 09:03' };
    expect(lastRunText({ running: true, retry, lastRun })).toBe(
      'Waiting to try again. Before it: 2026-06-01 07:00, 8 rows',
    );
  });
});
