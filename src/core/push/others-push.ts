// Another editor's push of the sheet in front, as the Push sidebar tells it: whose, how far, and
// when it goes on. It runs with their key, so only they carry it on: their open Push sidebar, or
// their hourly background check; stalled, the caller may stop it, to push the rows left with their
// own. And the caller's own last push, once another's ended since.
import { countText, rowCount } from '../count-text';
import { hourlyCheckWords } from '../jobs/hourly-check';
import { ownerName } from '../owner';
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import { noKeyReason } from './no-key-stop';
import { notSentWords, rowsSent } from './progress-words';
import { withoutPushAgain } from './push-again';
import { isStalled, type PushJob } from './push-job';

export interface OthersPush {
  id: string;
  /** Still running: Validate and Push wait, and the sidebar asks again after nextPollInMs. */
  running: boolean;
  /** Stalled (isStalled): the sidebar offers Stop their push. */
  stoppable: boolean;
  message: string;
  nextPollInMs: number;
}

/** How often a sidebar asks after another editor's push: its own push's slowest pace. */
const WATCH_MS = 15_000;

export function othersPushView(id: string, job: PushJob | undefined, now: number, zone: Zone): OthersPush {
  const at = (ms: number) => formatLocalDateTime(ms, zone);
  const over = (message: string): OthersPush => ({
    id,
    running: false,
    stoppable: false,
    message: `${message} You can validate and push this sheet now.`,
    nextPollInMs: 0,
  });
  if (!job) return over('The other push of this sheet is over.');
  const who = ownerName(job);
  if (job.state !== 'running')
    return over(
      `The push by ${who} ${job.state === 'done' ? 'finished' : 'stopped'} at ${at(job.updatedAt)}${noKeyReason(job)}: ${sentWords(job)}${notSentWords(job.notSent)}.`,
    );
  const progress = job.prepared ? rowsSent(job) : 'its rows are still being checked';
  // Their sidebar carries it on from its next try; closed, their hourly check does (hourly-check.ts).
  const next = Math.max(job.notBefore ?? 0, now);
  const first = next > now ? `at its next try, ${at(next)}, if` : 'while';
  const hourly = hourlyCheckWords(job.updatedAt, job.notBefore ?? 0, now, zone);
  const stoppable = isStalled(job, now);
  return {
    id,
    running: true,
    stoppable,
    message: stoppable
      ? `A push by ${who} is running on "${job.sheetName}" with their API key (${progress}), but nothing has worked on it since ${at(job.updatedAt)}: it goes on when they open the Push sidebar${hourly}. You can stop it with Stop their push, then push the rows not yet sent with your own key; rows already sent stay done.`
      : `A push by ${who} is running on "${job.sheetName}" with their API key (${progress}). It goes on ${first} they have the Push sidebar open${hourly}. Validate and Push wait until it is over; this sidebar says when.`,
    nextPollInMs: WATCH_MS,
  };
}

/**
 * What an ended push sent: its rows are counted once it has read them, so one stopped before (its
 * total still 0), or with none to send, sent none, not "0 of 0".
 */
function sentWords(job: PushJob): string {
  return job.prepared && job.total > 0
    ? `${countText(job.succeeded)} of ${rowCount(job.total)} sent`
    : 'no row was sent';
}

/**
 * The caller's last push of a sheet as its summary shows it once another's push of it ended later
 * (olderThanLatest): its advice to push again for the rows it did not send is moot, as that push
 * may have sent them. Taken from the words the owner reads (a stop for want of their key is said
 * to them as "you"), not from the log's.
 */
export function overtaken<T extends { message?: string }>(mine: T): T {
  return mine.message ? { ...mine, message: withoutPushAgain(mine.message) } : mine;
}

/**
 * The caller's last push of a sheet, when another editor's push of it ended later: whose and
 * when, said above its summary, whose counts no longer say where the rows stand.
 */
export function olderThanLatest(mine: PushJob, latest: PushJob, zone: Zone): string | undefined {
  if (latest.id === mine.id || latest.updatedAt <= mine.updatedAt) return undefined;
  const at = (ms: number) => formatLocalDateTime(ms, zone);
  return `Your last push of this sheet, ended ${at(mine.updatedAt)}. ${ownerName(latest)} pushed it since (ended ${at(latest.updatedAt)}): the Push status column shows where each row stands now.`;
}
