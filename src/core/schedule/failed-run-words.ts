// What a refresh's run that failed says, whether it failed as it started (run-refreshes.ts startRun)
// or at a later step of its job (run-pull.ts): one reading of what was thrown, so that a run is told
// alike whatever stage it failed at.
import { callWords } from '../assembled/call-words';
import { keyRefused } from '../assembled/check';
import { isAssembledError, noKeySent } from '../assembled/errors';
import type { Owned } from '../owner';
import { TargetMissing } from '../pull/pull-target';
import { forbiddenFor, keyRefusedFor, noKeyFor } from './key-pause';
import type { Refresh } from './refresh';
import { cutShort } from './sheet-refresh';

/**
 * A key taken but without permission for the call (403), unlike one refused (401): the call, in
 * words, so that a refresh's pause says what permission its owner's key needs.
 */
export const forbiddenOf = (error: unknown): { forbidden?: string } =>
  isAssembledError(error) && error.kind === 'auth' && error.status === 403
    ? { forbidden: callWords(error.endpoint) }
    : {};

/**
 * A refresh's run is read by every editor, in the log and on its card: what became of it alone,
 * not a pull's "choose another target" or "set a valid key", and whose key it was (its card's
 * reason line says what the reader can do). Any other failure in its own words.
 */
export function failedRunWords(r: Owned & Pick<Refresh, 'sheetId' | 'spec'>, error: unknown): string {
  if (error instanceof TargetMissing) return `${cutShort(r)}.`;
  const message = error instanceof Error ? error.message : String(error);
  if (!isAssembledError(error)) return message;
  if (noKeySent(error)) return noKeyFor(r);
  const { forbidden } = forbiddenOf(error);
  if (forbidden) return forbiddenFor(r, forbidden);
  return keyRefused({ error, status: error.status }) ? keyRefusedFor(r) : message;
}
