// A push whose owner has no API key saved any more (removed while it waited to try again) stops at
// its next try: it runs with the owner's key only. Said in the owner's name where every editor
// reads it (the log, another editor's sidebar), and to the owner as "you" in their own sidebar.
import { menuPath } from '../menu-names';
import { type Owned, ownerName } from '../owner';
import { THEN_PUSH_AGAIN } from './push-again';

const TAIL = 'Rows already sent keep their status.';

/** The push's message, as the log keeps it. */
export const noKeyStop = (job: Owned) =>
  `Stopped: ${ownerName(job)} has no Assembled API key saved, and this push runs with their key. They need to save it in ${menuPath('settings')}${THEN_PUSH_AGAIN} ${TAIL}`;

/** The same, in the owner's sidebar. */
export const NO_KEY_STOP_YOURS = `Stopped: no Assembled API key is saved for you, and this push runs with yours. Save your key in ${menuPath('settings')}${THEN_PUSH_AGAIN} ${TAIL}`;

/** Why it stopped, for another editor waiting on it; '' when it was not for want of a key. */
export const noKeyReason = (job: Owned & { message?: string }) =>
  job.message === noKeyStop(job) ? ` (${ownerName(job)} has no Assembled API key saved)` : '';
