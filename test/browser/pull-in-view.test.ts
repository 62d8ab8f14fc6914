// How a pull ends, and a pull still running, as a person sees them in a short Pull data sidebar,
// where the progress panel is too tall to stick to its foot and follows the form instead.
import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { pullIntoNewSheet, reset, shown, useBench } from './support';

/** Sets how the simulated Assembled answers, from the workbench's top bar. */
async function assembled(page: Page, preset: 'none' | 'down'): Promise<void> {
  await page.getByLabel('How the simulated Assembled answers').selectOption(preset);
  await page.waitForFunction((p) => document.body.dataset.faults === p, preset);
}

const focused = (sb: FrameLocator) => sb.locator(':focus').evaluate((e) => e.id);

/** Whether the progress panel's heading (how the pull ended) and its status line (why) are on screen. */
const inView = async (sb: FrameLocator) => ({
  stage: await shown(sb.locator('#jobStage')),
  status: await shown(sb.locator('#status')),
});

describe('A pull in a short Pull data sidebar', () => {
  // A report takes 600 virtual seconds (a minute at the suite's 10x): still running when looked at.
  const bench = useBench({ reportDelayMs: 600_000 });
  beforeEach(async () => {
    const { page } = bench();
    await reset(page);
    // A laptop's window: the sidebar is 461 pixels tall.
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('after Pull it again gives up: shows "Failed" and why, not the card far above, the focus left on the button', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    await assembled(page, 'down');
    try {
      await sb.getByRole('button', { name: 'Pull it again' }).click();
      await sb.locator('#jobStage', { hasText: /^Failed$/ }).waitFor({ timeout: 120_000 });
      await expect.poll(() => sb.getByRole('button', { name: 'Pull it again' }).isEnabled()).toBe(true);
    } finally {
      await assembled(page, 'none');
    }
    expect(await sb.locator('#status').textContent()).toMatch(/The add-on gave up after \d+ attempts\./);
    expect(await inView(sb)).toEqual({ stage: true, status: true });
    expect(await focused(sb)).toBe('againButton');
  });
});
