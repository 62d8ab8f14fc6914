// The real Assembled API for the local runtime's UrlFetchApp: dev/net/node-http.ts (synchronous
// Node HTTP through a worker) in the runtime's handler shape, SimRequest -> SimResponse.

import type { HttpMethod } from '../../src/core/ports';
import type { HttpHandler } from '../gas';
import { createNodeHttp } from './node-http';

export const ASSEMBLED_ORIGIN = 'https://api.assembledhq.com';

export interface RealHttpOptions {
  /** Where requests for api.assembledhq.com go instead (ASSEMBLED_BASE_URL); default the real API. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** The request's path and query on another base URL (the add-on always names api.assembledhq.com). */
export function rebase(url: string, baseUrl: string): string {
  const target = new URL(url, ASSEMBLED_ORIGIN);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return `${base.origin}${prefix}${target.pathname}${target.search}`;
}

export function createRealHttp(options: RealHttpOptions = {}): HttpHandler {
  const http = createNodeHttp({ timeoutMs: options.timeoutMs ?? 30_000 });
  const baseUrl = options.baseUrl ?? ASSEMBLED_ORIGIN;
  return (request) => {
    const url = rebase(request.url, baseUrl);
    const started = Date.now();
    try {
      const answer = http.fetch({
        url,
        method: request.method as HttpMethod,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      return {
        status: answer.status,
        headers: answer.headers,
        body: answer.body,
        delayMs: Date.now() - started,
      };
    } catch (error) {
      // No HTTP answer at all (DNS, refused, timeout): UrlFetchApp fails the call as Apps Script does.
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`Address unavailable: ${url} (${why})`);
    }
  };
}
