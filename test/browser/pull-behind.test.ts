// A pull's rows land behind the sheet the person went on to: a report's new sheet is made by the
// sidebar's check after Pull data was pressed (minutes after, for a slow report), while the person
// types elsewhere. Done offers Go to, which takes them there when they choose.
import { beforeEach, describe, expect, it } from 'vitest';
import { callGate, cell, menu, reset, sidebar, useBench } from './support';

describe('A pull that lands while the person is in another sheet', () => {
  const bench = useBench();
  beforeEach(async () => {
    await reset(bench().page);
  });

  it('leaves their sheet in front and their typing in it; Go to takes them to the pulled sheet', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    wb.addSheet('Notes');
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByLabel('New sheet').check();
    await sb.getByLabel('Sheet name').fill('Adherence');
    const gate = await callGate(page);
    try {
      // The sidebar's first check, which writes the rows, waits until the person is in Notes.
      const check = gate.hold('pollPull');
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await sb.getByRole('button', { name: 'Stop this pull' }).waitFor();
      await page.getByRole('tab', { name: 'Notes' }).click();
      await cell(page, 6, 'A').click();
      await expect.poll(check.arrived).toBe(true);
      check.open();
      await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    } finally {
      await gate.done();
    }
    expect(wb.values('Adherence').length).toBeGreaterThan(1);
    // Notes is still in front, and what is typed goes there, not over the new sheet's header.
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Notes');
    await page.keyboard.type('mine');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.displayValues('Notes')[5]?.[0]).toBe('mine');
    expect(wb.displayValues('Adherence')[0]?.[0]).toBe('Agent ID');

    await sb.getByRole('button', { name: 'Go to Adherence' }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Adherence');
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('Agent ID');
    // Deleted since, the sheet cannot be gone to: said under the button, the keyboard there.
    wb.deleteSheet('Adherence');
    await sb.getByRole('button', { name: 'Go to Adherence' }).click();
    const refused = sb.locator('#goToRefused');
    await expect
      .poll(() => refused.textContent())
      .toBe('That sheet is no longer in this spreadsheet: it was deleted after the pull.');
    expect(await sb.locator(':focus').evaluate((e) => e.id)).toBe('goToRefused');
  });
});
