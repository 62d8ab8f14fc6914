// The user's connection settings. The API key is kept apart from the rest so that it is only ever
// read where a request is about to be sent, and only ever shown masked.
import * as z from 'zod/mini';
import { DEFAULT_API_VERSION } from './assembled/api-version';
import { KEY_FROM } from './key-source';
import { lazy } from './lazy';

/** Unix seconds first: every time Assembled's own client sends is one; ISO stays for accounts that want it. */
export const TIME_FORMATS = ['unix', 'iso'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

export const ConnectionOptions = /* @__PURE__ */ lazy(() =>
  z.object({
    timeFormat: z.enum(TIME_FORMATS),
    // Empty is the default, not "send none": settings saved before the default was sent hold ''.
    apiVersion: z.string().check(
      z.overwrite((typed) => typed.trim() || DEFAULT_API_VERSION),
      z.regex(/^\d{4}-\d{2}-\d{2}$/, `API-Version must be a date like ${DEFAULT_API_VERSION}.`),
    ),
  }),
);
export type ConnectionOptions = z.infer<typeof ConnectionOptions>;

export const DEFAULT_CONNECTION_OPTIONS: ConnectionOptions = {
  timeFormat: 'unix',
  apiVersion: DEFAULT_API_VERSION,
};

/**
 * Characters a copy from a web page brings along unseen, which no key holds: format characters
 * (zero-width space and joiners, the byte-order mark, soft hyphen) and no-break spaces. Dropped
 * wherever they are, as spaces around the key are trimmed.
 */
const UNSEEN = /[\p{Cf}\u00A0\u2007\u202F]/gu;

/** Quote marks, straight and curly: no key holds one. */
const QUOTE = /["'`‘’“”]/u;

const PREFIX = 'sk_live_';
/** A key for Assembled's test environment: well formed, but not for the live API the add-on calls. */
const TEST_PREFIX = 'sk_test_';

/**
 * The key as pasted, less what cannot be seen in or around it, and less quotes around it (a key
 * copied from code or a message comes so): no key holds a quote, so they cannot be part of it.
 */
export function cleanKey(typed: string): string {
  const key = typed.replace(UNSEEN, '').trim();
  const quoted = key.length > 1 && QUOTE.test(key.charAt(0)) && QUOTE.test(key.charAt(key.length - 1));
  return quoted ? key.slice(1, -1).trim() : key;
}

/**
 * What is wrong with a key (cleaned), in words that never show it: a character no key holds is
 * named, with where it is, as the person cannot otherwise find it; undefined when nothing is.
 * Named first wherever the key is a key up to it ("sk_live demo"), not told to start with sk_live_.
 * A test key is said to be one first: mending a character in it would not make it a live key.
 */
export function keyProblem(key: string): string | undefined {
  if (key.startsWith(TEST_PREFIX))
    return `This looks like a test key (${TEST_PREFIX}…); the add-on needs a live API key (${PREFIX}…) from ${KEY_FROM}.`;
  const chars = Array.from(key);
  const at = chars.findIndex((c) => !/[A-Za-z0-9_-]/.test(c));
  const before = chars.slice(0, Math.max(at, 0)).join('');
  if (at >= 0 && (key.startsWith(PREFIX) || PREFIX.startsWith(before))) {
    const c = chars[at] ?? '';
    const named = /\s/.test(c)
      ? 'a space'
      : QUOTE.test(c)
        ? `a quote mark (${c})`
        : /[\p{C}\p{M}]/u.test(c)
          ? `the character U+${hex(c)}`
          : c;
    // Within the prefix, what comes before it is no secret and says where it is best.
    const where = before && PREFIX.startsWith(before) ? `, right after ${before}` : '';
    const fix = QUOTE.test(c) ? 'paste the key without it' : `copy it again from ${KEY_FROM}`;
    return `The API key has ${named} at character ${at + 1}${where}, which a key never holds; ${fix}.`;
  }
  if (!key.startsWith(PREFIX))
    return `The API key should start with ${PREFIX}: copy the whole key from ${KEY_FROM}.`;
  return chars.length > 8 ? undefined : 'The API key has nothing after sk_live_: copy all of it.';
}

const hex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

export const ApiKey = /* @__PURE__ */ lazy(() =>
  z.string().check(
    z.overwrite(cleanKey),
    z.refine((key) => !keyProblem(key), { error: (issue) => keyProblem(String(issue.input)) }),
  ),
);

/** What Settings sends: a new key only when the user typed one. */
export const SettingsInput = /* @__PURE__ */ lazy(() =>
  z.object({
    apiKey: z.optional(ApiKey),
    timeFormat: z.enum(TIME_FORMATS),
    apiVersion: ConnectionOptions.shape.apiVersion,
  }),
);
export type SettingsInput = z.infer<typeof SettingsInput>;

export interface SettingsView extends ConnectionOptions {
  hasKey: boolean;
  /** The key with all but its prefix and last four characters hidden, or '' when there is none. */
  keyHint: string;
  /**
   * The spreadsheet's time zone (File ▸ Settings), which the dates of rows pulled and pushed are
   * read and written in: not the user's, but said here, where they look for how the add-on is set.
   */
  timezone: string;
  /**
   * From a save: how many of the caller's scheduled refreshes are paused for their key (none saved,
   * or refused), which a new key does not resume by itself.
   */
  pausedForKey?: number;
}

/** What a sidebar's options carry to show the caller has no key, once, at its top (ui/key-notice.ts). */
export interface KeyNotice {
  /**
   * Why nothing can be read from or sent to Assembled: the caller has no key, or Assembled refused
   * it at its last answer (what to do, in words).
   */
  keyMissing?: string;
}
