// A check on a running job that the sidebar could not make (the network dropped, the laptop slept,
// Google answered with an error) is made again, a few times, further apart each time. The job
// carries on on the server meanwhile: a sidebar that stopped at the first failure would freeze its
// clock on a job still running.
import { RUN_LOG_SHEET } from '../core/pull/run-log';
import { duration } from './duration';
import { errorMessage } from './rpc';

/** The waits after each failed check; after the last, the sidebar stops following. */
export const CHECK_AGAIN_AFTER_MS = [5_000, 15_000, 45_000];

/**
 * A job the sidebar ended meanwhile (Stop): `over` says so, and a check that failed on its way is
 * then not said over the stop nor waited for; `sleeping` is handed what ends a wait early.
 */
export interface CheckAgainOptions {
  over?: () => boolean;
  sleeping?: (wake: () => void) => void;
}

/**
 * Calls `check` until it answers. After each failure `waiting` is told what to say; after the last,
 * the failure is thrown in words that say the job carries on and where its outcome will be.
 */
export async function checkAgain<T>(
  check: () => Promise<T>,
  what: string,
  waiting: (words: string) => void,
  { over, sleeping }: CheckAgainOptions = {},
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (error) {
      // Stopped while the check was on its way: `check` now answers with the ended job.
      if (over?.()) continue;
      const why = errorMessage(error).replace(/\.?$/, '.');
      const wait = CHECK_AGAIN_AFTER_MS[i];
      if (wait === undefined)
        throw new Error(
          `Lost touch with the ${what}: ${why} It carries on without this sidebar, and its outcome goes to the "${RUN_LOG_SHEET}" sheet; open this sidebar again to follow it.`,
        );
      waiting(
        `Could not check on the ${what}: ${why} Trying again in ${duration(wait)}; the ${what} carries on meanwhile.`,
      );
      await new Promise<void>((r) => {
        sleeping?.(r);
        setTimeout(r, wait);
      });
    }
  }
}
