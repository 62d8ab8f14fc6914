// Format ▸ Number in the workbench, as in Sheets: Plain text keeps what is typed or pasted into the
// selection as typed (an ID 007, or 2026-11-20), so the add-on's advice to format an ID column as
// Plain text can be followed there; the numbers already in it keep their values, shown as text.
// Automatic takes the format off again.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cell, menuName, RESULTS, reset, useBench } from './support';

/** The page's focused element: its id, or its words. */
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);

/** Pastes tab-separated text at the selection, as Ctrl+V from another program does. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

describe('Format ▸ Number in the workbench', () => {
  const bench = useBench();

  it('makes a column Plain text from the keyboard: IDs typed or pasted there stay as typed', async () => {
    const { page, running } = bench();
    await reset(page);
    // Reset starts a fresh runtime: its workbook is the one after it.
    const wb = running.workbench.rt.workbook;
    // A number typed before the column is made Plain text.
    await cell(page, 2, 'E').click();
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.values('Sheet1')[1]?.[4]).toBe(42);
    await expect.poll(() => cell(page, 2, 'E').getAttribute('class')).toContain('num');

    // Column E selected from its letter, then Format ▸ Number ▸ Plain text from the keyboard.
    await page.locator('#grid th[data-col="5"]').click();
    expect(await page.locator('#cellName').inputValue()).toBe('E:E');
    await page.keyboard.press('F6');
    expect(await focused(page)).toBe('File');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('Edit');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('Format');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('Number');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('Automatic');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('Plain text');
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'format-plain-text.png') });
    await page.keyboard.press('Enter');
    // The menu closed, the keyboard back on the grid, as in Sheets.
    expect(await page.getByRole('menu').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('grid');
    await expect.poll(() => wb.numberFormats('Sheet1')[1]?.[4]).toBe('@');

    // The number keeps its value, shown as text.
    expect(wb.values('Sheet1')[1]?.[4]).toBe(42);
    await expect.poll(() => cell(page, 2, 'E').getAttribute('class')).not.toContain('num');
    expect(await cell(page, 2, 'E').textContent()).toBe('42');

    // Typed and pasted, an ID stays as typed: leading zeros, a date's form.
    await cell(page, 3, 'E').click();
    await page.keyboard.type('007');
    await page.keyboard.press('Enter');
    await paste(page, '2026-11-20\n0001234567');
    await expect
      .poll(() => [2, 3, 4].map((r) => wb.values('Sheet1')[r]?.[4]))
      .toEqual(['007', '2026-11-20', '0001234567']);
    await expect.poll(() => cell(page, 3, 'E').textContent()).toBe('007');
    expect(await cell(page, 4, 'E').textContent()).toBe('2026-11-20');
    // Beside it, a column left Automatic reads the same typing as a number.
    await cell(page, 3, 'F').click();
    await page.keyboard.type('007');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.values('Sheet1')[2]?.[5]).toBe(7);
  });

  it('takes the format off again with Automatic: typing is read as numbers and dates again', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    const format = async (caption: string) => {
      await menuName(page, 'Format').click();
      await page.getByRole('menuitem', { name: 'Number' }).click();
      await page.getByRole('menuitem', { name: caption }).click();
    };
    await cell(page, 2, 'B').click();
    await format('Plain text');
    // The keyboard back on the grid: typing goes into B2, then B3.
    await page.keyboard.type('007');
    await page.keyboard.press('Enter');
    await page.keyboard.type('007');
    await page.keyboard.press('Enter');
    // Only the selection is Plain text: the cell below reads typing as a number.
    await expect.poll(() => [1, 2].map((r) => wb.values('Sheet1')[r]?.[1])).toEqual(['007', 7]);
    expect(wb.numberFormats('Sheet1')[1]?.[1]).toBe('@');

    await cell(page, 2, 'B').click();
    await format('Automatic');
    await expect.poll(() => wb.numberFormats('Sheet1')[1]?.[1]).not.toBe('@');
    // What the cell holds stays; typed again, it is read as Sheets reads typing.
    expect(wb.values('Sheet1')[1]?.[1]).toBe('007');
    await page.keyboard.type('008');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.values('Sheet1')[1]?.[1]).toBe(8);
  });
});
