import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import type { PullJob } from '../../src/core/jobs/pull-job';
import { MODE_WORDS } from '../../src/core/pull/mode-words';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import type { Refresh } from '../../src/core/schedule/refresh';
import { refreshView } from '../../src/core/schedule/refresh-view';
import { goneReason } from '../../src/core/schedule/sheet-refresh';

const zone = intlZone('Europe/London');
const owner = { id: 'owner-1', email: 'analyst@example.com' };
const at = Date.UTC(2026, 11, 12, 6);

function refresh(spec: Partial<PullSpec>, lastRun?: Refresh['lastRun']): Refresh {
  return {
    id: 'r1',
    owner: owner.email,
    ownerId: owner.id,
    createdAt: at - 86_400_000,
    paused: false,
    nextRunAt: at + 86_400_000,
    notifyByEmail: true,
    frequency: { kind: 'daily', hour: 6 },
    spec: {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      filters: {},
      target: { kind: 'sheet', name: 'Adherence' },
      mode: 'replace',
      ...spec,
    },
    ...(lastRun ? { lastRun } : {}),
  };
}

describe('a refresh card', () => {
  it('offers Edit every mode, but only replace for a schedule grid or coverage (laid out whole)', () => {
    const modes = (spec: Partial<PullSpec>) =>
      refreshView(refresh(spec), owner, zone, at).modes.map((m) => m.label);
    expect(modes({ mode: 'append' })).toEqual([
      'Replace it',
      'Append below it',
      'Merge by key (Agent ID, Start, End)',
    ]);
    const grid = { source: { kind: 'resource', resource: 'schedule_grid' } } as Partial<PullSpec>;
    expect(modes(grid)).toEqual(['Replace it']);
    expect(modes({ source: { kind: 'resource', resource: 'coverage' } } as Partial<PullSpec>)).toEqual([
      'Replace it',
    ]);
  });

  it('words its mode as the Pull form does; a merge names its key columns', () => {
    const view = (spec: Partial<PullSpec>) => refreshView(refresh(spec), owner, zone, at).mode;
    expect(view({ mode: 'replace' })).toBe('Replace it');
    expect(view({ mode: 'append' })).toBe('Append below it');
    expect(view({ mode: 'merge' })).toBe('Merge by key (Agent ID, Start, End)');
    expect(view({ mode: 'merge', mergeKey: 'Agent ID, Start' })).toBe('Merge by key (Agent ID, Start)');
    // The form's own choices, word for word.
    const html = readFileSync(join(__dirname, '../../src/ui/pages/pull/index.html'), 'utf8');
    const select = html.slice(
      html.indexOf('<select id="mode"'),
      html.indexOf('</select>', html.indexOf('id="mode"')),
    );
    const choices = Object.fromEntries(
      [...select.matchAll(/<option value="(\w+)">([^<]+)</g)].map((m) => [m[1], m[2]]),
    );
    expect(choices).toEqual(MODE_WORDS);
  });

  it('never shows a next run already past as if it were to come', () => {
    const hour = 3_600_000;
    // Hourly: each of these next runs is one of its times, as the add-on sets them.
    const card = (r: Partial<Refresh>) =>
      refreshView({ ...refresh({}), frequency: { kind: 'hourly' }, ...r }, owner, zone, at).nextRun;
    expect(card({ nextRunAt: at + hour })).toBe('2026-12-12 07:00');
    // Past while a run is under way (an outage, a long report): that run holds it back.
    expect(card({ nextRunAt: at - hour, jobId: 'job-1' })).toBe('After this run');
    expect(card({ nextRunAt: at, jobId: 'job-1' })).toBe('After this run');
    expect(card({ nextRunAt: at + hour, jobId: 'job-1' })).toBe('2026-12-12 07:00');
    // The run it waits for is named by its due time, as Last run names the run being tried again.
    expect(card({ nextRunAt: at, jobId: 'job-1', runDueAt: at - hour })).toBe(
      'After the run due 2026-12-12 05:00',
    );
    // Past with none under way: due, the next check starts it.
    expect(card({ nextRunAt: at - hour })).toBe(
      "Due since 2026-12-12 05:00: the add-on's next check, within the hour, starts it",
    );
    expect(card({ nextRunAt: at - hour, paused: true })).toBe('');
  });

  it('says when the next try of a run is its last, as a retry after it would come past its give-up time', () => {
    const hour = 3_600_000;
    const card = (run: Partial<PullJob>) =>
      refreshView({ ...refresh({}), jobId: 'job-1', runDueAt: at - hour }, owner, zone, at, {
        run: { state: 'running', errors: 1, refreshId: 'r1', ...run } as PullJob,
      }).retry;
    // Tried again from 06:26, by 06:56; a retry after it, by 07:56, is past 07:00: this try is the last.
    const last = card({ nextPollAt: at + hour / 2 - 4 * 60_000, giveUpAt: at + hour });
    expect(last).toMatchObject({ nextTry: '2026-12-12 06:56', lastTryBy: '2026-12-12 06:56', lastTry: true });
    // Given up at 08:00: a retry after it, by 07:56, still comes, and is the last; not 08:00.
    const later = card({ nextPollAt: at + hour / 2 - 4 * 60_000, giveUpAt: at + 2 * hour });
    expect(later?.lastTry).toBeUndefined();
    expect(later?.lastTryBy).toBe('2026-12-12 07:56');
    // Its attempts spent first: the last of them, however far off its give-up time.
    const counted = card({ nextPollAt: at + hour / 2 - 4 * 60_000, giveUpAt: at + 9 * hour, errors: 4 });
    expect(counted?.lastTryBy).toBe('2026-12-12 07:56');
  });

  it('while its run is tried again, says when the next try comes, then the run after it if that try works', () => {
    const hour = 3_600_000;
    // Its attempt failed at 06:00: tried again from 06:30, by the 07:00 tick at the latest.
    const run = { state: 'running', errors: 1, nextPollAt: at + hour / 2, refreshId: 'r1' } as PullJob;
    const card = (r: Partial<Refresh>) =>
      refreshView({ ...refresh({}), jobId: 'job-1', runDueAt: at - hour, ...r }, owner, zone, at, { run })
        .nextRun;
    // Hourly: its 07:00 held back past the try, to the first hour after it (sooner, if the try is).
    expect(card({ frequency: { kind: 'hourly' }, nextRunAt: at + hour })).toBe(
      'Next try by 2026-12-12 07:00; if it works, the next run by 08:00',
    );
    // Daily: its next time, a day off, stands.
    expect(card({})).toBe('Next try by 2026-12-12 07:00; if it works, the next run at 2026-12-13 06:00');
  });

  it('shows a failed run given up hours after it was due at its due time too; a run that worked, at its end', () => {
    const hour = 3_600_000;
    const view = (lastRun: Refresh['lastRun']) => refreshView(refresh({}, lastRun), owner, zone, at).lastRun;
    const failed = { status: 'failed' as const, rows: 0, message: 'Assembled is down. The add-on gave up.' };
    // Its cause in short too, for the card to say in view.
    const told = { ...failed, cause: 'Assembled is down' };
    expect(view({ ...failed, at: at + 2 * hour, dueAt: at })).toEqual({
      ...told,
      at: '2026-12-12 08:00',
      due: '2026-12-12 06:00',
    });
    // Failed at once, or recorded before runs kept their due time: its end alone.
    expect(view({ ...failed, at: at + 20_000, dueAt: at })).toEqual({ ...told, at: '2026-12-12 06:00' });
    expect(view({ ...failed, at: at + 2 * hour })).toEqual({ ...told, at: '2026-12-12 08:00' });
    const done = { status: 'done' as const, rows: 5, message: '' };
    expect(view({ ...done, at: at + 2 * hour, dueAt: at })).toEqual({ ...done, at: '2026-12-12 08:00' });
  });

  it('says what to do about a run given up on an outage: Run now to its owner, whom to ask to another', () => {
    const failed = {
      at,
      dueAt: at,
      status: 'failed' as const,
      rows: 0,
      message: 'HTTP 503. The add-on gave up after 3 attempts.',
    };
    const sam = { id: 'sam-1', email: 'sam@example.com' };
    const given = refresh({}, { ...failed, gaveUp: true });
    // Once Assembled answers: whether it does by now, the card does not know.
    expect(refreshView(given, owner, zone, at).runAgain).toMatch(
      /^Once Assembled answers again, Run now on this card pulls last week as of the day you press it, /,
    );
    expect(refreshView(given, sam, zone, at).runAgain).toMatch(
      /^Once Assembled answers again, ask analyst@example\.com to press Run now on it, /,
    );
    // Refused for what it asked (Run now would be refused alike), paused, running or gone: nothing to offer.
    expect(refreshView(refresh({}, failed), owner, zone, at).runAgain).toBe('');
    expect(refreshView({ ...given, paused: true }, owner, zone, at).runAgain).toBe('');
    expect(refreshView({ ...given, jobId: 'job-1' }, owner, zone, at).runAgain).toBe('');
    expect(refreshView(given, owner, zone, at, { sheetThere: false }).runAgain).toBe('');
    // Its next run two hours off or less, nothing: it comes about as soon as Run now would help
    // (an hourly refresh's within the hour, a daily one's at the end of the day's wait).
    const hourly = { ...given, frequency: { kind: 'hourly' as const }, nextRunAt: at + 3_600_000 };
    expect(refreshView(hourly, owner, zone, at + 20 * 60_000).runAgain).toBe('');
    expect(refreshView(given, owner, zone, at + 22 * 3_600_000).runAgain).toBe('');
  });
  it('says what Replace takes from a refresh that gathers rows, counted or not, and asks to keep its mode', () => {
    const replace = (r: Refresh) => refreshView(r, owner, zone, at).modes.find((m) => m.value === 'replace');
    const merged = { ...refresh({ mode: 'merge' }), gathered: { rows: 1, since: '2026-12-01' } };
    expect(replace(merged)).toMatchObject({
      note: 'Each run will then replace the whole sheet, leaving the rows of last week only: every other row in it goes at its next run; its runs have added 1 row there since 2026-12-01.',
      ask: {
        yes: 'Save anyway',
        keep: 'Keep Merge',
        text: expect.stringMatching(/^Nothing is saved until you answer\. Keep Merge/),
      },
    });
    // Saved before runs counted their rows: an append's periods show it has some.
    const older = { ...refresh({ mode: 'append' }), appended: ['2026-11-30..2026-12-06'] };
    expect(replace(older)?.note).toBe(
      'Each run will then replace the whole sheet, leaving the rows of last week only: every other row in it goes at its next run; its runs have appended rows there.',
    );
    // Into BigQuery, a merge's rows are not counted; a replace since took them.
    const table = { kind: 'bigquery', project: 'p', dataset: 'd', table: 't' } as const;
    const loaded = { ...refresh({ mode: 'merge', target: table }), gathered: { since: '2026-12-01' } };
    expect(replace(loaded)?.note).toBe(
      'Each run will then replace the whole table, leaving the rows of last week only: every other row in it goes at its next run; its runs have added rows there since 2026-12-01.',
    );
    // Nothing counted (not run yet, or a replace since): what the sheet holds goes all the same,
    // the rows of the pull it was saved from among them; asked too.
    expect(replace({ ...older, gathered: { rows: 0 } })).toMatchObject({
      note: 'Each run will then replace the whole sheet, leaving the rows of last week only: every other row in it goes at its next run.',
      ask: { keep: 'Keep Append' },
    });
    // A refresh that replaces already loses nothing more by it.
    expect(replace(refresh({ mode: 'replace' }))).toMatchObject({ note: '' });
    expect(replace(refresh({ mode: 'replace' }))).not.toHaveProperty('ask');
  });

  it('paused for its deleted sheet, restored since, tells its owner to Resume and another editor whom to ask', () => {
    // Paused as the add-on pauses it (run-refreshes.ts pauseGone), its sheet bound by id.
    const bound = { ...refresh({}), sheetId: 7 };
    const paused = { ...bound, paused: true, pausedReason: `Paused: ${goneReason(bound)}.` };
    const sam = { id: 'sam-1', email: 'sam@example.com' };
    expect(refreshView(paused, sam, zone, at).pausedReason).toBe(
      'Paused: its sheet "Adherence" was deleted. It is back now: ask analyst@example.com to resume it.',
    );
    // Its owner, who can, is told to Resume: the ways back (a version restored, Undo) are past.
    expect(refreshView(paused, owner, zone, at).pausedReason).toBe(
      'Paused: its sheet "Adherence" was deleted. It is back now: Resume on this card to have it run again.',
    );
    // Still gone, its owner's card says the ways back.
    expect(refreshView(paused, owner, zone, at, { sheetThere: false }).pausedReason).toBe(
      paused.pausedReason,
    );
    expect(paused.pausedReason).toContain('Then Resume on this card.');
    // Still gone, its card's targetGone says what to do: the reason says only what befell it.
    expect(refreshView(paused, sam, zone, at, { sheetThere: false }).pausedReason).toBe(
      'Paused: its sheet "Adherence" was deleted.',
    );
    // A reason kept before the ways back named Undo reads the same: it is stored with the refresh.
    const before = {
      ...paused,
      pausedReason:
        'Paused: its sheet "Adherence" was deleted. To have it run again, restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version), then Resume on this card. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.',
    };
    expect(refreshView(before, sam, zone, at).pausedReason).toBe(
      'Paused: its sheet "Adherence" was deleted. It is back now: ask analyst@example.com to resume it.',
    );
  });
});
