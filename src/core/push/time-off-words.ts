// What a pushed time-off row says of its request as Assembled has it now (Sync time off), and what
// the person can do about it. Validate and Push read these back (sent-print.ts): a row changed
// since it was pushed says its instructions once, whether Sync's words or its own give them.
import { toClearAsNew } from './clear-to-send';

/** Statuses of a request that books no time in Assembled: nothing is left to cancel. */
export const ENDED_TIME_OFF = ['cancelled', 'denied', 'deleted'];

/**
 * How a pushed row asks again for time off Assembled no longer books: said alike in its Push
 * message and its Push status note (sent-print.ts withEnded), whatever ended the request.
 */
export const ASK_AGAIN = `To ask for this time off again, clear ${toClearAsNew('time_off')} and push the row; if it is not wanted any more, delete the row.`;

/** How a pushed row has Assembled hold what it says now, in place of what Assembled holds. */
export const CANCEL_AND_PUSH_AGAIN = `cancel the request (Time off to cancel, with its Assembled ID), then clear ${toClearAsNew('time_off')} here and push the row as new.`;

/** Sync's words for a request cancelled in Assembled (by anyone: the add-on's own cancel says its own). */
export const CANCELLED_THERE = `Cancelled in Assembled: the time off is not booked there any more. ${ASK_AGAIN}`;

/** Sync's words for a request a manager denied in Assembled. */
export const DENIED_THERE = `Denied in Assembled: the time off is not booked there. ${ASK_AGAIN}`;

/** Sync's words for a request Assembled has no more: in no list, cancelled ones included. */
export const DELETED_THERE = `Deleted in Assembled: it has no request with this Assembled ID any more. ${ASK_AGAIN}`;

/** Begins what Sync says of a request whose times, all-day or type were changed in Assembled. */
const CHANGED_THERE = 'Changed in Assembled since it was pushed:';

/**
 * Sync's words for a request changed in Assembled: `status` its status words, `what` each column
 * that differs ("Start is 2027-01-10 10:00 there, pushed as 2027-01-10 09:00").
 */
export function changedThere(status: string, what: string): string {
  return `${status} ${CHANGED_THERE} ${what}. To have the row's instead, ${CANCEL_AND_PUSH_AGAIN}`;
}

/** Whether Sync's words say the request was changed in Assembled. */
export function saysChangedThere(message: string): boolean {
  return message.includes(CHANGED_THERE);
}

/** Whether Sync's words already say what to do, so a message wrapping them need not say it again. */
export function saysWhatToDo(message: string): boolean {
  return message.includes(ASK_AGAIN) || saysChangedThere(message);
}

/** Why a row changed since it was pushed was not sent and is not what Assembled has either. */
export function endedSince(status: string): string {
  if (status === 'denied') return 'Assembled denied the request it made';
  return `the request it made was ${status === 'deleted' ? 'deleted' : 'cancelled'} in Assembled since`;
}
