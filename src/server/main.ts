// The one list of everything Apps Script calls by name: the simple triggers, menu handlers,
// trigger handlers and every function a sidebar calls (ServerApi). The build turns each key
// into a top-level function declaration in build/Code.js.
import type { ServerApi } from '../core/server-api';
import { onDispatchTrigger } from './dispatch';
import { onInstall, onOpen } from './menu';
import { getPullOptions, listChoices, pollPull, previewRange, startPull } from './pull';
import { clearApiKey, getSettings, saveSettings } from './settings';
import { showPullSidebar, showSettingsSidebar } from './sidebars';
import { testConnection } from './test-connection';

const sidebarApi: ServerApi = {
  getSettings,
  saveSettings,
  clearApiKey,
  testConnection,
  getPullOptions,
  previewRange,
  listChoices,
  startPull,
  pollPull,
};

export const entryPoints = {
  onOpen,
  onInstall,
  onDispatchTrigger,
  showPullSidebar,
  showSettingsSidebar,
  ...sidebarApi,
};

export type EntryPointName = keyof typeof entryPoints;
