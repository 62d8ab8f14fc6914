// The top bar's Time off: a person acts as the manager in the simulated Assembled, and Sync time
// off brings what they did back to the sheet the request was pushed from.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell, demoAgent, RESULTS, typedTimeOff, useBench } from './support';

describe('Assembled time off in the workbench', () => {
  const bench = useBench();

  it('approves a pushed request as its manager, from the keyboard; Sync time off then shows it approved in the sheet', async () => {
    const { page } = bench();
    const agent = demoAgent(bench());
    const name = `${agent.first_name} ${agent.last_name}`;
    const sb = await typedTimeOff(page, agent.email, 'Dentist');
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    await sb
      .locator('#status')
      .filter({ hasText: /^Finished: 1 created\./ })
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => cell(page, 2, 'G').textContent()).toBe('created');

    // Opened from the keyboard, as Mail is.
    const opener = page.getByRole('button', { name: 'Time off', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Time off in Assembled' });
    await dialog.waitFor();
    // Newest first: the request just pushed tops the list, waiting for its manager.
    const rows = dialog.locator('tbody tr');
    await expect
      .poll(() => rows.first().locator('td').allTextContents())
      .toEqual([name, 'Paid time off', '2026-07-08 09:00 – 17:00', 'pending', 'ApproveDenyCancel request']);
    // The demo org's own requests are listed too, whatever their status; Pending only leaves the one.
    const all = await rows.count();
    expect(all).toBeGreaterThan(10);
    expect(await rows.locator('td:nth-child(4)').allTextContents()).toEqual(
      expect.arrayContaining(['approved', 'denied', 'cancelled']),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assembledPending');
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(1);
    mkdirSync(RESULTS, { recursive: true });
    await page.getByLabel('Pending only').uncheck();
    await expect.poll(() => rows.count()).toBe(all);
    await page.screenshot({ path: join(RESULTS, 'assembled-time-off.png') });

    // Tab reaches the request's Approve, named for the request it approves.
    await page.keyboard.press('Tab');
    const approve = dialog.getByRole('button', {
      name: `Approve ${name}'s Paid time off, 2026-07-08 09:00 – 17:00`,
    });
    expect(await approve.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const said = dialog.getByRole('status');
    await expect
      .poll(() => said.textContent())
      .toBe(
        `Approved: ${name}'s Paid time off, 2026-07-08 09:00 – 17:00. Sync time off, in Push rows, brings it to the sheet.`,
      );
    await expect
      .poll(() => rows.first().locator('td').allTextContents())
      .toEqual([name, 'Paid time off', '2026-07-08 09:00 – 17:00', 'approved', 'Cancel request']);
    // The keyboard is on the status that says so, not on the request's Cancel request, which one
    // more Enter would press: it does nothing there.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assembledSaid');
    await page.keyboard.press('Enter');
    const cancelOwn = dialog.getByRole('button', {
      name: `Cancel request for ${name}'s Paid time off, 2026-07-08 09:00 – 17:00`,
      exact: true,
    });
    await cancelOwn.waitFor();
    expect(await rows.first().locator('td:nth-child(4)').textContent()).toBe('approved');

    // Cancel request on another approved request: the keyboard is on the status again, not on the
    // next request's Cancel request, and one more Enter cancels nothing else.
    const statuses = () => rows.locator('td:nth-child(4)').allTextContents();
    const cancelled = (await statuses()).filter((s) => s === 'cancelled').length;
    const other = rows.filter({ has: page.getByRole('button', { name: 'Cancel request' }) }).nth(1);
    const otherId = await other.getAttribute('data-id');
    await other.getByRole('button', { name: 'Cancel request' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => said.textContent()).toMatch(/^Cancelled: /);
    await expect
      .poll(() => dialog.locator(`tr[data-id="${otherId}"] td:nth-child(4)`).textContent())
      .toBe('cancelled');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assembledSaid');
    await page.keyboard.press('Enter');

    // Shift+Tab is back on the filter: nothing pending is left.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assembledPending');
    await page.keyboard.press('Space');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual(['None pending: clear Pending only to see every request.']);

    // Escape closes it, and the keyboard is back on its button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('timeOffButton');

    // Nothing in the sheet knows until Sync time off asks Assembled.
    expect(await cell(page, 2, 'G').textContent()).toBe('created');
    await sb.getByRole('button', { name: 'Sync time off' }).click();
    await sb.locator('#syncStatus').filter({ hasText: /\S/ }).waitFor();
    await expect.poll(() => cell(page, 2, 'G').textContent()).toBe('approved');
    expect(await cell(page, 2, 'I').textContent()).toBe('Approved in Assembled.');

    // Opened again, the list as Assembled has it: the one request cancelled, and no other.
    await opener.click();
    await page.getByLabel('Pending only').uncheck();
    await expect.poll(() => rows.count()).toBe(all);
    expect((await statuses()).filter((s) => s === 'cancelled')).toHaveLength(cancelled + 1);
  });
});
