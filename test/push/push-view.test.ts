// What the Push sidebar is told while a push runs: elapsed time and, once rows are done, the time
// left at the pace so far.
import { describe, expect, it } from 'vitest';
import { progressWords } from '../../src/core/push/progress-words';
import type { PushJob } from '../../src/core/push/push-job';
import { pushView } from '../../src/core/push/push-view';
import { pushJob as job, T0 } from '../support/push-job';

describe('push progress for the sidebar', () => {
  it('estimates the time left from the pace so far, once a row is done', () => {
    expect(pushView(job({ done: 0 }), T0 + 5_000)).toMatchObject({ elapsedMs: 5_000, estimatedLeftMs: null });
    expect(pushView(job({ done: 10 }), T0 + 20_000)).toMatchObject({
      elapsedMs: 20_000,
      estimatedLeftMs: 60_000,
    });
    expect(pushView(job({ done: 30 }), T0 + 60_000).estimatedLeftMs).toBe(20_000);
  });

  it('a finished push has nothing left and its elapsed time stops at its end', () => {
    const done = job({ state: 'done', done: 40, updatedAt: T0 + 90_000, message: 'Finished' });
    expect(pushView(done, T0 + 600_000)).toMatchObject({ elapsedMs: 90_000, estimatedLeftMs: 0 });
  });
});

describe('push progress in words', () => {
  const view = (extra: Partial<PushJob>) => pushView(job(extra), T0);

  it('names the kind once when the sheet is its template, and the sheet always', () => {
    expect(progressWords(view({})).title).toBe('"Time off to create" → Assembled');
    expect(progressWords(view({ sheetName: 'Time off to create (2)' })).title).toBe(
      '"Time off to create (2)" → Assembled',
    );
    expect(progressWords(view({ sheetName: 'June leave' })).title).toBe(
      'Time off to create: "June leave" → Assembled',
    );
  });

  it('says the heading with the arrow in words, and how the push ended first once it is over', () => {
    expect(progressWords(view({})).heard).toBe('"Time off to create" to Assembled');
    expect(progressWords(view({ sheetName: 'June leave', state: 'done' })).heard).toBe(
      'Finished: Time off to create: "June leave" to Assembled',
    );
    expect(progressWords(view({ state: 'failed' })).heard).toBe('Stopped: "Time off to create" to Assembled');
  });

  it('counts rows sent and rows to fix, and says when no row was to be sent', () => {
    expect(progressWords(view({ done: 3 })).count).toBe('3 of 40 rows sent');
    // Counted of every row to push, those to fix too: "4 of 4" read as if none was held back (QA).
    expect(progressWords(view({ total: 4, done: 4, invalid: 1, state: 'done' })).count).toBe(
      '4 of 5 rows sent; 1 to fix, not sent',
    );
    expect(progressWords(view({ done: 40, invalid: 4 })).count).toBe(
      '40 of 44 rows sent; 4 to fix, not sent',
    );
    // Rows Assembled refused are to fix too, as the summary and the log count them.
    expect(progressWords(view({ done: 40, failed: 2, invalid: 4 })).count).toBe(
      '40 of 44 rows sent, 2 refused by Assembled; 4 to fix, not sent',
    );
    // The line above the bar, while it runs, counts as the one under it does.
    expect(view({ done: 2, total: 4, invalid: 1 }).message).toBe('Sending: 2 of 5 rows sent.');
    expect(progressWords(view({ total: 0, invalid: 3, state: 'done' })).count).toBe('No rows to send');
    // Stopped before counting its rows (the sheet refused whole): not "No rows to send".
    expect(progressWords(view({ total: 0, prepared: false, state: 'failed' })).count).toBe(
      'Nothing was sent',
    );
  });

  it('rows not counted yet are being checked, with no time left to guess', () => {
    const checking = view({ prepared: false, total: 0 });
    expect(progressWords(checking).count).toBe('Checking the rows');
    expect(checking).toMatchObject({
      preparing: true,
      estimatedLeftMs: null,
      message: 'Reading the rows and checking them against Assembled.',
    });
  });

  it('while Assembled does not answer, says so with the reason and the time to the next try', () => {
    const down = 'Assembled had a server error (HTTP 503) while reading people; try again in a few minutes.';
    const waiting = view({ prepared: false, total: 0, notBefore: T0 + 45_000, message: down });
    expect(waiting).toMatchObject({
      nextTryInMs: 45_000,
      // The cause, not Assembled's advice to try again: the add-on is doing that.
      message:
        'A request to Assembled failed: Assembled had a server error (HTTP 503) while reading people. The add-on tries again, and the push stops if it is still failing at 30 min.',
    });
    // Said in minutes, not in tries: 7 tries in 8 minutes is no push past its 5 tries to stop at.
    const failing = view({
      done: 10,
      notBefore: T0 + 45_000,
      message: down,
      failing: { since: T0 - 8 * 60_000 - 5_000, tries: 7 },
    });
    expect(failing.message).toBe(
      'Assembled has failed for 8 min: Assembled had a server error (HTTP 503) while reading people. The add-on tries again, and the push stops if it is still failing at 30 min.',
    );
    // Rows went before the outage, yet no time left is guessed from their pace while it lasts.
    expect(failing.estimatedLeftMs).toBeNull();
    // In the background, tries come hourly: past 30 minutes, the tries still owed are counted down.
    const hourly = { notBefore: T0 + 45_000, message: down };
    expect(view({ ...hourly, failing: { since: T0 - 60 * 60_000, tries: 2 } }).message).toMatch(
      /: .*\(HTTP 503\).*\. The add-on tries again, and the push stops if the next 3 tries fail too\.$/,
    );
    expect(view({ ...hourly, failing: { since: T0 - 3 * 60 * 60_000, tries: 4 } }).message).toMatch(
      /^Assembled has failed for 180 min: .* the push stops if the next try fails too\.$/,
    );
    const limited =
      "Assembled's rate limit was hit while reading people and the add-on's retries ran out for now; wait a minute and try again.";
    // How long so far, the sidebar counts on from limitedForMs (its tries each say the same).
    expect(view({ notBefore: T0 + 45_000, message: limited, limitedSince: T0 - 12 * 60_000 })).toMatchObject({
      message:
        "Assembled's rate limit was hit while reading people. Assembled is up, so the add-on waits its turn and tries again for as long as it takes.",
      limitedForMs: 12 * 60_000,
    });
    expect(failing.limitedForMs).toBeNull();
    // Once the wait is over, an old message is not the news.
    const later = pushView(job({ done: 5, notBefore: T0 - 1, message: down }), T0);
    expect(later).toMatchObject({ nextTryInMs: 0, message: 'Sending: 5 of 40 rows sent.' });
  });
});
