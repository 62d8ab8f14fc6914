// A sidebar's status line says a failure at once (assertive: it interrupts), the rest in its turn
// (polite), and says each thing once: words set again, as the Pull sidebar draws its progress
// every second, are left as they are.
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { menu, sidebar, useBench } from './support';

/** How the status line's changes are said: its aria-live, or its role's own. */
const politeness = (sb: FrameLocator, id = '#status') =>
  sb
    .locator(id)
    .evaluate(
      (e) => e.getAttribute('aria-live') ?? (e.getAttribute('role') === 'alert' ? 'assertive' : 'polite'),
    );

/**
 * Live lines whose role and aria-live disagree (a status marked assertive, an alert polite): each
 * screen reader settles that its own way. None: [].
 */
const disagreeing = (sb: FrameLocator) =>
  sb.locator('body').evaluate(() =>
    Array.from(document.querySelectorAll('[role="status"], [role="alert"]'))
      .filter((e) => {
        const live = e.getAttribute('aria-live');
        return live !== null && live !== (e.getAttribute('role') === 'alert' ? 'assertive' : 'polite');
      })
      .map((e) => `#${e.id} ${e.getAttribute('role')} ${e.getAttribute('aria-live')}`),
  );

describe('A sidebar status line', () => {
  const bench = useBench();

  it('Settings: a key Assembled refuses is said assertively; the settings saved after, politely', async () => {
    const { page, running } = bench();
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const key = sb.getByLabel('API key');
    await key.fill('sk_live_wrongkey');
    await key.press('Enter');
    await sb.locator('#status', { hasText: 'Assembled did not accept this key' }).waitFor();
    // An alert, said so by its role as by its aria-live.
    expect(await politeness(sb)).toBe('assertive');
    expect(await sb.locator('#status').getAttribute('role')).toBe('alert');
    expect(await disagreeing(sb)).toEqual([]);
    // One live region says it: no alert beside the status line with the same words.
    expect(await sb.locator('[role="alert"]:not([hidden]):not(#status)').count()).toBe(0);
    await key.fill(running.workbench.session.backend.key);
    await key.press('Enter');
    await sb.locator('#status', { hasText: /^Saved\./ }).waitFor();
    expect(await politeness(sb)).toBe('polite');
    expect(await sb.locator('#status').getAttribute('role')).toBe('status');
    expect(await disagreeing(sb)).toEqual([]);
  });

  it('Pull data: a failed pull is said assertively, once, though its progress is drawn every second', async () => {
    const { page, running } = bench();
    const { rt, session } = running.workbench;
    await rt.callFromSidebar('saveSettings', {
      apiKey: 'sk_live_test_never_issued',
      timeFormat: 'unix',
      apiVersion: '',
    });
    try {
      await menu(page, 'Pull data…');
      const sb = await sidebar(page, 'Pull data from Assembled');
      await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
      // Each time the status line's words, and the elapsed time drawn each second, are set.
      await sb.locator('body').evaluate(() => {
        const counts = { status: 0, ticks: 0 };
        (window as unknown as { counts: typeof counts }).counts = counts;
        const watch = (id: string, what: keyof typeof counts) =>
          new MutationObserver(() => counts[what]++).observe(document.getElementById(id) as Node, {
            childList: true,
            characterData: true,
            subtree: true,
          });
        watch('status', 'status');
        watch('jobElapsed', 'ticks');
      });
      const counts = () =>
        sb.locator('body').evaluate(() => ({
          ...(window as unknown as { counts: { status: number; ticks: number } }).counts,
        }));
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await sb
        .locator('#status', { hasText: 'Assembled did not accept the API key' })
        .waitFor({ timeout: 30_000 });
      expect(await politeness(sb)).toBe('assertive');
      expect(await disagreeing(sb)).toEqual([]);
      const failed = await counts();
      // Three more drawings of the progress: the failure is not set again.
      await expect.poll(async () => (await counts()).ticks).toBeGreaterThanOrEqual(failed.ticks + 3);
      expect((await counts()).status).toBe(failed.status);
    } finally {
      await rt.callFromSidebar('saveSettings', {
        apiKey: session.backend.key,
        timeFormat: 'unix',
        apiVersion: '',
      });
    }
  });
});
