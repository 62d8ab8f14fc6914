// A refresh's run with no key of its owner's, one Assembled refused, or one without permission
// for the pull (HTTP 403): said in the owner's name
// where every editor reads it (the log, the sheet's note, another editor's card), and to the
// owner as "you" where only they read it (their card, their e-mail).
import { menuPath } from '../menu-names';
import { type Owned, ownerName } from '../owner';
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import type { Refresh } from './refresh';

/**
 * The run's message, in the log and on other editors' cards: what was so when it ran. Another
 * editor cannot read the owner's key, so nothing is said of it now.
 */
export const noKeyFor = (r: Owned) => `Its owner, ${ownerName(r)}, had no Assembled API key saved.`;

/** The same run, on its owner's card: what was so then, whether or not a key is saved now. */
export const NO_KEY_FOR_YOU = 'No Assembled API key was saved for you.';

/** A run whose owner's key Assembled refused, in the log and on other editors' cards: whose key. */
export const keyRefusedFor = (r: Owned) =>
  `Assembled did not accept the API key of its owner, ${ownerName(r)}.`;

/** The same run, on its owner's card (its reason line says what to do). */
export const KEY_REFUSED_FOR_YOU = 'Assembled did not accept your API key.';

const refusedWith = (r: Owned) =>
  `Assembled refused this pull with the API key of its owner, ${ownerName(r)}`;
const REFUSED_WITH_YOURS = 'Assembled refused this pull with your API key';

/**
 * A run whose owner's key had no permission for `call` (HTTP 403), in the log and on other
 * editors' cards: what happened alone, as above; the card's reason line says what to do now.
 */
export const forbiddenFor = (r: Owned, call: string) =>
  `${refusedWith(r)} (HTTP 403: no permission for ${call}).`;

/** Such a run on its owner's card, from its message; undefined for any other run. */
export function forbiddenForYou(r: Owned, message: string): string | undefined {
  const theirs = refusedWith(r);
  return message.startsWith(`${theirs} (HTTP 403`)
    ? REFUSED_WITH_YOURS + message.slice(theirs.length)
    : undefined;
}

const NO_KEY_YOURS = `no Assembled API key is saved for you, and this refresh runs with yours. Save your API key in ${menuPath('settings')} first`;

/** Resume refused to an owner with no key saved. */
export const NO_KEY_TO_RESUME = `Not resumed: ${NO_KEY_YOURS}, then Resume.`;

/** Resume refused to an owner whose key Assembled, asked again, still refuses (resume-key.ts). */
export const KEY_STILL_REFUSED = `Not resumed: Assembled still does not accept your API key. Save a working key in ${menuPath('settings')}, then Resume.`;

/**
 * Resumed with the owner's key not known bad, Assembled not answering when asked: `cause`, why;
 * `done`, what resumed it (Resume, or Save of an edit).
 */
export const keyUncheckedOnResume = (cause: string, done = 'Resumed') =>
  `${done}, though your API key could not be checked: ${cause}. If Assembled still does not accept it, the next run pauses this refresh again.`;

/**
 * Resumed after a 403: the key check reads roles, which says nothing of the permission for the
 * refresh's own call, so that is said not to have been checked.
 */
export const forbiddenUncheckedOnResume = (call: string, done = 'Resumed') =>
  `${done}, though whether your API key has permission for ${call} was not checked: if Assembled still refuses it, the next run pauses this refresh again.`;

/** Save of an edit of a refresh paused for its owner's key, the pause kept as Resume would refuse it. */
export function keptPausedOnEdit(why: NonNullable<Refresh['pausedForKey']>): string {
  const still =
    why === true ? KEY_STILL_REFUSED.slice('Not resumed: '.length) : `${NO_KEY_YOURS}, then Resume.`;
  return `Saved, but still paused: ${still}`;
}

/** Run now refused the same way: a run would only fail, and pause the refresh. */
export const NO_KEY_TO_RUN = `Nothing was run: ${NO_KEY_YOURS}.`;

/** Refresh.pausedWith, after the key's refusal: the run it was refused at, as the paused one had none. */
export const atRunOf = (w: NonNullable<Refresh['pausedWith']>, zone: Zone) =>
  `at the run of ${w.what}, ${formatLocalDateTime(w.at, zone)} (it runs with the same key)`;

/**
 * What paused the refresh for its owner's key, in their name: what happened only, as the log says
 * it (run-refreshes.ts logPaused). 'removed': by its owner's Remove key, before any run. `at`: the
 * other refresh's run a refused key was refused at (atRunOf).
 */
export function keyPauseWhat(
  r: Owned,
  why: NonNullable<Refresh['pausedForKey']> | 'removed',
  at?: string,
): string {
  const owner = ownerName(r);
  if (typeof why === 'object') return `${refusedWith(r)} (HTTP 403: no permission for ${why.forbidden})`;
  return why === true
    ? `Assembled did not accept the API key of its owner, ${owner}${at ? `, ${at}` : ''}`
    : why === 'missing'
      ? `its owner, ${owner}, had no Assembled API key saved when it ran`
      : `its owner, ${owner}, removed their Assembled API key`;
}

/** Why the refresh was paused, in its owner's name, and what they need to do: "Paused: " leads it. */
export function keyPauseNamed(
  r: Refresh,
  why: NonNullable<Refresh['pausedForKey']> | 'removed',
  at?: string,
): string {
  const todo =
    typeof why === 'object'
      ? 'get a key with that permission from their Assembled admin, save it'
      : why === true
        ? 'set a valid key'
        : 'save one';
  return `${keyPauseWhat(r, why, at)}; they need to ${todo} in ${menuPath('settings')} and resume it`;
}

/**
 * Its owner saved a key after the run that paused it for theirs (Refresh.keySavedAt): Resume is all
 * that is left (it asks Assembled about the key first, resume-key.ts).
 */
export const keySavedSince = (r: Refresh): boolean =>
  !!r.pausedForKey && (r.keySavedAt ?? 0) > (r.lastRun?.at ?? 0);

/** The same, to another editor: its owner's key is theirs, so is the Resume. */
export const keySavedToOthers = (r: Refresh, ask: string): string =>
  `Paused for the API key of its owner, ${ownerName(r)}, who has saved a key since: ${ask}.`;

/**
 * Why the refresh was paused, said to its owner, and what to do, in the order to do it, naming the
 * card's own Resume; `keySaved`, whether they have a key saved now, 'since' when saved after the
 * pause (keySavedSince). A key saved since a pause for none, or for one refused, leaves only Resume
 * to do; one saved before a refusal is the key refused. `on`: where Resume is, for a reader not at
 * the card (the e-mail: ITS_CARD). `at`: the other refresh's run a refused key was refused at
 * (atRunOf), said for "then", which would point at a run of its own.
 */
export function keyPauseToOwner(
  why: NonNullable<Refresh['pausedForKey']>,
  keySaved: boolean | 'since' = false,
  on?: string,
  at?: string,
): string {
  const settings = menuPath('settings');
  const resume = on ? `Resume on ${on}` : 'Resume';
  if (why !== 'missing' && keySaved === 'since') {
    const then =
      typeof why === 'object'
        ? `${REFUSED_WITH_YOURS} (HTTP 403: no permission for ${why.forbidden})`
        : KEY_REFUSED_FOR_YOU.slice(0, -1);
    return `Paused: ${then} ${(why === true && at) || 'then'}. A key is saved now: ${resume} to run it again.`;
  }
  if (typeof why === 'object')
    return `Paused: ${REFUSED_WITH_YOURS} (HTTP 403: no permission for ${why.forbidden}). Ask your Assembled admin for a key with that permission, save it in ${settings}, then ${resume}.`;
  if (why !== 'missing')
    return `Paused: Assembled did not accept your API key${at ? ` ${at}` : ''}. Set a valid key in ${settings}, then ${resume}.`;
  return keySaved
    ? `Paused while no Assembled API key was saved for you; your key is saved now: ${resume} to restart it.`
    : `Paused: no Assembled API key is saved for you. Save one in ${settings}, then ${resume}.`;
}
