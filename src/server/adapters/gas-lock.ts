import { leaseLock } from '../../core/lock';
import type { Lock } from '../../core/ports';
import { EXECUTION_STARTED_AT } from './execution';
import { gasClock } from './gas-clock';
import { documentStore } from './properties-store';
import { documentSpreadsheet } from './spreadsheet';

/** Apps Script ends every execution by then (6 minutes), so a lease lapses no later. */
const EXECUTION_MS = 6 * 60_000 + 10_000;

let holder: string | undefined;

/**
 * One task at a time per spreadsheet, whoever runs it and from where: a lease on the
 * spreadsheet's id under the script lock, since LockService.getDocumentLock() is null in an
 * add-on's time-driven run. Sheet writes are buffered: they are flushed before the lease goes,
 * so the next holder reads what this one wrote.
 */
export function documentLock(): Lock {
  const script = LockService.getScriptLock();
  holder ??= Utilities.getUuid();
  return leaseLock({
    guard: { tryLock: (ms) => script.tryLock(ms), release: () => script.releaseLock() },
    store: documentStore(),
    clock: gasClock,
    documentId: documentSpreadsheet().getId(),
    holder,
    lapsesAt: EXECUTION_STARTED_AT + EXECUTION_MS,
    beforeRelease: () => SpreadsheetApp.flush(),
  });
}
