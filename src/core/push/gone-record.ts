// An update or delete of a record Assembled no longer holds (an activity, a state): the id may be
// right and the record deleted since it was read, so sending it again can only be refused again.
// Activities and states say it alike, from here.

const GONE = /^Assembled holds no [a-z]+ with the id "/;

/** `what`: the record ("activity"); `how`: how it may have gone, in brackets or ''; `pull`: what pull shows it. */
export const goneWords = (what: string, id: string, how: string, pull: string): string =>
  `Assembled holds no ${what} with the id "${id}": it may have been deleted since${how}, or the id is mistyped. Clear this row's Action, then pull ${pull} again to see what Assembled holds.`;

/** Whether a row's message is of such a refusal: pushing it again as it is cannot help. */
export const goneFromAssembled = (message: string): boolean => GONE.test(message);
