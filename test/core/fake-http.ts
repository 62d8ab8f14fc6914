// Scripted Http for tests that need exact control of each reply (the simulator covers the rest).
import { VirtualClock } from '../../dev/net/virtual-clock';
import type { AssembledClientOptions } from '../../src/core/assembled';
import { createAssembledClient } from '../../src/core/assembled';
import { type Http, type HttpRequest, type HttpResponse, NetworkError } from '../../src/core/ports';

export const KEY = 'sk_live_test_fixture_errors';

export type Reply = HttpResponse | 'network';
export type Responder = (request: HttpRequest, index: number) => Reply;

export interface FakeHttp extends Http {
  sent: HttpRequest[];
  /** Virtual time of each request. */
  sentAt: number[];
  batches: number[];
}

export function reply(
  status: number,
  body: unknown = {},
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export function fakeHttp(clock: VirtualClock, responder: Responder, latencyMs = 0): FakeHttp {
  const sent: HttpRequest[] = [];
  const sentAt: number[] = [];
  const batches: number[] = [];
  const one = (request: HttpRequest) => {
    sent.push(request);
    sentAt.push(clock.now());
    return responder(request, sent.length - 1);
  };
  return {
    sent,
    sentAt,
    batches,
    fetch(request) {
      batches.push(1);
      const r = one(request);
      clock.advance(latencyMs);
      if (r === 'network') throw new NetworkError('connection reset');
      return r;
    },
    fetchAll(requests) {
      batches.push(requests.length);
      const rs = requests.map(one);
      clock.advance(latencyMs);
      if (rs.includes('network')) throw new NetworkError('connection reset');
      return rs as HttpResponse[];
    },
  };
}

/** A client on a fresh virtual clock over a scripted Http; retry jitter fixed at its ceiling by default. */
export function setup(responder: Responder, options: Partial<AssembledClientOptions> = {}, latencyMs = 0) {
  const clock = new VirtualClock();
  const http = fakeHttp(clock, responder, latencyMs);
  const client = createAssembledClient({
    http,
    clock,
    apiKey: KEY,
    ...options,
    retry: { random: () => 0.999, ...options.retry },
  });
  return { clock, http, client, start: clock.now() };
}

export function path(request: HttpRequest | undefined): string {
  return request ? new URL(request.url).pathname : '';
}

export function query(request: HttpRequest | undefined): Record<string, string> {
  return request ? Object.fromEntries(new URL(request.url).searchParams) : {};
}
