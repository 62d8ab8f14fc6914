// The workbench's frame around the grid at any window size: one row of sheet tabs that scrolls
// sideways as Sheets' does, however many sheets and however long their names, and a sidebar that
// ends inside the window.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { menu, reset, sidebar, useBench } from './support';

const LONG_NAMES = [
  'Schedule grid for the European support team week of December first 2026 final',
  'Assembled log',
  'Coverage',
  'Time off to create',
  'Time off to cancel',
  'Agent states to ingest',
  'Adherence report by agent and day',
  'Ticket stats report by queue',
  'Handle time by agent',
  'People and their teams',
  'Requirements for next week',
];

/** Where the page's parts lie, in CSS pixels of the window. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height } : undefined;
    };
    const list = document.querySelector('#tabs') as HTMLElement;
    const tabs = Array.from(list.querySelectorAll('[role="tab"]')).map((t) => t.getBoundingClientRect());
    return {
      window: window.innerHeight,
      tabBar: box('footer.tabs'),
      sheet: box('#sheet'),
      frame: box('#sidebarFrame'),
      tabTops: new Set(tabs.map((t) => Math.round(t.top))).size,
      tabHeights: Math.max(...tabs.map((t) => t.height)),
      scrolls: list.scrollWidth > list.clientWidth,
      list: box('#tabs'),
      selected: box('#tabs [aria-selected="true"]'),
    };
  });

describe('The workbench frame', () => {
  const bench = useBench();
  /** Eleven sheets beside Sheet1, named as pulls and pushes name theirs, added once. */
  const addLongSheets = async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    for (const name of LONG_NAMES) if (!wb.sheetNames().includes(name)) wb.addSheet(name);
    await expect.poll(() => page.getByRole('tab').count()).toBe(1 + LONG_NAMES.length);
  };

  it('keeps the sidebar inside a small window, one sheet or many', async () => {
    const { page } = bench();
    await reset(page);
    await page.setViewportSize({ width: 640, height: 400 });
    try {
      await menu(page, 'Settings…');
      await sidebar(page, 'Assembled settings');
      const one = await layout(page);
      expect(one.frame?.bottom).toBeLessThanOrEqual(one.tabBar?.top ?? 0);
      expect(one.tabBar?.bottom).toBeLessThanOrEqual(one.window);

      await addLongSheets();
      const many = await layout(page);
      // One row of tabs, no taller than with one sheet: the grid and the sidebar keep their room.
      expect(many.tabTops).toBe(1);
      expect(many.tabHeights).toBe(one.tabHeights);
      expect(many.scrolls).toBe(true);
      expect(many.sheet?.height).toBe(one.sheet?.height);
      expect(many.frame?.bottom).toBeLessThanOrEqual(many.tabBar?.top ?? 0);
      expect(many.tabBar?.bottom).toBeLessThanOrEqual(many.window);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('keeps a dozen long-named tabs in one row that scrolls, to the sheet chosen, as Sheets does', async () => {
    const { page } = bench();
    await reset(page);
    const one = await layout(page);
    await addLongSheets();
    const many = await layout(page);
    expect([many.tabTops, many.tabHeights, many.scrolls]).toEqual([1, one.tabHeights, true]);
    expect(many.sheet?.height).toBe(one.sheet?.height);
    const inView = async () => {
      const { selected, list } = await layout(page);
      return (
        (selected?.left ?? -1) >= (list?.left ?? 0) - 0.5 &&
        (selected?.right ?? 1e9) <= (list?.right ?? 0) + 0.5
      );
    };
    // The mouse wheel over the tabs scrolls them sideways.
    const scrolled = () => page.locator('#tabs').evaluate((e) => e.scrollLeft);
    await page.locator('#tabs').hover();
    await page.mouse.wheel(0, 300);
    await expect.poll(scrolled).toBeGreaterThan(0);
    // A sheet added (as a pull adds one) is chosen at the end of the row, far out of view: shown.
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await page.getByRole('button', { name: 'Add sheet' }).click();
    await expect
      .poll(() => page.getByRole('tab', { selected: true }).textContent())
      .toBe(`Sheet${2 + LONG_NAMES.length}`);
    expect(await inView()).toBe(true);
    expect((await layout(page)).tabTops).toBe(1);
    // And back to the first, chosen by the keys of the tabs (Right goes round from the last).
    await page.getByRole('tab', { name: `Sheet${2 + LONG_NAMES.length}` }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Sheet1');
    expect(await inView()).toBe(true);
  });

  it('keeps the keyboard on a tab renamed from it, or left as it was with Escape', async () => {
    const { page } = bench();
    await reset(page);
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const dialog = page.getByRole('dialog', { name: 'Sheet "Sheet1"' });
    await page.getByRole('tab', { name: 'Sheet1' }).focus();
    await page.keyboard.press('F2');
    await dialog.waitFor();
    await page.keyboard.type('Rota');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Rota']);
    await expect.poll(focused).toBe('Rota');
    // Escape renames nothing, and the keyboard is back on the tab it left.
    await page.keyboard.press('F2');
    await page.getByRole('dialog', { name: 'Sheet "Rota"' }).waitFor();
    await page.keyboard.type('Other');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Sheet "Rota"' }).waitFor({ state: 'hidden' });
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Rota']);
    await expect.poll(focused).toBe('Rota');
  });
});
