// The progress and status stuck to the foot of the Pull data sidebar, as keyboard users and
// people who enlarge text meet it: never over the focused control.
import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { menu, reset, sidebar, useBench } from './support';

/** The focused control's id (or a checkbox's value), and whether it is on screen clear of the dock. */
const focus = (sb: FrameLocator) =>
  sb.locator(':root').evaluate(() => {
    const e = document.activeElement as HTMLInputElement;
    const box = e.getBoundingClientRect();
    const dock = document.getElementById('dock')?.getBoundingClientRect();
    const clear =
      box.height > 0 && box.top >= 0 && box.bottom <= Math.min(dock?.top ?? Infinity, innerHeight);
    return { id: e.id || e.value, clear };
  });

async function openPull(page: Page): Promise<FrameLocator> {
  await menu(page, 'Pull data…');
  const sb = await sidebar(page, 'Pull data from Assembled');
  await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
  return sb;
}

describe('The Pull data progress dock', () => {
  // A report takes 90 virtual seconds (9 real ones at the suite's 10x): the form is used while it runs.
  const bench = useBench({ reportDelayMs: 90_000 });
  beforeEach(async () => {
    const { page } = bench();
    await reset(page);
    // A sidebar 641 pixels tall, as a laptop's Sheets shows it.
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('gives the focus back to Pull data after a pull in view, not under the dock, nor the fields above it', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    await sb.getByRole('button', { name: 'Pull data' }).focus();
    await page.keyboard.press('Enter');
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    await expect.poll(async () => (await focus(sb)).id).toBe('run');
    expect(await focus(sb)).toEqual({ id: 'run', clear: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focus(sb)).toEqual({ id: 'mode', clear: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focus(sb)).toEqual({ id: 'newSheet', clear: true });
  });

  it('keeps the focus in view while a pull runs: a picker walked with the arrows, Fixed dates chosen', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: 'Assembled is generating the report' }).waitFor();
    await sb.locator('#team_idsSearch').focus();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowDown');
      expect(await focus(sb)).toEqual({ id: expect.any(String), clear: true });
    }
    // Fixed dates chosen from the keyboard moves the form below it; the dates are reached in view.
    await sb.getByLabel('Relative to today').focus();
    await page.keyboard.press('ArrowDown');
    expect(await sb.getByLabel('Fixed dates').isChecked()).toBe(true);
    expect(await focus(sb)).toEqual({ id: 'absolute', clear: true });
    await page.keyboard.press('Tab');
    expect(await focus(sb)).toEqual({ id: 'from', clear: true });
    expect(await sb.locator('#jobStage').textContent()).toBe('Assembled is generating the report');
  });
});
