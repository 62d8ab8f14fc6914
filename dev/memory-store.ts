// In-memory Store and Lock for core tests and Node scripts (Apps Script uses Properties and LockService).
import type { Lock, Store } from '../src/core/ports';

export class MemoryStore implements Store {
  readonly data = new Map<string, string>();

  get<T>(key: string): T | undefined {
    const text = this.data.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
  set(key: string, value: unknown): void {
    // Stored as JSON text, as Properties do, so nothing but plain data survives.
    this.data.set(key, JSON.stringify(value));
  }
  delete(key: string): void {
    this.data.delete(key);
  }
  entries<T>(prefix: string): [string, T][] {
    return [...this.data.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k, JSON.parse(v) as T]);
  }
}

export class MemoryLock implements Lock {
  held = false;
  tryLock(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }
  release(): void {
    this.held = false;
  }
}
