// The add-on menu. onOpen runs in AuthMode.NONE before the user has authorised the add-on,
// so it must only build the menu: no Properties, no UrlFetch, no triggers.
import { MENU_ITEMS } from '../core/menu-names';
import type { EntryPointName } from './main';

interface MenuItem {
  caption: string;
  handler: EntryPointName;
}

const ITEMS: (MenuItem | 'separator')[] = [
  { caption: MENU_ITEMS.pull, handler: 'showPullSidebar' },
  { caption: MENU_ITEMS.push, handler: 'showPushSidebar' },
  { caption: MENU_ITEMS.refreshes, handler: 'showRefreshesSidebar' },
  'separator',
  { caption: MENU_ITEMS.settings, handler: 'showSettingsSidebar' },
];

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of ITEMS) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.handler);
  }
  menu.addToUi();
}

/** An Editor add-on installed from the Marketplace gets onInstall, not onOpen, the first time. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
