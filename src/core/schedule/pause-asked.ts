// Pause pressed on a card while the refresh's run held the spreadsheet's lock (a list's read step
// holds it up to 20 s): the run is asked to stop (stop-asked.ts) and the pause is kept here, until
// that run's end is recorded under the lock (finish), which pauses the refresh then.
import type { Store } from '../ports';
import type { Refresh } from './refresh';

const key = (id: string) => `pause.${id}`;

export const askPause = (store: Store, id: string): void => store.set(key(id), true);

export const pauseAsked = (store: Store, id: string): boolean => store.get<boolean>(key(id)) === true;

export const forgetPause = (store: Store, id: string): void => store.delete(key(id));

/**
 * The refresh without the add-on's reason for a pause, its notice, nor a later try of a run given
 * up (resumed, it runs at its next time): its owner's Pause or Resume decides now.
 */
export function ownersCall(r: Refresh): Refresh {
  const { pausedReason: _, pausedForKey: __, notice: ___, retryAt: ____, ...refresh } = r;
  return refresh;
}

/** A run's end recorded: the refresh paused if Pause was pressed meanwhile (one the run paused stays so). */
export function pausedIfAsked(store: Store, r: Refresh): Refresh {
  if (!pauseAsked(store, r.id)) return r;
  forgetPause(store, r.id);
  return r.paused ? r : { ...ownersCall(r), paused: true };
}
