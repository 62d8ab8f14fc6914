import type { Clock, Lock, Store } from './ports';

/** Locks this execution holds: work taking one again (a refresh's run starting its pull) runs inside. */
const held = new WeakSet<Lock>();

/** Runs `work` holding the document lock: one Assembled task at a time per spreadsheet. */
export function withLock<T>(lock: Lock, work: () => T): T {
  const done = tryWithLock(lock, 30_000, () => ({ value: work() }));
  if (!done) throw new Error('Another Assembled task is busy in this spreadsheet; try again in a moment.');
  return done.value;
}

/** As withLock, waiting for the lock at most `timeoutMs`: undefined, and nothing run, when it stayed taken. */
export function tryWithLock<T>(lock: Lock, timeoutMs: number, work: () => T): T | undefined {
  if (held.has(lock)) return work();
  if (!lock.tryLock(timeoutMs)) return undefined;
  held.add(lock);
  try {
    return work();
  } finally {
    held.delete(lock);
    lock.release();
  }
}

interface Lease {
  holder: string;
  until: number;
}

export interface LeaseOptions {
  /** A lock every execution can take (the script lock), held only to read and write the lease. */
  guard: Lock;
  /** Where the lease lives (the document's store). */
  store: Store;
  clock: Clock;
  /** The spreadsheet the lease is on. */
  documentId: string;
  /** Who takes it: unique per execution. */
  holder: string;
  /** When a lease this execution takes lapses by itself: when the execution has surely ended. */
  lapsesAt: number;
  /** Runs before the lease is given up (SpreadsheetApp.flush: writes are buffered until then). */
  beforeRelease?: () => void;
}

const WAIT_STEP_MS = 250;

/**
 * A lock on one spreadsheet that every kind of execution can hold. LockService's document lock
 * is null where there is no containing document (an add-on's time-driven run), so the lock is a
 * lease kept in the document's store under the spreadsheet's id, read and written under the
 * script lock (held for milliseconds only). A lease whose execution was killed lapses when that
 * execution would have ended anyway.
 */
export function leaseLock(o: LeaseOptions): Lock {
  const key = `lock.${o.documentId}`;
  const take = (): boolean => {
    const now = o.clock.now();
    const lease = o.store.get<Lease>(key);
    if (lease && lease.holder !== o.holder && lease.until > now) return false;
    o.store.set(key, { holder: o.holder, until: o.lapsesAt } satisfies Lease);
    return true;
  };
  const underGuard = <T>(timeoutMs: number, work: () => T): T | undefined => {
    if (!o.guard.tryLock(timeoutMs)) return undefined;
    try {
      return work();
    } finally {
      o.guard.release();
    }
  };
  return {
    tryLock(timeoutMs) {
      const deadline = o.clock.now() + timeoutMs;
      for (;;) {
        if (underGuard(Math.max(0, deadline - o.clock.now()), take)) return true;
        const left = deadline - o.clock.now();
        if (left <= 0) return false;
        o.clock.sleep(Math.min(WAIT_STEP_MS, left));
      }
    },
    release() {
      o.beforeRelease?.();
      underGuard(30_000, () => {
        if (o.store.get<Lease>(key)?.holder === o.holder) o.store.delete(key);
      });
    },
  };
}
