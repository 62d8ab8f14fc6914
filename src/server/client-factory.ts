// The one place the add-on builds an Assembled client: the current user's key and options,
// over UrlFetchApp. A missing key fails here, before anything is sent.
import {
  type AssembledClient,
  AssembledError,
  createAssembledClient,
  type TokenBucket,
} from '../core/assembled';
import { menuPath } from '../core/menu-names';
import { gasClock } from './adapters/gas-clock';
import { urlFetchHttp } from './adapters/url-fetch-http';
import { readApiKey, readConnectionOptions } from './settings';

/** `rateLimit`: a bucket to pace with (a push resumes its pacing across executions). */
export function assembledClient(rateLimit?: TokenBucket): AssembledClient {
  const apiKey = readApiKey();
  if (!apiKey) {
    throw new AssembledError({
      kind: 'auth',
      status: 0,
      endpoint: '',
      message: `No Assembled API key is set for you. Open ${menuPath('settings')} and paste your key.`,
    });
  }
  const options = readConnectionOptions();
  return createAssembledClient({
    http: urlFetchHttp,
    clock: gasClock,
    apiKey,
    timeFormat: options.timeFormat,
    apiVersion: options.apiVersion,
    base64: (text) => Utilities.base64Encode(text, Utilities.Charset.UTF_8),
    ...(rateLimit ? { rateLimit } : {}),
  });
}
