// The advice a stopped push's message ends with, to push again for the rows it did not send: true
// when it stopped, and kept so in its log row; moot once another push of the sheet has ended since,
// which may have sent them.

/** After some rows went. */
export const STOPPED_TAIL = 'Rows already sent keep their status; push again to send the rest.';
/** When none went. */
export const NONE_SENT_TAIL = 'Push again to send the rows.';
/** After what to do first (save a key): no-key-stop.ts. */
export const THEN_PUSH_AGAIN = ', then push again.';

/** `message` without the advice: the Push status column says where each row stands now. */
export function withoutPushAgain(message: string): string {
  return message
    .replace(STOPPED_TAIL, 'Rows already sent keep their status.')
    .replace(` ${NONE_SENT_TAIL}`, '')
    .replace(THEN_PUSH_AGAIN, ' before your next push.');
}
