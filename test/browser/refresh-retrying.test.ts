// A Scheduled refresh card while its run is tried again after a failed attempt, Assembled down
// (the workbench's Assembled ▸ "Is down"): each of its words says what is going on now.
import type { FrameLocator, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { refreshCard, skipHour, useBench } from './support';

/** The card's words in the order they read: its rows, then its headings with what each heads. */
const words = (card: Locator) =>
  card.evaluate((c) =>
    Array.from(c.querySelectorAll('dt, dd, h3, .reason, .why summary, .why p')).map((e) => e.textContent),
  );

describe('a Scheduled refresh card while its run is retried', () => {
  // 12:30 in New York: an hourly refresh's 13:00 run is given up at 15:30, its 16:00 run tried at 16:30.
  const bench = useBench({ now: '2026-12-06T17:30:00Z' });
  let sb: FrameLocator;
  let card: Locator;

  it('heads the failed attempt of the run under way as its own, apart from why the previous run failed', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    rt.workbook.addSheet('Hourly');
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name: 'Hourly' },
          mode: 'replace',
        },
        frequency: { kind: 'hourly' },
        notifyByEmail: false,
      },
      'key-hourly-retrying',
    );
    ({ sb, card } = await refreshCard(page, 'Hourly'));
    await card.getByRole('button', { name: /^Run now: / }).click();
    await card.locator('.said', { hasText: /\d rows\.$/ }).waitFor();
    await page.locator('#faults').selectOption('down');
    for (let i = 0; i < 4; i++) await skipHour(page);
    await sb.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => card.locator('.retrying').count()).toBe(1);
    const said = await words(card);
    const after = said.slice(said.indexOf('Owner') + 2);
    // Its last try the one its give-up time (19:00) has room for, an hour after the next (its Next
    // run); the run it is, its Last run.
    const next = said[said.indexOf('Next run') + 1]?.match(/^Next try by 2026-12-06 17:(\d\d);/)?.[1];
    expect(next).toBeDefined();
    expect(after).toEqual([
      'Why it is retrying',
      expect.stringMatching(
        new RegExp(
          `^Attempt 1 failed: Assembled had a server error \\(HTTP 5\\d\\d\\) while reading teams\\. Last try by 18:${next}, then it is given up\\.$`,
        ),
      ),
      expect.stringMatching(
        /^Why the previous run failed: Assembled had a server error \(HTTP 5\d\d\) while reading teams$/,
      ),
      expect.stringMatching(/ The add-on gave up after 3 attempts\.$/),
    ]);
  });

  it('is seen whole in the sidebar at its default size: its run and its next try are said once each', async () => {
    const frameHeight = await sb.locator(':root').evaluate(() => innerHeight);
    expect(await card.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(frameHeight);
    const text = (await card.textContent()) ?? '';
    expect(text.match(/the run due 2026-12-06 16:00/g)).toHaveLength(1);
    expect(text.match(/17:\d\d/g)).toHaveLength(1);
  });

  it('is counted at the top of the list as retrying, not failing, and drawn red', async () => {
    const summary = sb.locator('#summary');
    expect(await summary.textContent()).toBe('1 refresh · 1 retrying');
    const red = 'rgb(197, 34, 31)';
    expect(await summary.locator('.retrying').evaluate((e) => getComputedStyle(e).color)).toBe(red);
    expect(await card.getAttribute('data-health')).toBe('retrying');
    expect(await card.locator('.marker').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(red);
  });

  it('gives its next run as the time of the next try, then the run after it', async () => {
    const next = card.locator('dt:text-is("Next run") + dd');
    expect(await next.textContent()).toMatch(
      /^Next try by 2026-12-06 17:\d\d; if it works, the next run by 18:00$/,
    );
  });

  it('says nothing runs between its tries, and offers to cancel the retry there, not to Stop a run', async () => {
    const last = card.locator('dt:text-is("Last run") + dd');
    expect(await last.textContent()).toMatch(
      /^Retrying the run due 2026-12-06 16:00: nothing runs until its next try\. Previous run: due 2026-12-06 13:00, failed at 15:\d\d$/,
    );
    const buttons = () => card.getByRole('button').allTextContents();
    expect(await buttons()).toEqual(['Run now', 'Cancel the retry', 'Pause', 'Edit', 'Delete']);
    await card.getByRole('button', { name: 'Cancel the retry: Teams' }).click();
    await expect.poll(() => card.locator('.said').textContent()).toBe('Retry cancelled.');
    await expect.poll(buttons).toEqual(['Run now', 'Pause', 'Edit', 'Delete']);
    expect(await card.locator('.retrying').count()).toBe(0);
    expect(await last.textContent()).toMatch(/^Due 2026-12-06 16:00, stopped at 16:\d\d$/);
  });
});
