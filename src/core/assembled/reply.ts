// Reading what the service says when it refuses a request: no error schema is published.
import { cutText } from '../cut-text';

/** The longest service message kept; cut only after the key was blanked (see makeRedactor). */
const MESSAGE_MAX = 500;

/**
 * The service's message as it came, on one line: a JSON message/error field, or the plain body, at
 * most 500 characters; none from a page of markup (a proxy's or gateway's, not the service's words).
 * Give it a body already redacted: a key cut in two would escape the redactor.
 */
export function serviceMessage(body: string): string {
  const message = messageIn(body).replace(/\s+/g, ' ').trim();
  return /^<[!a-z]/i.test(message) ? '' : cutText(message, MESSAGE_MAX);
}

function messageIn(body: string): string {
  const text = body.trim();
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'string') return json;
    if (json && typeof json === 'object') {
      const record = json as Record<string, unknown>;
      for (const key of ['message', 'error', 'detail', 'error_message']) {
        const value = record[key];
        if (typeof value === 'string' && value) return value;
        if (value && typeof value === 'object') {
          const inner = (value as Record<string, unknown>).message;
          if (typeof inner === 'string' && inner) return inner;
        }
      }
    }
  } catch {
    // not JSON: the plain body is the message
  }
  return text;
}

/** The offending field when the reply names one ("Missing required field priority_order"). */
export function offendingField(body: string, message: string): string | undefined {
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      const record = json as Record<string, unknown>;
      for (const key of ['field', 'param', 'parameter']) {
        const value = record[key];
        if (typeof value === 'string' && value) return value;
      }
    }
  } catch {
    // plain text: fall through to the wording
  }
  const named = /\b(?:field|parameter|param|attribute)\s*:?\s*[`'"]?([A-Za-z_][\w.]*)/i.exec(message)?.[1];
  if (named && !NOT_NAMES.has(named.toLowerCase())) return named;
  return /[`'"]?([A-Za-z_][\w.]*)[`'"]?\s+is\s+(?:required|invalid|missing)/i.exec(message)?.[1];
}

const NOT_NAMES = new Set(['is', 'was', 'must', 'cannot', 'required', 'missing', 'invalid', 'value']);
