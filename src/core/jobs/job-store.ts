// Pull jobs, kept in the document's store so that any execution (the sidebar's or the
// dispatcher's) can carry a job on.
import type { Store } from '../ports';
import { KEEP_FINISHED_MS, RecordStore } from '../record-store';
import { isTerminal, type PullJob } from './pull-job';

export class JobStore extends RecordStore<PullJob> {
  constructor(store: Store) {
    super(store, 'job.');
  }

  active(): PullJob[] {
    return this.all().filter((j) => !isTerminal(j));
  }

  /** Forgets finished jobs older than a day. */
  prune(now: number): void {
    this.deleteWhere((j) => isTerminal(j) && now - j.updatedAt > KEEP_FINISHED_MS);
  }
}
