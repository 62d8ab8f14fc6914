// A done word in a row's Push status that the add-on did not write: typed by a person, filled down
// the column, or pasted without what a push writes beside it (a time in Pushed at, the note of what
// was sent). It is no sign the row was pushed, so the row is not done; but it may mean "made in
// Assembled another way", so the row is not sent either. It is held back, saying what to do, until
// its Push status is cleared; the words, written with "error", keep it held back meanwhile.
import { ERROR_STATUS, isDoneWord } from './kinds';

const SAID = /^Push status said (\S+), but this row was never pushed from here\b/;

/** The words beside such a row, `word` the done word its Push status held. */
export function typedStatusWords(word: string): string {
  return `Push status said ${word}, but this row was never pushed from here (nothing the add-on writes when it pushes is beside it): clear Push status to send it, or delete the row if it is in Assembled already.`;
}

/**
 * The done word of a row the add-on never pushed (`status` lowercased, `message` its Push message):
 * its Push status, or the word its message keeps once the status reads error; '' for a row to check.
 */
export function typedStatus(status: string, message: string): string {
  if (isDoneWord(status)) return status;
  return status === ERROR_STATUS ? (SAID.exec(message)?.[1] ?? '') : '';
}
