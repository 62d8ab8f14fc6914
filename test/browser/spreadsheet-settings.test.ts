// File ▸ Settings in the workbench, "Settings for this spreadsheet": the locale and time zone picked
// with the keyboard, saved as the editor's change; typing is read by the new locale, the clock shows
// the new zone, and dates already in cells keep their day and time, as in Sheets.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, RESULTS, useBench } from './support';

/** The page's focused element: its id, or its words. */
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);

/** Arrow keys through a focused select until it shows `value`, as a person would. */
async function pick(page: Page, select: Locator, value: string): Promise<void> {
  const options = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const key = options.indexOf(value) > options.indexOf(await select.inputValue()) ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < options.length && (await select.inputValue()) !== value; i++)
    await page.keyboard.press(key);
  expect(await select.inputValue()).toBe(value);
}

/** File ▸ Settings from the keyboard: F6 to the menu bar (File first), Enter opens it at Settings, Enter. */
async function openSettings(page: Page): Promise<Locator> {
  await page.locator('#grid').focus();
  await page.keyboard.press('F6');
  expect(await focused(page)).toBe('File');
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('Settings');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Settings for this spreadsheet' });
  await dialog.waitFor();
  // The dialog takes the keyboard at its first control.
  await expect.poll(() => focused(page)).toBe('settingsLocale');
  return dialog;
}

describe('File ▸ Settings in the workbench', () => {
  const bench = useBench();

  it('sets the locale and time zone from the keyboard: typing is read the German way, the clock is in Berlin', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    // A date typed before the change, in New York, US English.
    await cell(page, 2, 'A').click();
    await page.keyboard.type('2026-07-01 09:00');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 2, 'A').textContent()).toBe('2026-07-01 9:00:00');

    // Escape leaves everything as it was, and the keyboard goes back to File.
    const dialog = await openSettings(page);
    await page.keyboard.press('g');
    expect(await dialog.getByLabel('Locale').inputValue()).toBe('de_DE');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('File');
    expect([wb.locale, wb.timeZone]).toEqual(['en_US', 'America/New_York']);

    await openSettings(page);
    expect(await dialog.getByLabel('Locale').inputValue()).toBe('en_US');
    expect(await dialog.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    await pick(page, dialog.getByLabel('Locale'), 'de_DE');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('settingsZone');
    await pick(page, dialog.getByLabel('Time zone'), 'Europe/Berlin');
    expect(await dialog.getByLabel('Time zone').locator('option:checked').textContent()).toBe(
      'Europe/Berlin (GMT+02:00)',
    );
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'spreadsheet-settings.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('settingsSave');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('File');
    expect([wb.locale, wb.timeZone]).toEqual(['de_DE', 'Europe/Berlin']);

    // The clock shows Berlin's time (the bench starts at 12:00 UTC, 14:00 in Berlin in May).
    await expect.poll(() => page.locator('#clock').getAttribute('title')).toBe('Europe/Berlin');
    expect(await page.locator('#clock').textContent()).toMatch(/^Mon 2026-05-25 14:\d\d:\d\d CEST$/);

    // Typed now, a German date is a date, at 9:00 in Berlin.
    await cell(page, 1, 'A').click();
    await page.keyboard.type('01.07.2026 09:00');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('01.07.2026 09:00:00');
    expect(await cell(page, 1, 'A').getAttribute('class')).toMatch(/\bnum\b/);
    expect(wb.values('Sheet1')[0]?.[0]).toEqual(new Date('2026-07-01T07:00:00Z'));
    // The date typed before keeps its day and time, as in Sheets; scripts now read it in Berlin.
    expect(await cell(page, 2, 'A').textContent()).toBe('2026-07-01 9:00:00');
    expect(wb.values('Sheet1')[1]?.[0]).toEqual(new Date('2026-07-01T07:00:00Z'));
  });
});
