// The small interfaces through which core logic reaches the outside world.
// Apps Script implements them in src/server; Node implements them in dev/ and tests.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  /** Request body, already serialised (JSON text). */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** Thrown by an Http transport when no HTTP response arrived (DNS, refused, timeout). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

/**
 * Synchronous transport, as UrlFetchApp is. HTTP error statuses are returned, never thrown;
 * only a missing response throws NetworkError. fetchAll answers in request order and throws
 * NetworkError if any request in the batch got no response (as UrlFetchApp.fetchAll does).
 */
export interface Http {
  fetch(request: HttpRequest): HttpResponse;
  fetchAll(requests: HttpRequest[]): HttpResponse[];
}

/**
 * Wall clock in epoch milliseconds, and a blocking sleep (Utilities.sleep in Apps Script). A
 * sleep that would outlast the execution throws WaitTooLong instead: the work yields and a
 * later execution carries it on.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/** Thrown by Clock.sleep when the wait would run past what the execution has left. */
export class WaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`A wait of ${Math.ceil(waitMs / 1000)} s would outlast this run; it goes on in a later one.`);
    this.name = 'WaitTooLong';
  }
}

/** A key/value store of JSON values (a Properties store in Apps Script). */
export interface Store {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** Every entry whose key starts with `prefix`, read in one call. */
  entries<T>(prefix: string): [string, T][];
}

/** A mutual-exclusion lock (LockService in Apps Script). */
export interface Lock {
  /** Returns false when the lock could not be had within timeoutMs. */
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/**
 * A timezone as core logic needs it: the offset from UTC, in minutes, in force at an instant.
 * Apps Script answers through Utilities.formatDate; Node through Intl.
 */
export interface Zone {
  readonly name: string;
  offsetMinutes(epochMs: number): number;
}

/** A timezone by its IANA name (a person's, as Assembled keeps it); may throw for a name that is none. */
export type Zones = (name: string) => Zone;
