// The one error type the client throws, with messages worded for a spreadsheet user.
import { cutText } from '../cut-text';
import { menuPath } from '../menu-names';
import { ended } from '../sentence';
import { callWords } from './call-words';

export type AssembledErrorKind =
  | 'auth'
  | 'bad_request'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'unexpected_response'
  | 'outcome_unknown';

export interface AssembledErrorInit {
  kind: AssembledErrorKind;
  /** HTTP status, or 0 when no response arrived (network, outcome unknown after a timeout). */
  status: number;
  /** "METHOD /path" without the query string. */
  endpoint: string;
  message: string;
  field?: string;
  /** The service's own message, as it came (redacted). */
  detail?: string;
  /** For rate_limited: how long to wait before trying again, when known (ms). */
  retryAfterMs?: number;
}

export class AssembledError extends Error {
  readonly kind: AssembledErrorKind;
  readonly status: number;
  readonly endpoint: string;
  readonly field?: string;
  readonly detail?: string;
  readonly retryAfterMs?: number;

  constructor(init: AssembledErrorInit) {
    super(init.message);
    this.name = 'AssembledError';
    this.kind = init.kind;
    this.status = init.status;
    this.endpoint = init.endpoint;
    if (init.field !== undefined) this.field = init.field;
    if (init.detail !== undefined) this.detail = init.detail;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** Error.message is not enumerable; keep it in logs and job records that stringify errors. */
  toJSON(): AssembledErrorInit & { name: string } {
    const json: AssembledErrorInit & { name: string } = {
      name: this.name,
      kind: this.kind,
      status: this.status,
      endpoint: this.endpoint,
      message: this.message,
    };
    if (this.field !== undefined) json.field = this.field;
    if (this.detail !== undefined) json.detail = this.detail;
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    return json;
  }
}

export function isAssembledError(value: unknown): value is AssembledError {
  return value instanceof AssembledError;
}

/** A call never sent for want of a key: an `auth` failure that no answer came with. */
export function noKeySent(error: AssembledError): boolean {
  return error.kind === 'auth' && error.status === 0;
}

/**
 * Blanks the API key in every form a reply could echo it in: as typed, URL-encoded, and base64
 * (the Basic token of `key:` and of the key alone, padded or not); and any key or Basic token of
 * one however cut (KEY_LIKE). Run it over a whole text before cutting it short: a key cut in two
 * is no longer found.
 */
export function makeRedactor(apiKey: string, base64: (text: string) => string): (text: string) => string {
  const forms = new Set<string>();
  if (apiKey.trim().length >= 4) {
    for (const plain of [apiKey, encodeURIComponent(apiKey)]) forms.add(plain);
    for (const encoded of [base64(`${apiKey}:`), base64(apiKey)]) {
      const bare = encoded.replace(/=+$/, '');
      // A key is letters, digits, _ and - (Settings checks), so its base64 has no + or /: the
      // URL-safe and URL-encoded forms are the same text.
      forms.add(bare);
    }
  }
  // Longest first, so a form never leaves the tail of a longer one behind.
  const present = [...forms].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of present) out = out.split(secret).join('[redacted]');
    return out.replace(KEY_LIKE, '[redacted]');
  };
}

/**
 * A key's start as typed (sk_live_…) or as base64 (c2tfbGl2ZV…, "sk_live"), with what follows:
 * a reply may echo part of the key or the Authorization header, and any key is a secret.
 */
const KEY_LIKE = /\bsk_live_[A-Za-z0-9_-]+|\bc2tfbGl2ZV[A-Za-z0-9+/_-]*=*/g;

const SETTINGS = menuPath('settings');

/**
 * The add-on's words, then the service's own as they came when it sent any (which id, which key):
 * no error schema is published, so what it says may be what the person needs (API-FACTS).
 */
export function withServiceWords(words: string, detail?: string): string {
  return detail ? `${words} Assembled said: "${detail.replace(/\.$/, '')}".` : words;
}

/** Why a key sent was refused: one was sent, so it is not missing. Settings says what to do its own way. */
export const KEY_NOT_ACCEPTED =
  'Assembled did not accept the API key: it is mistyped, or no longer valid (revoked).';

/** Assembled refused the key (401): every call fails alike, so a page says it once (Pull data's lists). */
export const KEY_REFUSED = `${KEY_NOT_ACCEPTED} Open ${SETTINGS} and set a valid key.`;

/** The advice that ends a failure's words for a person to act on ("wait a minute and try again"). */
const BY_HAND =
  /( and the add-on's retries ran out for now)?; (try again in a few minutes|wait a minute and try again)\.?$|\. Check the connection and try again\.?$/;

/** A failure's cause alone, for words said while the add-on itself is about to try again. */
export function causeOf(message: string): string {
  return message.replace(BY_HAND, '').replace(/\.$/, '');
}

/** The most a card says of a failure's cause where it is seen without asking (shortCause). */
const SHORT_CAUSE_MAX = 90;

/**
 * A failure's cause in short, for a card to say in view: the first sentence of causeOf, the rest
 * (Assembled's reasons run to hundreds of characters) said whole on request.
 */
export function shortCause(message: string): string {
  const first = causeOf(message).split(/(?<=\.)\s/, 1)[0] ?? '';
  return cutText(first.replace(/\.$/, ''), SHORT_CAUSE_MAX);
}

/**
 * A failure told of while the add-on goes on: "A request to Assembled failed: <its cause>." The
 * cause follows a colon, never in brackets: Assembled's words hold their own ("(HTTP 504)").
 */
export function failedWith(lead: string, message: string): string {
  return ended(`${lead}: ${causeOf(message)}`);
}

/**
 * What causeOf takes off, as a sentence of its own ("Try again in a few minutes."), for words said
 * once the add-on has stopped trying; '' when the message has none.
 */
export function adviceOf(message: string): string {
  const found = BY_HAND.exec(message);
  if (!found) return '';
  const advice = found[2] ?? 'check the connection and try again';
  return `${advice[0]?.toUpperCase()}${advice.slice(1)}.`;
}

/**
 * User-facing wording for each kind; detail is the service's message when there is one. The call
 * is said in words (callWords), never as method and path: those stay in `endpoint`, for logs.
 */
export function userMessage(
  kind: AssembledErrorKind,
  endpoint: string,
  status: number,
  detail?: string,
): string {
  const call = callWords(endpoint);
  switch (kind) {
    case 'auth':
      return withServiceWords(
        status === 403
          ? `Assembled refused access while ${call}: the API key has no permission for that. Ask an Assembled admin for a key with access, then open ${SETTINGS} and set it.`
          : KEY_REFUSED,
        detail,
      );
    case 'bad_request':
      return `Assembled rejected the request while ${call}: ${detail || `HTTP ${status}`}`;
    case 'not_found':
      return withServiceWords(
        `Assembled found nothing while ${call}: the id may be wrong or the record deleted.`,
        detail,
      );
    case 'rate_limited':
      return `Assembled's rate limit was hit while ${call} and the add-on's retries ran out for now; wait a minute and try again.`;
    case 'server':
      return `Assembled had a server error (HTTP ${status}) while ${call}; try again in a few minutes.`;
    case 'network':
      return `Could not reach Assembled while ${call}: no response arrived. Check the connection and try again.`;
    case 'outcome_unknown':
      return `Assembled gave no clear answer while ${call} (${status ? `HTTP ${status}` : 'no response'}), so it is not known whether the request took effect; it was not sent again, to avoid a duplicate. Check in Assembled before resending.`;
    case 'unexpected_response':
      return `Assembled sent a reply the add-on could not read while ${call}: ${detail ?? 'unknown format'}`;
  }
}
