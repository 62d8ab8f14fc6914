// A sidebar whose first call fails (QA: Pull data's getPullOptions refused with "The coordinates of
// the range are outside the dimensions of the sheet.") says so at its top, why and what to do, with
// Try again, and shows no empty form meanwhile: every sidebar alike (first-read.ts).
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { menu, sidebar, useBench } from './support';

const WHY = 'The coordinates of the range are outside the dimensions of the sheet.';
const SAID = `Could not read the spreadsheet: ${WHY} Select a cell inside the sheet, then press Try again.`;

/** The next `times` calls of `fn` from the sidebar fail as the server would answer a script error. */
async function refuseCalls(page: Page, fn: string, times: number): Promise<() => number> {
  let refused = 0;
  await page.unrouteAll();
  await page.route('**/api/run', async (route) => {
    if (route.request().postDataJSON()?.fn === fn && refused < times) {
      refused++;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, message: WHY }),
      });
    } else await route.continue();
  });
  return () => refused;
}

/** The page's parts other than its heading and the notice that are drawn. */
const shownParts = (sb: FrameLocator) =>
  sb
    .locator('body > :not(h1, #readNotice, script, style)')
    .evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length);

describe('a sidebar whose first read fails', () => {
  const bench = useBench();

  it('Pull data: says why at its top with Try again, no empty form; Try again fills the form', async () => {
    const { page } = bench();
    const refused = await refuseCalls(page, 'getPullOptions', 2);
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    const notice = sb.locator('#readNotice');
    await expect.poll(() => notice.textContent()).toBe(`${SAID}Try again`);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await sb.locator('#readFailed').getAttribute('data-tone')).toBe('error');
    // Under the heading, the first thing read after it; the form, empty, is not shown at all.
    expect(await sb.locator('h1 + *').getAttribute('id')).toBe('readNotice');
    expect(await sb.locator('#pull').isVisible()).toBe(false);
    expect(await shownParts(sb)).toBe(0);
    // Failing again: said again, after the press is heard, and the button is back.
    const again = sb.getByRole('button', { name: 'Try again' });
    await again.click();
    await expect.poll(() => refused()).toBe(2);
    await expect.poll(() => sb.locator('#readFailed').textContent()).toBe(SAID);
    await expect.poll(() => again.isEnabled()).toBe(true);
    expect(await sb.locator('#pull').isVisible()).toBe(false);
    // The selection fixed (or Sheets answering again): the form, filled, and the keyboard at the top.
    await again.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => notice.count()).toBe(0);
    expect(await sb.locator('#pull').isVisible()).toBe(true);
    expect(await sb.getByLabel('Data', { exact: true }).locator('option').count()).toBeGreaterThan(5);
    expect(await sb.locator('#cellAt').textContent()).toBe('Starting at Sheet1!A1');
    expect(await sb.locator(':focus').evaluate((e) => e.tagName)).toBe('H1');
  });

  it('Pull data: a selection that could not be read takes only Active cell away, saying why', async () => {
    const { page } = bench();
    const unread = 'Service Spreadsheets failed while accessing document with id 1abc.';
    await page.unrouteAll();
    // getPullOptions answers as it does when the selection cannot be read (test/addon/selection-unread).
    await page.route('**/api/run', async (route) => {
      if (route.request().postDataJSON()?.fn !== 'getPullOptions') return route.continue();
      const answer = await (await route.fetch()).json();
      answer.value.activeCell = { sheet: answer.value.activeCell.sheet, unread };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(answer) });
    });
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await expect
      .poll(() => sb.getByLabel('Data', { exact: true }).locator('option').count())
      .toBeGreaterThan(5);
    expect(await sb.locator('#readNotice').count()).toBe(0);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByLabel('Active cell').check();
    const words = `Could not read the selected cell: ${unread} Select a cell inside the sheet, then press Pull data again.`;
    await expect.poll(() => sb.locator('#cellAt').textContent()).toBe(words);
    expect(await sb.locator('#cellAt').getAttribute('data-tone')).toBe('error');
    // Pressed, it reads the selection again; still unread, nothing is pulled, and it says why.
    await sb.getByRole('button', { name: 'Pull data', exact: true }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe(words);
    expect(await sb.locator('#job').isVisible()).toBe(false);
    await page.unrouteAll();
  });

  for (const [item, title, fn] of [
    ['Push rows…', 'Push rows to Assembled', 'getPushOptions'],
    ['Scheduled refreshes…', 'Scheduled refreshes', 'listRefreshes'],
    ['Settings…', 'Assembled settings', 'getSettings'],
  ] as const) {
    it(`${title}: says so alike, and Try again shows it`, async () => {
      const { page } = bench();
      await refuseCalls(page, fn, 1);
      await menu(page, item);
      const sb = await sidebar(page, title);
      const notice = sb.locator('#readNotice');
      await expect.poll(() => sb.locator('#readFailed').textContent()).toBe(SAID);
      expect(await sb.locator('h1 + *').getAttribute('id')).toBe('readNotice');
      expect(await shownParts(sb)).toBe(0);
      await sb.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      expect(await shownParts(sb)).toBeGreaterThan(0);
      expect(await sb.locator('#status').textContent()).not.toMatch(/Loading|Could not/);
    });
  }
});
