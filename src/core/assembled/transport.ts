// The wire: builds requests, paces them, retries what may be retried, and turns every
// failure into an AssembledError. Endpoint modules describe operations; only this file sends.
import {
  type Clock,
  type Http,
  type HttpRequest,
  type HttpResponse,
  NetworkError,
  WaitTooLong,
} from '../ports';
import { ended } from '../sentence';
import type { BatchSize } from './batch-size';
import { AssembledError, type AssembledErrorKind, makeRedactor, userMessage } from './errors';
import type { TokenBucket } from './rate-limit';
import { offendingField, serviceMessage } from './reply';
import type { KeptReply, ReplyMemo } from './reply-memo';
import { parseRetryAfter, type RetryPolicy } from './retry';
import { sendTimesAs, timesWanted } from './time-refusal';

/** A list is sent as the key repeated (agents=a&agents=b), as Assembled's live API reads lists. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface Operation<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path with its parameters already encoded, e.g. /v0/people/p%201. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Serialised as JSON. */
  body?: unknown;
  /**
   * POST and DELETE: whether sending it twice is harmless, so it may be retried after a 5xx or a
   * lost response. A POST answered 429 is always retried: the server did not process it.
   */
  safeToRetry?: boolean;
  /** Turns the reply's JSON (undefined for an empty body) into the model; throws AssembledError. */
  parse(json: unknown, endpoint: string, status: number): T;
}

/** One HTTP exchange, for run logs and the connection check; status 0 when no response came. */
export interface ResponseEvent {
  endpoint: string;
  status: number;
  attempt: number;
  /**
   * The time spent waiting for answers that never came (a timeout, a minute in Apps Script), on the
   * first event of the fetch that lost them only: a fetchAll batch waits once, whatever it held.
   */
  unansweredMs?: number;
}
export type ResponseListener = (event: ResponseEvent) => void;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AssembledError };

export interface TransportConfig {
  http: Http;
  clock: Clock;
  apiKey: string;
  baseUrl: string;
  apiVersion: string;
  base64: (text: string) => string;
  limiter: TokenBucket;
  retry: RetryPolicy;
  /** Largest fetchAll batch, smaller after one is lost (the limiter may allow fewer). */
  batch: BatchSize;
  /** GET replies kept from before, answered from there instead of sent (reply-memo.ts). */
  memo?: ReplyMemo;
}

interface Slot<T> {
  index: number;
  op: Operation<T>;
  endpoint: string;
  /** The path and query string: what a memo keeps the reply under. */
  key: string;
  request: HttpRequest;
  attempts: number;
  waitedMs: number;
  notBefore: number;
}

type Verdict<T> =
  | { done: Outcome<T>; read?: KeptReply }
  | { retry: true; exhausted: AssembledError; retryAfterMs?: number };

export class Transport {
  private readonly redact: (text: string) => string;
  private readonly authorization: string;

  constructor(
    private readonly config: TransportConfig,
    private readonly listeners = new Set<ResponseListener>(),
  ) {
    this.authorization = `Basic ${config.base64(`${config.apiKey}:`)}`;
    this.redact = makeRedactor(config.apiKey, config.base64);
  }

  /** Its fetchAll batch size, shared by every transport made from this one. */
  get batch(): BatchSize {
    return this.config.batch;
  }

  /** The same wire (key, limiter, listeners) answering GETs kept in `memo` from there. */
  remembering(memo: ReplyMemo): Transport {
    return new Transport({ ...this.config, memo }, this.listeners);
  }

  onResponse(listener: ResponseListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One operation; throws AssembledError. */
  send<T>(op: Operation<T>): T {
    const [outcome] = this.sendMany([op]);
    if (!outcome) throw new Error('unreachable: one operation, one outcome');
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /**
   * Independent operations, sent in fetchAll batches as the rate limiter allows. One outcome per
   * operation, in order; a failure of one never stops the others.
   */
  sendMany<T>(ops: Operation<T>[]): Outcome<T>[] {
    const { clock, limiter, memo } = this.config;
    const results: Outcome<T>[] = new Array(ops.length);
    let queue: Slot<T>[] = ops
      .map((op, index) => this.slot(op, index))
      .filter((s) => !this.replay(s, results));
    if (!this.config.apiKey.trim()) {
      // No key: every call would be a 401, so spare the quota and say so at once.
      for (const s of queue) results[s.index] = { ok: false, error: this.error('auth', s.endpoint, 0) };
      return results;
    }
    while (queue.length > 0) {
      const now = clock.now();
      const ready = queue.filter((s) => s.notBefore <= now);
      // Outside the try: a memo ending the turn stops the read, whatever waits are left.
      if (ready.length > 0) memo?.beforeSend();
      let taken: number;
      try {
        if (ready.length === 0) {
          clock.sleep(Math.min(...queue.map((s) => s.notBefore)) - now);
          continue;
        }
        taken = limiter.acquire(Math.min(ready.length, this.config.batch.now));
      } catch (e) {
        // A wait longer than the execution has left: what is still queued is tried in a later run.
        if (!(e instanceof WaitTooLong)) throw e;
        for (const slot of queue)
          results[slot.index] = { ok: false, error: this.later(slot.endpoint, e.waitMs) };
        return results;
      }
      const batch = ready.slice(0, taken);
      queue = queue.filter((s) => !batch.includes(s));
      const askedAt = clock.now();
      const replies = this.fetch(batch.map((s) => s.request));
      const sentAt = clock.now();
      const unanswered = replies[0] instanceof NetworkError;
      const lost = unanswered ? sentAt - askedAt : 0;
      if (unanswered) this.config.batch.lost();
      const read: KeptReply[] = [];
      batch.forEach((slot, i) => {
        slot.attempts += 1;
        const reply = replies[i];
        const status = reply && !(reply instanceof NetworkError) ? reply.status : 0;
        const event: ResponseEvent = { endpoint: slot.endpoint, status, attempt: slot.attempts };
        if (i === 0 && lost > 0) event.unansweredMs = lost;
        for (const listener of this.listeners) listener(event);
        const verdict = this.judge(slot, reply);
        if ('done' in verdict) {
          results[slot.index] = verdict.done;
          if (verdict.read && verdict.done.ok && slot.op.method === 'GET') read.push(verdict.read);
          return;
        }
        const delay = this.config.retry.nextDelay(slot.attempts, slot.waitedMs, verdict.retryAfterMs);
        if (delay === undefined) {
          results[slot.index] = { ok: false, error: verdict.exhausted };
          return;
        }
        slot.waitedMs += delay;
        slot.notBefore = sentAt + delay;
        queue.push(slot);
      });
      if (read.length > 0) memo?.keep(read);
      queue.sort((a, b) => a.index - b.index);
    }
    return results;
  }

  /** Answers a GET the memo kept, as its reply was read then; false when it must be sent. */
  private replay<T>(slot: Slot<T>, results: Outcome<T>[]): boolean {
    const kept = slot.op.method === 'GET' ? this.config.memo?.replayed(slot.key) : undefined;
    if (!kept) return false;
    results[slot.index] = this.parsed(slot, kept.json, kept.status).done;
    return true;
  }

  private slot<T>(op: Operation<T>, index: number): Slot<T> {
    const endpoint = this.redact(`${op.method} ${op.path}`);
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' };
    if (this.config.apiVersion) headers['API-Version'] = this.config.apiVersion;
    const key = this.pathAndQuery(op);
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}${key}`;
    const request: HttpRequest = { method: op.method, url, headers };
    if (op.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      request.body = JSON.stringify(op.body);
    }
    return { index, op, endpoint, key, request, attempts: 0, waitedMs: 0, notBefore: 0 };
  }

  private pathAndQuery(op: Operation<unknown>): string {
    const params = Object.entries(op.query ?? {}).flatMap(([k, v]) =>
      (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(
        (one) => `${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`,
      ),
    );
    return `${op.path}${params.length ? `?${params.join('&')}` : ''}`;
  }

  /** One reply per request, or the NetworkError that stood in for it (fetchAll loses the whole batch). */
  private fetch(requests: HttpRequest[]): (HttpResponse | NetworkError)[] {
    const { http } = this.config;
    try {
      if (requests.length === 1 && requests[0]) return [http.fetch(requests[0])];
      return http.fetchAll(requests);
    } catch (e) {
      if (e instanceof NetworkError) return requests.map(() => e);
      throw e;
    }
  }

  private judge<T>(slot: Slot<T>, reply: HttpResponse | NetworkError | undefined): Verdict<T> {
    const { op, endpoint } = slot;
    const repeatable = op.method === 'GET' || op.safeToRetry === true;
    if (!reply || reply instanceof NetworkError) {
      if (!repeatable) return this.fail('outcome_unknown', endpoint, 0);
      return { retry: true, exhausted: this.error('network', endpoint, 0) };
    }
    const { status } = reply;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(reply.headers['retry-after'], this.config.clock.now());
      this.config.limiter.penalise(retryAfterMs);
      const exhausted =
        retryAfterMs === undefined
          ? this.error('rate_limited', endpoint, status)
          : this.later(endpoint, retryAfterMs);
      return { retry: true, exhausted, retryAfterMs };
    }
    if (status >= 500) {
      if (!repeatable) return this.fail('outcome_unknown', endpoint, status);
      return { retry: true, exhausted: this.error('server', endpoint, status) };
    }
    if (status >= 400) return this.refusal(op, endpoint, reply);
    if (status < 200 || status >= 300) {
      return this.fail('unexpected_response', endpoint, status, `HTTP ${status} was not expected`);
    }
    let json: unknown;
    try {
      json = reply.body.trim() === '' ? undefined : JSON.parse(reply.body);
    } catch {
      const problem = 'the body is not JSON (cut short?)';
      // A GET can simply be read again; a POST that got a 2xx was applied and must not be re-sent.
      if (op.method === 'GET') {
        return { retry: true, exhausted: this.error('unexpected_response', endpoint, status, problem) };
      }
      return this.fail('unexpected_response', endpoint, status, problem);
    }
    return this.parsed(slot, json, status);
  }

  /** A 2xx reply's JSON as the model, with what was read for a memo to keep. */
  private parsed<T>(slot: Slot<T>, json: unknown, status: number): { done: Outcome<T>; read?: KeptReply } {
    try {
      const value = slot.op.parse(json, slot.endpoint, status);
      return { done: { ok: true, value }, read: { key: slot.key, status, json } };
    } catch (e) {
      if (e instanceof AssembledError) return { done: { ok: false, error: this.scrub(e) } };
      throw e;
    }
  }

  private refusal(op: Operation<unknown>, endpoint: string, reply: HttpResponse): Verdict<never> {
    const { status } = reply;
    // Blank the key first, cut after: a cut through the key would leave part of it behind.
    const body = this.redact(reply.body);
    const detail = serviceMessage(body);
    if (status === 401 || status === 403 || status === 404) {
      // The add-on's words say what to do; the service's, after them, say which key or id.
      const kind = status === 404 ? 'not_found' : 'auth';
      const message = this.redact(userMessage(kind, endpoint, status, detail));
      const error = new AssembledError({ kind, status, endpoint, message, ...(detail ? { detail } : {}) });
      return { done: { ok: false, error } };
    }
    const field = offendingField(body, detail);
    // A time refused for its form: every call sending times fails alike until Settings changes.
    const wanted = timesWanted(detail, op.query, op.body);
    const refused = userMessage('bad_request', endpoint, status, detail);
    const error = new AssembledError({
      kind: 'bad_request',
      status,
      endpoint,
      message: wanted ? `${ended(refused)} ${sendTimesAs(wanted)}` : refused,
      detail,
      ...(field === undefined ? {} : { field: this.redact(field) }),
    });
    return { done: { ok: false, error } };
  }

  private fail(kind: AssembledErrorKind, endpoint: string, status: number, problem?: string): Verdict<never> {
    return { done: { ok: false, error: this.error(kind, endpoint, status, problem) } };
  }

  private later(endpoint: string, waitMs: number): AssembledError {
    return new AssembledError({
      kind: 'rate_limited',
      status: 0,
      endpoint,
      message: this.redact(userMessage('rate_limited', endpoint, 429)),
      retryAfterMs: Math.ceil(waitMs),
    });
  }

  private error(
    kind: AssembledErrorKind,
    endpoint: string,
    status: number,
    problem?: string,
  ): AssembledError {
    return new AssembledError({
      kind,
      status,
      endpoint,
      message: this.redact(userMessage(kind, endpoint, status, problem)),
    });
  }

  /** Errors raised while parsing may quote the reply: run them through the redactor too. */
  private scrub(e: AssembledError): AssembledError {
    const json = e.toJSON();
    return new AssembledError({
      ...json,
      message: this.redact(json.message),
      ...(json.field === undefined ? {} : { field: this.redact(json.field) }),
      ...(json.detail === undefined ? {} : { detail: this.redact(json.detail) }),
    });
  }
}
