// What the sidebar sees of a push: plain JSON (google.script.run carries no Dates).
import { causeOf, failedWith } from '../assembled/errors';
import type { KeyNotice } from '../settings';
import type { DoubledColumn } from './doubled-columns';
import type { Filtered } from './filter-words';
import { KINDS, PUSH_KINDS, type PushKind } from './kinds';
import { NO_KEY_STOP_YOURS, noKeyStop } from './no-key-stop';
import type { OthersPush } from './others-push';
import { withMore } from './problem-list';
import { rowsSent } from './progress-words';
import { OUTAGE_MS, OUTAGE_TRIES, type PushJob } from './push-job';
import { untickedDaysWords } from './unticked-days';

/** `filtered`: said by the server while the sheet has a filter (filter-words.ts). */
export interface PushView extends Filtered {
  id: string;
  kind: PushKind;
  label: string;
  sheet: string;
  state: PushJob['state'];
  /** Rows finished out of the rows to send. */
  done: number;
  total: number;
  succeeded: number;
  failed: number;
  invalid: number;
  /** Rows changed or added during the push, so not sent (marked so beside them). */
  notSent: number;
  skipped: number;
  message: string;
  /** Its owner ended it with Stop: asked for, so said as news, not as a failure. */
  stopped: boolean;
  /** Fields two columns of the sheet fit, and the one read: said as Validate says them. */
  doubled: DoubledColumn[];
  /** Rows it sends (once over, sent) as whole days with All day not ticked, in one line; '' when none. */
  untickedDays: string;
  /** Rows sent that replaced the ID their agent held on a platform (its message says which). */
  replaced: number;
  /** Some row sent a name Assembled does not know, as written (the summary says which). */
  asWritten: boolean;
  /** Once it is over: the first rows to fix, as Validate lists them; [] when none. */
  problems: string[];
  /** Why background runs will not finish it (no trigger, today's budget spent), else ''. */
  notice: string;
  /** Time since the push started (to its end once over). */
  elapsedMs: number;
  /**
   * Time left at the pace so far, once a row is done; null before that (nothing to judge by).
   * 0 once the push is over.
   */
  estimatedLeftMs: number | null;
  /** When the sidebar should ask again, in ms from now; 0 when the push is over. */
  nextPollInMs: number;
  /** Its rows are still being read and checked (the first run has not fixed the rows to send). */
  preparing: boolean;
  /** A request to Assembled failed: the next try is this far off (ms); 0 when not waiting on it. */
  nextTryInMs: number;
  /**
   * Waiting out Assembled's rate limit: for this long so far (ms), which the sidebar counts on, as
   * its tries a second apart each say the same; null when not.
   */
  limitedForMs: number | null;
}

export interface KindChoice {
  id: PushKind;
  label: string;
  summary: string;
}

export interface PushOptions extends KeyNotice {
  kinds: KindChoice[];
  /** The active sheet the buttons work on. */
  sheet: string;
  /** The kind the active sheet's header looks like, if any. */
  detected?: PushKind;
  /** What a pull wrote into the active sheet (its header note says so): no kind is guessed for it. */
  pulled?: string;
  /** The caller's push running on the active sheet, for the sidebar to follow. */
  running?: PushView;
  /** Another editor's push running on the active sheet: named and watched, never joined or driven. */
  othersPush?: OthersPush;
  /** The caller's last push of the active sheet, over within the day: how it ended is shown again. */
  last?: PushView;
  /** Another editor pushed the sheet after `last`: whose and when, shown above it. */
  lastNote?: string;
}

export function kindChoices(): KindChoice[] {
  return PUSH_KINDS.map((id) => ({ id, label: KINDS[id].label, summary: KINDS[id].summary }));
}

export function pushView(job: PushJob, now: number): PushView {
  const waitUntil = Math.max(job.leaseUntil ?? 0, job.notBefore ?? 0);
  const nextPollInMs =
    job.state !== 'running' ? 0 : waitUntil > now ? Math.min(waitUntil - now, 15_000) : 500;
  const preparing = job.state === 'running' && !job.prepared;
  // Set with notBefore when Assembled was down or refused for a while; a later try clears neither.
  const trouble = job.state === 'running' && (job.notBefore ?? 0) > now && job.message ? job.message : '';
  const stage =
    job.state === 'done'
      ? 'Finished.'
      : job.state === 'failed'
        ? 'Stopped.'
        : trouble
          ? troubleWords(trouble, job, now)
          : preparing
            ? 'Reading the rows and checking them against Assembled.'
            : `Sending: ${rowsSent(job)}.`;
  return {
    id: job.id,
    kind: job.kind,
    label: KINDS[job.kind].label,
    sheet: job.sheetName,
    state: job.state,
    done: job.done,
    total: job.total,
    succeeded: job.succeeded,
    failed: job.failed,
    invalid: job.invalid,
    notSent: job.notSent ?? 0,
    skipped: job.skipped,
    // Only the owner sees their push: the log's words name them, these say "you".
    message:
      job.state === 'running'
        ? stage
        : job.message === noKeyStop(job)
          ? NO_KEY_STOP_YOURS
          : (job.message ?? stage),
    stopped: job.stopped === true,
    doubled: job.doubled ?? [],
    untickedDays: untickedDaysWords(job.wholeDays, job.state === 'running' ? 'sending' : 'sent'),
    replaced: job.replaced?.count ?? 0,
    asWritten: !!job.asWritten,
    problems:
      job.state === 'running'
        ? []
        : withMore(job.problems ?? [], job.invalid + job.failed, (job.changed ?? 0) + (job.moved ?? 0)),
    notice: job.state === 'running' ? (job.notice ?? '') : '',
    elapsedMs: (job.state === 'running' ? now : job.updatedAt) - job.createdAt,
    // No pace to go by while a failing Assembled holds the rows back.
    estimatedLeftMs: preparing || (trouble && job.failing) ? null : timeLeft(job, now),
    nextPollInMs,
    preparing,
    nextTryInMs: trouble ? (job.notBefore ?? now) - now : 0,
    limitedForMs: trouble && job.limitedSince !== undefined ? now - job.limitedSince : null,
  };
}

function timeLeft(job: PushJob, now: number): number | null {
  if (job.state !== 'running') return 0;
  if (job.done <= 0 || job.total <= job.done) return job.total <= job.done ? 0 : null;
  return Math.round(((now - job.createdAt) / job.done) * (job.total - job.done));
}

/**
 * A request that failed, and what comes of it. A rate limit says Assembled is up: it is waited out
 * for as long as it takes (how long so far, the sidebar says: limitedForMs). Failing that keeps on
 * stops the push (OUTAGE_MS of it, over at least OUTAGE_TRIES tries), which the words say in
 * minutes, so a long wait has an end in sight.
 */
function troubleWords(message: string, job: PushJob, now: number): string {
  if (job.limitedSince !== undefined)
    return `${causeOf(message)}. Assembled is up, so the add-on waits its turn and tries again for as long as it takes.`;
  const minutes = Math.floor((now - (job.failing?.since ?? now)) / 60_000);
  const limit = OUTAGE_MS / 60_000;
  const failed = minutes > 0 ? `Assembled has failed for ${minutes} min` : 'A request to Assembled failed';
  // Past the time, tries are still owed (in the background they come hourly): count those down.
  const owed = OUTAGE_TRIES - (job.failing?.tries ?? 1);
  const stops =
    minutes < limit
      ? `if it is still failing at ${limit} min`
      : owed > 1
        ? `if the next ${owed} tries fail too`
        : 'if the next try fails too';
  return `${failedWith(failed, message)} The add-on tries again, and the push stops ${stops}.`;
}
