// LockService: a lock held by another execution (or simulated with rt.holdLock) makes others wait
// on the virtual clock; an execution's locks are released when it ends.

import { COSTS } from '../costs.js';
import type { Env } from './env.js';

export interface LockHold {
  /** The holding execution; null for a hold simulated by the test (another process). */
  executionId: number | null;
  /** Virtual epoch ms at which a simulated hold ends by itself; null = until released. */
  until: number | null;
}

export type LockScope = 'script' | 'document' | 'user';

export function lockKey(scope: LockScope, user: string, documentId: string): string {
  if (scope === 'user') return `user:${user}`;
  if (scope === 'document') return `document:${documentId}`;
  return 'script';
}

export class Lock {
  constructor(
    private readonly env: Env,
    private readonly key: string,
  ) {}

  /** Takes the lock, waiting up to timeoutMs of virtual time; false when it stayed taken. */
  private acquire(timeoutMs: number): boolean {
    const { world, exec } = this.env;
    const now = world.clock.now();
    let hold = world.locks.get(this.key);
    if (hold && hold.until !== null && hold.until <= now) {
      world.locks.delete(this.key);
      hold = undefined;
    }
    if (hold && hold.executionId !== exec.id) {
      if (hold.until === null || hold.until > now + timeoutMs) {
        exec.spend(timeoutMs);
        world.counters.lock.timeouts++;
        return false;
      }
      exec.spend(hold.until - now);
    }
    world.locks.set(this.key, { executionId: exec.id, until: null });
    exec.heldLocks.add(this.key);
    world.counters.lock.acquired++;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.env.exec.call('lock', COSTS.lockMs, () => this.acquire(Math.max(0, Number(timeoutInMillis))));
  }

  waitLock(timeoutInMillis: number): void {
    this.env.exec.call('lock', COSTS.lockMs, () => {
      if (!this.acquire(Math.max(0, Number(timeoutInMillis)))) {
        throw new Error('Lock timeout: another process was holding the lock for too long.');
      }
    });
  }

  /**
   * Spreadsheet writes are buffered until flush() or the end of the execution: released before
   * a flush, the next holder may read the sheet without them (counted in lock.releasedUnflushed).
   */
  releaseLock(): void {
    this.env.exec.call('lock', 0, () => {
      const { world, exec } = this.env;
      if (world.locks.get(this.key)?.executionId === exec.id) {
        world.locks.delete(this.key);
        if (exec.pendingWrites) world.counters.lock.releasedUnflushed++;
      }
      exec.heldLocks.delete(this.key);
    });
  }

  hasLock(): boolean {
    return this.env.exec.call(
      'lock',
      0,
      () => this.env.world.locks.get(this.key)?.executionId === this.env.exec.id,
    );
  }
}

export class LockServiceFake {
  constructor(private readonly env: Env) {}

  private open(method: string, scope: LockScope): Lock {
    return this.env.exec.call('lock', 0, () => {
      this.env.exec.requireAuth('lock', `LockService.${method}`);
      return new Lock(this.env, lockKey(scope, this.env.exec.user, this.env.exec.documentId));
    });
  }

  getScriptLock(): Lock {
    return this.open('getScriptLock', 'script');
  }

  /** Null where there is no containing document (an add-on's time-driven run). */
  getDocumentLock(): Lock | null {
    const lock = this.open('getDocumentLock', 'document');
    return this.env.exec.hasActiveDocument ? lock : null;
  }

  getUserLock(): Lock {
    return this.open('getUserLock', 'user');
  }
}
