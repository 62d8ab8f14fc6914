// Google's transient answers (500/503 backendError, 403 rateLimitExceeded) are retried with
// backoff, as BigQuery's SLA asks. Every call the load makes is safe to repeat: job ids are fixed,
// so a retried insert whose first answer was lost is a 409 and the job is polled (the adapter).
import type { Clock } from '../ports';
import { type Warehouse, WarehouseError } from './warehouse';

/** Waits before each retry; the clock refuses (WaitTooLong) a wait the execution has no time for. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];

const TRANSIENT_REASONS = ['backendError', 'internalError', 'rateLimitExceeded'];

export function isTransient(error: unknown): error is WarehouseError {
  return (
    error instanceof WarehouseError &&
    ([500, 502, 503, 504].includes(error.code) || TRANSIENT_REASONS.includes(error.reason))
  );
}

function retried<A extends unknown[], R>(clock: Clock, delays: readonly number[], call: (...args: A) => R) {
  return (...args: A): R => {
    for (let attempt = 0; ; attempt++) {
      try {
        return call(...args);
      } catch (error) {
        if (!isTransient(error)) throw error;
        const wait = delays[attempt];
        if (wait === undefined)
          throw new WarehouseError(
            `${error.message} The add-on gave up after ${attempt + 1} attempts.`,
            error.code,
            error.reason,
          );
        clock.sleep(wait);
      }
    }
  };
}

/**
 * The warehouse with each call retried while BigQuery's answer is transient; `delays`, fewer waits
 * where a person waits on the answer (a stop's checks).
 */
export function retrying(w: Warehouse, clock: Clock, delays: readonly number[] = RETRY_DELAYS_MS): Warehouse {
  return {
    ...(w.chunkRows === undefined ? {} : { chunkRows: w.chunkRows }),
    table: retried(clock, delays, w.table.bind(w)),
    ensureDataset: retried(clock, delays, w.ensureDataset.bind(w)),
    createTable: retried(clock, delays, w.createTable.bind(w)),
    patchSchema: retried(clock, delays, w.patchSchema.bind(w)),
    describeTable: retried(clock, delays, w.describeTable.bind(w)),
    startJob: retried(clock, delays, w.startJob.bind(w)),
    job: retried(clock, delays, w.job.bind(w)),
    cancelJob: retried(clock, delays, w.cancelJob.bind(w)),
    dropTable: retried(clock, delays, w.dropTable.bind(w)),
    sleep: w.sleep.bind(w),
  };
}
