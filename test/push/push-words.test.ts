// Push's words through the built bundle: a summary counting what the rows say, required cells in
// one sentence, ids to cancel looked up at Validate, and the progress count's grammar.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import {
  changedSinceWords,
  foundWords,
  listedWords,
  movedWords,
  nothingToPush,
  progressWords,
} from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe('rows found in Assembled after their answer was lost', () => {
  it('are said of the count they are among, never of a count beside it', () => {
    expect(foundWords(6, 6)).toBe(' (all 6 found in Assembled after their answer was lost; none sent twice)');
    expect(foundWords(2, 6)).toBe(
      ' (2 of the 6 found in Assembled after their answer was lost; none sent twice)',
    );
    expect(foundWords(1, 6)).toBe(
      ' (1 of the 6 found in Assembled after its answer was lost; none sent twice)',
    );
    expect(foundWords(1, 1)).toBe(' (found in Assembled after its answer was lost; not sent twice)');
    // Counted in parts ("3 created, 1 deleted"): the rows sent are named.
    expect(foundWords(2, 4, true)).toBe(
      ' (2 of the 4 sent found in Assembled after their answer was lost; none sent twice)',
    );
    expect(foundWords(0, 6)).toBe('');
  });
});

describe.skipIf(!built)("Push's words", () => {
  it('counts state edits by what each row says, not "applied"', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const a = sim.admin.org.people.find((p) => !p.deleted && p.staffable);
    await template(rt, 'state_edits', [
      ['insert', '', a?.email, 'lunch', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
      ['insert', '', a?.email, 'break', '', '2026-05-25 05:00', '2026-05-25 05:15', 'five9'],
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'push-words-1'),
    );
    expect(done.message).toBe('Finished: 2 inserted. See the Push status column.');
  });

  it('says an empty required cell in one sentence, and an unknown id to cancel at Validate', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    await template(rt, 'time_off', [['', '2026-07-01 09:00', '2026-07-01 17:00']]);
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      problems: ["Row 2: Agent is empty, and the row needs the agent's Assembled id, email or full name."],
    });
    const pending = sim.admin.org.timeOff.find((t) => t.status === 'pending');
    await template(rt, 'time_off_cancel', [['not-an-id'], [pending?.id]]);
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off_cancel')).toMatchObject({
      ok: 1,
      errors: 1,
      problems: ['Row 2: No time-off request has the id "not-an-id". Check the Request ID column.'],
    });
    // Push sends only the id Validate found, and marks the other with the same words.
    const cancels = () => sim.stats().byRoute['POST /v0/time_off/{id}/cancel'] ?? 0;
    const before = cancels();
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off_cancel', 'unknown-id-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', total: 1, succeeded: 1, failed: 0, invalid: 1 });
    expect(cancels()).toBe(before + 1);
    expect(pushed.problems).toEqual([
      'Row 2: No time-off request has the id "not-an-id". Check the Request ID column.',
    ]);
  });

  it('counts a row changed since it was pushed, when listed, among the rows left unlisted', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const a = sim.admin.org.people.find((p) => !p.deleted && p.staffable);
    const sheet = await template(rt, 'time_off', [[a?.email, '2026-07-01 09:00', '2026-07-01 17:00']]);
    await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'more-rows-1'));
    // The pushed row changed, then six rows that do not read.
    rt.workbook.write(sheet, [['2026-07-01 16:00']], { row: 2, column: 3 });
    rt.workbook.write(
      sheet,
      Array.from({ length: 6 }, () => ['', '2026-07-02 09:00', '2026-07-02 17:00']),
      { row: 3 },
    );
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ errors: 6, changed: 1 });
    expect(check.problems[0]).toMatch(/^Row 2: Changed since it was pushed/);
    expect(check.problems.slice(5)).toEqual([
      "… and 2 more rows to fix or look at: each one's Push message says what.",
    ]);
  });

  it('says a TRUE/FALSE cell holding other text was read as TRUE, at Validate and after the push', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const a = sim.admin.org.people.find((p) => !p.deleted && p.staffable);
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2026-07-01', '', 'yes'],
      [a?.email, '2026-07-02', '', true],
    ]);
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(column(rt, sheet, 'Push message')).toEqual([
      'Ready to push. All day: "yes" read as TRUE.',
      'Ready to push.',
    ]);
    await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'read-as-1'));
    const [yes, ticked] = column(rt, sheet, 'Push message') as string[];
    expect(yes).toBe(`${ticked} All day: "yes" read as TRUE.`);
  });

  it('counts one row sent as a row', () => {
    const view = { sheet: 'S', label: 'L', total: 1, done: 1, failed: 0, invalid: 0, notSent: 0 } as PushView;
    expect(progressWords(view).count).toBe('1 of 1 row sent');
  });
});

describe('words that agree with their count', () => {
  it('says it of one row changed since it was pushed, and they of more', () => {
    expect(changedSinceWords(1, 1, 'time_off')).toBe(
      'changed since it was pushed (its Push message says what to do)',
    );
    expect(changedSinceWords(1, 2, 'time_off')).toBe(
      'one of them changed since it was pushed (its Push message says what to do)',
    );
    expect(changedSinceWords(2, 2, 'time_off')).toBe(
      'both changed since they were pushed (their Push messages say what to do)',
    );
    expect(changedSinceWords(2, 5, 'time_off')).toBe(
      '2 of them changed since they were pushed (their Push messages say what to do)',
    );
  });

  it('says it of one row moved by a sort, and they of more', () => {
    expect(movedWords(1, 1)).toBe(
      'moved by a sort that left out the Push status columns (its Push message says how to undo it)',
    );
    expect(movedWords(1, 3)).toMatch(/^one of them moved .*\(its Push message says/);
    expect(movedWords(2, 2)).toMatch(/^both moved .*\(their Push messages say/);
    expect(movedWords(600, 600)).toMatch(/^all of them moved/);
    expect(movedWords(9, 10)).toMatch(/^9 of them moved/);
  });

  it('says one listed activity with no Action is left as it is', () => {
    expect(listedWords(1)).toBe('1 listed with no Action (left as it is)');
    expect(listedWords(2)).toBe('2 listed with no Action (left as they are)');
    expect(nothingToPush('Schedule', 1, 'push again')).toBe(
      'Nothing to push: the 1 activity listed in "Schedule" has no Action. Put create, update or delete in its Action to change it.',
    );
  });
});
