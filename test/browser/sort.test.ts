// Data ▸ Sort range in the workbench, as in Sheets: the selection's rows sorted by its first column
// (A to Z, Z to A), or from Advanced range sorting options by a column chosen, its header row kept
// on top. Rows move with their notes and formats within the selected columns only: the column
// beside them stays, as a sheet sorted without its status columns is left in Sheets.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell, menuName, RESULTS, reset, useBench } from './support';

describe('Data ▸ Sort range in the workbench', () => {
  const bench = useBench();

  it('sorts the selection by its first column, and from the dialog by a column named by the header row', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    // Typed in as the page types (the grid draws it again).
    running.workbench.write('Sheet1', 1, 1, [
      ['Agent', 'Handled', 'Team', 'Push status'],
      ['cy', '10', 'B', 'sent 1'],
      ['ada', '4', 'A', 'sent 2'],
      ['ben', '6', 'A', 'sent 3'],
    ]);
    wb.note('Sheet1!A3', 'checked');
    await expect.poll(() => cell(page, 4, 'D').textContent()).toBe('sent 3');
    const sortBy = async (...captions: string[]) => {
      await menuName(page, 'Data').click();
      await page.getByRole('menuitem', { name: 'Sort range ▸' }).click();
      for (const caption of captions) await page.getByRole('menuitem', { name: caption }).click();
    };
    const column = (i: number) => wb.values('Sheet1').map((row) => row[i]);

    // A2:C4 selected: Sort range by column A (A to Z).
    await cell(page, 2, 'A').click();
    await cell(page, 4, 'C').click({ modifiers: ['Shift'] });
    await sortBy('Sort range by column A (A to Z)');
    await expect.poll(() => column(0)).toEqual(['Agent', 'ada', 'ben', 'cy']);
    expect(column(1)).toEqual(['Handled', 4, 6, 10]);
    expect(wb.notes('Sheet1').map((row) => row[0])).toEqual(['', 'checked', '', '']);
    // Column D was not selected: it stays as it was, as in Sheets.
    expect(column(3)).toEqual(['Push status', 'sent 1', 'sent 2', 'sent 3']);
    await expect.poll(() => cell(page, 2, 'A').textContent()).toBe('ada');
    expect(await cell(page, 2, 'A').getAttribute('title')).toBe('checked');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');

    // From B2 (Z to A): the menu names the selection's first column.
    await cell(page, 2, 'B').click();
    await cell(page, 4, 'C').click({ modifiers: ['Shift'] });
    await sortBy('Sort range by column B (Z to A)');
    await expect.poll(() => column(1)).toEqual(['Handled', 10, 6, 4]);
    expect(column(0)).toEqual(['Agent', 'ada', 'ben', 'cy']);

    // A1:C4 with its header row, by Team then shown by name, Z to A, from the dialog.
    await cell(page, 1, 'A').click();
    await cell(page, 4, 'C').click({ modifiers: ['Shift'] });
    await sortBy('Advanced range sorting options');
    const dialog = page.getByRole('dialog', { name: 'Sort range from A1 to C4' });
    await dialog.getByRole('checkbox', { name: 'Data has header row' }).check();
    await dialog.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Handled' });
    await dialog.getByRole('radio', { name: 'Z → A' }).check();
    await dialog.getByRole('button', { name: 'Sort' }).click();
    await expect.poll(() => column(1)).toEqual(['Handled', 10, 6, 4]);
    await dialog.waitFor({ state: 'hidden' });
    // Ascending this time, the header row still on top.
    await sortBy('Advanced range sorting options');
    await dialog.getByRole('checkbox', { name: 'Data has header row' }).check();
    await dialog.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Handled' });
    await dialog.getByRole('button', { name: 'Sort' }).click();
    await expect.poll(() => column(1)).toEqual(['Handled', 4, 6, 10]);
    expect(column(0)).toEqual(['Agent', 'cy', 'ben', 'ada']);
    expect(column(3)).toEqual(['Push status', 'sent 1', 'sent 2', 'sent 3']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');
  });

  it('greys Sort range out over one cell, as Sheets does: it opens nothing, and the arrow keys go past it', async () => {
    const { page, running } = bench();
    await reset(page);
    running.workbench.write('Sheet1', 1, 1, [['cy'], ['ada']]);
    await expect.poll(() => cell(page, 2, 'A').textContent()).toBe('ada');
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const sortRange = page.getByRole('menuitem', { name: 'Sort range ▸' });

    await cell(page, 1, 'A').click();
    await menuName(page, 'Data').click();
    expect(await sortRange.getAttribute('aria-disabled')).toBe('true');
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'sort-range-greyed.png') });
    // A click does nothing: no submenu, no sort, the menu still open. (force: Playwright clicks
    // nothing aria-disabled; a person's mouse does.)
    await sortRange.click({ force: true });
    expect(await page.getByRole('menuitem', { name: /^Sort range by column/ }).count()).toBe(0);
    expect(await menuName(page, 'Data').getAttribute('aria-expanded')).toBe('true');
    // From the keys: Right on it goes on to the next menu, as from an item without a submenu.
    await sortRange.focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Assembled for Google Sheets');
    await page.keyboard.press('Escape');
    expect(running.workbench.rt.workbook.values('Sheet1')).toEqual([['cy'], ['ada']]);

    // Two cells selected, it is there again, and sorts.
    await cell(page, 1, 'A').click();
    await cell(page, 2, 'A').click({ modifiers: ['Shift'] });
    await menuName(page, 'Data').click();
    expect(await sortRange.getAttribute('aria-disabled')).toBeNull();
    await sortRange.click();
    await page.getByRole('menuitem', { name: 'Sort range by column A (A to Z)' }).click();
    await expect.poll(() => running.workbench.rt.workbook.values('Sheet1')).toEqual([['ada'], ['cy']]);
  });
});
