// Pause pressed on a card while the refresh's run held the spreadsheet's lock (a list's read step
// holds it up to 20 s): the run is asked to stop (stop-asked.ts) and the pause is kept here, until
// that run's end is recorded under the lock (finish), which pauses the refresh then.
import type { Store } from '../ports';
import type { Refresh } from './refresh';

const key = (id: string) => `pause.${id}`;

/** `reason`: another editor's pause says whose it was (manage.ts setPaused); the owner's, nothing. */
export const askPause = (store: Store, id: string, reason?: string): void =>
  store.set(key(id), reason ?? true);

/** The pause asked: its reason, or true when it has none; undefined when none was asked. */
const asked = (store: Store, id: string) => {
  const kept = store.get<string | boolean>(key(id));
  return kept === true || typeof kept === 'string' ? kept : undefined;
};

export const pauseAsked = (store: Store, id: string): boolean => asked(store, id) !== undefined;

export const forgetPause = (store: Store, id: string): void => store.delete(key(id));

/**
 * The refresh without the add-on's reason for a pause, its notice, nor a later try of a run given
 * up (resumed, it runs at its next time): its owner's Pause or Resume decides now.
 */
export function ownersCall(r: Refresh): Refresh {
  const { pausedReason: _, pausedForKey: __, keySavedAt: ___, pausedWith: ____, ...rest } = r;
  const { notice: _____, retryAt: ______, ...refresh } = rest;
  return refresh;
}

/** A run's end recorded: the refresh paused if Pause was pressed meanwhile (one the run paused stays so). */
export function pausedIfAsked(store: Store, r: Refresh): Refresh {
  const why = asked(store, r.id);
  if (why === undefined) return r;
  forgetPause(store, r.id);
  return r.paused ? r : { ...ownersCall(r), paused: true, ...(why === true ? {} : { pausedReason: why }) };
}
