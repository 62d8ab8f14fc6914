// The advice an ended push's message gives, to push again for the rows it did not send: true
// when it stopped, and kept so in its log row; moot once another push of the sheet has ended since,
// which may have sent them. Each is said here once, for the message and for withoutPushAgain.

/** After some rows went. */
export const STOPPED_TAIL = 'Rows already sent keep their status; push again to send the rest.';
/** When none went. */
export const NONE_SENT_TAIL = 'Push again to send the rows.';
/** After what to do first (save a key): no-key-stop.ts. */
export const THEN_PUSH_AGAIN = ', then push again.';
/** The push's list of its rows lost from its owner's User properties: run-push.ts. */
export const LIST_GONE = 'The list of rows this push was started with is gone; push again to send the rest.';
/** After rows Assembled took whose outcome the sheet refused: run-push.ts writeBack. */
export const UNWRITTEN_TAIL =
  'They are never sent again: push again once the status columns can be edited, and their outcome is looked up in Assembled.';
/** After the count of rows changed or added during the push, not sent: run-push.ts summary. */
export function changedTail(notSent: number): string {
  return ` (push again to send ${notSent === 1 ? 'it' : 'them'})`;
}

/** `message` without the advice: the Push status column says where each row stands now. */
export function withoutPushAgain(message: string): string {
  return message
    .replace(STOPPED_TAIL, 'Rows already sent keep their status.')
    .replace(` ${NONE_SENT_TAIL}`, '')
    .replace(THEN_PUSH_AGAIN, ' before your next push.')
    .replace(LIST_GONE, 'The list of rows this push was started with is gone.')
    .replace(
      UNWRITTEN_TAIL,
      'They are never sent again: a push that can edit the status columns looks their outcome up in Assembled.',
    )
    .replace(changedTail(1), '')
    .replace(changedTail(2), '');
}
