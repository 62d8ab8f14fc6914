// What the Scheduled refreshes sidebar shows of a refresh: plain JSON with times already
// written out in the spreadsheet's timezone.
import { causeOf, shortCause } from '../assembled/errors';
import { hourlyCheckWords } from '../jobs/hourly-check';
import { lastTry, lastTryBy, type MergedCounts, nextTryBy, type PullJob, waitsToTry } from '../jobs/pull-job';
import { type Caller, ownerName, ownerSeenBy, owns } from '../owner';
import type { Zone, Zones } from '../ports';
import { runKeptWords } from '../pull/kept-words';
import { keyHeaders } from '../pull/merge-key';
import { otherZoneSince } from '../pull/mixed-target';
import { historyLost, MODES, modeLabel, modeNote, replaceAsked } from '../pull/mode-words';
import { type PullSpec, replacedWhole, sourceInfo } from '../pull/pull-spec';
import { describeTarget } from '../pull/pull-target';
import { pullWords } from '../pull/pull-words';
import { sameDay } from '../time/same-day';
import { formatLocalDateTime, weekdayOf } from '../time/zone-math';
import { foldedBrief } from './folded-runs';
import { describeFrequency, type Frequency, nextRun } from './frequency';
import { type KeptRows, keptSeenBy } from './kept-rows';
import {
  atRunOf,
  forbiddenForYou,
  KEY_REFUSED_FOR_YOU,
  keyPauseToOwner,
  keyRefusedFor,
  keySavedSince,
  keySavedToOthers,
  NO_KEY_FOR_YOU,
  noKeyFor,
} from './key-pause';
import { STOPPED_BY_YOU, stoppedOnCard } from './manage';
import { nextRunIn } from './next-run';
import { type Refresh, type RunStatus, ranAt } from './refresh';
import { runName } from './run-name';
import { longWait, onceBack, ratherThanWait, runNowOn, THIS_CARD } from './run-now-pulls';
import { gone, goneWhat, toHaveDone } from './sheet-refresh';
import { cardTime, zoneMovedWords } from './zone-moved';
import { refusedAgainWords, zoneRefusedWords } from './zone-refused';

export interface RefreshView {
  id: string;
  /** Its owner's e-mail, or "you" on the viewer's own. */
  owner: string;
  /** Whether the viewer owns it (and so may run, resume or edit it; any editor may pause or remove it). */
  mine: boolean;
  /**
   * Whether Run now is offered: to its owner only, not while a run is under way (Stop is offered
   * then; pressed, it would only say so) but for one only waiting for its next try (pressed, that
   * try is made now), and not while it is paused for want of their key and they still have none (a
   * run would only be refused; its paused reason says what to do).
   */
  runNow: boolean;
  /** When its last run ended, 0 if none (refresh.ts ranAt): Run now sends it back. */
  ranAt: number;
  what: string;
  target: string;
  /** What it does to the data there, in the Pull form's words: "Replace it", "Merge by key (ID)". */
  mode: string;
  /**
   * The modes Edit offers, in the Pull form's words (a schedule grid is only replaced); `note`, what
   * a person should know before choosing it ('' when nothing), shown on the card for its own mode.
   */
  modes: {
    value: PullSpec['mode'];
    label: string;
    note: string;
    /** Chosen in Edit, Save asks this first (its words, the note): Replace taking the rows it gathered away. */
    ask?: { question: string; yes: string; keep: string };
  }[];
  /** The saved pull, for editing. */
  spec: PullSpec;
  frequency: Frequency;
  /** "Daily at 07:00 Europe/Berlin": its hour named in the spreadsheet's zone. */
  frequencyLabel: string;
  /** The spreadsheet's time zone, which its times are in (Edit's form names it at the hour). */
  zone: string;
  /**
   * The spreadsheet's zone is not the one its schedule was saved in: when it runs now, and to its
   * owner what to do (zone-moved.ts); else ''.
   */
  zoneMoved: string;
  /**
   * Its table was written while the spreadsheet had another zone, so its next run will be refused,
   * as will every run after it until the table is written again: what to do (zone-refused.ts); else ''.
   */
  zoneRefused: string;
  /**
   * A person's columns of notes beside the table it replaces stay by row number while each run
   * writes its rows afresh: which, and what follows (kept-words.ts runKeptWords); else ''.
   */
  notesBeside: string;
  /** Today's ISO weekday in that zone: made weekly in Edit, it starts on it. */
  today: number;
  notifyByEmail: boolean;
  paused: boolean;
  /** Its sheet is gone, so it can never run: why, and what to do, in words for the viewer; else ''. */
  targetGone: string;
  pausedReason: string;
  /** Why it will not run on schedule (no trigger could be created, today's budget spent), else ''. */
  notice: string;
  running: boolean;
  /** Stop or Pause was pressed while the run under way held the lock: it ends after its page under way. */
  stopping: boolean;
  /**
   * The run under way met failures and will be tried again: how many, the last reason, by when,
   * and when that run was due (records from before runs kept it have none), or for a run started by
   * Run now, when it was started and by whom ("you" on the owner's own card: run-name.ts);
   * `lastTryBy`, the latest its last try begins (pull-job.ts lastTryBy), after which it is given up;
   * `lastTry`, its next try (or the one under way) the last: should it fail, it is given up;
   * `trying`, a try of it under way now (else nothing runs until its next try: waitsToTry).
   */
  retry: {
    attempts: number;
    reason: string;
    nextTry: string;
    lastTryBy?: string;
    lastTry?: true;
    trying?: true;
    due?: string;
    startedBy?: string;
  } | null;
  /**
   * The run under way waits out Assembled's rate limit as Assembled asked, a refusal not counted
   * as a failed attempt (run-pull.ts limitWait): what it met and what it does, else ''.
   */
  limited: string;
  /**
   * While its run is under way with no failed attempt: who carries it on, and by when at the
   * latest, as a push's other editors are told (others-push.ts); to its owner too, whose sidebar
   * closed leaves it to their hourly check; else ''.
   */
  carriedOn: string;
  nextRun: string;
  /** A run due a while ago that never started (its owner's trigger is gone): what to do, else ''. */
  overdue: string;
  /**
   * `due`: when a run that did not work was due, if it ended a minute or more after (it was retried),
   * with `startedBy` for a run started by Run now, as `retry`; `retried`: when the later try of a
   * run given up began, that try being the run told of.
   */
  lastRun: {
    at: string;
    due?: string;
    startedBy?: string;
    retried?: string;
    status: RunStatus;
    rows: number;
    merged?: MergedCounts;
    gaveUp?: true;
    message: string;
    /** A failed or stalled run's cause in short (shortCause), said in view; its message on request. */
    cause?: string;
    /** The runs due while it went on (retried), which were not started (folded-runs.ts), said after it. */
    folded?: string;
    /**
     * A failed or stalled run's sheet, there still, holds the rows last written: when the last run
     * that worked ended, or the pull it was saved from, and its rows when known (Refresh.lastGood);
     * absent when not known, or for a BigQuery table (a load under way when it failed may have finished).
     * `by`: who pulled them from Pull data since the refresh last wrote ("you" to them), if so;
     * `sinceFailed`, while its runs were failing (kept-rows.ts keptRows says them so).
     */
    kept?: KeptRows;
    /** Stopped after a failed run (refresh.ts LastRun): `kept` says what its sheet holds, as a failed run's does. */
    afterFailed?: true;
  } | null;
  /**
   * Its last run was given up on an outage, its next run hours or days off (run-now-pulls.ts
   * longWait): what the viewer can do once Assembled answers again (Run now, or whom to ask), else ''.
   */
  runAgain: string;
  /**
   * On the card Resume just resumed, paused for its owner's refused key, when Assembled did not
   * answer whether it takes the key now (resume-key.ts): Resume's words for that; else absent.
   */
  keyUnchecked?: string;
  /**
   * On the card Resume just resumed: the runs it missed while paused, what its sheet holds, and Run
   * now to bring it up to date (missed-runs.ts); else absent.
   */
  missed?: string;
  /**
   * On the card another editor's Pause just paused, when the e-mail telling its owner went
   * (stopped-mail.ts ownerToldWords): Pause's words for that; else absent.
   */
  ownerTold?: string;
  /**
   * On the card an edit was just saved on: Save's words when more than "Saved." (its pause kept for
   * its owner's key, or resumed with the key unchecked: resume-key.ts savedWords); else absent.
   */
  saved?: string;
}

/**
 * An hourly trigger fires once in each hour at a minute of its own: a run not started two hours
 * after it was due is not coming (the owner's trigger was deleted, or Google disabled it).
 */
export const OVERDUE_AFTER_MS = 2 * 3_600_000;

function overdueWords(r: Refresh, mine: boolean, zone: Zone, now: number): string {
  const next = nextRunIn(r, zone);
  if (r.paused || r.jobId !== undefined || now - next <= OVERDUE_AFTER_MS) return '';
  const due = `Overdue: due ${formatLocalDateTime(next, zone)} and not run yet.`;
  // The owner's sidebar sets their trigger again as it lists the refreshes (src/server/refreshes.ts).
  if (mine)
    return `${due} Your hourly trigger was not running it; it is set going again and runs it within the hour.`;
  const owner = ownerName(r);
  return `${due} Its runs come from ${owner}'s hourly trigger: ask ${owner} to open Scheduled refreshes, which sets it going again.`;
}

/**
 * A run goes on with its owner's key alone: in their open Scheduled refreshes, else at their hourly
 * background check. Without this another editor saw "Running now" for an hour with no word of why,
 * and so did its owner back at a run Run now started in a sidebar they had closed since.
 */
function carriedOnWords(r: Refresh, run: PullJob, mine: boolean, zone: Zone, now: number): string {
  // By a time that stays put as the card is read again, and once past, overdue (hourly-check.ts).
  const hourly = hourlyCheckWords(run.updatedAt, run.nextPollAt, now, zone, mine ? 'your' : 'their');
  return mine
    ? `It goes on while you have Scheduled refreshes open${hourly}.`
    : `It goes on while ${ownerName(r)} has Scheduled refreshes open${hourly}.`;
}

/** The mode as the Pull form words it; a merge names its key columns (the source's own unless typed). */
function modeWords(spec: PullSpec): string {
  const words = modeLabel(spec.mode, spec.target.kind);
  return spec.mode === 'merge'
    ? `${words} (${spec.mergeKey ?? keyHeaders(sourceInfo(spec.source).key)})`
    : words;
}

/** A mode Edit offers; Replace, for a refresh that gathers rows run by run, says what it takes away. */
function modeChoice(r: Refresh, value: PullSpec['mode']): RefreshView['modes'][number] {
  const spec = { ...r.spec, mode: value };
  const lost = value === 'replace' ? historyLost(r) : '';
  return {
    value,
    label: modeWords(spec),
    note: [modeNote(spec), lost].filter(Boolean).join(' '),
    ...(lost ? { ask: replaceAsked(r.spec.mode) } : {}),
  };
}

/**
 * A run is shown at its end; one that failed after hours of retries shows when it was due too,
 * or its card would read as a schedule that slipped.
 */
function lastRunView(
  r: Refresh,
  viewer: Caller,
  zone: Zone,
  byName?: Zones,
  /** Words after its reason: what follows from it (zone-refused.ts refusedAgainWords). */
  then = '',
  sheetThere = true,
): RefreshView['lastRun'] {
  if (!r.lastRun) return null;
  const mine = owns(viewer, r);
  const { dueAt, retriedAt, byHand, zones, folded, whole: _, ...run } = r.lastRun;
  // Its zone moved since: a run at 07:25 London would read as 02:25 with no zone named.
  const time = cardTime(r, zone, byName);
  const at = time(run.at);
  const due = run.status !== 'done' && dueAt !== undefined ? time(dueAt) : at;
  const retried = {
    ...(retriedAt !== undefined ? { retried: time(retriedAt) } : {}),
    ...(byHand ? { startedBy: startedBy(r, mine) } : {}),
  };
  // Its owner is told as "you", as the reason line under it does.
  const yours =
    { [noKeyFor(r)]: NO_KEY_FOR_YOU, [keyRefusedFor(r)]: KEY_REFUSED_FOR_YOU }[run.message] ??
    forbiddenForYou(r, run.message);
  const byOwner = stoppedOnCard(r);
  const stopped = run.message.startsWith(byOwner) && STOPPED_BY_YOU + run.message.slice(byOwner.length);
  const said =
    (mine && (yours || stopped)) || (zones && otherZoneSince(r.spec, zones, zone.name)) || run.message;
  const message = then ? `${said} ${then}` : said;
  const failed = (run.status === 'failed' || run.status === 'stalled') && message;
  // Refused for its table's zone (zones), the run wrote nothing and its reason begins by saying so:
  // the card, already long with the zone's words, does not say it twice.
  const stale = failed || run.afterFailed;
  const good = stale && sheetThere && !zones && r.spec.target.kind !== 'bigquery' ? r.lastGood : undefined;
  return {
    ...run,
    at,
    message,
    // Its sheet gone, that is its card's reason (targetGone), said first: this run's, from before
    // (a key refused since set right), is there when asked for, not headlined beside it.
    ...(failed && sheetThere ? { cause: shortCause(message) } : {}),
    ...(due !== at ? { due, ...retried } : {}),
    ...(folded ? { folded: foldedBrief(folded, time, due) } : {}),
    ...(good ? { kept: keptSeenBy(viewer, good, time(good.at)) } : {}),
  };
}

/** Who started a run by Run now, said to the viewer: "you" to its owner (who alone can press it). */
const startedBy = (r: Refresh, mine: boolean) => (mine ? 'you' : ownerName(r));

/**
 * When the refresh runs next. A run under way holds the next one back: a time before its retry,
 * or one already past while it is tried, would not happen then. A time past with no run under way
 * is due: the next check (hourly, at most) starts it.
 */
function nextRunText(r: Refresh, zone: Zone, now: number, mine: boolean, run?: PullJob): string {
  const next = nextRunIn(r, zone);
  const held = next <= now || (run?.errors ? next <= nextTryBy(run) : false);
  // Tried again, its next try is what comes next; the run after, if that try works, is its next
  // time, or held back past it, the first time after it, by the try's latest (a try may come sooner).
  if (r.jobId !== undefined && run?.errors) {
    const tryBy = formatLocalDateTime(nextTryBy(run), zone);
    const after = held
      ? `by ${sameDay(formatLocalDateTime(nextRun(r.frequency, nextTryBy(run), zone), zone), tryBy)}`
      : `at ${sameDay(formatLocalDateTime(next, zone), tryBy)}`;
    const now = waitsToTry(run) ? `Next try by ${tryBy}` : 'Trying again now';
    return `${now}; if it works, the next run ${after}`;
  }
  // Past while a run goes on (a long report): named as its card's Last run names that run.
  if (r.jobId !== undefined && held)
    return r.runDueAt === undefined
      ? 'After this run'
      : `After ${runName(formatLocalDateTime(r.runDueAt, zone), run?.byHand && startedBy(r, mine))}`;
  const at = formatLocalDateTime(next, zone);
  // A run given up, tried once more before the next time (run-refreshes.ts): that try comes first.
  if (r.retryAt !== undefined && r.jobId === undefined) {
    const retry = formatLocalDateTime(r.retryAt, zone);
    const once = `one more try of the run given up; then ${at}`;
    return r.retryAt <= now
      ? `Due since ${retry}: ${once}. The add-on's next check, within the hour, starts it`
      : `${retry}: ${once}`;
  }
  return next <= now ? `Due since ${at}: the add-on's next check, within the hour, starts it` : at;
}

/**
 * A run given up after its attempts waits for the refresh's next time, a week off for a weekly one:
 * its owner is told Run now pulls it once Assembled answers again; another editor, whom to ask.
 * Whether it answers by now is not known (the card asks nothing of Assembled): not said. One tried
 * once more by itself first (run-refreshes.ts) says so, and that Run now is for when that try fails too.
 * Its next run two hours off or less (an hourly refresh's), nothing: that run comes about as soon (longWait).
 */
function runAgainWords(r: Refresh, viewer: Caller, zone: Zone, now: number): string {
  // Its dates all in its sheet whole already (LastRun.whole): nothing is missing, as its e-mail says.
  const { gaveUp, whole } = r.lastRun ?? {};
  if (!gaveUp || whole || r.paused || r.jobId !== undefined || !longWait(nextRunIn(r, zone), now)) return '';
  const act = owns(viewer, r) ? runNowOn(r, THIS_CARD, 'it') : `ask ${ownerName(r)} to press Run now on it`;
  if (r.retryAt !== undefined)
    return `It is tried once more within the hour after ${formatLocalDateTime(r.retryAt, zone)}; if that fails too, ${ratherThanWait(act)}.`;
  return onceBack(act);
}

/** Every editor is told the ways back; another editor whom to ask to resume, and what their Remove would end. */
const goneWords = (r: Refresh, viewer: Caller) => `It cannot run: ${gone(r, viewer)}.`;

/**
 * Why it is paused, in words for the viewer. Paused for its deleted sheet, the reason says its
 * owner's ways back (Resume on this card); once the sheet is back (undone or restored), the ways are
 * past: its owner is told to Resume, another editor whom to ask. While it is gone, targetGone says
 * the rest.
 */
function pausedWords(
  r: Refresh,
  viewer: Caller,
  zone: Zone,
  viewerHasKey: boolean,
  sheetThere: boolean,
): string {
  const mine = owns(viewer, r);
  const since = keySavedSince(r);
  const at = r.pausedWith && atRunOf(r.pausedWith, zone);
  if (mine && r.pausedForKey)
    return keyPauseToOwner(r.pausedForKey, viewerHasKey && since ? 'since' : viewerHasKey, undefined, at);
  if (since) return keySavedToOthers(r, toHaveDone(r, viewer, 'resume'));
  const reason = r.pausedReason ?? '';
  const what = goneWhat(reason);
  if (what === undefined || (mine && !sheetThere)) return reason;
  const resume = mine ? `Resume on ${THIS_CARD} to have it run again` : toHaveDone(r, viewer, 'resume');
  return sheetThere ? `${what} It is back now: ${resume}.` : what;
}

/** The try a run under way really ends on (by its give-up time or its count), in the sheet's zone. */
function lastTryWords(run: PullJob, zone: Zone): { lastTryBy?: string } {
  const by = lastTryBy(run);
  return by === undefined ? {} : { lastTryBy: formatLocalDateTime(by, zone) };
}
/** What a card is drawn from besides its refresh, its viewer, the zone and the time. */
export interface CardSeen {
  /** The run under way (refresh.jobId's job), as any editor may read it. */
  run?: PullJob;
  /** Whether its target sheet is still in the spreadsheet (default true). */
  sheetThere?: boolean;
  /** Whether the viewer has an API key saved (another's is theirs alone to read: only the owner's own card says it). */
  viewerHasKey?: boolean;
  /** Whether Stop or Pause was pressed on the run under way (stop-asked.ts). */
  stopping?: boolean;
  /** The zones by name, for the zone its schedule was saved in (without, nothing is said of it). */
  zones?: Zones;
  /** The zone its table was written in, when its next run would be refused for it (zone-refused.ts refusedFor). */
  tableZone?: string;
}

export function refreshView(
  r: Refresh,
  viewer: Caller,
  zone: Zone,
  now: number,
  { run, sheetThere = true, viewerHasKey = false, stopping = false, zones, tableZone }: CardSeen = {},
): RefreshView {
  const mine = owns(viewer, r);
  return {
    id: r.id,
    owner: ownerSeenBy(viewer, r),
    mine,
    runNow:
      mine &&
      (r.jobId === undefined || (!!run && waitsToTry(run) && !stopping)) &&
      !(r.paused && r.pausedForKey && !viewerHasKey),
    ranAt: ranAt(r),
    what: pullWords(r.spec),
    target: describeTarget(r.spec.target),
    mode: modeWords(r.spec),
    modes: (replacedWhole(r.spec.source) ? (['replace'] as const) : MODES).map((value) =>
      modeChoice(r, value),
    ),
    spec: r.spec,
    frequency: r.frequency,
    frequencyLabel: describeFrequency(r.frequency, zone.name),
    zone: zone.name,
    zoneMoved: zones && sheetThere ? zoneMovedWords(r, mine, zone, zones) : '',
    zoneRefused: tableZone && sheetThere ? zoneRefusedWords(r, tableZone, zone) : '',
    // Kept on its record, not read from its sheet (notes-beside.ts).
    notesBeside: r.notesBeside?.length && sheetThere ? `${runKeptWords(r.notesBeside, r.spec)}.` : '',
    today: weekdayOf(now, zone),
    notifyByEmail: r.notifyByEmail,
    paused: r.paused,
    pausedReason: pausedWords(r, viewer, zone, viewerHasKey, sheetThere),
    notice: r.paused ? '' : (r.notice ?? ''),
    running: r.jobId !== undefined,
    stopping: stopping && r.jobId !== undefined,
    retry: run?.errors
      ? {
          attempts: run.errors,
          // The tick tries again by itself: Assembled's "try again" is not for the reader.
          reason: `${causeOf(run.message ?? 'no reason given')}.`,
          nextTry: formatLocalDateTime(nextTryBy(run), zone),
          ...lastTryWords(run, zone),
          ...(lastTry(run) ? { lastTry: true as const } : {}),
          ...(waitsToTry(run) ? {} : { trying: true as const }),
          ...(r.runDueAt === undefined ? {} : { due: formatLocalDateTime(r.runDueAt, zone) }),
          ...(r.runDueAt !== undefined && run.byHand ? { startedBy: startedBy(r, mine) } : {}),
        }
      : null,
    limited:
      run && !run.errors && run.limitedSince !== undefined
        ? `${causeOf(run.message ?? '')}. Assembled is up, so the run waits its turn and tries again.`
        : '',
    carriedOn: run && !run.errors ? carriedOnWords(r, run, mine, zone, now) : '',
    nextRun: r.paused ? '' : nextRunText(r, zone, now, mine, run),
    overdue: overdueWords(r, mine, zone, now),
    lastRun: lastRunView(
      r,
      viewer,
      zone,
      zones,
      tableZone && sheetThere ? refusedAgainWords(r, tableZone, zone) : '',
      sheetThere,
    ),
    runAgain: sheetThere ? runAgainWords(r, viewer, zone, now) : '',
    targetGone: sheetThere ? '' : goneWords(r, viewer),
  };
}
