// CacheService: per-user, per-document and per-script caches that expire on the virtual clock.

import { COSTS, LIMITS } from '../costs.js';
import type { Env } from './env.js';

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export class Cache {
  constructor(
    private readonly env: Env,
    private readonly store: Map<string, CacheEntry>,
  ) {}

  private op<T>(kind: 'reads' | 'writes', body: () => T): T {
    return this.env.exec.call('cache', COSTS.cacheMs, () => {
      this.env.world.counters.cache[kind]++;
      return body();
    });
  }

  private lookup(key: string): string | null {
    const entry = this.store.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.env.world.clock.now()) {
      this.store.delete(key);
      return null;
    }
    return entry.value;
  }

  private insert(key: string, value: unknown, expirationInSeconds = 600): void {
    const k = String(key);
    const v = String(value);
    if (k.length > LIMITS.cacheKeyChars) throw new Error('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > LIMITS.cacheValueBytes) throw new Error('Argument too large: value');
    const seconds = Math.min(Math.max(1, Number(expirationInSeconds)), LIMITS.cacheMaxSeconds);
    this.store.delete(k);
    this.store.set(k, { value: v, expiresAt: this.env.world.clock.now() + seconds * 1000 });
    // Past the item cap the oldest entries go first.
    for (const oldest of this.store.keys()) {
      if (this.store.size <= LIMITS.cacheItems) break;
      this.store.delete(oldest);
    }
  }

  get(key: string): string | null {
    return this.op('reads', () => this.lookup(String(key)));
  }

  getAll(keys: string[]): Record<string, string> {
    return this.op('reads', () => {
      const found: Record<string, string> = {};
      for (const key of keys) {
        const v = this.lookup(String(key));
        if (v !== null) found[String(key)] = v;
      }
      return this.env.exec.realm.object(found) as Record<string, string>;
    });
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.op('writes', () => this.insert(key, value, expirationInSeconds));
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    this.op('writes', () => {
      for (const [k, v] of Object.entries(values)) this.insert(k, v, expirationInSeconds);
    });
  }

  remove(key: string): void {
    this.op('writes', () => this.store.delete(String(key)));
  }

  removeAll(keys: string[]): void {
    this.op('writes', () => {
      for (const key of keys) this.store.delete(String(key));
    });
  }
}

export class CacheServiceFake {
  constructor(private readonly env: Env) {}

  private open(method: string, scope: string): Cache {
    return this.env.exec.call('cache', 0, () => {
      this.env.exec.requireAuth('cache', `CacheService.${method}`);
      let store = this.env.world.caches.get(scope);
      if (!store) {
        store = new Map();
        this.env.world.caches.set(scope, store);
      }
      return new Cache(this.env, store);
    });
  }

  getUserCache(): Cache {
    return this.open('getUserCache', `user:${this.env.exec.user}`);
  }

  getDocumentCache(): Cache {
    return this.open('getDocumentCache', `document:${this.env.exec.documentId}`);
  }

  getScriptCache(): Cache {
    return this.open('getScriptCache', 'script');
  }
}
