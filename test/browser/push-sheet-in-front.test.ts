// Push rows learning that another sheet went in front. No event tells a sidebar of a tab clicked,
// and asking on a timer would run the script all day: it asks as the person leaves it and comes
// back to it, and says which sheet it found. The clock runs at its real pace here, as the
// sidebar's "a while" is a real person's.
import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoAgent, menu, reset, sidebar, typedTimeOff, useBench } from './support';

/** The middle of an element of the page, for the mouse. */
async function middle(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function openPush(page: Page): Promise<FrameLocator> {
  await page.getByRole('tab', { name: 'Sheet1' }).click();
  await menu(page, 'Push rows…');
  const sb = await sidebar(page, 'Push rows to Assembled');
  await expect.poll(() => sb.locator('#sheetName').textContent()).toBe('Sheet1');
  return sb;
}

describe('Push rows and the sheet in front', () => {
  const bench = useBench({ clockRate: 1 });
  beforeEach(async () => {
    await reset(bench().page);
  });

  // The link came only once the person clicked into the sidebar: looked at from the sheet, it
  // still offered nothing, and Validate then stopped to say the sheet had changed.
  it('a tab clicked from the sidebar: a moment later it names the sheet now in front, on screen and aloud, the pointer never back', async () => {
    const { page, running } = bench();
    const sb = await openPush(page);
    await sb.locator('h1').click();
    const name = 'Rows to check';
    running.workbench.rt.workbook.addSheet(name);
    await page.getByRole('tab', { name }).click();
    const use = sb.getByRole('button', { name: 'Use the sheet now in front' });
    await expect.poll(() => use.isVisible(), { timeout: 10_000 }).toBe(true);
    // Which sheet it is, beside the link and in the words Validate and Push are described by.
    const line = sb.locator('p.hint', { has: sb.locator('#refreshSheet') });
    expect(await line.textContent()).toBe(
      `If you switch to another sheet, the buttons notice and say so before acting on it. "${name}" is in front now. Use the sheet now in front`,
    );
    // The line above names the sheet the form works on, no longer "the sheet in front".
    const sheetLine = sb.locator('#sheetLine');
    expect(await sheetLine.textContent()).toBe('The form works on: Sheet1');
    expect(await sb.getByRole('button', { name: 'Validate' }).getAttribute('aria-describedby')).toBe(
      'sheetLine frontSaid',
    );
    expect(await sb.locator('#sheetSaid').textContent()).toBe(
      `"${name}" is in front now, not "Sheet1": Use the sheet now in front to work on it.`,
    );
    // Back on the sheet named, nothing is offered, nor said.
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await sb.locator('h1').click();
    await expect.poll(() => use.isHidden()).toBe(true);
    expect(await line.textContent()).toBe(
      'If you switch to another sheet, the buttons notice and say so before acting on it. Use the sheet now in front',
    );
    expect(await sb.locator('#sheetSaid').textContent()).toBe('');
    expect(await sheetLine.textContent()).toBe('Validate and Push work on the sheet in front: Sheet1');
  });

  it("a push's outcome is not shown as another sheet's: named anew by Sync time off, the sheet in front shows none; its own comes back with it", async () => {
    const { page, running } = bench();
    const sb = await typedTimeOff(page, demoAgent(bench()).email, 'Pushed here');
    const pushed = (await page.getByRole('tab', { selected: true }).textContent()) ?? '';
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    const status = sb.locator('#status');
    await status.filter({ hasText: /^Finished: 1 created\./ }).waitFor({ timeout: 30_000 });
    const progress = sb.locator('#progressBox');
    expect(await progress.isVisible()).toBe(true);
    // Another sheet in front, and Sync time off pressed: the sidebar names it now…
    const other = 'Leave Q1';
    running.workbench.rt.workbook.addSheet(other);
    await page.getByRole('tab', { name: other }).click();
    await sb.getByRole('button', { name: 'Sync time off' }).click();
    await sb.locator('#syncStatus', { hasText: `The sheet in front is now "${other}"` }).waitFor();
    expect(await sb.locator('#sheetLine').textContent()).toBe(
      `Validate and Push work on the sheet in front: ${other}`,
    );
    // …and shows no outcome of a push of it: the one shown was of the sheet before.
    expect(await progress.isHidden()).toBe(true);
    expect(await status.textContent()).toBe('');
    // That sheet in front again, its own last push is shown, named for it.
    await page.getByRole('tab', { name: pushed }).click();
    await sb.locator('h1').click();
    await sb.getByRole('button', { name: 'Use the sheet now in front' }).click();
    await expect.poll(() => sb.locator('#sheetName').textContent()).toBe(pushed);
    await expect.poll(() => progress.isVisible()).toBe(true);
    expect(await sb.locator('#progressTitle').textContent()).toBe(`"${pushed}" → Assembled`);
    expect(await status.textContent()).toMatch(/^Finished: 1 created\./);
  });

  // A look on its way as the pointer left for a tab answered with the sheet before the click, and
  // the look the pointer's return asked for was dropped, as one was under way: nothing offered.
  it('a look asked for while one is on its way is made after it, as that one may answer of the sheet before the click', async () => {
    const { page, running } = bench();
    const sb = await openPush(page);
    const name = 'Switched meanwhile';
    running.workbench.rt.workbook.addSheet(name);
    // Typing in the sheet; the look a moment after the sidebar lost the keyboard is over.
    await page.locator('#grid td[data-row="2"][data-col="2"]').click();
    await page.waitForTimeout(3_000);
    const asked = () => running.workbench.rt.executions.filter((e) => e.fnName === 'pushSheetInFront').length;
    const before = asked();
    // The next look's answer, made at once, reaches the sidebar only once let through.
    let release: () => void = () => undefined;
    const released = new Promise<void>((done) => {
      release = done;
    });
    let held = 0;
    await page.route('**/api/run', async (route) => {
      if (route.request().postDataJSON()?.fn !== 'pushSheetInFront' || held++ > 0) return route.continue();
      const answer = await route.fetch();
      await released;
      await route.fulfill({ response: answer });
    });
    try {
      const inside = await middle(page, '#sidebarFrame');
      await page.mouse.move(inside.x, inside.y);
      await expect.poll(asked).toBe(before + 1);
      const tab = await middle(page, `[role="tab"]:text-is("${name}")`);
      await page.mouse.move(tab.x, tab.y);
      await page.mouse.down();
      await page.mouse.up();
      await expect.poll(() => page.locator('body').getAttribute('data-sheet')).toBe(name);
      // A while on the sheet, then the pointer back over the sidebar.
      await page.waitForTimeout(1_500);
      await page.mouse.move(inside.x, inside.y);
      await page.mouse.move(inside.x + 5, inside.y + 5);
      await page.waitForTimeout(500);
      release();
      await expect
        .poll(() => sb.getByRole('button', { name: 'Use the sheet now in front' }).isVisible(), {
          timeout: 5_000,
        })
        .toBe(true);
      expect(asked()).toBe(before + 2);
    } finally {
      release();
      await page.unrouteAll({ behavior: 'wait' });
    }
  });
});
