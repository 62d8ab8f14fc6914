// A refresh's run with no key of its owner's, or one Assembled refused: said in the owner's name
// where every editor reads it (the log, the sheet's note, another editor's card), and to the
// owner as "you" where only they read it (their card, their e-mail).
import { menuPath } from '../menu-names';
import { ownerName } from '../owner';
import type { Refresh } from './refresh';

/** The run's message, in the log and on other editors' cards. */
export const noKeyFor = (r: Refresh) =>
  `No Assembled API key is saved for ${ownerName(r)}, whose refresh it is.`;

/** The same run, on its owner's card. */
export const NO_KEY_FOR_YOU = 'No Assembled API key is saved for you.';

/** Resume refused to an owner with no key saved. */
export const NO_KEY_TO_RESUME = `Not resumed: no Assembled API key is saved for you, and this refresh runs with yours. Save your API key in ${menuPath('settings')} first, then Resume.`;

/** Why the refresh was paused, in its owner's name: "Paused: " leads it. */
export function keyPauseNamed(r: Refresh, why: NonNullable<Refresh['pausedForKey']>): string {
  const owner = ownerName(r);
  const [what, todo] =
    why === 'missing'
      ? [`no Assembled API key is saved for ${owner}`, 'saves one']
      : [`Assembled did not accept the API key of ${owner}`, 'sets a valid key'];
  return `${what}, whose refresh it is; ${owner} ${todo} in ${menuPath('settings')}, then resumes it`;
}

/** Why the refresh was paused, said to its owner. */
export function keyPauseToOwner(why: NonNullable<Refresh['pausedForKey']>): string {
  const settings = menuPath('settings');
  return why === 'missing'
    ? `Paused: no Assembled API key is saved for you. Save one in ${settings}, then resume this refresh.`
    : `Paused: Assembled did not accept your API key. Set a valid key in ${settings}, then resume this refresh.`;
}
