// Resume of a refresh a refused key paused asks Assembled about the key first: resumed with the
// same key, its next run would only fail, pause it again and e-mail its owner once more.
import { causeOf } from '../assembled/errors';
import { checkKey } from '../assembled/key-check';
import { InputError } from '../validation';
import { KEY_STILL_REFUSED, keyUncheckedOnResume } from './key-pause';
import { ownedRefresh } from './manage';
import type { RefreshDeps } from './run-refreshes';

/**
 * Refuses Resume while Assembled still refuses the caller's key (a refresh runs with its owner's,
 * and only the owner resumes it); with no answer, Resume goes on, and the words returned say the
 * key could not be checked. Called outside the lock: the call may wait out retries.
 */
export function keyToResume(deps: RefreshDeps, id: string): string | undefined {
  const refresh = ownedRefresh(deps, id);
  // No key saved is refused by Resume itself (manage.ts), with no call.
  if (!refresh.paused || refresh.pausedForKey !== true || !deps.hasKey()) return undefined;
  const verdict = checkKey(deps.client());
  if (verdict === 'refused') throw new InputError('Resume', [KEY_STILL_REFUSED]);
  return verdict === 'taken' ? undefined : keyUncheckedOnResume(causeOf(verdict.untold.message));
}
