// The one list of everything Apps Script calls by name: the simple triggers, menu handlers,
// trigger handlers and every function a sidebar calls (ServerApi). The build turns each key
// into a top-level function declaration in build/Code.js.
import type { ServerApi } from '../core/server-api';
import { onInstall, onOpen } from './menu';
import { clearApiKey, getSettings, saveSettings } from './settings';
import { showSettingsSidebar } from './sidebars';
import { testConnection } from './test-connection';

const sidebarApi: ServerApi = { getSettings, saveSettings, clearApiKey, testConnection };

export const entryPoints = {
  onOpen,
  onInstall,
  showSettingsSidebar,
  ...sidebarApi,
};

export type EntryPointName = keyof typeof entryPoints;
