// What a push writes beside the rows it stopped (or waits) before reaching: why, and what to do
// before pushing again, as the stop's cause says ("push again" alone is wrong advice while the key
// is refused). A problem the last check of a row found stays in view (withLastCheck).
import type { AssembledError } from '../assembled';
import { menuPath } from '../menu-names';
import { ERROR_STATUS } from './kinds';
import { IN_ASSEMBLED } from './progress-words';

/** The Push status of a row a push did not send (changed during it, or it stopped first); the next push sends it. */
export const NOT_SENT = 'not sent';
/** The Push status of a row a push waits to read (Assembled not answering): it may still send it. */
export const WAITING = 'waiting';

/** Beside the rows Push was pressed on while it cannot read them (Assembled not answering). */
export const UNREAD =
  'Not sent yet: the push checks this row, and sends it if it reads well, once Assembled answers.';
/** Beside the rows of a batch whose answer never came, once the push stops. */
export const STOPPED_IN_FLIGHT =
  'Not known whether Assembled took it: the push stopped before its answer came. Push again: it is looked for in Assembled first, and sent only if not there.';

/**
 * Why a push stopped before some rows: Stop pressed (by another editor, named), the key refused (401) or without permission
 * (403), no key saved any more, Assembled failing (its HTTP status; 0 for no answer), or else.
 */
export type RowStop =
  | { why: 'stopped'; by?: string }
  | { why: 'key'; status: number }
  | { why: 'no_key' }
  | { why: 'outage'; status: number }
  | { why: 'other' };

/** The stop an error from Assembled makes. */
export function stopFor(error: AssembledError | undefined): RowStop {
  if (!error || error.kind === 'network') return { why: 'outage', status: 0 };
  if (error.kind === 'server') return { why: 'outage', status: error.status };
  if (error.kind === 'auth') return { why: 'key', status: error.status };
  return { why: 'other' };
}

const SETTINGS = menuPath('settings');

/** A row's words when the push stopped before it; `checked`, the push had read and checked the rows. */
export function unsentWords(stop: RowStop, checked: boolean): string {
  const before = `before this row was ${checked ? 'sent' : 'checked'}`;
  switch (stop.why) {
    case 'stopped':
      return `Not sent: the push was stopped${stop.by ? ` by ${stop.by}` : ''} before this row; push again to send it.`;
    case 'key':
      // The row is read by every editor: the key is the one the push ran with, its owner's.
      return stop.status === 403
        ? `Not sent: the API key the push ran with has no permission in Assembled for this; save a key with access in ${SETTINGS}, then push again.`
        : `Not sent: Assembled did not accept the API key the push ran with; save a working key in ${SETTINGS}, then push again.`;
    case 'no_key':
      return `Not sent: the API key the push ran with was removed; save a key in ${SETTINGS}, then push again.`;
    case 'outage':
      return stop.status
        ? `Not sent: Assembled had a server error (HTTP ${stop.status}) ${before}; push again in a few minutes.`
        : `Not sent: Assembled did not answer ${before}; push again in a few minutes.`;
    case 'other':
      return checked
        ? 'Not sent: the push stopped before this row; push again to send it.'
        : 'Not sent: the push stopped before it could check the rows; push again to check and send this one.';
  }
}

/** The Push statuses a check leaves on a row it does not send: a problem to fix, or nothing to send. */
const VERDICTS = new Set([ERROR_STATUS, IN_ASSEMBLED.toLowerCase()]);

/**
 * Whether a row (its Push status, as read) keeps its last check's verdict when the push stops: a
 * key refused or removed stops it before any row can be checked, and no push checks one until the
 * key is mended, so that verdict is the newest word on the row. "Not sent" would hide its problem,
 * or ask to send a row that needs no sending; the next push checks every row afresh.
 */
export function keepsVerdict(stop: RowStop, status: string): boolean {
  return (stop.why === 'key' || stop.why === 'no_key') && VERDICTS.has(status);
}

const LAST_CHECK = ' The last check of this row said: ';

/**
 * `words` beside a row the push did not reach, with the problem the last check of it found (its
 * status "error", or said so by these words before): a push that never read the row has nothing
 * newer to say of it, and the problem may stand. Said as that check's, as the row may be mended since.
 */
export function withLastCheck(words: string, status: string, message: string): string {
  const at = message.indexOf(LAST_CHECK);
  const earlier =
    status === ERROR_STATUS
      ? message.trim()
      : (status === NOT_SENT || status === WAITING) && at >= 0
        ? message.slice(at + LAST_CHECK.length)
        : '';
  return earlier ? `${words}${LAST_CHECK}${earlier}` : words;
}
