// Edit ▸ Undo and Redo in the workbench, as in Sheets: Ctrl+Z (Cmd+Z) takes back the person's last
// edit in the grid, one at a time (typing, Delete, Sort range, a note), Ctrl+Y or Ctrl+Shift+Z
// brings it back, and the Edit menu does the same, its items greyed out with nothing to undo or
// redo. The add-on tells people to "Edit ▸ Undo" a sort that left its status columns behind.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell, menuName, RESULTS, reset, useBench } from './support';

describe('Edit ▸ Undo in the workbench', () => {
  const bench = useBench();

  it("undoes the person's edits one at a time from the keys and the Edit menu, and redoes them", async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    const column = () => wb.values('Sheet1').map((row) => row[0]);
    const edit = menuName(page, 'Edit');
    const item = (name: string) => page.getByRole('menuitem', { name, exact: true });

    // Nothing done yet: Undo and Redo are greyed out.
    await edit.click();
    expect(await item('Undo').getAttribute('aria-disabled')).toBe('true');
    expect(await item('Redo').getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');

    // Typed, one cell cleared with Delete, sorted, a note put on A1.
    await cell(page, 1, 'A').click();
    for (const name of ['cy', 'ada', 'ben']) {
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
    }
    await expect.poll(column).toEqual(['cy', 'ada', 'ben']);
    await cell(page, 2, 'A').click();
    await page.keyboard.press('Delete');
    await expect.poll(column).toEqual(['cy', '', 'ben']);
    await cell(page, 1, 'A').click();
    await cell(page, 3, 'A').click({ modifiers: ['Shift'] });
    await menuName(page, 'Data').click();
    await page.getByRole('menuitem', { name: 'Sort range ▸' }).click();
    await page.getByRole('menuitem', { name: 'Sort range by column A (A to Z)' }).click();
    await expect.poll(column).toEqual(['ben', 'cy']);
    await cell(page, 1, 'A').click();
    await page.keyboard.press('Shift+F2');
    await page.keyboard.type('checked');
    await page.keyboard.press('Escape');
    await expect.poll(() => wb.notes('Sheet1')[0]?.[0]).toBe('checked');
    await expect.poll(() => cell(page, 1, 'A').getAttribute('title')).toBe('checked');

    // Ctrl+Z: the note goes, then the sort is undone, then the Delete, then the typing, newest first.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => wb.notes('Sheet1')[0]?.[0] ?? '').toBe('');
    expect(column()).toEqual(['ben', 'cy']);
    await expect.poll(() => cell(page, 1, 'A').getAttribute('title')).toBeNull();
    await page.keyboard.press('Control+Z');
    await expect.poll(column).toEqual(['cy', '', 'ben']);
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('cy');
    // Cmd+Z, as on a Mac.
    await page.keyboard.press('Meta+Z');
    await expect.poll(column).toEqual(['cy', 'ada', 'ben']);
    await expect.poll(() => cell(page, 2, 'A').textContent()).toBe('ada');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');

    // Edit ▸ Undo, from the mouse: the last name typed goes; the keys are back on the grid.
    await edit.click();
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'edit-undo-menu.png') });
    // Each shows its keys at its right, as Sheets does; its name stays its caption, the keys told apart.
    for (const [name, shown, keys] of [
      ['Undo', 'Ctrl+Z', 'Control+Z'],
      ['Redo', 'Ctrl+Y', 'Control+Y'],
    ] as const) {
      expect(await item(name).getByText(shown, { exact: true }).isVisible()).toBe(true);
      expect(await item(name).getAttribute('aria-keyshortcuts')).toBe(keys);
    }
    expect(await item('Redo').getAttribute('aria-disabled')).toBeNull();
    await item('Undo').click();
    await expect.poll(column).toEqual(['cy', 'ada']);
    await expect.poll(() => cell(page, 3, 'A').textContent()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');

    // Redo: Ctrl+Y, Ctrl+Shift+Z, and Edit ▸ Redo from the keys bring them back in order.
    await page.keyboard.press('Control+Y');
    await expect.poll(column).toEqual(['cy', 'ada', 'ben']);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(column).toEqual(['cy', '', 'ben']);
    await page.keyboard.press('F6');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await item('Redo').evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(column).toEqual(['ben', 'cy']);
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('ben');
  });

  it('typing in a cell and undoing it at once shows the cell as it was', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    running.workbench.write('Sheet1', 1, 2, [['Sent']]);
    await expect.poll(() => cell(page, 1, 'B').textContent()).toBe('Sent');
    await cell(page, 1, 'B').click();
    await page.keyboard.type('by hand');
    await page.keyboard.press('Enter');
    // Pressed before the typing has reached the workbook: it waits for it, then undoes it.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => cell(page, 1, 'B').textContent()).toBe('Sent');
    expect(wb.values('Sheet1')).toEqual([['', 'Sent']]);
    await cell(page, 1, 'B').click();
    expect(await page.locator('#formula').inputValue()).toBe('Sent');
  });

  it('brings the sheet of the edit undone in front; an edit the add-on has written over since is left, and a toast says so until the next Undo', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    await page.getByRole('button', { name: 'Add sheet' }).click();
    await page.getByRole('tab', { name: 'Sheet2', selected: true }).waitFor();
    await cell(page, 1, 'A').click();
    await page.keyboard.type('on Sheet2');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.values('Sheet2')).toEqual([['on Sheet2']]);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await page.getByRole('tab', { name: 'Sheet1', selected: true }).waitFor();
    await cell(page, 2, 'B').click();
    await page.keyboard.type('mine');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => wb.values('Sheet1'))
      .toEqual([
        ['', ''],
        ['', 'mine'],
      ]);
    // Not the person: a write as the add-on's (a script's) lands on B2.
    wb.write('Sheet1', [['Sent']], { row: 2, column: 2 });
    running.workbench.session.touch();
    await expect.poll(() => cell(page, 2, 'B').textContent()).toBe('Sent');

    await page.keyboard.press('Control+Z');
    const notice = page.locator('#notice');
    await expect
      .poll(() => notice.textContent())
      .toBe(
        "Not undoneYour edit was not undone: the add-on or another editor has changed 'Sheet1'!B2 since, and undoing it would lose their change. Undo again to go on to the edit before it.",
      );
    expect(wb.values('Sheet1')[1]).toEqual(['', 'Sent']);
    await page.screenshot({ path: join(RESULTS, 'undo-not-undone.png') });
    // The next Undo takes back the typing on Sheet2, and shows Sheet2; the toast that said the
    // last was not undone is gone with it.
    await page.keyboard.press('Control+Z');
    await page.getByRole('tab', { name: 'Sheet2', selected: true }).waitFor();
    await expect.poll(() => wb.values('Sheet2')).toEqual([]);
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('');
    expect(await notice.isHidden()).toBe(true);
  });
});
