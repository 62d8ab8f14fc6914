// Sidebars are the self-contained HTML pages that the build writes next to Code.js.

function showSidebar(page: string, title: string): void {
  const html = HtmlService.createHtmlOutputFromFile(page).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showSettingsSidebar(): void {
  showSidebar('settings', 'Assembled settings');
}

export function showPullSidebar(): void {
  showSidebar('pull', 'Pull data from Assembled');
}

export function showRefreshesSidebar(): void {
  showSidebar('refreshes', 'Scheduled refreshes');
}

export function showPushSidebar(): void {
  showSidebar('push', 'Push rows to Assembled');
}
