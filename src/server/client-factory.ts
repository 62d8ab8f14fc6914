// The one place the add-on builds an Assembled client: the current user's key and options,
// over UrlFetchApp. A missing key fails here, before anything is sent.
import {
  type AssembledClient,
  AssembledError,
  createAssembledClient,
  type TokenBucket,
} from '../core/assembled';
import { KEY_REFUSED } from '../core/assembled/errors';
import { menuPath } from '../core/menu-names';
import type { ConnectionOptions, KeyNotice } from '../core/settings';
import { gasClock } from './adapters/gas-clock';
import { urlFetchHttp } from './adapters/url-fetch-http';
import { hearKey, wasRefused } from './key-refused';
import { readApiKey, readConnectionOptions } from './saved-settings';

/** Said wherever the caller's key is needed and none is saved. */
export const noKeyMessage = () =>
  `No Assembled API key is set for you. Open ${menuPath('settings')} and paste your key.`;

/**
 * A sidebar's notice of the caller's key missing, or refused by Assembled at its last answer
 * (key-refused.ts), for its options; none with a key saved that was not refused.
 */
export function keyNotice(): KeyNotice {
  const key = readApiKey();
  if (!key) return { keyMissing: noKeyMessage() };
  return wasRefused(key) ? { keyMissing: KEY_REFUSED } : {};
}

/** `rateLimit`: a bucket to pace with (a push resumes its pacing across executions). */
export function assembledClient(rateLimit?: TokenBucket): AssembledClient {
  return clientWith({ apiKey: readApiKey(), ...readConnectionOptions() }, rateLimit);
}

/** A client with the given key and options (Settings' test of what is typed, not yet saved). */
export function clientWith(
  settings: ConnectionOptions & { apiKey: string },
  rateLimit?: TokenBucket,
): AssembledClient {
  if (!settings.apiKey) {
    throw new AssembledError({
      kind: 'auth',
      status: 0,
      endpoint: '',
      message: noKeyMessage(),
    });
  }
  const client = createAssembledClient({
    http: urlFetchHttp,
    clock: gasClock,
    apiKey: settings.apiKey,
    timeFormat: settings.timeFormat,
    apiVersion: settings.apiVersion,
    base64: (text) => Utilities.base64Encode(text, Utilities.Charset.UTF_8),
    ...(rateLimit ? { rateLimit } : {}),
  });
  client.onResponse(hearKey(settings.apiKey));
  return client;
}
