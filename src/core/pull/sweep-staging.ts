// Staging sheets left behind: an execution cut short (the 6-minute limit) after a job's end was
// saved and before its staging was deleted leaves them hidden for good, taking cell room. A job
// still under way, anyone's, keeps its own.
import type { JobStore } from '../jobs/job-store';
import { isTerminal } from '../jobs/pull-job';
import { type Staging, stageJob } from './staging';

/**
 * Deletes the staging of every job that is over or no longer kept. Run under the document lock,
 * as every step that stages is: no other execution makes staging meanwhile. Each job is read
 * afresh (a single get), not from a listing this execution may have read before the lock.
 */
export function sweepStaging(staging: Staging, jobs: JobStore): void {
  for (const stage of new Set(staging.stages())) {
    const job = jobs.get(stageJob(stage));
    if (!job || isTerminal(job)) staging.remove(stage);
  }
}
