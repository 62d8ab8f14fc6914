// A sidebar whose check on a running pull or push fails (the network dropped, Google answered with
// an error) tries again and says so, rather than freezing on the job; after its last try it says
// the job carries on without it. The failures are the page's own calls refused on their way.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAgent, menu, sidebar, typedTimeOff, useBench } from './support';

/** The next `times` calls of `fn` from the sidebar fail as a dropped connection would. */
async function failCalls(page: Page, fn: string, times: number): Promise<() => number> {
  let failed = 0;
  await page.unrouteAll();
  await page.route('**/api/run', async (route) => {
    if (route.request().postDataJSON()?.fn === fn && failed < times) {
      failed++;
      await route.fulfill({ status: 503, body: 'Service Unavailable' });
    } else await route.continue();
  });
  return () => failed;
}

describe('a sidebar that cannot check on its job', () => {
  const bench = useBench();

  it('Pull data: tries again and says so; after its last try it says the pull carries on without it', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    // An outage keeps the pull running, so the sidebar keeps checking on it.
    sim?.setFaults({ errorRate: 1 });
    try {
      const failed = await failCalls(page, 'pollPull', 1);
      await sb.getByRole('button', { name: 'Pull data' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
        .toMatch(
          /^Could not check on the pull: .*503.* Trying again in 5 s; the pull carries on meanwhile\.$/,
        );
      // The next check is made, and the sidebar follows the pull again.
      await expect
        .poll(() => sb.locator('#jobDetail').textContent(), { timeout: 30_000 })
        .toMatch(/failed: .*\. The add-on tries again/);
      await expect.poll(() => sb.locator('#status').textContent()).not.toMatch(/Could not check/);
      expect(failed()).toBe(1);

      // Every check fails from now on: three more tries, then it lets go, in words, with the form free.
      const refused = await failCalls(page, 'pollPull', 1_000);
      await expect
        .poll(() => sb.locator('#status').textContent(), { timeout: 60_000 })
        .toMatch(
          /^Lost touch with the pull: .*503.* It carries on without this sidebar, and its outcome goes to the "Assembled log" sheet; open this sidebar again to follow it\.$/,
        );
      expect(refused()).toBe(4);
      await expect.poll(() => sb.getByRole('button', { name: 'Pull data' }).isEnabled()).toBe(true);
      // The keyboard, at the progress heading since the press, goes to those words, not to Pull data.
      expect(await sb.locator(':root').evaluate(() => document.activeElement?.id)).toBe('status');
      // Let go of, the pull carries on, and Stop this pull, still shown, still stops it.
      const stop = sb.getByRole('button', { name: 'Stop this pull' });
      expect(await stop.isVisible()).toBe(true);
      await stop.click();
      await expect
        .poll(() => sb.locator('#status').textContent())
        .toBe('Stopped: nothing was written, and the target is as it was.');
      expect(await stop.isHidden()).toBe(true);
    } finally {
      await page.unrouteAll();
      sim?.setFaults({});
    }
  });

  it('Pull data: Stop this pull goes while a failed check waits, and nothing is said over the stop', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Sites' });
    sim?.setFaults({ errorRate: 1 });
    try {
      await failCalls(page, 'pollPull', 1_000);
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await expect
        .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
        .toMatch(/^Could not check on the pull: /);
      await sb.getByRole('button', { name: 'Stop this pull' }).click();
      const stopped = 'Stopped: nothing was written, and the target is as it was.';
      await expect.poll(() => sb.locator('#status').textContent()).toBe(stopped);
      await page.waitForTimeout(8_000);
      expect(await sb.locator('#status').textContent()).toBe(stopped);
    } finally {
      await page.unrouteAll();
      sim?.setFaults({});
    }
  });

  it('Push rows: after its last try it says the push carries on without it, and no countdown talks over that', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    const sb = await typedTimeOff(page, demoAgent(bench()).email, 'Lost touch');
    // Assembled refuses, so the push shows its own next try; then every check fails.
    sim?.setFaults({ force5xx: 1_000_000 });
    try {
      const refused = await failCalls(page, 'pollPush', 1_000);
      await sb.getByRole('button', { name: 'Push', exact: true }).focus();
      await page.keyboard.press('Enter');
      const lost =
        /^Lost touch with the push: .*503.* It carries on without this sidebar, and its outcome goes to the "Assembled log" sheet; open this sidebar again to follow it\.$/;
      await expect.poll(() => sb.locator('#status').textContent(), { timeout: 60_000 }).toMatch(lost);
      expect(refused()).toBe(4);
      // The push's own countdown ticks every second (a tenth of one here): it stays unsaid.
      await page.waitForTimeout(2_000);
      expect(await sb.locator('#status').textContent()).toMatch(lost);
      await expect.poll(() => sb.getByRole('button', { name: 'Push', exact: true }).isEnabled()).toBe(true);
      // The keyboard at those words, not back on Push.
      expect(await sb.locator(':root').evaluate(() => document.activeElement?.id)).toBe('status');
    } finally {
      await page.unrouteAll();
      sim?.setFaults({});
    }
  });

  it('Push rows: says a check failed, and Stop this push goes at once while the next try waits', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    const sb = await typedTimeOff(page, demoAgent(bench()).email, 'Lost');
    sim?.setFaults({ force5xx: 1_000_000 });
    try {
      await failCalls(page, 'pollPush', 1_000);
      await sb.getByRole('button', { name: 'Push', exact: true }).click();
      await expect
        .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
        .toMatch(
          /^Could not check on the push: .*503.* Trying again in \d+ s; the push carries on meanwhile\.$/,
        );
      await sb.getByRole('button', { name: 'Stop this push' }).click();
      await expect
        .poll(() => sb.locator('#status').textContent(), { timeout: 3_000 })
        .toMatch(/^Stopped: no row was sent\b/);
      // Its tries done (6.5 s at the workbench's tenfold clock), it says nothing over the stop.
      await page.waitForTimeout(8_000);
      expect(await sb.locator('#status').textContent()).toMatch(/^Stopped: no row was sent\b/);
    } finally {
      await page.unrouteAll();
      sim?.setFaults({});
    }
  });
});
