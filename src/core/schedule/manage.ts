// Saving, editing, pausing and deleting refreshes. Only the owner changes a refresh: it runs
// with the owner's key, so another editor's change would silently run as someone else. Any editor
// may stop it, though (its owner may have left): Pause and Remove make no key do anything.

import { type Caller, type Owned, ownerName, owns, requireOwner } from '../owner';
import { lastFilled } from '../pull/pull-again';
import { specProblems } from '../pull/pull-spec';
import { TargetMissing, targetSheet } from '../pull/pull-target';
import type { PullDeps } from '../pull/run-pull';
import { makeRoom } from '../share';
import { formatLocalDateTime } from '../time/zone-math';
import { refuseHourMoved } from '../time/zone-shown';
import { InputError, parseInput } from '../validation';
import { everyHourAsHourly } from './every-hour';
import { NO_KEY_TO_RESUME } from './key-pause';
import { nextRunIn, scheduleAfter } from './next-run';
import { notesBesideFor } from './notes-beside';
import { forgetPause, ownersCall } from './pause-asked';
import { changeRefresh, changeRefreshes, type Refresh, RefreshInput, RefreshStore } from './refresh';
import { logRefresh, pauseForKey, type RefreshDeps, stopPressed, stopRunOf } from './run-refreshes';
import { gone, namedNow, refreshInto, refreshWords, takenBack, toHaveDone } from './sheet-refresh';
import { type StoppedNotice, stoppedNotice } from './stopped-mail';

type Deps = Pick<
  PullDeps,
  'store' | 'lock' | 'clock' | 'zone' | 'user' | 'newId' | 'targets' | 'spreadsheetId'
> &
  Pick<RefreshDeps, 'ensureScheduler' | 'hasKey'>;

/** Scheduled refreshes one editor may keep in a spreadsheet. */
export const MAX_REFRESHES = 20;

function checked(input: unknown): RefreshInput {
  const parsed = parseInput(RefreshInput, input, 'Scheduled refresh');
  const problems = specProblems(parsed.spec);
  if (parsed.spec.range?.kind === 'absolute') {
    problems.push(
      'a scheduled refresh needs a relative date range (last week, month to date, …): fixed dates would pull the same data every time',
    );
  }
  if (problems.length) throw new InputError('Scheduled refresh', problems);
  const saved = { ...parsed, frequency: everyHourAsHourly(parsed.frequency) };
  // A refresh is bound to its sheet: after the first run it writes into that sheet, never a new one.
  const { target } = parsed.spec;
  return target.kind === 'new_sheet'
    ? { ...saved, spec: { ...parsed.spec, target: { kind: 'sheet', name: target.name } } }
    : saved;
}

/** `verb`: what the caller asked to do, said if it is not theirs to do (NotYours). */
export function ownedRefresh(
  deps: { store: Deps['store']; user: Caller },
  id: string,
  verb?: string,
): Refresh {
  return owned(deps.user, new RefreshStore(deps.store).get(id), verb);
}

function owned(user: Caller, refresh: Refresh | undefined, verb?: string): Refresh {
  return requireOwner(user, there(refresh), 'refresh', verb);
}

function there(refresh: Refresh | undefined): Refresh {
  if (!refresh) throw new Error('That scheduled refresh no longer exists.');
  return refresh;
}

/** An editor's Pause or Remove of a refresh not theirs, as its card and the log name them. */
const byOther = (deps: Pick<Deps, 'user'>) => ownerName({ owner: deps.user.email });

/**
 * Saves a refresh. `key` is the id of one of the caller's refreshes (an edit), or else the
 * caller's idempotency key for a new one, whose id is made here. `keyRefused`: Assembled, asked
 * just now, still refuses the caller's key (resume-key.ts keyToEdit), so an edit of a refresh
 * paused for it keeps the pause.
 */
export function saveRefresh(
  deps: Deps,
  input: unknown,
  key: string,
  keyRefused = false,
  shownZone?: unknown,
): Refresh {
  const store = new RefreshStore(deps.store);
  const valid = checked(input);
  // Its hour was chosen in the zone the form named (zone-shown.ts).
  refuseHourMoved('hour' in valid.frequency, shownZone, deps.zone);
  const found = store.get(key)
    ? key
    : store.all().find((r) => owns(deps.user, r) && r.requestKey === key)?.id;
  const id = found ?? deps.newId();
  // An edit changes the refresh as saved now (a run may have ended since it was read), if still there.
  const refresh = changeRefresh(deps, id, (saved) =>
    edited(
      deps,
      valid,
      { id, key },
      found === undefined ? undefined : owned(deps.user, saved, 'edit'),
      keyRefused,
    ),
  ) as Refresh;
  return noted(deps, refresh, deps.ensureScheduler());
}

/** The refresh with why its runs cannot start (ensureScheduler's words), if there is a why. */
function noted(deps: Deps, refresh: Refresh, notice: string | undefined): Refresh {
  return notice ? (changeRefresh(deps, refresh.id, (r) => r && { ...r, notice }) ?? refresh) : refresh;
}

/** The refresh `valid` makes of `existing` (an edit), or a new one with id `id`. */
function edited(
  deps: Deps,
  valid: RefreshInput,
  { id, key }: { id: string; key: string },
  existing: Refresh | undefined,
  keyRefused: boolean,
): Refresh {
  const store = new RefreshStore(deps.store);
  if (!existing && store.all().filter((r) => owns(deps.user, r)).length >= MAX_REFRESHES) {
    throw new InputError('Scheduled refresh', [
      `you already have ${MAX_REFRESHES} scheduled refreshes in this spreadsheet; delete one first`,
    ]);
  }
  // Bound to the sheet by id now: renaming sheets later cannot send its writes elsewhere.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  // Its sheet renamed since, its card names it as its tab does (a card drawn before, as it was):
  // saved under either name, it has not moved.
  const was = existing && [existing.spec.target, namedNow(deps.targets, existing).spec.target];
  const sameTarget = was?.some((t) => same(t, valid.spec.target)) ?? false;
  const sheetId =
    sameTarget && existing?.sheetId !== undefined ? existing.sheetId : deps.targets.bind(valid.spec.target);
  if (sheetId === undefined && valid.spec.target.kind !== 'bigquery')
    throw new TargetMissing(targetSheet(valid.spec.target));
  // An edit that keeps its place is not held up by a second refresh saved there before this check.
  const others = existing && sameTarget ? [] : store.all().filter((r) => r.id !== existing?.id);
  const clash = refreshInto(others, sheetId, valid.spec.target);
  if (clash)
    throw new InputError('Scheduled refresh', [
      `"${targetSheet(valid.spec.target)}" is already refreshed ${refreshWords(clash, deps.user, deps.zone)}, and two refreshes into one place would write over each other. Rather than add a second, ${toHaveDone(clash, deps.user, 'change')}`,
    ]);
  const now = deps.clock.now();
  // Saved anew, it runs at its new times: a later try of a run given up is not owed.
  const { notice: _, retryAt: __, ...before }: Partial<Refresh> = existing ?? {};
  // What its target holds already is of other data, or in another place, once either changes.
  const sameData =
    same(existing?.spec.source, valid.spec.source) && same(existing?.spec.filters, valid.spec.filters);
  if (!sameTarget || !sameData) {
    delete before.held;
    delete before.appended;
    delete before.gathered;
    delete before.lastGood;
  }
  // Saved on a sheet a pull filled (Pull data's Save scheduled refresh): a first run that fails leaves
  // that pull's rows, counted as it wrote them, named by whom when not by the refresh's owner.
  const filled =
    !existing || !sameTarget ? sheetId !== undefined && lastFilled(deps.store, sheetId) : undefined;
  if (filled) {
    const { by, ...rows } = filled;
    before.lastGood = by && !owns(deps.user, by) ? filled : rows;
  }
  // A run due and not yet taken up (the next check takes it) stays due: scheduled after now, it would
  // be skipped. At its times if they stay; under new ones, if they too have a time between its due
  // time and now (weekly made daily at its hour), not if not (07:00 moved to 09:00 waits for 09:00).
  // Not a paused one's (Resume runs next at its next time), nor with a run under way, whose end
  // folds in the times it outlived (run-refreshes.ts endRecorded).
  const dueAt =
    existing && !existing.paused && existing.jobId === undefined ? nextRunIn(existing, deps.zone) : Infinity;
  const keepsDue = existing !== undefined && dueAt <= now && same(existing.frequency, valid.frequency);
  // Looked for from its due time, the new times' first is the one due now, or else their first after now.
  const from = dueAt <= now ? dueAt - 1 : now;
  const refresh: Refresh = {
    ...before,
    ...valid,
    id,
    owner: deps.user.email,
    ownerId: deps.user.id,
    requestKey: existing?.requestKey ?? key,
    sheetId,
    spreadsheetId: deps.spreadsheetId,
    createdAt: existing?.createdAt ?? now,
    savedZone: deps.zone.name,
    paused: false,
    ...(keepsDue ? { nextRunAt: existing.nextRunAt } : scheduleAfter(valid.frequency, from, deps.zone)),
  };
  // Read once here, as the sheet is bound: its card names them, reading no sheet (notes-beside.ts).
  const beside = notesBesideFor(deps.targets, refresh);
  if (beside.length) refresh.notesBeside = beside;
  else delete refresh.notesBeside;
  // An edit resumes a paused refresh, but not one paused for a key its owner still has not saved,
  // nor for one Assembled still refuses: it would only fail again (Resume is refused the same way).
  const why = existing?.paused ? existing.pausedForKey : undefined;
  const keyStillBad = why !== undefined && (!deps.hasKey() || (why === true && keyRefused));
  // An edit decides its pause, a Pause kept for its run's end too.
  forgetPause(deps.store, id);
  if (keyStillBad) refresh.paused = true;
  else {
    delete refresh.pausedReason;
    delete refresh.pausedForKey;
    delete refresh.pausedWith;
  }
  makeRoom(deps.store, deps.user, 'refresh.', refresh, now);
  return refresh;
}

/**
 * Pause stops the run under way too (stopRunOf); Stop on the card stops the run alone (stopRun).
 * Either, pressed while the run holds the lock, answers at once (stopPressed). Any editor may
 * pause a refresh, said on its card and in the log as theirs; only its owner resumes it, which
 * sets their key working again, said in the log too when the pause was. `ownerTold`: another
 * editor's Pause was e-mailed to the owner (toldOwner), which Pause's answer says.
 */
export function setPaused(
  deps: RefreshDeps,
  id: string,
  paused: boolean,
): { refresh: Refresh; ownerTold: boolean } {
  const refresh = paused ? there(new RefreshStore(deps.store).get(id)) : ownedRefresh(deps, id, 'resume');
  const by = owns(deps.user, refresh) ? undefined : byOther(deps);
  const reason = by && `Paused by ${by} on ${formatLocalDateTime(deps.clock.now(), deps.zone)}.`;
  const change = () =>
    changeRefresh(deps, id, (found) => {
      const r = paused ? there(found) : owned(deps.user, found, 'resume');
      return pausedAs(deps, paused ? stopRunOf(deps, r) : r, paused, reason);
    }) as Refresh;
  const saved = paused ? stopPressed(deps, refresh, { ...(reason ? { reason } : {}) }, change) : change();
  let ownerTold = false;
  if (by) {
    logRefresh(
      deps,
      refresh,
      'paused',
      `Paused by ${by}: it runs no more until ${ownerName(refresh)} resumes it.`,
      deps.user.email,
    );
    // Paused already, its owner has been told why (or paused it): nothing is news to them.
    if (!refresh.paused) ownerTold = toldOwner(deps, saved, 'paused', by);
  }
  if (!paused && pauseTold(refresh)) logResumed(deps, saved);
  return { refresh: noted(deps, saved, paused ? undefined : deps.ensureScheduler()), ownerTold };
}

/**
 * Paused with a reason its card says: another editor's Pause (in the log too), or a run's (its key,
 * its sheet gone), after which the log's runs stop. Its owner's own Pause is said nowhere, and its
 * Resume as quietly.
 */
const pauseTold = (r: Refresh) => r.paused && (r.pausedReason !== undefined || r.pausedForKey !== undefined);

/** Its owner's Resume in the log, as a Pause is: whose, and when it runs next, in the log's zone. */
function logResumed(deps: RefreshDeps, r: Refresh): void {
  const next = `${formatLocalDateTime(nextRunIn(r, deps.zone), deps.zone)} (${deps.zone.name})`;
  logRefresh(deps, r, 'resumed', `Resumed by ${ownerName(r)}: it runs again, next at ${next}.`);
}

/**
 * Another editor's Pause or Remove is e-mailed to the refresh's owner: their sheet stops
 * refreshing, which they would otherwise learn only on opening Scheduled refreshes. Whether or not
 * they asked for e-mails on failure (notifyByEmail): that asks about runs failing, of which a
 * refresh down for a day could send one a day; this is one e-mail for a person's act, which
 * nothing else tells them of and only they can undo. Whether the e-mail went.
 */
function toldOwner(deps: RefreshDeps, refresh: Refresh, how: StoppedNotice['how'], by: string): boolean {
  // Google gave no address for its owner: the log and its card are all there is.
  if (!refresh.owner) return false;
  return deps.notify.stopped(stoppedNotice(namedNow(deps.targets, refresh), how, by, deps.zone));
}

/**
 * Stop on the card of a refresh whose run is under way, paused or not (Run now runs a paused one,
 * which Pause cannot then stop): the run ends as Stop ends a pull; the refresh keeps its pause
 * and its next time.
 */
export function stopRun(deps: RefreshDeps, id: string): Refresh {
  const stop = (r: Refresh) => stopRunOf(deps, r, stoppedOnCard(r));
  const change = () => changeRefresh(deps, id, (found) => stop(owned(deps.user, found))) as Refresh;
  const mine = ownedRefresh(deps, id);
  return stopPressed(deps, mine, false, change, stoppedOnCard(mine));
}

/**
 * How a run Stop ended begins its message, in the log and on other editors' cards: who stopped it
 * (its owner, who alone may), so no one takes a stop for the add-on's doing.
 */
export const stoppedOnCard = (r: Owned) => `Stopped on its card by ${ownerName(r)}`;
/** The same, on its owner's own card. */
export const STOPPED_BY_YOU = 'Stopped on its card by you';

/**
 * The refresh paused (`reason`: by whom, when not its owner), or the caller's resumed if it can
 * run: a Pause kept for its run's end is done with.
 */
function pausedAs(deps: Deps, saved: Refresh, paused: boolean, reason?: string): Refresh {
  forgetPause(deps.store, saved.id);
  // Its sheet brought back under a new id (Undo of its delete): Resume follows it there.
  const refresh = ownersCall(
    paused ? saved : takenBack(deps.targets, new RefreshStore(deps.store).all(), saved),
  );
  // Resumed, it would only pause again at its next run, saying so an hour or a day later.
  if (!paused && !deps.targets.exists(refresh.spec.target, refresh.sheetId))
    throw new InputError('Resume', [`It cannot run: ${gone(refresh)}`]);
  // With no key of its owner's, its next run would fail, pause it again and e-mail them.
  if (!paused && !deps.hasKey()) throw new InputError('Resume', [NO_KEY_TO_RESUME]);
  // Resumed, its owner has dealt with what stopped it: a failure after this is news, e-mailed even
  // within the day of the e-mail that told them of the pause.
  if (!paused) {
    delete refresh.mailedAt;
    delete refresh.failingSince;
  }
  const now = deps.clock.now();
  return {
    ...refresh,
    paused,
    ...(reason ? { pausedReason: reason } : {}),
    ...scheduleAfter(refresh.frequency, now, deps.zone),
  };
}

/**
 * The caller removed their key: their refreshes here stop at once, as Remove key said they would,
 * paused for want of it (every editor's card says so), rather than each failing at its next run and
 * e-mailing them of what they just did.
 */
export function pauseForRemovedKey(deps: RefreshDeps): void {
  pauseForKey(deps, { owner: deps.user.email, ownerId: deps.user.id }, 'removed');
}

/** Whether `r` is one of `user`'s refreshes here a run paused for their key (none saved, or Assembled refused it). */
const waitingForKey =
  (user: Deps['user']) =>
  (r: Refresh | undefined): r is Refresh =>
    !!r && owns(user, r) && !!r.paused && !!r.pausedForKey;

/** The caller saved a key in Settings: their refreshes here paused for theirs are told so (Refresh.keySavedAt). */
export function keySaved(deps: Pick<Deps, 'store' | 'lock' | 'user' | 'clock'>): void {
  const waiting = waitingForKey(deps.user);
  const ids = new RefreshStore(deps.store)
    .all()
    .filter(waiting)
    .map((r) => r.id);
  const at = deps.clock.now();
  if (ids.length) changeRefreshes(deps, ids, (r) => (waiting(r) ? { ...r, keySavedAt: at } : undefined));
}

/** The caller's refreshes a run paused for their key (none saved, or Assembled refused it). */
export function pausedForKey(deps: Pick<Deps, 'store' | 'user'>): number {
  return new RefreshStore(deps.store).all().filter(waitingForKey(deps.user)).length;
}

/**
 * Takes a refresh out of the spreadsheet, its run under way ended with it. Any editor may: its
 * owner's trigger then finds nothing of it to run (and goes, with nothing else to do).
 */
export function deleteRefresh(deps: RefreshDeps, id: string): void {
  let removed: Refresh | undefined;
  changeRefresh(deps, id, (saved) => {
    const refresh = stopRunOf(deps, there(saved), 'Stopped as the refresh was removed');
    forgetPause(deps.store, id);
    if (!owns(deps.user, refresh)) {
      logRefresh(
        deps,
        refresh,
        'removed',
        `Removed from this spreadsheet by ${byOther(deps)}: it runs no more.`,
        deps.user.email,
      );
      removed = refresh;
    }
    return null;
  });
  // Outside the spreadsheet's lock: sending an e-mail holds no one else up.
  if (removed) toldOwner(deps, removed, 'removed', byOther(deps));
}
