import type { Lock } from './ports';

/** Runs `work` holding the document lock: one Assembled task at a time per spreadsheet. */
export function withLock<T>(lock: Lock, work: () => T): T {
  if (!lock.tryLock(30_000))
    throw new Error('Another Assembled task is busy in this spreadsheet; try again in a moment.');
  try {
    return work();
  } finally {
    lock.release();
  }
}
