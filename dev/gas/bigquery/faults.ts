// Fault injection for the fake BigQuery, as the Assembled simulator has: the transient errors
// Google's API answers now and then (500/503 backendError, 403 rateLimitExceeded), which a client
// must retry with backoff. Seeded, so a failing run can be run again.
import { createRng, type Rng } from '../../simulator/prng.js';
import { BigQueryError } from './errors.js';

export interface BigQueryFaults {
  /** Share of calls (0..1) answered with a random transient error. */
  errorRate?: number;
  /** Answer the next N calls with 500 backendError. */
  backendErrors?: number;
  /** Answer the next N calls with 503 backendError. */
  unavailable?: number;
  /** Answer the next N calls with 403 rateLimitExceeded. */
  rateLimits?: number;
  /** The next N writes (Datasets.insert, Tables.insert/remove, Jobs.insert) that succeed answer 503: the work is done, the answer lost. */
  lostWrites?: number;
  seed?: number;
}

const BACKEND =
  'An internal error occurred and the request could not be completed. This is usually caused by a transient issue. Retrying the job with back-off as described in the BigQuery SLA should solve the problem: https://cloud.google.com/bigquery/sla.';
const UNAVAILABLE = 'Error encountered during execution. Retrying may solve the problem.';
const RATE =
  'Exceeded rate limits: too many api requests per user per method for this user_method. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas';

const backend = () => new BigQueryError('backendError', BACKEND);
const unavailable = () => new BigQueryError('backendError', UNAVAILABLE, undefined, 503);
const rate = () => new BigQueryError('rateLimitExceeded', RATE);

export class Faults {
  private plan: BigQueryFaults = {};
  private rng: Rng = createRng(1);
  /** Transient errors answered so far (tests check a retry happened). */
  injected = 0;

  set(faults: BigQueryFaults): void {
    this.plan = { ...faults };
    this.rng = createRng(faults.seed ?? 1);
  }

  private take(key: 'backendErrors' | 'unavailable' | 'rateLimits' | 'lostWrites'): boolean {
    const left = this.plan[key] ?? 0;
    if (left <= 0) return false;
    this.plan[key] = left - 1;
    this.injected++;
    return true;
  }

  /** Before a call: the transient error it is answered with instead, if any. */
  before(): BigQueryError | undefined {
    if (this.take('backendErrors')) return backend();
    if (this.take('unavailable')) return unavailable();
    if (this.take('rateLimits')) return rate();
    if (this.plan.errorRate && this.rng.chance(this.plan.errorRate)) {
      this.injected++;
      return this.rng.pick([backend, unavailable, rate])();
    }
    return undefined;
  }

  /** After a write did its work: the 503 that stands for its lost answer, if any. */
  afterWrite(): BigQueryError | undefined {
    return this.take('lostWrites') ? unavailable() : undefined;
  }
}
