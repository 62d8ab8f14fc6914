// Pull jobs, kept in the document's store so that any execution (the sidebar's or the
// dispatcher's) can carry a job on. One property per job keeps each under the 9 KB limit.
import type { Store } from '../ports';
import { isTerminal, type PullJob } from './pull-job';

const PREFIX = 'job.';
/** Finished jobs are kept this long so the sidebar can show how they ended. */
const KEEP_FINISHED_MS = 24 * 3_600_000;

export class JobStore {
  constructor(private readonly store: Store) {}

  get(id: string): PullJob | undefined {
    return this.store.get<PullJob>(PREFIX + id);
  }

  save(job: PullJob): PullJob {
    this.store.set(PREFIX + job.id, job);
    return job;
  }

  all(): PullJob[] {
    return this.store.entries<PullJob>(PREFIX).map(([, job]) => job);
  }

  active(): PullJob[] {
    return this.all().filter((j) => !isTerminal(j));
  }

  /** Forgets finished jobs older than a day. */
  prune(now: number): void {
    for (const job of this.all()) {
      if (isTerminal(job) && now - job.updatedAt > KEEP_FINISHED_MS) this.store.delete(PREFIX + job.id);
    }
  }
}
