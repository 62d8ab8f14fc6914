// A sidebar keeps the keyboard focus only while the person is in it: once they have gone to the
// sheet, a list drawn again, a pull's progress or a call's end never pulls the focus back, where
// the keys meant for the sheet would press the sidebar's buttons.
import type { FrameLocator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { cell, menu, refreshCard, sidebar, useBench } from './support';

/** Holds the sidebar's next call of `fn` until the returned release is called. */
async function holdCall(page: Page, fn: string): Promise<() => Promise<void>> {
  let held: Route | undefined;
  let release: () => void = () => undefined;
  const released = new Promise<void>((done) => {
    release = done;
  });
  await page.route('**/api/run', async (route) => {
    if (!held && route.request().postDataJSON()?.fn === fn) {
      held = route;
      await released;
    }
    await route.continue();
  });
  return async () => {
    await expect.poll(() => !!held).toBe(true);
    release();
    await page.unrouteAll({ behavior: 'wait' });
  };
}

/** Goes to the sheet, as a person would, by clicking a cell. */
const toSheet = (page: Page, row: number) => cell(page, row, 'A').click();

/** Where the focus is: in the sidebar's frame, or in the workbench (its grid). */
const focusInSidebar = (page: Page) => page.evaluate(() => document.activeElement?.id === 'sidebarFrame');

/**
 * Types into the cell selected and checks a sheet took it, not a sidebar button. Read from the
 * spreadsheet, not the grid shown: a pull that ends meanwhile shows its new sheet (and on a busy
 * machine it may end between the keys and the look).
 */
async function typedInSheet(page: Page, rt: LocalRuntime, row: number, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => rt.workbook.sheetNames().filter((s) => rt.workbook.displayValues(s)[row - 1]?.[0] === text))
    .toHaveLength(1);
}

/**
 * Marks the cards shown, renames the refreshed sheet (a read of the list that changes nothing
 * leaves the cards as they are: this one has news), then waits for the list to be drawn again.
 */
async function redrawn(sb: FrameLocator, rt: LocalRuntime): Promise<void> {
  const list = sb.locator('#list');
  await list.evaluate((l) => {
    for (const c of Array.from(l.children)) c.setAttribute('data-old', '');
  });
  const [sheet] = rt.workbook.sheetNames().filter((name) => name.startsWith('Teams now'));
  if (sheet) rt.workbook.renameSheet(sheet, `${sheet}.`);
  await expect
    .poll(() => list.evaluate((l) => !!l.firstElementChild?.hasAttribute('data-old')), { timeout: 30_000 })
    .toBe(false);
}

describe('A sidebar left for the sheet', () => {
  const bench = useBench();

  it('Scheduled refreshes: the list drawn again does not take the focus back to the button pressed', async () => {
    const { page, running } = bench();
    running.workbench.rt.workbook.addSheet('Teams now');
    await running.workbench.rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name: 'Teams now' },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      'key-teams-now',
    );
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    const { sb, card } = await refreshCard(page, 'Teams now');
    await card.getByRole('button', { name: /^Run now: / }).focus();
    await page.keyboard.press('Enter');
    // Started, or already over (Teams is read in a moment).
    await card.locator('.said', { hasText: /^(Started:|Teams: )/ }).waitFor();
    // Pressed from the keyboard, the list drawn again puts the focus at the card's heading, whether
    // its run is over (not back on Run now, where a second Enter would run it again) or under way.
    await expect
      .poll(() =>
        sb.locator(':focus').evaluate((e) => e.getAttribute('aria-label') ?? `${e.tagName} ${e.textContent}`),
      )
      .toMatch(/^H2 Teams$/);

    await toSheet(page, 3);
    await redrawn(sb, running.workbench.rt);
    expect(await focusInSidebar(page)).toBe(false);
    await typedInSheet(page, running.workbench.rt, 3, 'typed');
    // Again, idle: the next read of the list (its minute) leaves the focus in the sheet too.
    await redrawn(sb, running.workbench.rt);
    expect(await focusInSidebar(page)).toBe(false);
    await typedInSheet(page, running.workbench.rt, 4, 'still here');
    expect(await card.getByRole('button', { name: /^Pause: / }).count()).toBe(1);
    // Nor within the sidebar: a click on its words after a button leaves no button focused (the
    // card's heading takes it, as the keyboard waits there when its button goes).
    await card.getByRole('button', { name: /^Pause: / }).focus();
    await card.getByRole('heading', { level: 2 }).click();
    await redrawn(sb, running.workbench.rt);
    expect(await sb.locator('body').evaluate(() => document.activeElement?.tagName)).toMatch(/^(BODY|H2)$/);
  });

  it('Pull data: a pull left to start does not take the focus to Stop this pull', async () => {
    const { page, running } = bench();
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    const release = await holdCall(page, 'startPull');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await toSheet(page, 6);
    await release();
    await sb.getByRole('button', { name: 'Stop this pull' }).waitFor();
    // Its progress is drawn every second: two ticks after Stop was offered.
    const elapsed = await sb.locator('#jobElapsed').textContent();
    await expect.poll(() => sb.locator('#jobElapsed').textContent()).not.toBe(elapsed);
    expect(await focusInSidebar(page)).toBe(false);
    await typedInSheet(page, running.workbench.rt, 6, 'mine');
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    // Nor does its end take the focus to how it ended.
    expect(await focusInSidebar(page)).toBe(false);
  });

  it('Settings: a test that ends after the person left does not give the focus back to its button', async () => {
    const { page, running } = bench();
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const release = await holdCall(page, 'testConnection');
    await sb.getByRole('button', { name: 'Test connection' }).focus();
    await page.keyboard.press('Enter');
    await toSheet(page, 8);
    await release();
    await sb.locator('#status', { hasText: 'Connected to Assembled' }).waitFor();
    expect(await focusInSidebar(page)).toBe(false);
    await typedInSheet(page, running.workbench.rt, 8, 'tested');
  });
});
