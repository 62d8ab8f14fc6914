// A check on a running job that the sidebar could not make (the network dropped, the laptop slept,
// Google answered with an error) is made again, a few times, further apart each time. The job
// carries on on the server meanwhile: a sidebar that stopped at the first failure would freeze its
// clock on a job still running.

import { duration } from '../core/duration';
import { RUN_LOG_SHEET } from '../core/pull/run-log';
import { errorMessage } from './rpc';

/** The waits after each failed check; after the last, the sidebar stops following. */
export const CHECK_AGAIN_AFTER_MS = [5_000, 15_000, 45_000];

/**
 * Calls `check` until it answers. After each failure `waiting` is told what to say; after the last,
 * the failure is thrown in words that say the job carries on and where its outcome will be.
 * Once `signal` aborts (the sidebar follows another job now) it rejects at once with the abort's
 * reason: no check under way nor wait holds it up, and no more checks are made.
 */
export async function checkAgain<T>(
  check: () => Promise<T>,
  what: string,
  waiting: (words: string) => void,
  signal?: AbortSignal,
): Promise<T> {
  const dropped = new Promise<never>((_, reject) =>
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );
  // Aborted after an answer: nobody awaits it then.
  dropped.catch(() => undefined);
  for (let i = 0; ; i++) {
    try {
      return await Promise.race([check(), dropped]);
    } catch (error) {
      signal?.throwIfAborted();
      const why = errorMessage(error).replace(/\.?$/, '.');
      const wait = CHECK_AGAIN_AFTER_MS[i];
      if (wait === undefined)
        throw new Error(
          `Lost touch with the ${what}: ${why} It carries on without this sidebar, and its outcome goes to the "${RUN_LOG_SHEET}" sheet; open this sidebar again to follow it.`,
        );
      waiting(
        `Could not check on the ${what}: ${why} Trying again in ${duration(wait)}; the ${what} carries on meanwhile.`,
      );
      await Promise.race([new Promise((r) => setTimeout(r, wait)), dropped]);
    }
  }
}
