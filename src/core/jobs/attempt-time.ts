// A log row's Duration, one meaning for every row (a pull, a refresh's attempt, a push): the time
// its attempts took, the add-on's work and its waits on Assembled (a report being built, a rate
// limit), not the time it waited, due, for an execution to take it up (behind other runs, for the
// next background tick or the sidebar's next call), nor the wait for a retry (a refresh's retry has
// a row of its own; a pull from the sidebar, one row however many tries it took). The sidebar's
// Elapsed counts them all, so a row that left out waits between tries says how long they were.
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
