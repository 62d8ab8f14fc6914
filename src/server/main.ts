// The one list of everything Apps Script calls by name: the simple triggers, menu handlers,
// trigger handlers and every function a sidebar calls (ServerApi). The build turns each key
// into a top-level function declaration in build/Code.js.
import type { ServerApi } from '../core/server-api';
import { onDispatchTrigger, onHourlyDispatchTrigger } from './dispatch';
import { onInstall, onOpen } from './menu';
import { getPullOptions, goToSheet, listChoices, pollPull, previewRange, startPull, stopPull } from './pull';
import {
  askBeforePush,
  getPushOptions,
  insertPushTemplate,
  pollPush,
  pushSheetInFront,
  startPush,
  stopOthersPush,
  stopPush,
  syncTimeOff,
  validatePush,
  watchPush,
} from './push';
import {
  deleteRefresh,
  listRefreshes,
  pauseRefresh,
  pollRefresh,
  refreshesKeyNotice,
  resumeRefresh,
  runRefreshNow,
  saveRefresh,
  stopRefreshRun,
} from './refreshes';
import { clearApiKey, getSettings, saveSettings } from './settings';
import { showPullSidebar, showPushSidebar, showRefreshesSidebar, showSettingsSidebar } from './sidebars';
import { checkSettings, testConnection } from './test-connection';

const sidebarApi: ServerApi = {
  getSettings,
  saveSettings,
  clearApiKey,
  testConnection,
  checkSettings,
  getPullOptions,
  previewRange,
  listChoices,
  startPull,
  pollPull,
  stopPull,
  goToSheet,
  showPullSidebar,
  showSettingsSidebar,
  listRefreshes,
  getKeyNotice: refreshesKeyNotice,
  saveRefresh,
  pauseRefresh,
  resumeRefresh,
  deleteRefresh,
  runRefreshNow,
  pollRefresh,
  stopRefreshRun,
  getPushOptions,
  pushSheetInFront,
  insertPushTemplate,
  validatePush,
  askBeforePush,
  startPush,
  pollPush,
  watchPush,
  stopPush,
  stopOthersPush,
  syncTimeOff,
};

export const entryPoints = {
  onOpen,
  onInstall,
  onDispatchTrigger,
  onHourlyDispatchTrigger,
  showPushSidebar,
  showRefreshesSidebar,
  ...sidebarApi,
};

export type EntryPointName = keyof typeof entryPoints;
