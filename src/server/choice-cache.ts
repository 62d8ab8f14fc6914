// The filter pickers' lists, cached per user for ten minutes: a sidebar opened again needs no
// request. The cache is forgotten whenever the user's key changes, as a new key may be another
// Assembled account's (or none), whose lists the old ones are not.
import { CHOICE_KINDS, type Choice, type ChoiceKind } from '../core/pull/pull-view';
import { utf8Length } from '../core/utf8';

const CACHE_SECONDS = 600;
/** CacheService refuses values over 100 KB (UTF-8 bytes); a larger list is simply not cached. */
const CACHE_MAX_BYTES = 90_000;
const cacheKey = (kind: ChoiceKind) => `choices.${kind}`;

/** The list of `kind` from the cache, or from `fetch` (then cached). */
export function cachedChoices(kind: ChoiceKind, fetch: () => Choice[]): Choice[] {
  const cache = CacheService.getUserCache();
  const hit = cache.get(cacheKey(kind));
  if (hit) return JSON.parse(hit) as Choice[];
  const choices = fetch();
  const text = JSON.stringify(choices);
  if (utf8Length(text) < CACHE_MAX_BYTES) cache.put(cacheKey(kind), text, CACHE_SECONDS);
  return choices;
}

/** Called as the user's key is saved or removed. */
export function forgetChoices(): void {
  CacheService.getUserCache().removeAll(CHOICE_KINDS.map(cacheKey));
}
