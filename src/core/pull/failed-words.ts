// What a pull from the sidebar says when Assembled's failures end it: after the cause, what became
// of its target, and what to do. A scheduled refresh's run says these in its e-mail and header note.
import { adviceOf } from '../assembled/errors';
import { rowCount } from '../count-text';
import type { PullJob } from '../jobs/pull-job';
import { quotedTarget } from './pull-target';

/**
 * Rows a pull ended before its last step left in its target: a replace writes into its staging
 * sheet until then, so only an append or merge has rows in.
 */
export function rowsLeft(job: PullJob): number {
  const { target, mode } = job.spec;
  if (job.state !== 'writing' || target.kind === 'bigquery' || mode === 'replace') return 0;
  return job.write?.done ?? 0;
}

/** `message` is the failure's as Assembled's error worded it, advice included. */
export function gaveUpWords(job: PullJob, message: string): string {
  return [targetWords(job), adviceOf(message) || 'Try again later.'].filter(Boolean).join(' ');
}

function targetWords(job: PullJob): string {
  const { target } = job.spec;
  const named = quotedTarget(target);
  // Load jobs BigQuery had already taken may still finish: nothing is known to say of the table.
  if (target.kind === 'bigquery') return job.state === 'writing' ? '' : `Nothing was loaded into ${named}.`;
  const left = rowsLeft(job);
  if (left > 0) {
    // Every source has a key, so an append pulled again leaves the rows already in as they are.
    const were = left === 1 ? 'was' : 'were';
    return `${rowCount(left)} ${were} written to ${named} before then and stay there, none of them twice; pulling again writes the rest without doubling a row.`;
  }
  // A new sheet is made when the rows are about to be written.
  if (target.kind === 'new_sheet' && job.sheetId === undefined)
    return job.state === 'writing'
      ? 'Nothing was written.'
      : `Nothing was written, and no sheet ${named} was made.`;
  return `Nothing was written: ${named} still holds what it held before this pull.`;
}
