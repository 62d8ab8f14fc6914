// What the user saved in Settings, kept in their own User properties: other editors of the
// spreadsheet cannot read them. Its own module so that refreshes and Settings both read it.
import { ConnectionOptions, DEFAULT_CONNECTION_OPTIONS } from '../core/settings';
import { userStore } from './adapters/properties-store';

const KEY = 'apiKey';
const OPTIONS = 'connection';

export function readApiKey(): string {
  return userStore().get<string>(KEY) ?? '';
}

export function readConnectionOptions(): ConnectionOptions {
  const saved = ConnectionOptions.safeParse(userStore().get(OPTIONS));
  return saved.success ? saved.data : DEFAULT_CONNECTION_OPTIONS;
}

/** Saves the options, and the key where one was given (else the saved one stays). */
export function writeSettings(apiKey: string | undefined, options: ConnectionOptions): void {
  const store = userStore();
  if (apiKey) store.set(KEY, apiKey);
  store.set(OPTIONS, options);
}

export function forgetApiKey(): void {
  userStore().delete(KEY);
}
