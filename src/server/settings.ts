// The Settings sidebar's calls: its key and options saved in the user's own Properties (saved-settings.ts).

import { maskKey } from '../core/key-mask';
import { keySaved, pausedForKey, pauseForRemovedKey } from '../core/schedule/manage';
import { SettingsInput, type SettingsView } from '../core/settings';
import { parseInput } from '../core/validation';
import { spreadsheetZone } from './adapters/gas-zone';
import { documentStore } from './adapters/properties-store';
import { refreshDeps } from './refreshes';
import { forgetApiKey, readApiKey, readConnectionOptions, writeSettings } from './saved-settings';
import { savedUserId } from './user';

export function getSettings(): SettingsView {
  const key = readApiKey();
  return {
    ...readConnectionOptions(),
    hasKey: key !== '',
    keyHint: maskKey(key),
    timezone: spreadsheetZone().name,
  };
}

export function saveSettings(input: unknown): SettingsView {
  const { apiKey, ...options } = parseInput(SettingsInput, input, 'Settings');
  writeSettings(apiKey, options);
  // Their refreshes here paused for their key now need only Resume, which every editor's card says.
  const id = savedUserId();
  if (apiKey && id) keySaved({ ...refreshDeps(), user: { id, email: '' } });
  return { ...getSettings(), pausedForKey: keyPaused() };
}

/** The caller's refreshes waiting on a key, told by their id alone (Settings needs no e-mail). */
function keyPaused(): number {
  const id = savedUserId();
  return id ? pausedForKey({ store: documentStore(), user: { id, email: '' } }) : 0;
}

export function clearApiKey(): SettingsView {
  // Their refreshes here stop now, as Remove key says, not one failure e-mail each at their next run.
  // Paused first: when the spreadsheet is too busy to pause them, the key stays too.
  const id = savedUserId();
  // Their runs under way are stopped with them (a retry waiting too), with the deps a run needs.
  if (id) pauseForRemovedKey({ ...refreshDeps(), user: { id, email: '' } });
  forgetApiKey();
  return getSettings();
}
