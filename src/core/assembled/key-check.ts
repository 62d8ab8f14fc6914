// Whether Assembled takes a client's key, asked with the lightest read there is: the
// organisation's roles, a handful on one page. Resume asks it before restarting a refresh a
// refused key paused.
import { keyRefused, keyUntold } from './check';
import type { AssembledClient } from './client';
import { AssembledError } from './errors';

/** Taken, refused (401), or not told: the error that came before Assembled looked at the key. */
export type KeyVerdict = 'taken' | 'refused' | { untold: AssembledError };

export function checkKey(client: AssembledClient): KeyVerdict {
  try {
    client.listRoles();
    return 'taken';
  } catch (error) {
    if (!(error instanceof AssembledError)) throw error;
    const result = { error, status: error.status };
    if (keyRefused(result)) return 'refused';
    if (keyUntold(result)) return { untold: error };
    // Answered past the key (no permission for roles, a reply not understood): the key was taken.
    return 'taken';
  }
}
