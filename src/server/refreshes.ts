// The Scheduled refreshes sidebar's server side, and the refresh work of the dispatcher.
import * as z from 'zod/mini';
import { JobStore } from '../core/jobs/job-store';
import { lazy } from '../core/lazy';
import { owns } from '../core/owner';
import { sidebarTurn } from '../core/pull/run-pull';
import { stopAsked } from '../core/pull/stop-asked';
import {
  ownedRefresh,
  deleteRefresh as remove,
  saveRefresh as save,
  setPaused,
  stopRun,
} from '../core/schedule/manage';
import { missedWords } from '../core/schedule/missed-runs';
import { pauseAsked } from '../core/schedule/pause-asked';
import { RefreshStore } from '../core/schedule/refresh';
import { type RefreshView, refreshView } from '../core/schedule/refresh-view';
import { keyToEdit, keyToResume, savedWords } from '../core/schedule/resume-key';
import { carryOnRun, type RefreshDeps, runNowByHand } from '../core/schedule/run-refreshes';
import { followBack, namedNow } from '../core/schedule/sheet-refresh';
import { ownerToldWords } from '../core/schedule/stopped-mail';
import { refusedFor } from '../core/schedule/zone-refused';
import type { KeyNotice } from '../core/settings';
import { ClientId, parseInput, wholeNumber } from '../core/validation';
import { backgroundNotice } from './adapters/background-budget';
import { ensureScheduler } from './adapters/dispatcher-trigger';
import { EXECUTION_STARTED_AT } from './adapters/execution';
import { authorizeTarget } from './bigquery';
import { keyNotice } from './client-factory';
import { mailNotifier } from './mail-notifier';
import { pullDeps } from './pull';
import { readApiKey } from './saved-settings';

export function refreshDeps(): RefreshDeps {
  return {
    ...pullDeps(),
    notify: mailNotifier,
    ensureScheduler,
    hasKey: () => readApiKey() !== '',
    startedAt: () => EXECUTION_STARTED_AT,
  };
}

function views(deps: RefreshDeps): RefreshView[] {
  const now = Date.now();
  const budget = backgroundNotice(now);
  const jobs = new JobStore(deps.store);
  const hasKey = deps.hasKey();
  // One list of the sheets for every card: the sidebar lists them again each minute it is open.
  const sheets = deps.targets.listed();
  return new RefreshStore(deps.store).all().map((listed) => {
    // Its sheet gone: one brought back (by Undo, under a new id) is followed there (takenBack).
    const saved = sheets.exists(listed.spec.target, listed.sheetId)
      ? listed
      : followBack(deps, listed, sheets);
    const r = namedNow(sheets, saved);
    // Looked up for every viewer, with no key: a sheet deleted shows on its card before any run.
    const there = sheets.exists(r.spec.target, r.sheetId);
    const run = r.jobId ? jobs.get(r.jobId) : undefined;
    // Pause or Stop pressed while the run held the lock: said at once, done as the run ends.
    const stopping = run !== undefined && stopAsked(deps.store, run.id) !== undefined;
    const shown = pauseAsked(deps.store, r.id) ? { ...r, paused: true } : r;
    // Its table read only for a merge or append of dated data (refusedFor): its next run's check.
    const tableZone = there ? refusedFor(deps.targets, r, deps.zone) : undefined;
    const v = refreshView(shown, deps.user, deps.zone, now, {
      ...(run ? { run } : {}),
      sheetThere: there,
      viewerHasKey: hasKey,
      stopping,
      zones: deps.zones,
      ...(tableZone ? { tableZone } : {}),
    });
    // The budget is the owner's: only their own refreshes wait on it.
    const withBudget = v.mine && !v.paused && !v.notice && budget ? { ...v, notice: budget } : v;
    // A notice says why the owner's runs cannot start (no trigger could be set, the day's budget is
    // spent): "set going again" would not be true then.
    return withBudget.notice ? { ...withBudget, overdue: '' } : withBudget;
  });
}

/**
 * The sidebar's notice of the caller's key missing or refused: above other editors' refreshes, which
 * run with their owners' keys, it says it is about the caller's own, or theirs read as broken (QA).
 */
export function refreshesKeyNotice(): KeyNotice {
  const notice = keyNotice();
  if (!notice.keyMissing) return notice;
  const { store, user } = refreshDeps();
  if (!new RefreshStore(store).all().some((r) => !owns(user, r))) return notice;
  return {
    keyMissing: `${notice.keyMissing} You need one to add or run refreshes of your own; the others here run with their owners' keys.`,
  };
}

export function listRefreshes(): RefreshView[] {
  const deps = refreshDeps();
  // A trigger deleted or disabled since (by its owner, or by Google) would leave their refreshes
  // never run: the owner opening the sidebar sets it again (not on every poll of a run).
  if (new RefreshStore(deps.store).all().some((r) => !r.paused && owns(deps.user, r))) deps.ensureScheduler();
  return views(deps);
}

/** `zone`: the one the form named its hour in; another now, nothing is saved (zone-shown.ts). */
export function saveRefresh(input: unknown, id: unknown, zone?: unknown): RefreshView[] {
  authorizeTarget((input as { spec?: unknown } | null)?.spec);
  // Consent first: declined, nothing is saved that would promise an e-mail it cannot send.
  if ((input as { notifyByEmail?: unknown } | null)?.notifyByEmail === true) mailNotifier.authorize();
  const deps = refreshDeps();
  const key = parseInput(ClientId, id, 'Refresh id');
  // Outside the lock: the call may wait out retries.
  const check = keyToEdit(deps, key);
  // As it was: an edit resumes a paused refresh, says so, and says the runs it missed as Resume does.
  const before = new RefreshStore(deps.store).get(key);
  const saved = save(deps, input, key, check.refused, zone);
  const resumed = before?.paused === true && !saved.paused;
  const missed = resumed ? missedWords(before, saved, deps.zone, deps.clock.now()) : '';
  const kept = savedWords(saved, check, deps.hasKey()) ?? (resumed ? 'Saved and resumed.' : undefined);
  const said = missed ? `${kept} ${missed}` : kept;
  return views(deps).map((v) => (v.id === saved.id && said ? { ...v, saved: said } : v));
}

export function pauseRefresh(id: unknown): RefreshView[] {
  const deps = refreshDeps();
  const paused = parseInput(ClientId, id, 'Refresh id');
  const { refresh, ownerTold } = setPaused(deps, paused, true);
  // Another editor's Pause e-mailed to its owner: said to them, who need not tell the owner too.
  const told = ownerTold ? { ownerTold: ownerToldWords(refresh) } : undefined;
  return views(deps).map((v) => (v.id === paused && told ? { ...v, ...told } : v));
}

/** Stop on a card: the run under way ends; the refresh keeps its pause and its schedule. */
export function stopRefreshRun(id: unknown): RefreshView[] {
  const deps = refreshDeps();
  stopRun(deps, parseInput(ClientId, id, 'Refresh id'));
  return views(deps);
}

export function resumeRefresh(id: unknown): RefreshView[] {
  const deps = refreshDeps();
  const resumed = parseInput(ClientId, id, 'Refresh id');
  const unchecked = keyToResume(deps, resumed);
  // As it was paused: its next run then was the first due after its pause.
  const before = new RefreshStore(deps.store).get(resumed);
  const after = setPaused(deps, resumed, false).refresh;
  const missed = before ? missedWords(before, after, deps.zone, deps.clock.now()) : '';
  const said = { ...(unchecked ? { keyUnchecked: unchecked } : {}), ...(missed ? { missed } : {}) };
  return views(deps).map((v) => (v.id === resumed ? { ...v, ...said } : v));
}

export function deleteRefresh(id: unknown): RefreshView[] {
  const deps = refreshDeps();
  remove(deps, parseInput(ClientId, id, 'Refresh id'));
  return views(deps);
}

const Seen = /* @__PURE__ */ lazy(() => z.nullish(wholeNumber(0, Number.MAX_SAFE_INTEGER)));

export function runRefreshNow(id: unknown, seen?: unknown): RefreshView[] {
  const deps = refreshDeps();
  const refresh = ownedRefresh(deps, parseInput(ClientId, id, 'Refresh id'));
  // google.script.run may pass a missing argument as null: either is "not said".
  const ran = parseInput(Seen, seen, 'Last run seen') ?? undefined;
  runNowByHand(deps, refresh, sidebarTurn(deps.clock), ran);
  return views(deps);
}

/** The owner's sidebar carries a running run on while it is open (triggers may tick only hourly). */
export function pollRefresh(id: unknown): RefreshView[] {
  const deps = refreshDeps();
  carryOnRun(deps, ownedRefresh(deps, parseInput(ClientId, id, 'Refresh id')), sidebarTurn(deps.clock));
  return views(deps);
}
