// HTTP Basic auth (the API key is the username, the password empty) and the per-key rate limit:
// a token bucket of 20 refilled continuously at 300 a minute. Like Assembled, the simulator knows
// the keys it issued: any other key, however well formed, is answered 401. A key may be issued
// without permission for some routes: taken (not 401), each of those is answered 403.

import { Buffer } from 'node:buffer';

export const KEY_PREFIX = 'sk_live_';
export const BURST = 20;
export const PER_MINUTE = 300;

export type AuthResult = { key: string } | { error: string };

export interface Guard {
  authenticate(authorization: string | undefined): AuthResult;
  /** Take a token for this key; when none is left, the seconds until one is. */
  take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterSec: number };
  revoke(key: string): void;
  /**
   * Makes a key known, as issuing one in Assembled's settings does; `denied`, the routes
   * ("GET /v0/teams", as stats name them) a key of a role lacking that permission is refused.
   */
  issue(key: string, denied?: readonly string[]): void;
  /** Whether this key lacks permission for this route (answered 403). */
  denied(key: string, route: string): boolean;
}

export function createGuard(rateLimit: boolean, issued: Iterable<string>): Guard {
  const known = new Set(issued);
  const revoked = new Set<string>();
  const deniedRoutes = new Map<string, ReadonlySet<string>>();
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  const perMs = PER_MINUTE / 60_000;
  return {
    authenticate(authorization) {
      const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
      if (!match) return { error: 'Missing API key: use HTTP Basic auth with the key as the username' };
      const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const key = colon === -1 ? decoded : decoded.slice(0, colon);
      const password = colon === -1 ? '' : decoded.slice(colon + 1);
      if (!key.startsWith(KEY_PREFIX) || key.length === KEY_PREFIX.length || password !== '') {
        return { error: 'Invalid API key' };
      }
      if (revoked.has(key)) return { error: 'API key has been revoked' };
      if (!known.has(key)) return { error: 'Invalid API key' };
      return { key };
    },
    take(key, nowMs) {
      if (!rateLimit) return { ok: true };
      const bucket = buckets.get(key) ?? { tokens: BURST, atMs: nowMs };
      bucket.tokens = Math.min(BURST, bucket.tokens + Math.max(0, nowMs - bucket.atMs) * perMs);
      bucket.atMs = nowMs;
      buckets.set(key, bucket);
      // The epsilon absorbs float error: 200 ms at 5/s must give back exactly one token.
      if (bucket.tokens >= 1 - 1e-9) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
    revoke(key) {
      revoked.add(key);
    },
    issue(key, denied) {
      if (!key.startsWith(KEY_PREFIX) || key.length === KEY_PREFIX.length)
        throw new Error(`An issued key starts with ${KEY_PREFIX}`);
      known.add(key);
      revoked.delete(key);
      if (denied?.length) deniedRoutes.set(key, new Set(denied));
      else deniedRoutes.delete(key);
    },
    denied: (key, route) => deniedRoutes.get(key)?.has(route) ?? false,
  };
}
