// A log row's Duration, one meaning for every row (a pull, a refresh's attempt, a push): the time
// its attempts took, the add-on's work and its waits on Assembled (a report being built, a rate
// limit, an answer that never came), not the time it waited, due, for an execution to take it up (behind other runs, for the
// next background tick or the sidebar's next call), nor the wait for a retry (a refresh's retry has
// a row of its own; a pull from the sidebar, one row however many tries it took). The sidebar's
// Elapsed counts them all, so a row that left out waits between tries says how long they were; and
// waits for answers that never came, in both, are said too, being otherwise unseen.
import { duration } from '../duration';

export interface Timed {
  createdAt: number;
  /** When the attempt under way began, if not at createdAt (a retry). */
  attemptAt?: number;
  /** Time in this attempt it waited, due, for an execution to take it up. */
  waitedMs?: number;
  /** When it was last saved by an execution: its work ended there. */
  updatedAt: number;
}

/** The job as an execution takes it up at `now`: the time since it was last saved, and due at `dueAt`, is noted as waited. */
export function withWait<T extends Timed>(job: T, dueAt: number, now: number): T {
  const waited = now - Math.max(dueAt, job.updatedAt);
  return waited > 0 ? { ...job, waitedMs: (job.waitedMs ?? 0) + waited } : job;
}

export function attemptMs(job: Timed): number {
  return job.updatedAt - (job.attemptAt ?? job.createdAt) - (job.waitedMs ?? 0);
}

/** A log row's words for the time a pull or push from the sidebar waited between its tries ('' if none). */
export function betweenTriesWords(what: 'pull' | 'push', ms: number | undefined): string {
  return ms
    ? ` Assembled failed for a while: the ${what} waited ${duration(ms)} between tries (not in Duration).`
    : '';
}

/**
 * The sidebar's and the log row's words for the time a pull or push waited for answers Assembled
 * never gave ('' under a second): each costs the fetch's whole timeout, a minute, in Elapsed and
 * Duration alike, which otherwise grow with no reason given (the request asked again, or looked
 * up, answers, so nothing failed). `going`: said while it still reads, as the minutes are lost.
 */
export function unansweredWords(what: 'pull' | 'push', ms: number | undefined, going = false): string {
  if ((ms ?? 0) < 1_000) return '';
  const waited = `${going ? 'has waited' : 'waited'} ${duration(ms ?? 0)}`;
  return ` Assembled did not answer some requests in time: the ${what} ${waited} for answers that never came${going ? ', and asks again' : ''}.`;
}
