// Fault injection and simulated latency. All randomness comes from one generator, so a seeded run
// replays the same faults in the same order.

import type { FaultOptions, LostReply } from './api';

export type Fault = { kind: '429' } | { kind: '5xx'; status: number } | { kind: 'timeout' };

const SERVER_ERRORS = [500, 502, 503, 504];
/** What a gateway answers when it gives up on a backend that goes on and commits. */
const LOST: readonly LostReply[] = [502, 504, 'timeout'];

export interface Faults {
  set(faults: FaultOptions): void;
  /** Time this answer takes: 100-300 ms plus any configured latency. */
  delayMs(): number;
  /** A fault that replaces the answer before the request is even looked at, or null. */
  before(url: URL): Fault | null;
  /**
   * A fault that replaces the answer to a write already carried out (committed), or null: the
   * client hears of a failure although the change was made.
   */
  afterWrite(method: string): Fault | null;
  /** Whether this successful answer's body should be cut short. */
  malformed(): boolean;
  /** Most records a list's first page holds (FaultOptions.firstPageMax; unset, no cap). */
  firstPageMax(): number;
}

export function createFaults(random: () => number, initial: FaultOptions): Faults {
  let options: FaultOptions = {};
  let force429 = 0;
  let force5xx = 0;
  let forceLost = 0;
  const set = (faults: FaultOptions) => {
    options = { ...faults };
    force429 = faults.force429 ?? 0;
    force5xx = faults.force5xx ?? 0;
    forceLost = faults.forceLostReply ?? 0;
  };
  set(initial);
  // Only draw for a configured rate, so switching one fault on leaves the others' sequence alone.
  const roll = (rate: number | undefined) => (rate ?? 0) > 0 && random() < (rate ?? 0);
  return {
    set,
    delayMs: () => 100 + Math.floor(random() * 201) + (options.latencyMs ?? 0),
    before: (url) => {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      if (options.failFromOffset !== undefined && offset >= options.failFromOffset) {
        return { kind: '5xx', status: 503 };
      }
      if (force429 > 0) {
        force429--;
        return { kind: '429' };
      }
      if (force5xx > 0) {
        force5xx--;
        return { kind: '5xx', status: 503 };
      }
      if (roll(options.timeoutRate)) return { kind: 'timeout' };
      if (roll(options.errorRate)) {
        return { kind: '5xx', status: SERVER_ERRORS[Math.floor(random() * SERVER_ERRORS.length)] ?? 500 };
      }
      return null;
    },
    afterWrite: (method) => {
      if (method.toUpperCase() === 'GET') return null;
      const forced = forceLost > 0;
      if (forced) forceLost--;
      if (!forced && !roll(options.lostReplyRate)) return null;
      const as = options.lostReplyAs ?? LOST[Math.floor(random() * LOST.length)] ?? 'timeout';
      return as === 'timeout' ? { kind: 'timeout' } : { kind: '5xx', status: as };
    },
    malformed: () => roll(options.malformedRate),
    firstPageMax: () => options.firstPageMax ?? Number.POSITIVE_INFINITY,
  };
}
