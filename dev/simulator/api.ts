// The public face of the Assembled simulator: a pure, synchronous request handler.
// The HTTP server, the local Apps Script runtime's UrlFetchApp and the tests all call it.

import type { Org, TimeOffRequest } from './model';

export type Dialect = 'seed' | 'live';

export interface SimRequest {
  method: string;
  /** Absolute URL (https://api.assembledhq.com/v0/...) or a path with query (/v0/...). */
  url: string;
  /** Header names in any case. */
  headers: Record<string, string>;
  body?: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Simulated time the server took to answer; transports add it to their clock. */
  delayMs: number;
  /** When true no response arrives at all: the transport must fail as a network timeout (status is then 0). */
  timeout?: boolean;
}

export interface FaultOptions {
  /** Share of requests (0..1) answered with a random 5xx. */
  errorRate?: number;
  /** Share of requests (0..1) that never answer (timeout). */
  timeoutRate?: number;
  /** Share of requests (0..1) whose 200 body is cut short / not JSON. */
  malformedRate?: number;
  /** Extra latency added to every answer, in ms. */
  latencyMs?: number;
  /** Answer the next N requests with 429 regardless of the bucket (a "429 storm"). */
  force429?: number;
  /** Answer the next N requests with 503. */
  force5xx?: number;
  /** Answer 503 to every request whose `offset` is at least N: a listing whose later pages always fail. */
  failFromOffset?: number;
  /**
   * Most records the first page of a list (offset 0) holds, the pages after it as many as asked (up
   * to pageMax): a server whose page size varies, so a later page is longer than the first. Where a
   * reply carries `total` it echoes the `limit` it applied to that page.
   */
  firstPageMax?: number;
  /**
   * Share of writes (0..1; every method but GET) the service carries out (answered 2xx) whose answer
   * is then lost: a 502, a 504 or no answer at all, as a gateway gives up while the backend commits.
   */
  lostReplyRate?: number;
  /** The next N writes carried out, their answers lost as lostReplyRate's are. */
  forceLostReply?: number;
  /** How a lost answer is lost; unset, drawn from the seed for each (502, 504 or a timeout). */
  lostReplyAs?: LostReply;
}

/** A 5xx status, or no answer at all. */
export type LostReply = 502 | 504 | 'timeout';

export interface SimulatorOptions {
  /** Seed of the deterministic demo organisation. */
  seed?: number;
  dialect?: Dialect;
  /** Epoch ms; defaults to Date.now. The local runtime passes its virtual clock. */
  now?: () => number;
  /** Days of activity (states, tickets, schedules) the org has behind it at creation (default 30). */
  historyDays?: number;
  /** How long a report job takes from pending to complete, in ms (default 20 s). */
  reportDelayMs?: number;
  /** Most metrics a live report page holds, whatever `limit` asks (Assembled: 500); tests page small reports. */
  reportPageMax?: number;
  /**
   * Most records any list page holds, whatever `limit` asks (default: as many as asked, up to 500).
   * API-FACTS saw pages of 100 to 500: a server whose page size is below the client's `limit`
   * answers short pages that are not the last, and says so only where a reply carries `total`.
   */
  pageMax?: number;
  /**
   * Managers approve (one in five: deny) each pending time-off request this long after it was made,
   * as people do in a real account; unset, requests wait for admin.decideTimeOff (tests).
   */
  managersDecideAfterMs?: number;
  /**
   * The time-off list leaves cancelled requests out unless asked for them (`status=cancelled`). No
   * source says whether Assembled's does (the YAML names `status` as a filter, with no default);
   * some services hide cancelled records so, and a client must then ask for them to tell a request
   * cancelled from one deleted. Off by default, as the YAML reads.
   */
  listHidesCancelledTimeOff?: boolean;
  /** Keys issued besides the sample key; any other key is answered 401, as Assembled does. */
  keys?: readonly string[];
  /** Enforce 300 req/min with bursts of 20 (default true). */
  rateLimit?: boolean;
  /** Send a Retry-After header (seconds) with 429s (default true); off tests clients that back off without it. */
  retryAfter?: boolean;
  faults?: FaultOptions;
  /** Randomness for faults; defaults to a PRNG from the seed. */
  random?: () => number;
}

export interface Simulator {
  handle(request: SimRequest): SimResponse;
  /** Change fault injection at run time (tests, workbench). */
  setFaults(faults: FaultOptions): void;
  setDialect(dialect: Dialect): void;
  /** Stops accepting a key (401 "API key has been revoked"). */
  revokeKey(key: string): void;
  /**
   * Accepts a key from now on, as issuing one in Assembled's settings does. `denied`: routes, as
   * stats name them ("GET /v0/teams"), the key has no permission for: answered 403, the key taken.
   */
  issueKey(key: string, denied?: readonly string[]): void;
  /**
   * Count of requests handled, by "METHOD /path-template", by the API-Version header they carried
   * ('' for none) and in total; for tests and benchmarks.
   */
  stats(): {
    total: number;
    byRoute: Record<string, number>;
    byApiVersion: Record<string, number>;
    rejected429: number;
  };
  /** Back-office access for tests and the workbench: what a manager could see and do in Assembled's UI. */
  readonly admin: SimulatorAdmin;
}

export interface SimulatorAdmin {
  /** The demo organisation in canonical form (unix seconds, arrays); live, so reads see every write. */
  readonly org: Org;
  /** An API key the simulator accepts. */
  readonly sampleKey: string;
  dialect(): Dialect;
  /**
   * The time-off requests as a manager sees them in Assembled's UI, cancelled ones too (in no order:
   * callers sort); with managersDecideAfterMs, those the managers have decided by now are decided.
   */
  timeOff(): readonly TimeOffRequest[];
  /** Approve or deny a pending time-off request; approval removes the schedule it covers. */
  decideTimeOff(id: string, decision: 'approved' | 'denied', approverId?: string): void;
  /**
   * Cancel a time-off request as a manager may in Assembled's UI, by the API's rules (a pending or
   * approved one; the schedule is left as it is, as the API's cancel leaves it).
   */
  cancelTimeOff(id: string): void;
  /**
   * Change a time-off request's times, type or all-day as a manager may in Assembled's UI (the API
   * has no such endpoint); `change` in unix seconds. Recorded in the update stream as `updated`.
   */
  changeTimeOff(
    id: string,
    change: Partial<Pick<TimeOffRequest, 'start_time' | 'end_time' | 'type' | 'all_day'>>,
  ): void;
  /**
   * Delete a time-off request as an admin may in Assembled's UI (the API cancels, never deletes): it
   * leaves every list, `status=cancelled` too. Recorded in the update stream as `deleted`.
   */
  deleteTimeOff(id: string): void;
  /**
   * Delete a queue as an admin does in Assembled: it leaves the queues list and its agents' queues,
   * and reports refuse its id from then on; its past tickets stay. One with queues under it is refused.
   */
  deleteQueue(id: string): void;
}
