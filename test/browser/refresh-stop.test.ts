// A refresh's run under way is stopped from its card, whether the refresh is paused or not: Run now
// runs a paused refresh, whose card offers Resume, not Pause, so Stop is the way to end that run.

import { describe, expect, it } from 'vitest';
import { saveDailyAht } from '../../dev/daily-refresh';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { refreshCard, useBench } from './support';

describe('Stop on a Scheduled refresh card', () => {
  // Assembled takes 10 virtual minutes (a real minute here) to build a report: the run is under
  // way while the test reads the card and presses Stop.
  const bench = useBench({ reportDelayMs: 600_000 });

  it('is offered while a run is under way, paused or not, and stops it; the refresh keeps its pause', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    rt.workbook.addSheet('AHT');
    const [saved] = await saveDailyAht(rt, { sheet: 'AHT', hour: 7, key: 'refresh-stop-card' });
    await rt.callFromSidebar('pauseRefresh', saved?.id);
    const { sb, card } = await refreshCard(page, 'AHT');
    const buttons = () => card.getByRole('button').allTextContents();
    await expect.poll(buttons).toEqual(['Run now', 'Resume', 'Edit', 'Delete']);

    await card.getByRole('button', { name: /^Run now: / }).click();
    await expect.poll(() => card.textContent()).toMatch(/Last run\s*Running now/);
    // Run now is not offered beside Stop while its run is under way: pressed, it would only say so.
    expect(await buttons()).toEqual(['Stop', 'Resume', 'Edit', 'Delete']);
    await card.getByRole('button', { name: /^Stop: / }).click();
    // The run Run now started is said as it ended.
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/^Handle time report \(day\), last week: .*stopped.*\. Its card says why\.$/);
    await expect.poll(buttons).toEqual(['Run now', 'Resume', 'Edit', 'Delete']);
    expect(await card.textContent()).toMatch(/Next run\s*Paused/);
    expect(await card.textContent()).toMatch(/was stopped/);
    // Whose stop it was: not the add-on's.
    expect(await card.locator('details.why p').textContent()).toBe(
      'Stopped on its card by you: nothing was written, and the target is as it was.',
    );
    // Asked for, it is no fault: not in a failure's red.
    const colour = (l: ReturnType<typeof card.locator>) => l.evaluate((e) => getComputedStyle(e).color);
    expect(await colour(card.locator('details.why summary'))).toBe('rgb(95, 99, 104)');

    // Not paused, its run is stopped alike, and Pause is there beside Stop.
    await card.getByRole('button', { name: /^Resume: / }).click();
    await expect.poll(buttons).toEqual(['Run now', 'Pause', 'Edit', 'Delete']);
    await card.getByRole('button', { name: /^Run now: / }).click();
    await expect.poll(buttons).toEqual(['Stop', 'Pause', 'Edit', 'Delete']);
    await card.getByRole('button', { name: /^Stop: / }).click();
    await expect.poll(buttons).toEqual(['Run now', 'Pause', 'Edit', 'Delete']);
    expect(await card.textContent()).not.toMatch(/Next run\s*Paused/);
  });

  it('pressed while another task holds the lock, says at once that the run is stopping, and the run ends after', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    const { sb, card } = await refreshCard(page, 'AHT');
    const buttons = () => card.getByRole('button').allTextContents();
    await card.getByRole('button', { name: /^Run now: / }).click();
    await expect.poll(buttons).toEqual(['Stop', 'Pause', 'Edit', 'Delete']);
    // Another task holds the spreadsheet's lock (its lease) for the next two minutes.
    const lease = `assembled.lock.${rt.documentId}`;
    rt.properties.document.set(
      lease,
      JSON.stringify({ holder: 'another task', until: rt.clock.now() + 120_000 }),
    );
    await card.getByRole('button', { name: /^Stop: / }).click();
    const stopping = 'Stopping: the run ends once its request under way is answered.';
    await expect.poll(() => sb.locator('#status').textContent()).toBe(stopping);
    expect(await card.textContent()).toContain(stopping);
    // Still under way: no Run now, and no second Stop.
    expect(await buttons()).toEqual(['Pause', 'Edit', 'Delete']);
    // The lock free again, the sidebar carrying the run on ends it.
    rt.properties.document.delete(lease);
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).not.toContain(stopping);
    const [after] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(after).toMatchObject({ running: false, stopping: false, lastRun: { status: 'stopped' } });
    expect(await buttons()).toEqual(['Run now', 'Pause', 'Edit', 'Delete']);
  });

  it('is Cancel the retry, beside Run now, while the run only waits for its next try, which Run now makes at once', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    const sim = running.workbench.session.backend.simulator;
    const { sb, card } = await refreshCard(page, 'AHT');
    const buttons = () => card.getByRole('button').allTextContents();
    // Assembled down: the run's first attempt fails, and its next try is half an hour off at least.
    sim?.setFaults({ errorRate: 1 });
    try {
      await card.getByRole('button', { name: /^Run now: / }).click();
      await expect.poll(() => card.textContent()).toMatch(/Attempt 1 .*failed:/);
      expect(await buttons()).toEqual(['Run now', 'Cancel the retry', 'Pause', 'Edit', 'Delete']);
    } finally {
      sim?.setFaults({});
    }
    // Assembled back: Run now tries the run again, and it goes on (the report is being built).
    await card.getByRole('button', { name: /^Run now: / }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toBe('Tried again now: this card shows the outcome when the run ends.');
    await expect.poll(() => card.textContent()).toMatch(/Last run\s*Running now/);
    expect(await buttons()).toEqual(['Stop', 'Pause', 'Edit', 'Delete']);
    const [after] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(after).toMatchObject({ running: true, retry: null });
    await card.getByRole('button', { name: /^Stop: / }).click();
    await expect.poll(buttons).toEqual(['Run now', 'Pause', 'Edit', 'Delete']);
  });

  it('takes Enter pressed twice on Run now as one run: the keyboard waits at the card heading, never on Stop', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    const { sb, card } = await refreshCard(page, 'AHT');
    const buttons = () => card.getByRole('button').allTextContents();
    await expect.poll(buttons).toEqual(['Run now', 'Pause', 'Edit', 'Delete']);
    const calls = (fn: string) => rt.executions.filter((e) => e.fnName === fn).length;
    const focused = () =>
      sb
        .locator(':focus')
        .evaluate((e) => `${e.tagName} ${e.textContent}`)
        .catch(() => 'none');
    const heading = 'H2 Handle time report (day), last week';
    await card.getByRole('button', { name: /^Run now: / }).focus();
    await page.keyboard.press('Enter');
    // Stop takes Run now's place; the keyboard is at the card's heading, not on Stop.
    await expect.poll(buttons).toEqual(['Stop', 'Pause', 'Edit', 'Delete']);
    await expect.poll(focused).toBe(heading);
    const stops = calls('stopRefreshRun');
    await page.keyboard.press('Enter');
    // A read of the list while the run goes on draws the card again: the heading keeps the keyboard.
    const reads = calls('pollRefresh') + calls('listRefreshes');
    await expect.poll(() => calls('pollRefresh') + calls('listRefreshes')).toBeGreaterThan(reads);
    expect(calls('stopRefreshRun')).toBe(stops);
    expect(await card.textContent()).toMatch(/Last run\s*Running now/);
    expect(await focused()).toBe(heading);
    await card.getByRole('button', { name: /^Stop: / }).click();
    await expect.poll(buttons).toEqual(['Run now', 'Pause', 'Edit', 'Delete']);
  });
});
