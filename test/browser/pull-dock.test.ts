// The progress and status stuck to the foot of the Pull data sidebar, as keyboard users and
// people who enlarge text meet it: never over the focused control.
import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { menu, reset, sidebar, useBench } from './support';

/**
 * The focused control's id (or a checkbox's value), and whether it is on screen clear of the dock
 * (the dock's own heading: on screen).
 */
const focus = (sb: FrameLocator) =>
  sb.locator(':root').evaluate(() => {
    const e = document.activeElement as HTMLInputElement;
    const box = e.getBoundingClientRect();
    const dock = document.getElementById('dock');
    const floor = dock?.contains(e)
      ? innerHeight
      : Math.min(dock?.getBoundingClientRect().top ?? Infinity, innerHeight);
    // Within half a pixel: enlarged text puts edges between device pixels, where scrolling cannot.
    const clear = box.height > 0 && box.top >= -0.5 && box.bottom <= floor + 0.5;
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

  // The keyboard went back to Pull data, and the sheet name offered was already the next free one:
  // one more Enter started a second pull into a second new sheet.
  it('keeps the keyboard at how a pull ended, where Enter starts no other; Pull data a Shift+Tab away, in view', async () => {
    const { page, running } = bench();
    const sb = await openPull(page);
    await sb.getByRole('button', { name: 'Pull data' }).focus();
    await page.keyboard.press('Enter');
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    await expect.poll(() => sb.getByLabel('Sheet name').inputValue()).toBe('Adherence report 2');
    await expect.poll(() => focus(sb)).toEqual({ id: 'jobStage', clear: true });
    await page.keyboard.press('Enter');
    // A second pull would show its start at once.
    await page.waitForTimeout(1_000);
    expect(await sb.locator('#jobStage').textContent()).toBe('Done');
    expect(running.workbench.rt.workbook.sheetNames()).not.toContain('Adherence report 2');
    expect(await focus(sb)).toEqual({ id: 'jobStage', clear: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focus(sb)).toEqual({ id: 'run', clear: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focus(sb)).toEqual({ id: 'mode', clear: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focus(sb)).toEqual({ id: 'newSheet', clear: true });
  });

  it('leaves the focus where the person moved it while the pull ran; from Pull data, freed meanwhile, takes it to how it ended', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    const name = sb.getByLabel('Sheet name');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: 'Assembled is generating the report' }).waitFor();
    // Typing the next pull's sheet: the field keeps the focus as this one ends.
    await name.fill('');
    await name.pressSequentially('Adherence June');
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    await page.waitForTimeout(1_000);
    expect((await focus(sb)).id).toBe('newSheet');
    expect(await name.inputValue()).toBe('Adherence June');

    // Pull data, free for that other sheet while a pull runs, reached by Tab and not pressed.
    await name.fill('Adherence July');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: 'Assembled is generating the report' }).waitFor();
    await name.fill('Adherence August');
    await expect.poll(() => sb.getByRole('button', { name: 'Pull data' }).isEnabled()).toBe(true);
    await sb.getByRole('button', { name: 'Pull data' }).focus();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    await expect.poll(() => focus(sb)).toEqual({ id: 'jobStage', clear: true });
  });

  it('in a short sidebar, where the dock follows the form, shows how the pull ended, the focus at its heading', async () => {
    const { page } = bench();
    // A sidebar about 500 pixels tall: the dock is taller than a third of it, so it is not stuck.
    await page.setViewportSize({ width: 1280, height: 760 });
    const sb = await openPull(page);
    // A pull over before Stop is offered: nothing has brought the dock into view while it ran.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Agent states' });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    await expect.poll(async () => (await focus(sb)).id).toBe('jobStage');
    expect(await sb.locator('#dock').getAttribute('class')).toContain('loose');
    const inView = await sb.locator('#status').evaluate((e) => {
      const box = e.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
    });
    expect({ status: inView, focus: await focus(sb) }).toEqual({
      status: true,
      focus: { id: 'jobStage', clear: true },
    });
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

  it('at 200% text: fits the sidebar, and the dock follows the form rather than cover it, its values under their labels', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    const root = sb.locator(':root');
    // Text at twice its size in the same 300 pixels, as a person who enlarges text sees it.
    await root.evaluate(() => {
      document.documentElement.style.zoom = '2';
    });
    /** Visible elements whose right edge passes the sidebar's, and the page's sideways scroll. */
    const pastEdge = () =>
      root.evaluate(() => ({
        sideways: document.documentElement.scrollWidth - innerWidth,
        past: Array.from(document.querySelectorAll<HTMLElement>('body *'))
          .filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > innerWidth + 0.5)
          .map((e) => e.id || e.tagName),
      }));
    expect(await pastEdge()).toEqual({ sideways: 0, past: [] });
    // The data chosen and the sheet name offered are shown whole, not cut.
    const cut = await root.evaluate(() => {
      const data = document.getElementById('source') as HTMLSelectElement;
      const whole = document.createElement('select');
      whole.append(new Option(data.selectedOptions[0]?.text));
      whole.style.width = 'auto';
      data.after(whole);
      const name = document.getElementById('newSheet') as HTMLInputElement;
      const out = { data: whole.offsetWidth > data.offsetWidth, name: name.scrollWidth > name.clientWidth };
      whole.remove();
      return out;
    });
    expect(cut).toEqual({ data: false, name: false });

    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    expect(await pastEdge()).toEqual({ sideways: 0, past: [] });
    // The keyboard at how the pull ended, in view.
    await expect.poll(() => focus(sb)).toEqual({ id: 'jobStage', clear: true });
    // Each value under its label, as wide as the panel, not a few letters a line beside it.
    const narrowest = await root.evaluate(() => {
      const widths = Array.from(document.querySelectorAll('dd'))
        .filter((d) => d.checkVisibility())
        .map((d) => d.getBoundingClientRect().width);
      return Math.min(...widths) / (document.querySelector('dl')?.getBoundingClientRect().width ?? 1);
    });
    expect(narrowest).toBeGreaterThan(0.9);
    // Scrolled back to the top of the form, the dock (taller than a third of the sidebar) is not over it.
    const covers = await root.evaluate(() => {
      window.scrollTo(0, 0);
      const dock = document.getElementById('dock')?.getBoundingClientRect();
      const shown = dock ? Math.max(0, Math.min(dock.bottom, innerHeight) - Math.max(dock.top, 0)) : 0;
      return shown / innerHeight;
    });
    expect(covers).toBeLessThanOrEqual(1 / 3);
  });
});
