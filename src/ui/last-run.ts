// A scheduled refresh's last run as its card says it: in short beside "Last run", and why it did
// not write (Assembled's reasons run to hundreds of characters) apart, on request.
import { rowCount } from '../core/count-text';
import { keptRows, mergedText } from '../core/schedule/kept-rows';
import type { RefreshView } from '../core/schedule/refresh-view';
import { runName } from '../core/schedule/run-name';
import { sameDay } from '../core/time/same-day';

type Run = NonNullable<RefreshView['lastRun']>;

/** A sentence said after the time and a comma: "2026-06-01 07:00, nothing appended to …". */
const afterComma = (sentence: string) => `${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;

/** The run in short, and the runs due while it went on (retried) that were not started. */
function runText(run: Run): string {
  return run.folded ? `${ranText(run)}; ${run.folded}` : ranText(run);
}

function ranText({ at, due, startedBy, retried, status, rows, merged, message }: Run): string {
  // A run that wrote nothing says why (an append whose rows were all there already), and so does
  // one skipped (its period appended whole before): a normal outcome, said as plainly, not as a fault.
  if (status === 'done')
    return `${at}, ${rows === 0 && message ? afterComma(message) : merged ? mergedText(merged) : rowCount(rows)}`;
  if (status === 'skipped' && message) return `${at}, ${afterComma(message)}`;
  // Given up hours after it was due: the time it was due leads, so the schedule is not taken to slip;
  // so does a run given up and tried again later, whose try is said after it.
  const end = due && sameDay(at, due);
  if (due && retried) {
    const again = sameDay(retried, due);
    return again === end
      ? `Due ${due}; tried again and ${status} at ${end}`
      : `Due ${due}; tried again ${again}, ${status} at ${end}`;
  }
  // Started by Run now: nobody scheduled it, so not "due" then.
  if (due && startedBy) return `Started by ${startedBy} ${due}, ${status} at ${end}`;
  if (due) return `Due ${due}, ${status} at ${end}`;
  return `${at}, ${status}`;
}

/**
 * The run being tried again, by the time it was due (or started): until its next try nothing runs,
 * which is said (a Stop offered then read as stopping a run going on). When that try comes is said
 * once, by the card's Next run row above it: said here and under "Why it is retrying" too, the card
 * ran past the sidebar's height.
 */
function retryText({ due, startedBy, trying }: NonNullable<RefreshView['retry']>): string {
  if (trying) return due ? `Retrying ${runName(due, startedBy)}: trying again now` : 'Trying again now';
  return `${due ? `Retrying ${runName(due, startedBy)}` : 'Waiting to try again'}: nothing runs until its next try`;
}

export function lastRunText(r: Pick<RefreshView, 'running' | 'lastRun' | 'retry'>): string {
  // While a run is under way (or waits to try again) the last one to end is what the sheet holds.
  // The runs not started while it went on are said while it is the last run, and in the log:
  // a card with a run under way is long already.
  const ended = r.lastRun && ranText(r.lastRun).replace(/^(Due|Started) /, (lead) => lead.toLowerCase());
  const before = ended ? `. Previous run: ${ended}` : '';
  if (r.running && r.retry) return `${retryText(r.retry)}${before}`;
  if (r.running) return `Running now${before}`;
  return r.lastRun ? runText(r.lastRun) : 'Not run yet';
}

/**
 * What a failed run left in its sheet, said on its card once it is over (the e-mail and the header
 * note say it too): the rows last written (the last good run's, or the pull's it was saved from),
 * for a replace those alone; an append or merge holds the rows up to then, and any this run wrote
 * before it failed. '' when not known; no count where none is known (a pull named by its header note alone).
 */
export function keptText(r: Pick<RefreshView, 'running' | 'lastRun' | 'spec'>): string {
  const kept = r.lastRun?.kept;
  if (r.running || !kept) return '';
  const { mode } = r.spec;
  // A run stopped wrote nothing: why the sheet's rows are old is the failed run before it.
  const sheet = r.lastRun?.afterFailed ? 'It came after a failed run, so the sheet' : 'The sheet';
  const written =
    mode !== 'replace' && r.lastRun?.rows && !r.lastRun.afterFailed
      ? ` This run wrote ${rowCount(r.lastRun.rows)} before it failed, which stay there too; the next run writes the rest without doubling a row.`
      : '';
  return `${sheet} ${keptRows(mode, kept)}.${written}`;
}

/** The heading of retryReason on the card: it is the run under way's, not the previous run's. */
export const RETRY_WHY = 'Why it is retrying';

/**
 * Under the card, headed RETRY_WHY: the run's failed attempts, why the last failed, and the latest
 * any try comes before the run is given up: which run it is and its next try are said by the rows
 * above it (Last run, Next run), and its time by the hour alone on the day of the run Last run names.
 */
export function retryReason({
  attempts,
  reason,
  nextTry,
  lastTryBy,
  lastTry,
  trying,
  due,
}: NonNullable<RefreshView['retry']>): string {
  const tries = `${attempts === 1 ? 'Attempt 1' : `${attempts} attempts`} failed: ${reason}`;
  const at = (time: string) => (due ? sameDay(time, due) : time);
  // The next try the last: a later "last try by" would read as room for another after it.
  const by = lastTry ? nextTry : lastTryBy;
  if (!trying) return by ? `${tries} Last try by ${at(by)}, then it is given up.` : tries;
  if (lastTry) return `${tries} It is being tried again now, for the last time, then it is given up.`;
  return `${tries} It is being tried again now${by ? `; the last try by ${at(by)}, then it is given up` : ''}.`;
}

const DID = { failed: 'failed', stalled: 'stalled', skipped: 'was skipped', stopped: 'was stopped' } as const;

/**
 * Why the last run failed or was stopped, when it was told: `label` asks for it, with a failure's
 * cause in short, seen without asking; `text` says it whole.
 */
export function lastRunWhy(
  r: Pick<RefreshView, 'running' | 'lastRun'>,
): { label: string; text: string } | undefined {
  const run = r.lastRun;
  // A run that wrote nothing, or was skipped, says why beside "Last run" (runText).
  if (!run?.message || run.status === 'done' || run.status === 'skipped') return undefined;
  // While a run is under way, "Last run" says the previous run too.
  const why = `Why ${r.running ? 'the previous run' : 'it'} ${DID[run.status]}`;
  return { label: run.cause ? `${why}: ${run.cause}` : why, text: run.message };
}
