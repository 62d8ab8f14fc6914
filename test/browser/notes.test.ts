// A cell's note by hand, as in Sheets: right-click ▸ Insert note (or Shift+F2) opens a small box
// beside the cell; clicking away saves it, the cell then shows its corner mark and the note on
// hover; a note opened and cleared is deleted. The note is the person's, in the workbook the
// add-on reads (Range.getNote): the add-on asks people to clear its Push status note by hand.
import { describe, expect, it } from 'vitest';
import { cell, reset, useBench } from './support';

describe('Notes by hand in the workbench grid', () => {
  const bench = useBench();

  it('inserts a note from the cell menu, edits it from the keys, and deletes it by clearing it', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    // Typed in as the page types (the grid draws it again).
    running.workbench.write('Sheet1', 1, 1, [
      ['Agent', 'Push status'],
      ['ada@example.com', 'Sent'],
    ]);
    await expect.poll(() => cell(page, 2, 'B').textContent()).toBe('Sent');

    await cell(page, 2, 'B').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Cell B2' });
    await menu.getByRole('menuitem', { name: 'Insert note' }).click();
    const editor = page.getByRole('textbox', { name: 'Note on B2' });
    await expect.poll(() => editor.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type('checked by hand');
    // Clicking away saves it, as in Sheets.
    await cell(page, 4, 'D').click();
    await expect.poll(() => wb.notes('Sheet1')[1]?.[1]).toBe('checked by hand');
    await expect.poll(() => cell(page, 2, 'B').getAttribute('class')).toContain('note');
    expect(await cell(page, 2, 'B').getAttribute('title')).toBe('checked by hand');
    expect(await editor.isHidden()).toBe(true);

    // Shift+F2 opens the note the cell has; Escape saves the edit and gives the keys back.
    await cell(page, 2, 'B').click();
    await page.keyboard.press('Shift+F2');
    await expect.poll(() => editor.inputValue()).toBe('checked by hand');
    await page.keyboard.type(' twice');
    await page.keyboard.press('Escape');
    await expect.poll(() => wb.notes('Sheet1')[1]?.[1]).toBe('checked by hand twice');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');
    // Once the page shows it: the box opens with the note the grid last drew.
    await expect.poll(() => cell(page, 2, 'B').getAttribute('title')).toBe('checked by hand twice');

    // Opened from the menu the keyboard opens (Shift+F10), cleared and left: the note is gone.
    // (Insert note is the last but one: Delete note follows it on a cell with a note.)
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.inputValue()).toBe('checked by hand twice');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await expect.poll(() => wb.notes('Sheet1')[1]?.[1] ?? '').toBe('');
    await expect.poll(() => cell(page, 2, 'B').getAttribute('class')).not.toContain('note');
    // Nothing else changed under it.
    expect(wb.values('Sheet1')[1]).toEqual(['ada@example.com', 'Sent']);
  });

  it("deletes a cell's note from its menu, offered only on a cell that has one, as in Sheets", async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    running.workbench.write('Sheet1', 1, 1, [['Push status'], ['Sent']]);
    running.workbench.note('Sheet1', 'A2', 'checked by hand');
    await expect.poll(() => cell(page, 2, 'A').getAttribute('class')).toContain('note');
    const items = (menu: ReturnType<typeof page.getByRole>) =>
      menu.getByRole('menuitem').evaluateAll((els) => els.map((e) => e.textContent));

    // A cell without a note: Insert note only.
    await cell(page, 1, 'A').click({ button: 'right' });
    const a1Menu = page.getByRole('menu', { name: 'Cell A1' });
    expect((await items(a1Menu)).slice(-2)).toEqual(['Delete column', 'Insert note']);
    await page.keyboard.press('Escape');

    // With the mouse: the note goes, the cell's value stays, the keys are back on the grid.
    await cell(page, 2, 'A').click({ button: 'right' });
    const a2Menu = page.getByRole('menu', { name: 'Cell A2' });
    expect((await items(a2Menu)).slice(-2)).toEqual(['Insert note', 'Delete note']);
    await a2Menu.getByRole('menuitem', { name: 'Delete note' }).click();
    await expect.poll(() => wb.notes('Sheet1')[1]?.[0] ?? '').toBe('');
    await expect.poll(() => cell(page, 2, 'A').getAttribute('class')).not.toContain('note');
    expect(await cell(page, 2, 'A').getAttribute('title')).toBeNull();
    expect(wb.values('Sheet1')).toEqual([['Push status'], ['Sent']]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');

    // From the keys (Shift+F10, End: Delete note is the last item).
    running.workbench.note('Sheet1', 'A2', 'again');
    await expect.poll(() => cell(page, 2, 'A').getAttribute('class')).toContain('note');
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete note');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.notes('Sheet1')[1]?.[0] ?? '').toBe('');
  });
});
