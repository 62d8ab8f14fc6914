// A refresh runs one run at a time: the runs that fall due while a run of it is still tried (an
// hourly refresh's 19:00 run retried until 21:58) are not started, and the next run is the first
// after that run ends (run-refreshes.ts endRecorded). The run that ends says so, in the log and on
// its card, or an hourly refresh's 20:00 and 21:00 runs vanish without a word.
import type { FoldedRuns, PullJob } from '../jobs/pull-job';
import type { Store, Zone } from '../ports';
import { resolveRange } from '../time/date-range';
import { sameDay } from '../time/same-day';
import { formatLocalDateTime } from '../time/zone-math';
import { nextRun } from './frequency';
import { nextPulls, nextPullsSaid } from './next-pulls';
import { dueUpTo } from './next-run';
import { RefreshStore } from './refresh';

/**
 * `job`, a refresh's run ending now, with the runs of its refresh that fell due while it went on.
 * `retried`: it had failed attempts. `goesOn`: its refresh runs on as scheduled (it worked, or was
 * given up on an outage), not paused by how it ended, so its next run may be said. A paused refresh
 * has no runs due (Run now pressed on its card runs one alone): none are folded.
 */
export function withFolded(
  store: Store,
  job: PullJob,
  zone: Zone,
  now: number,
  { retried, goesOn }: { retried: boolean; goesOn: boolean },
): PullJob {
  if (job.refreshId === undefined) return job;
  const r = new RefreshStore(store).get(job.refreshId);
  if (r?.jobId !== job.id || r.paused) return job;
  const due = dueUpTo(r, zone, now);
  if (!due) return job;
  const next = nextRun(r.frequency, now, zone);
  const { range } = r.spec;
  const covered = goesOn && range && nextPulls(range, next, resolveRange(range, due.first, zone), zone);
  return {
    ...job,
    folded: { ...due, ...(covered ? { covered: next } : {}), ...(retried ? { retried: true } : {}) },
  };
}

/**
 * "runs due 2026-12-06 20:00 and 21:00", "5 runs due 20:00 to 00:00", after "the": their times by
 * `time`, the first by its hour alone on the day of `of` when given.
 */
function runsDue(f: FoldedRuns, time: (at: number) => string, of?: string): string {
  const first = time(f.first);
  const from = of ? sameDay(first, of) : first;
  const to = sameDay(time(f.last), first);
  if (f.count === 1) return `run due ${from}`;
  return f.count === 2 ? `runs due ${from} and ${to}` : `${f.count} runs due ${from} to ${to}`;
}

/** "were not started while this one was retried"; a run not retried (a long report) was still running. */
const notStarted = (f: FoldedRuns, run: string) =>
  `${f.count === 1 ? 'was' : 'were'} not started while ${run} was ${f.retried ? 'retried' : 'still running'}`;

/**
 * Which runs it stood for, in a sentence of its own: the log row's first, and the failure e-mail's
 * line after how the run ended (the e-mail says the next run and the dates in lines of their own).
 */
export const foldedSaid = (f: FoldedRuns, zone: Zone): string =>
  `The ${runsDue(f, (at) => formatLocalDateTime(at, zone))} ${notStarted(f, 'this one')}.`;

/** The log row's words after the run's own: which runs it stood for, and whether the next pulls their dates. */
export function foldedWords(f: FoldedRuns, zone: Zone): string {
  const time = (at: number) => formatLocalDateTime(at, zone);
  const said = foldedSaid(f, zone);
  if (f.covered === undefined) return said;
  const they = f.count === 1 ? 'it was' : 'they were';
  return `${said} ${nextPullsSaid(sameDay(time(f.covered), time(f.last)), they)}.`;
}

/** The card's last-run line's words: which runs were not started, by the card's `time`, beside `of`. */
export function foldedBrief(f: FoldedRuns, time: (at: number) => string, of: string): string {
  return `the ${runsDue(f, time, of)} ${notStarted(f, 'it')}`;
}
