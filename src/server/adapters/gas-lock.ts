import type { Lock } from '../../core/ports';

/** The document lock: one task at a time per spreadsheet, whoever runs it. */
export function documentLock(): Lock {
  const lock = LockService.getDocumentLock();
  return {
    tryLock: (ms) => lock.tryLock(ms),
    release: () => lock.releaseLock(),
  };
}
