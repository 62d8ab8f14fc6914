import { describe, expect, it } from 'vitest';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { keptText, lastRunText, lastRunWhy, retryReason } from '../../src/ui/last-run';

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

  it("says a merge's rows as updated and added, as its message counts them", () => {
    const message = '486 rows merged into Adherence!A1: 442 updated, 44 added.';
    const merged = { updated: 442, added: 44 };
    expect(lastRunText({ ...idle, lastRun: { at, status: 'done', rows: 486, merged, message } })).toBe(
      '2026-06-01 07:00, 442 updated, 44 added',
    );
    expect(
      lastRunText({
        ...idle,
        lastRun: {
          at,
          status: 'done',
          rows: 1_486,
          merged: { updated: 1_442, added: 41, replacing: 3 },
          message,
        },
      }),
    ).toBe('2026-06-01 07:00, 1,442 updated, 41 added, 3 replacing earlier rows');
  });

  it('says why a run wrote no rows, when it was told', () => {
    // As writtenWords says it: a sentence with its full stop.
    const message =
      'Nothing appended to Sheet1!A1: all 35 rows were in the sheet already and left as they were (Merge updates such rows).';
    // After the comma, its first letter small.
    expect(lastRunText({ ...idle, lastRun: { at, status: 'done', rows: 0, message } })).toBe(
      `2026-06-01 07:00, n${message.slice(1)}`,
    );
    expect(lastRunText({ ...idle, lastRun: { at, status: 'done', rows: 0, message: '' } })).toBe(
      '2026-06-01 07:00, 0 rows',
    );
  });

  it('says a skipped run as a normal outcome, beside Last run, as a run that found every row there says it', () => {
    // An hourly append of yesterday: its first run of the day found the rows there, the next skipped.
    const found =
      'Nothing appended to Tickets!A1: all 5 rows were in the sheet already and left as they were (Merge updates such rows).';
    const skipped =
      'Nothing appended to Tickets: the rows of 2026-12-07 were appended whole at an earlier run and left as they were (Merge updates such rows).';
    for (const [status, message] of [
      ['done', found],
      ['skipped', skipped],
    ] as const) {
      const lastRun = { at, status, rows: 0, message };
      expect(lastRunText({ ...idle, lastRun })).toBe(`2026-06-01 07:00, n${message.slice(1)}`);
      // No "Why it was skipped", drawn as a failure's is.
      expect(lastRunWhy({ ...idle, lastRun })).toBe(undefined);
    }
  });

  it('says a run under way, one not run yet, and a failure in short, its reason apart', () => {
    expect(lastRunText({ running: true, retry: null, lastRun: null })).toBe('Running now');
    expect(lastRunText({ ...idle, lastRun: null })).toBe('Not run yet');
    const failed = { at, status: 'failed' as const, rows: 0, message: 'HTTP 503' };
    expect(lastRunText({ ...idle, lastRun: failed })).toBe('2026-06-01 07:00, failed');
    expect(lastRunWhy({ ...idle, lastRun: failed })).toEqual({ label: 'Why it failed', text: 'HTTP 503' });
    // A run under way: "Last run" says the previous run too.
    expect(lastRunWhy({ running: true, lastRun: failed })?.label).toBe('Why the previous run failed');
    // Its cause in short, seen without asking; the whole reason on request.
    const told = { ...failed, message: 'Assembled is down. More.', cause: 'Assembled is down' };
    expect(lastRunWhy({ ...idle, lastRun: told })).toEqual({
      label: 'Why it failed: Assembled is down',
      text: 'Assembled is down. More.',
    });
    const stopped = { ...failed, status: 'stopped' as const, message: 'Stopped.' };
    expect(lastRunWhy({ ...idle, lastRun: stopped })?.label).toBe('Why it was stopped');
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

  it('says a run given up and tried again later as due at its own time, the later try named as such', () => {
    const failed = { status: 'failed' as const, rows: 0, message: 'The later try failed too.' };
    const due = '2026-12-07 06:00';
    expect(
      lastRunText({
        ...idle,
        lastRun: { ...failed, at: '2026-12-07 15:17', due, retried: '2026-12-07 15:10' },
      }),
    ).toBe('Due 2026-12-07 06:00; tried again 15:10, failed at 15:17');
    // Tried and failed in the same minute: its time said once.
    expect(
      lastRunText({
        ...idle,
        lastRun: { ...failed, at: '2026-12-07 15:17', due, retried: '2026-12-07 15:17' },
      }),
    ).toBe('Due 2026-12-07 06:00; tried again and failed at 15:17');
    // Beside a run under way, as the previous run.
    expect(
      lastRunText({
        running: true,
        retry: null,
        lastRun: { ...failed, at: '2026-12-07 15:17', due, retried: '2026-12-07 15:17' },
      }),
    ).toBe('Running now. Previous run: due 2026-12-07 06:00; tried again and failed at 15:17');
  });

  it('keeps the previous run beside one under way, or one waiting to try again: the sheet holds its rows', () => {
    const lastRun = { at, status: 'done' as const, rows: 8, message: '' };
    expect(lastRunText({ running: true, retry: null, lastRun })).toBe(
      'Running now. Previous run: 2026-06-01 07:00, 8 rows',
    );
    // Recorded before runs kept their due time: no run to name.
    const retry = { attempts: 2, reason: 'HTTP 503.', nextTry: '2026-06-02 09:03' };
    expect(lastRunText({ running: true, retry, lastRun })).toBe(
      'Waiting to try again: nothing runs until its next try. Previous run: 2026-06-01 07:00, 8 rows',
    );
  });

  it('names the run being tried again by its due time, and how the previous run went; its attempts, why and when it is given up', () => {
    // Hourly: the run due 18:00 was given up at 20:26; the one due 21:00 is being tried again.
    const lastRun = {
      at: '2026-12-07 20:26',
      due: '2026-12-07 18:00',
      status: 'failed' as const,
      rows: 0,
      message: 'Assembled is down. The add-on gave up after 3 attempts.',
    };
    const retry = {
      attempts: 1,
      reason: 'Assembled is down.',
      nextTry: '2026-12-07 23:26',
      due: '2026-12-07 21:00',
    };
    expect(lastRunText({ running: true, retry, lastRun })).toBe(
      'Retrying the run due 2026-12-07 21:00: nothing runs until its next try. Previous run: due 2026-12-07 18:00, failed at 20:26',
    );
    // The run it is, and its next try, are the card's Last run and Next run, above it: said once.
    expect(retryReason(retry)).toBe('Attempt 1 failed: Assembled is down.');
    // No try begins after its give-up time: said, so the reader knows how long it goes on, on the
    // day of the run its Last run names.
    expect(retryReason({ ...retry, lastTryBy: '2026-12-08 00:00' })).toBe(
      'Attempt 1 failed: Assembled is down. Last try by 2026-12-08 00:00, then it is given up.',
    );
    expect(retryReason({ ...retry, lastTryBy: '2026-12-07 23:56' })).toBe(
      'Attempt 1 failed: Assembled is down. Last try by 23:56, then it is given up.',
    );
    // Its next try the last: said as such, not as a next try with a later last one (QA read room for one more).
    expect(
      retryReason({ ...retry, nextTry: '2026-12-07 23:56', lastTryBy: '2026-12-08 00:00', lastTry: true }),
    ).toBe('Attempt 1 failed: Assembled is down. Last try by 23:56, then it is given up.');
    expect(retryReason({ ...retry, lastTry: true, trying: true })).toBe(
      'Attempt 1 failed: Assembled is down. It is being tried again now, for the last time, then it is given up.',
    );
    // A try of it under way: it is running, not waiting.
    expect(lastRunText({ running: true, retry: { ...retry, trying: true }, lastRun: null })).toBe(
      'Retrying the run due 2026-12-07 21:00: trying again now',
    );
    expect(retryReason({ ...retry, trying: true })).toBe(
      'Attempt 1 failed: Assembled is down. It is being tried again now.',
    );
    expect(retryReason({ ...retry, trying: true, lastTryBy: '2026-12-07 23:56' })).toBe(
      'Attempt 1 failed: Assembled is down. It is being tried again now; the last try by 23:56, then it is given up.',
    );
    expect(retryReason({ ...retry, attempts: 2 })).toBe('2 attempts failed: Assembled is down.');
  });

  it('names a run started by Run now by who started it and when, not as due then', () => {
    const retry = {
      attempts: 1,
      reason: 'Assembled is down.',
      nextTry: '2026-12-08 01:27',
      due: '2026-12-08 00:27',
      startedBy: 'you',
    };
    expect(lastRunText({ running: true, retry, lastRun: null })).toBe(
      'Retrying the run you started at 2026-12-08 00:27: nothing runs until its next try',
    );
    const failed = { status: 'failed' as const, rows: 0, message: 'The add-on gave up after 3 attempts.' };
    const lastRun = { ...failed, at: '2026-12-08 03:27', due: '2026-12-08 00:27', startedBy: 'you' };
    expect(lastRunText({ ...idle, lastRun })).toBe('Started by you 2026-12-08 00:27, failed at 03:27');
    expect(lastRunText({ running: true, retry: null, lastRun })).toBe(
      'Running now. Previous run: started by you 2026-12-08 00:27, failed at 03:27',
    );
  });

  it('says what a failed run left in its sheet, as its mode leaves it, once the run is over', () => {
    const kept = { at: '2026-12-07 07:52', rows: 100 };
    const lastRun = { at: '2026-12-08 09:53', status: 'failed' as const, rows: 0, message: 'HTTP 503', kept };
    const spec = (mode: 'replace' | 'append' | 'merge') => ({ spec: { mode } as RefreshView['spec'] });
    expect(keptText({ ...idle, lastRun, ...spec('replace') })).toBe(
      'The sheet still holds the rows written 2026-12-07 07:52 (100 rows).',
    );
    expect(keptText({ ...idle, lastRun, ...spec('append') })).toBe(
      'The sheet still holds the rows written up to 2026-12-07 07:52 (100 rows then).',
    );
    // An append or merge that failed while writing keeps what it wrote.
    expect(keptText({ ...idle, lastRun: { ...lastRun, rows: 40 }, ...spec('append') })).toBe(
      'The sheet still holds the rows written up to 2026-12-07 07:52 (100 rows then). This run wrote 40 rows before it failed, which stay there too; the next run writes the rest without doubling a row.',
    );
    const merged = { ...lastRun, kept: { ...kept, merged: { updated: 90, added: 10 } } };
    expect(keptText({ ...idle, lastRun: merged, ...spec('merge') })).toBe(
      'The sheet still holds the rows written up to 2026-12-07 07:52 (90 updated, 10 added then).',
    );
    // The rows of a pull named by their header note alone: when, with no count.
    const pulled = { ...lastRun, kept: { at: kept.at } };
    expect(keptText({ ...idle, lastRun: pulled, ...spec('replace') })).toBe(
      'The sheet still holds the rows written 2026-12-07 07:52.',
    );
    expect(keptText({ ...idle, lastRun: { ...pulled, rows: 40 }, ...spec('append') })).toBe(
      'The sheet still holds the rows written up to 2026-12-07 07:52. This run wrote 40 rows before it failed, which stay there too; the next run writes the rest without doubling a row.',
    );
    // Pulled from Pull data while its runs were failing: newer than the failure, not held "still".
    const since = {
      ...lastRun,
      kept: { ...kept, rows: 484, by: 'sam@example.com', sinceFailed: true as const },
    };
    expect(keptText({ ...idle, lastRun: since, ...spec('replace') })).toBe(
      'The sheet holds the rows sam@example.com pulled 2026-12-07 07:52 (484 rows).',
    );
    expect(
      keptText({ ...idle, lastRun: { ...since, kept: { ...since.kept, by: 'you' } }, ...spec('append') }),
    ).toBe('The sheet holds the rows up to those you pulled 2026-12-07 07:52 (484 rows then).');
    expect(
      keptText({
        ...idle,
        lastRun: { ...since, kept: { ...since.kept, sinceFailed: undefined } },
        ...spec('replace'),
      }),
    ).toBe('The sheet still holds the rows written 2026-12-07 07:52 by sam@example.com (484 rows).');
    // None worked before it, or a run is under way (its own may be written meanwhile): nothing said.
    expect(keptText({ ...idle, lastRun: { ...lastRun, kept: undefined }, ...spec('replace') })).toBe('');
    expect(keptText({ running: true, lastRun, ...spec('replace') })).toBe('');
  });
});
