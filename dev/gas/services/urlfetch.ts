// UrlFetchApp over the runtime's `http` handler: Apps Script's request building, limits,
// error texts, and the virtual time each call takes (fetchAll pays for its slowest request).

import { COSTS, LIMITS } from '../costs.js';
import { isPlainObject } from '../realm.js';
import { SCOPES } from '../scopes.js';
import { formatJavaDate } from '../time/java-date-format.js';
import type { SimRequest, SimResponse } from '../types.js';
import { BlobFake, toBuffer, toSignedBytes } from './blob.js';
import type { Env } from './env.js';

interface FetchParams {
  method?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

interface Prepared {
  request: SimRequest;
  mute: boolean;
}

const METHODS = ['GET', 'DELETE', 'PATCH', 'POST', 'PUT'];

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function prepare(url: unknown, params: FetchParams = {}): Prepared {
  const u = String(url);
  if (!/^https?:\/\/[^/]/i.test(u)) throw new Error(`Invalid argument: ${u}`);
  if (u.length > LIMITS.urlLength) throw new Error('Limit Exceeded: URLFetch URL Length.');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'user-agent')) {
    headers['User-Agent'] = 'Mozilla/5.0 (compatible; Google-Apps-Script)';
  }
  let body: string | undefined;
  if (params.payload !== undefined && params.payload !== null) {
    body = isPlainObject(params.payload)
      ? formEncode(params.payload)
      : toBuffer(params.payload).toString('utf8');
    if (Buffer.byteLength(body, 'utf8') > LIMITS.fetchBytes)
      throw new Error('Limit Exceeded: URLFetch POST Size.');
    const headerType = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
    if (params.contentType !== undefined || !headerType) {
      if (headerType) delete headers[headerType];
      headers['Content-Type'] = params.contentType ?? 'application/x-www-form-urlencoded';
    }
  }
  // Google names five methods (get, delete, patch, post, put) and refuses any other.
  const method = String(params.method ?? 'get').toUpperCase();
  if (!METHODS.includes(method)) throw new Error(`Invalid argument: method`);
  return { request: { method, url: u, headers, body }, mute: Boolean(params.muteHttpExceptions) };
}

export class HTTPResponse {
  constructor(
    private readonly env: Env,
    private readonly answer: SimResponse,
  ) {}

  getResponseCode(): number {
    return this.answer.status;
  }

  getContentText(_charset?: string): string {
    return this.answer.body;
  }

  getContent(): number[] {
    return toSignedBytes(this.env.exec.realm, Buffer.from(this.answer.body, 'utf8'));
  }

  getHeaders(): Record<string, string> {
    return this.env.exec.realm.object({ ...this.answer.headers }) as Record<string, string>;
  }

  getAllHeaders(): Record<string, string> {
    return this.getHeaders();
  }

  getBlob(): BlobFake {
    const type = Object.entries(this.answer.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    return new BlobFake(this.env.exec.realm, Buffer.from(this.answer.body, 'utf8'), type ?? null);
  }

  getAs(contentType: string): BlobFake {
    return this.getBlob().setContentType(contentType);
  }
}

export class UrlFetchAppFake {
  constructor(private readonly env: Env) {}

  /** Daily quota per user, counted per Pacific-time day as Google does. */
  private chargeQuota(requests: number): void {
    const { world, exec } = this.env;
    const day = formatJavaDate(world.clock.now(), 'America/Los_Angeles', 'yyyy-MM-dd');
    const key = `${exec.user}|urlfetch|${day}`;
    const used = world.daily.get(key) ?? 0;
    if (used + requests > LIMITS.urlFetchPerDay)
      throw new Error('Service invoked too many times for one day: urlfetch.');
    world.daily.set(key, used + requests);
    world.counters.urlfetch.requests += requests;
  }

  /** The answer, or undefined when the request got none (timeout); no handler = no network. */
  private transmit(request: SimRequest): SimResponse | undefined {
    const { http } = this.env.world;
    if (!http) throw new Error(`Address unavailable: ${request.url}`);
    const answer = http(request);
    if (answer.timeout) return undefined;
    if (Buffer.byteLength(answer.body, 'utf8') > LIMITS.fetchBytes) throw new Error('Response too large.');
    return answer;
  }

  private respond(prepared: Prepared, answer: SimResponse): HTTPResponse {
    if (answer.status >= 400 && !prepared.mute) {
      const origin = new URL(prepared.request.url).origin;
      throw new Error(
        `Request failed for ${origin} returned code ${answer.status}. Truncated server response: ${answer.body.slice(0, 1000)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return new HTTPResponse(this.env, answer);
  }

  fetch(url: string, params?: FetchParams): HTTPResponse {
    const { exec, world } = this.env;
    return exec.call('urlfetch', 0, () => {
      exec.requireAuth('urlfetch', 'UrlFetchApp.fetch', 'FULL');
      exec.requireScope('urlfetch', 'UrlFetchApp.fetch', SCOPES.externalRequest);
      world.counters.urlfetch.fetchCalls++;
      const prepared = prepare(url, params);
      this.chargeQuota(1);
      exec.spend(COSTS.fetchBaseMs);
      const answer = this.transmit(prepared.request);
      if (!answer) {
        exec.spend(COSTS.fetchTimeoutMs);
        throw new Error(`Timeout: ${prepared.request.url}`);
      }
      exec.spend(answer.delayMs);
      return this.respond(prepared, answer);
    });
  }

  /** Requests run in parallel: the clock moves by the slowest answer; any lost answer fails the batch. */
  fetchAll(requests: (string | (FetchParams & { url: string }))[]): HTTPResponse[] {
    const { exec, world } = this.env;
    return exec.call('urlfetch', 0, () => {
      exec.requireAuth('urlfetch', 'UrlFetchApp.fetchAll', 'FULL');
      exec.requireScope('urlfetch', 'UrlFetchApp.fetchAll', SCOPES.externalRequest);
      world.counters.urlfetch.fetchAllBatches++;
      if (!Array.isArray(requests)) throw new Error('Invalid argument: requests');
      const prepared = requests.map((r) => (typeof r === 'string' ? prepare(r) : prepare(r.url, r)));
      this.chargeQuota(prepared.length);
      exec.spend(COSTS.fetchBaseMs);
      const answers = prepared.map((p) => this.transmit(p.request));
      const slowest = Math.max(0, ...answers.map((a) => (a ? a.delayMs : COSTS.fetchTimeoutMs)));
      exec.spend(slowest);
      const lost = answers.indexOf(undefined);
      if (lost !== -1) throw new Error(`Timeout: ${prepared[lost]?.request.url}`);
      return exec.realm.array(prepared.map((p, i) => this.respond(p, answers[i] as SimResponse)));
    });
  }

  /** What fetch would send, without sending it. */
  getRequest(url: string, params?: FetchParams): Record<string, unknown> {
    return this.env.exec.call('urlfetch', 0, () => {
      const { request } = prepare(url, params);
      return this.env.exec.realm.toRealm({
        url: request.url,
        method: request.method.toLowerCase(),
        headers: request.headers,
        payload: request.body ?? '',
        contentType: request.headers['Content-Type'] ?? '',
        followRedirects: params?.followRedirects ?? true,
        validateHttpsCertificates: params?.validateHttpsCertificates ?? true,
        useIntranet: false,
      }) as Record<string, unknown>;
    });
  }
}
