// What the user saved in Settings, kept in their own User properties: other editors of the
// spreadsheet cannot read them. Its own module so that refreshes and Settings both read it.
import { ConnectionOptions, DEFAULT_CONNECTION_OPTIONS } from '../core/settings';
import { userStore } from './adapters/properties-store';
import { forgetChoices } from './choice-cache';

const KEY = 'apiKey';
const OPTIONS = 'connection';

export function readApiKey(): string {
  return userStore().get<string>(KEY) ?? '';
}

export function readConnectionOptions(): ConnectionOptions {
  const saved = ConnectionOptions.safeParse(userStore().get(OPTIONS));
  return saved.success ? saved.data : DEFAULT_CONNECTION_OPTIONS;
}

/**
 * Saves the options, and the key where one was given (else the saved one stays). A key saved or
 * removed forgets the pickers' lists: they may be another account's, or none's.
 */
export function writeSettings(apiKey: string | undefined, options: ConnectionOptions): void {
  const store = userStore();
  if (apiKey) {
    store.set(KEY, apiKey);
    forgetChoices();
  }
  store.set(OPTIONS, options);
}

export function forgetApiKey(): void {
  userStore().delete(KEY);
  forgetChoices();
}
