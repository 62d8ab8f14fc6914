// Resume of a refresh a refused key paused asks Assembled about the key first, and so does Save of
// an edit of it (which resumes it): resumed with the same key, its next run would only fail, pause
// it again and e-mail its owner once more.
import { causeOf } from '../assembled/errors';
import { checkKey, type KeyVerdict } from '../assembled/key-check';
import { owns } from '../owner';
import { InputError } from '../validation';
import {
  forbiddenUncheckedOnResume,
  KEY_STILL_REFUSED,
  keptPausedOnEdit,
  keyUncheckedOnResume,
} from './key-pause';
import { ownedRefresh } from './manage';
import { type Refresh, RefreshStore } from './refresh';
import type { RefreshDeps } from './run-refreshes';

/** Assembled's answer on the caller's key, asked for a refresh a refused key paused; else undefined. */
function keyAnswer(deps: RefreshDeps, refresh: Refresh): KeyVerdict | undefined {
  // No key saved is refused by Resume itself, and kept paused by an edit (manage.ts), with no call.
  if (!refresh.paused || refresh.pausedForKey !== true || !deps.hasKey()) return undefined;
  return checkKey(deps.client());
}

/**
 * The call a refresh paused for its key's permission (403) was refused, when a key is saved to
 * resume it with. Not asked again: one call of the refresh's own kind may be a whole report.
 */
function forbiddenUnchecked(deps: RefreshDeps, refresh: Refresh): string | undefined {
  const why = refresh.paused ? refresh.pausedForKey : undefined;
  return typeof why === 'object' && deps.hasKey() ? why.forbidden : undefined;
}

/**
 * Refuses Resume while Assembled still refuses the caller's key (a refresh runs with its owner's,
 * and only the owner resumes it); with no answer, Resume goes on, and the words returned say the
 * key could not be checked. Called outside the lock: the call may wait out retries.
 */
export function keyToResume(deps: RefreshDeps, id: string): string | undefined {
  const refresh = ownedRefresh(deps, id, 'resume');
  const forbidden = forbiddenUnchecked(deps, refresh);
  if (forbidden) return forbiddenUncheckedOnResume(forbidden);
  const verdict = keyAnswer(deps, refresh);
  if (verdict === 'refused') throw new InputError('Resume', [KEY_STILL_REFUSED]);
  return verdict === undefined || verdict === 'taken'
    ? undefined
    : keyUncheckedOnResume(causeOf(verdict.untold.message));
}

/**
 * Before Save of an edit (`key`, the id of the refresh edited, or a new one's idempotency key): the
 * caller's key, for a refresh of theirs a refused key paused. `refused`: Assembled still refuses it,
 * so the edit keeps the pause (saveRefresh); `unchecked`, its words when Assembled did not answer.
 */
export function keyToEdit(deps: RefreshDeps, key: string): { refused?: true; unchecked?: string } {
  const saved = new RefreshStore(deps.store).get(key);
  // Another's is refused by the save, which only its owner may make: nothing asked with their key.
  const mine = saved && owns(deps.user, saved) ? saved : undefined;
  const forbidden = mine && forbiddenUnchecked(deps, mine);
  if (forbidden) return { unchecked: forbiddenUncheckedOnResume(forbidden, 'Saved and resumed') };
  const verdict = mine ? keyAnswer(deps, mine) : undefined;
  if (verdict === undefined || verdict === 'taken') return {};
  if (verdict === 'refused') return { refused: true };
  return { unchecked: keyUncheckedOnResume(causeOf(verdict.untold.message), 'Saved and resumed') };
}

/**
 * What Save says of an edit when more than "Saved.": its pause kept for its owner's key (none saved
 * now, whatever paused it, or one still refused), or resumed with the key unchecked.
 */
export function savedWords(
  saved: Refresh,
  check: { unchecked?: string },
  hasKey: boolean,
): string | undefined {
  if (saved.paused && saved.pausedForKey) return keptPausedOnEdit(hasKey ? saved.pausedForKey : 'missing');
  return saved.paused ? undefined : check.unchecked;
}
