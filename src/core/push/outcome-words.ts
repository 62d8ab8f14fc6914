// Row messages that more than one push path writes beside a row.

/** A create whose answer was lost, found in Assembled when the push resumed. */
export const FOUND_AFTER_INTERRUPTION = 'Found in Assembled after an interrupted push; not sent again.';

/** A time-off request created; Assembled holds it for approval. */
export const CREATED_PENDING = 'Created; pending approval in Assembled.';
