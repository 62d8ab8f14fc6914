// The add-on's menu as the user sees it: Sheets lists it under Extensions, titled with the add-on's
// name (a test deployment or a bound script shows the Apps Script project's title, which the README
// says to set to this name). Every message that sends the user to a menu item words it from here.

export const ADDON_NAME = 'Assembled for Google Sheets';

export const MENU_ITEMS = {
  pull: 'Pull data…',
  push: 'Push rows…',
  refreshes: 'Scheduled refreshes…',
  settings: 'Settings…',
} as const;

/** "Extensions ▸ Assembled for Google Sheets ▸ Settings…" */
export function menuPath(item: keyof typeof MENU_ITEMS): string {
  return `Extensions ▸ ${ADDON_NAME} ▸ ${MENU_ITEMS[item]}`;
}
