// The grid keyed as Sheets is, at full speed: Tab and Enter, no lost keys, ranges, copy and paste,
// Delete, each sheet shown at its own place, and a Reset that asks first.
import { describe, expect, it } from 'vitest';
import { cell, menuName, pullIntoNewSheet, reset, scrollToEnd, useBench } from './support';

const ROWS = [
  ['2026-12-21', 'TRUE', '=1+1', "'007", 'Amara Lee', '1,234'],
  ['2026-12-22', 'FALSE', '=2*3', "'008", 'Aisha Haddad', '42'],
  ['2026-12-23', 'TRUE', '=10/4', "'009", "O'Brien", '-7'],
];
const SHOWN = [
  ['2026-12-21', 'TRUE', '2', '007', 'Amara Lee', '1,234'],
  ['2026-12-22', 'FALSE', '6', '008', 'Aisha Haddad', '42'],
  ['2026-12-23', 'TRUE', '2.5', '009', "O'Brien", '-7'],
];

describe('The workbench grid', () => {
  const bench = useBench();
  const shown = (sheet = 'Sheet1') => bench().running.workbench.rt.workbook.displayValues(sheet);
  const block = (rows: string[][], top: number, left: number, height: number, width: number) =>
    rows.slice(top - 1, top - 1 + height).map((line) => line.slice(left - 1, left - 1 + width));

  it('types rows with Tab and Enter at full speed: no key is lost and none leaves the grid', async () => {
    const { page, dialogs } = bench();
    await reset(page);
    await cell(page, 1, 'A').click();
    // No waits between keys: each Tab or Enter is followed at once by the next cell's first key.
    for (const row of ROWS) {
      for (const [i, value] of row.entries()) {
        await page.keyboard.type(value);
        await page.keyboard.press(i === row.length - 1 ? 'Enter' : 'Tab');
      }
    }
    // Enter after a run of Tabs goes back to the column the row began in, as in Sheets.
    expect(await page.locator('#cellName').inputValue()).toBe('A4');
    // Tab past the data and on: the keys stay in the grid, never reaching the tabs, menus or Reset.
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^(grid|formula)$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => block(shown(), 1, 1, 3, 6)).toEqual(SHOWN);
    await expect.poll(() => cell(page, 3, 'C').textContent()).toBe('2.5');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Sheet1']);
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    expect(dialogs).toEqual([]);
    // Shift+Tab and Shift+Enter go back; typing over a cell replaces it.
    await cell(page, 2, 'B').click();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Enter');
    expect(await page.locator('#cellName').inputValue()).toBe('A1');
    await page.keyboard.type('x');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('y');
    await page.keyboard.press('Tab');
    await expect.poll(() => block(shown(), 1, 1, 2, 1)).toEqual([['x'], ['y']]);
  });

  it("tells a screen reader the active cell as the keys move it: the grid's aria-activedescendant, a note as the cell's description", async () => {
    const { page, running } = bench();
    await reset(page);
    running.workbench.rt.workbook.note('Sheet1!B1', 'When the time off starts.');
    await cell(page, 1, 'A').click();
    await page.keyboard.type('Agent');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Start');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => cell(page, 1, 'B').getAttribute('aria-description'))
      .toBe('When the time off starts.');
    await cell(page, 1, 'A').click();
    const active = () =>
      page.evaluate(() => {
        const grid = document.querySelector('#grid');
        const id = grid?.getAttribute('aria-activedescendant');
        const td = id ? document.getElementById(id) : null;
        // The one cell that holds the id, inside the grid.
        const held = document.querySelectorAll(`[id="${id}"]`).length;
        return td && grid?.contains(td) && held === 1
          ? `${td.dataset.row}:${td.dataset.col} ${td.textContent} ${td.getAttribute('aria-description') ?? ''}`
          : 'none';
      });
    expect(await active()).toBe('1:1 Agent ');
    await page.keyboard.press('ArrowRight');
    expect(await active()).toBe('1:2 Start When the time off starts.');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe('2:2  ');
  });

  it('brings the next and previous sheet in front with Ctrl+Shift+Page Down and Page Up, as Sheets does; the keys stay on the grid', async () => {
    const { page } = bench();
    await reset(page);
    await page.getByRole('button', { name: 'Add sheet' }).click();
    await page.getByRole('tab', { name: 'Sheet2', selected: true }).waitFor();
    await cell(page, 1, 'A').click();
    const front = () => page.getByRole('tab', { selected: true }).textContent();
    await page.keyboard.press('Control+Shift+PageUp');
    await expect.poll(front).toBe('Sheet1');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');
    // Past the first or last sheet it stays, as Sheets does.
    await page.keyboard.press('Control+Shift+PageUp');
    await page.keyboard.press('Control+Shift+PageDown');
    await expect.poll(front).toBe('Sheet2');
    await page.keyboard.press('Control+Shift+PageDown');
    await page.keyboard.type('z');
    await page.keyboard.press('Enter');
    await expect.poll(() => bench().running.workbench.rt.workbook.displayValues('Sheet2')[0]?.[0]).toBe('z');
    expect(await front()).toBe('Sheet2');
    // A dialog open in the page keeps the keys: the sheet behind it stays.
    await page.getByRole('tab', { name: 'Sheet2' }).dblclick();
    await page.getByRole('dialog', { name: 'Sheet "Sheet2"' }).waitFor();
    await page.keyboard.press('Control+Shift+PageUp');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await front()).toBe('Sheet2');
  });

  it('renames and deletes a sheet from its tab, as Sheets does: a double-click or right-click opens it', async () => {
    const { page } = bench();
    await reset(page);
    await page.getByRole('button', { name: 'Add sheet' }).click();
    await page.getByRole('tab', { name: 'Sheet2' }).waitFor();
    const dialog = page.getByRole('dialog', { name: 'Sheet "Sheet2"' });
    await page.getByRole('tab', { name: 'Sheet2' }).dblclick();
    await page.getByLabel('Name').fill('Notes');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Notes' }).waitFor();
    expect(bench().running.workbench.rt.workbook.sheetNames()).toEqual(['Sheet1', 'Notes']);
    // Names are told apart whatever their case: "sheet1" is taken, said in the dialog, which keeps
    // what was typed to be corrected.
    await page.getByRole('tab', { name: 'Notes' }).click({ button: 'right' });
    await page.getByLabel('Name').fill('sheet1');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => page.locator('#sheetWarn').textContent()).toMatch(/already exists/);
    expect(await page.getByLabel('Name').inputValue()).toBe('sheet1');
    expect(bench().running.workbench.rt.workbook.sheetNames()).toEqual(['Sheet1', 'Notes']);
    await page.getByRole('button', { name: 'Cancel' }).click();
    // Delete asks a second time, in the dialog, as Sheets asks: "Delete this sheet?", OK or Cancel.
    await page.getByRole('tab', { name: 'Notes' }).click({ button: 'right' });
    await page.getByRole('button', { name: 'Delete sheet' }).click();
    expect(await page.locator('#sheetWarn').textContent()).toBe('Delete this sheet?');
    await page.getByRole('button', { name: 'OK', exact: true }).click();
    await expect.poll(() => page.getByRole('tab').allTextContents()).toEqual(['Sheet1']);
    // Edit ▸ Undo brings it back, as in Sheets; Redo deletes it again.
    for (const [item, tabs] of [
      ['Undo', ['Sheet1', 'Notes']],
      ['Redo', ['Sheet1']],
    ] as const) {
      await menuName(page, 'Edit').click();
      await page.getByRole('menuitem', { name: item, exact: true }).click();
      await expect.poll(() => page.getByRole('tab').allTextContents()).toEqual(tabs);
    }
    // The last sheet stays: Delete is not offered.
    await page.getByRole('tab', { name: 'Sheet1' }).focus();
    await page.keyboard.press('F2');
    expect(await page.getByRole('button', { name: 'Delete sheet' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Sheet1']);
    expect(await dialog.isVisible()).toBe(false);
    expect(bench().dialogs).toEqual([]);
  });

  it('Reset asks first, in the page; Cancel keeps everything', async () => {
    const { page, dialogs } = bench();
    await reset(page);
    await cell(page, 1, 'A').click();
    await page.keyboard.type('keep me');
    await page.keyboard.press('Enter');
    await expect.poll(() => shown()[0]?.[0]).toBe('keep me');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Reset the workbench?' });
    await ask.waitFor();
    // Cancel has the focus: an Enter typed in a hurry does not throw the workbook away.
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    expect(shown()[0]?.[0]).toBe('keep me');
    expect(dialogs).toEqual([]);
    await reset(page);
    expect(shown()[0]?.[0] ?? '').toBe('');
  });

  it('pastes a 500-row block as typing, copies a range, selects with Shift+arrows and the mouse, Delete clears', async () => {
    const { page, running } = bench();
    await reset(page);
    const lines = Array.from({ length: 500 }, (_, i) => [
      `Agent ${i + 1}`,
      `2026-06-${String((i % 28) + 1).padStart(2, '0')}`,
      String(i * 3),
      '=1+1',
      i === 7 ? '"tab\there"' : "'0042",
    ]);
    await page.evaluate(
      (text) => navigator.clipboard.writeText(text),
      lines.map((l) => l.join('\t')).join('\n'),
    );
    await cell(page, 2, 'B').click();
    await page.keyboard.press('Control+V');
    // The pasted range is selected, as in Sheets.
    await expect.poll(() => page.locator('#cellName').inputValue()).toBe('B2:F501');
    const wb = running.workbench.rt.workbook;
    await expect.poll(() => wb.displayValues('Sheet1').length).toBe(501);
    const values = wb.values('Sheet1');
    const formulas = wb.formulas('Sheet1');
    // Through the runtime as typed text: dates become dates, numbers numbers, formulas formulas.
    expect(values[1]?.slice(1)).toEqual(['Agent 1', new Date('2026-06-01T04:00:00Z'), 0, 2, '0042']);
    expect(values[500]?.[1]).toBe('Agent 500');
    expect(values[500]?.[3]).toBe(1497);
    expect(formulas[500]?.[4]).toBe('=1+1');
    expect(values[8]?.[5]).toBe('tab\there');
    await expect.poll(() => cell(page, 501, 'B').textContent()).toBe('Agent 500');

    // Shift+arrows select a range; Ctrl+C puts it on the clipboard as Sheets does.
    await cell(page, 2, 'B').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.locator('#cellName').inputValue()).toBe('B2:C4');
    await page.keyboard.press('Control+C');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('Agent 1\t2026-06-01\nAgent 2\t2026-06-02\nAgent 3\t2026-06-03');
    // Pasting it elsewhere copies the range.
    await cell(page, 2, 'H').click();
    await page.keyboard.press('Control+V');
    await expect
      .poll(() => block(wb.displayValues('Sheet1'), 2, 8, 3, 2))
      .toEqual([
        ['Agent 1', '2026-06-01'],
        ['Agent 2', '2026-06-02'],
        ['Agent 3', '2026-06-03'],
      ]);

    // A mouse drag selects a range; Delete clears every cell in it.
    await cell(page, 3, 'C').hover();
    await page.mouse.down();
    await cell(page, 6, 'D').hover();
    await page.mouse.up();
    expect(await page.locator('#cellName').inputValue()).toBe('C3:D6');
    expect(await page.locator('#grid td[aria-selected="true"]').count()).toBe(8);
    await page.keyboard.press('Delete');
    await expect
      .poll(() => block(wb.displayValues('Sheet1'), 2, 2, 6, 4))
      .toEqual([
        ['Agent 1', '2026-06-01', '0', '2'],
        ['Agent 2', '', '', '2'],
        ['Agent 3', '', '', '2'],
        ['Agent 4', '', '', '2'],
        ['Agent 5', '', '', '2'],
        ['Agent 6', '2026-06-06', '15', '2'],
      ]);
    // Shift+click extends from the active cell.
    await cell(page, 10, 'B').click();
    await cell(page, 12, 'C').click({ modifiers: ['Shift'] });
    expect(await page.locator('#cellName').inputValue()).toBe('B10:C12');
  });

  it('pastes a copied formula with its references moved to where it lands, $ held, and its note, as Sheets does; other programs get what the cells show', async () => {
    const { page } = bench();
    await reset(page);
    const wb = bench().running.workbench.rt.workbook;
    await cell(page, 1, 'A').click();
    for (const row of [
      ['Agent', 'Handled', 'Share'],
      ['Ava', '4', '=B2/SUM($B$2:$B$4)&" of B2"'],
      ['Ben', '6'],
      ['Cy', '10'],
    ]) {
      for (const [i, value] of row.entries()) {
        await page.keyboard.type(value);
        await page.keyboard.press(i === row.length - 1 ? 'Enter' : 'Tab');
      }
    }
    await expect.poll(() => wb.formulas('Sheet1')[1]?.[2]).toBe('=B2/SUM($B$2:$B$4)&" of B2"');
    wb.note('Sheet1!C2', 'share of the day');
    await cell(page, 2, 'C').click();
    await page.keyboard.press('Control+C');
    // Outside the workbench the copy is what the cell shows, not its formula.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toMatch(/^=/);
    // One formula pasted over a range: each cell's references move with it.
    await cell(page, 3, 'C').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+V');
    await expect
      .poll(() => wb.formulas('Sheet1').map((line) => line[2] ?? ''))
      .toEqual([
        '',
        '=B2/SUM($B$2:$B$4)&" of B2"',
        '=B3/SUM($B$2:$B$4)&" of B2"',
        '=B4/SUM($B$2:$B$4)&" of B2"',
      ]);
    // The cells themselves are pasted, as Sheets pastes its own: the note goes with them.
    expect(wb.notes('Sheet1').map((line) => line[2] ?? '')).toEqual([
      '',
      'share of the day',
      'share of the day',
      'share of the day',
    ]);
    // A block pasted one column to the right and two rows up: every cell moves as far.
    await cell(page, 3, 'C').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+C');
    await cell(page, 1, 'D').click();
    await page.keyboard.press('Control+V');
    await expect
      .poll(() => [wb.formulas('Sheet1')[0]?.[3], wb.formulas('Sheet1')[1]?.[3]])
      .toEqual(['=C1/SUM($B$2:$B$4)&" of B2"', '=C2/SUM($B$2:$B$4)&" of B2"']);
    // Moved off the sheet's left edge, a reference is #REF!.
    await cell(page, 2, 'C').click();
    await page.keyboard.press('Control+C');
    await cell(page, 2, 'A').click();
    await page.keyboard.press('Control+V');
    await expect.poll(() => wb.formulas('Sheet1')[1]?.[0]).toBe('=#REF!/SUM($B$2:$B$4)&" of B2"');
  });

  it('draws a long sheet as it is scrolled or the selection moves down, not all at once', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    wb.write(
      'Sheet1',
      Array.from({ length: 1500 }, (_, i) => [`Agent ${i + 1}`, String(i + 1)]),
    );
    // Another sheet and back: the page asks for Sheet1's view afresh.
    await page.locator('#addSheet').click();
    await expect.poll(() => page.getByRole('tab').count()).toBe(2);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('Agent 1');
    const drawn = await page.locator('#grid tbody tr').count();
    expect(drawn).toBeLessThan(500);
    // Keys faster than the page draws (one task, no scroll event between them) still land.
    await cell(page, 1, 'A').click();
    await page.locator('#grid').evaluate((grid, n) => {
      for (let i = 0; i < n; i++)
        grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    }, drawn + 50);
    const target = cell(page, drawn + 51, 'A');
    await expect.poll(() => target.getAttribute('class')).toMatch(/active/);
    expect(await target.textContent()).toBe(`Agent ${drawn + 51}`);
    expect(await page.locator('#cellName').inputValue()).toBe(`A${drawn + 51}`);
    // Scrolling to the end draws on down to the last row.
    await scrollToEnd(page);
    expect(await page.locator('#grid tbody tr').count()).toBeGreaterThanOrEqual(1500);
    expect(await cell(page, 1500, 'A').textContent()).toBe('Agent 1500');
  });

  it('runs text wider than its cell on over the empty cells to its right, as Sheets draws it', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    const long = 'A heading far too long for any one column of this sheet to hold';
    const number = '12345678901234567890';
    // Row 7 reaches past the run-on text, so the sheet's extent holds the note in C3.
    wb.write('Sheet1', [
      [long],
      [long, 'x'],
      [long],
      ['', 'short'],
      [long, '', 'x'],
      [number],
      ['', '', '', '', '', '', '', 'edge'],
    ]);
    // Narrow enough that the number, as shown, does not fit.
    wb.resizeColumn('Sheet1', 1, 30);
    wb.note('Sheet1!C3', 'a note of its own');
    wb.write('Sheet2', [['', long]]);
    wb.freeze('Sheet2', { columns: 2 });
    // Another sheet and back: the page asks for Sheet1's view afresh.
    await page.getByRole('tab', { name: 'Sheet2' }).click();
    await expect.poll(() => cell(page, 1, 'B').textContent()).toBe(long);
    // Long text in the last frozen column stays there: the columns beyond scroll under it.
    expect(await cell(page, 1, 'C').getAttribute('data-spill')).toBeNull();
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe(long);
    const spill = (row: number, col: string) => cell(page, row, col).getAttribute('data-spill');
    // Row 1: drawn on over B and beyond, each cell still empty for reading and typing.
    expect(await spill(1, 'B')).toBe(long);
    expect(await cell(page, 1, 'B').textContent()).toBe('');
    // A cell with a value stops it, and so does a cell with a note (its mark in the corner).
    expect(await spill(2, 'B')).toBeNull();
    expect(await spill(3, 'B')).toBe(long);
    expect(await spill(3, 'C')).toBeNull();
    // "short" fits; a run stops at the first cell with a value; a number never runs on (Sheets
    // shows it in its cell or as ###).
    expect(await spill(4, 'C')).toBeNull();
    expect([await spill(5, 'B'), await spill(5, 'C')]).toEqual([long, null]);
    expect(await cell(page, 6, 'A').textContent()).toBe('1.23E+19');
    expect(await spill(6, 'B')).toBeNull();
  });

  it('a sheet longer than the page shows ends on its last row shown, under a note with the counts', async () => {
    const { page, running } = bench();
    await reset(page);
    running.workbench.rt.workbook.write(
      'Sheet1',
      Array.from({ length: 2005 }, (_, i) => [`Agent ${i + 1}`]),
    );
    await page.locator('#addSheet').click();
    await expect.poll(() => page.getByRole('tab').count()).toBe(2);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('Agent 1');
    await scrollToEnd(page);
    // No empty rows under the last one shown: the sheet does not end there.
    expect(await page.locator('#grid tbody tr').count()).toBe(2000);
    expect(await cell(page, 2000, 'A').textContent()).toBe('Agent 2000');
    await expect(page.locator('#truncated').textContent()).resolves.toBe(
      'Showing the first 2,000 of 2,005 rows; Download .xlsx has them all.',
    );
  });

  it('a cell reached with the arrow keys shows whole, not under the row numbers or column letters', async () => {
    const { page, running } = bench();
    await reset(page);
    running.workbench.rt.workbook.write(
      'Sheet1',
      Array.from({ length: 80 }, (_, r) => Array.from({ length: 30 }, (_, c) => `r${r + 1}c${c + 1}`)),
    );
    await page.locator('#addSheet').click();
    await expect.poll(() => page.getByRole('tab').count()).toBe(2);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('r1c1');
    await cell(page, 1, 'A').click();
    // Keys one after another as the grid's handler gets them (a person's 216 presses, in one go).
    await page.locator('#grid').evaluate((grid) => {
      for (const [key, times] of [
        ['ArrowRight', 29],
        ['ArrowDown', 79],
        ['ArrowLeft', 29],
        ['ArrowUp', 79],
      ] as const)
        for (let i = 0; i < times; i++)
          grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    expect(await page.locator('#cellName').inputValue()).toBe('A1');
    const sheet = page.locator('#sheet');
    await expect.poll(() => sheet.evaluate((e) => e.scrollLeft > 0 || e.scrollTop > 0)).toBe(false);
    const [a1, corner] = await Promise.all([
      cell(page, 1, 'A').boundingBox(),
      page.locator('#grid thead th').first().boundingBox(),
    ]);
    expect(a1?.x).toBeGreaterThanOrEqual((corner?.x ?? 0) + (corner?.width ?? 0) - 1);
    expect(a1?.y).toBeGreaterThanOrEqual((corner?.y ?? 0) + (corner?.height ?? 0) - 1);
  });

  it('shows the sheet a pull made, each sheet scrolled to its own position', async () => {
    const { page } = bench();
    await reset(page);
    await pullIntoNewSheet(page, 'People', 'People');
    // Made within the press's own call (a list), the new sheet is in front, without clicking its tab.
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('People');
    const header = async () =>
      (await page.locator('#grid tbody tr').first().locator('td').allTextContents()).join(',');
    await expect.poll(header).toMatch(/^ID,.*Email/);
    // Scroll People far right, then pull another sheet: it starts at column A.
    const sheet = page.locator('#sheet');
    await sheet.evaluate((e) => {
      e.scrollLeft = e.scrollWidth;
    });
    const peopleLeft = await sheet.evaluate((e) => e.scrollLeft);
    expect(peopleLeft).toBeGreaterThan(200);
    await pullIntoNewSheet(page, 'Teams', 'Teams');
    await expect.poll(header).toMatch(/^ID,Name/);
    expect(await header()).not.toMatch(/Email/);
    await expect.poll(() => sheet.evaluate((e) => e.scrollLeft)).toBe(0);
    const [a1, view] = await Promise.all([cell(page, 1, 'A').boundingBox(), sheet.boundingBox()]);
    expect(a1?.x).toBeGreaterThanOrEqual((view?.x ?? 0) + 30);
    // Back on People: where it was left.
    await page.getByRole('tab', { name: 'People' }).click();
    await expect.poll(header).toMatch(/Email/);
    await expect.poll(() => sheet.evaluate((e) => e.scrollLeft)).toBe(peopleLeft);
  });

  it('a typed formula shows its value even when the sheet was fetched while the write’s reply was on its way', async () => {
    const { page } = bench();
    await reset(page);
    // The server applies the write at once; its reply reaches the page only after the page's own
    // once-a-second look has fetched the sheet that holds it (and so will not fetch it again).
    await page.route('**/api/write', async (route) => {
      const response = await route.fetch();
      await page.waitForResponse((r) => r.url().includes('/api/sheet?'));
      await route.fulfill({ response });
    });
    await cell(page, 1, 'A').click();
    await page.keyboard.type('=2*3');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('6');
    await page.unroute('**/api/write');
    // A write the server refuses shows what the cell really holds once its reply is in.
    await page.route('**/api/write', (route) =>
      route.fulfill({ json: { ok: false, message: 'No sheet named Sheet1' } }),
    );
    await cell(page, 1, 'A').click();
    await page.keyboard.type('refused');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('6');
    await page.unroute('**/api/write');
  });

  it('goes to a cell or range typed in the name box, as Sheets does; anything else leaves the selection', async () => {
    const { page } = bench();
    await reset(page);
    const name = page.locator('#cellName');
    await cell(page, 1, 'A').click();
    await name.fill('C4');
    await name.press('Enter');
    expect(await name.inputValue()).toBe('C4');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');
    await page.keyboard.type('here');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 4, 'C').textContent()).toBe('here');
    expect(await cell(page, 1, 'A').textContent()).toBe('');
    await name.fill('b2:$C$3');
    // A view drawn while the address is being typed (a change made elsewhere) leaves it as typed.
    const version = await page.evaluate(() => document.body.dataset.version);
    await page.evaluate(() =>
      fetch('/api/write', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sheet: 'Sheet1', row: 9, column: 9, values: [['elsewhere']] }),
      }),
    );
    await page.waitForFunction((v) => document.body.dataset.version !== v, version);
    expect(await name.inputValue()).toBe('b2:$C$3');
    await name.press('Enter');
    expect(await name.inputValue()).toBe('B2:C3');
    await name.fill('not a cell');
    await name.press('Enter');
    expect(await name.inputValue()).toBe('B2:C3');
  });

  // I1500 typed there landed on I993, the last row drawn so far, without a word.
  it('goes to a cell named in the name box below the rows drawn, drawing them; past the sheet or what the page shows, it says so', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    wb.write(
      'Sheet1',
      Array.from({ length: 973 }, (_, i) => [`Agent ${i + 1}`]),
    );
    // 2,600 rows: more than the page shows of a sheet.
    wb.insertRows('Sheet1', 1000, 1600);
    await page.locator('#addSheet').click();
    await expect.poll(() => page.getByRole('tab').count()).toBe(2);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('Agent 1');
    const name = page.locator('#cellName');
    const active = () => page.locator('#grid td.active').evaluate((e) => [e.dataset.row, e.dataset.col]);
    await name.fill('I1500');
    await name.press('Enter');
    await expect.poll(active).toEqual(['1500', '9']);
    expect(await name.inputValue()).toBe('I1500');
    await page.keyboard.type('far down');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.displayValues('Sheet1')[1499]?.[8]).toBe('far down');
    // Past the sheet's last column (Z): said, and the selection stays. The grid has no column there.
    await name.fill('AD7');
    await name.press('Enter');
    expect(await name.evaluate((e: HTMLInputElement) => e.validationMessage)).toBe(
      'AD7 is outside "Sheet1", which has 2,600 rows and columns A to Z. To add a column, right-click a cell in column Z ▸ Insert column right.',
    );
    expect(await active()).toEqual(['1501', '9']);
    expect(await page.locator('#grid th[data-col="27"]').count()).toBe(0);
    // Past the rows the page shows of a sheet: said, and the selection stays.
    await name.fill('A2500');
    await name.press('Enter');
    expect(await name.evaluate((e: HTMLInputElement) => e.validationMessage)).toBe(
      'The workbench shows the first 2,000 rows of a sheet; Download .xlsx has them all.',
    );
    expect(await active()).toEqual(['1501', '9']);
    expect(running.workbench.rt.workbook.selection()).toBe('Sheet1!I1501');
  });

  // QA: with a pulled table trimmed to A:H, I1 could be selected, and Pull data's form opened empty.
  it("draws only the sheet's own columns and rows: no cell past them can be selected, by mouse, keys or name box", async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    wb.write('Sheet1', [['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']]);
    // As a pull leaves its sheet: the table's width, and no more columns.
    wb.deleteColumns('Sheet1', 9, 18);
    wb.deleteRows('Sheet1', 31, 970);
    // Another sheet and back: the page asks for Sheet1's view afresh (once the new sheet is in front).
    await page.locator('#addSheet').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Sheet2', selected: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => cell(page, 1, 'H').textContent()).toBe('h');
    expect(await page.locator('#grid thead th[data-col]').count()).toBe(8);
    expect(await cell(page, 1, 'I').count()).toBe(0);
    await scrollToEnd(page);
    expect(await page.locator('#grid tbody tr').count()).toBe(30);
    // The arrow keys and Tab stop at the sheet's edge, as in Sheets.
    await cell(page, 1, 'G').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.locator('#cellName').inputValue()).toBe('H1');
    await cell(page, 29, 'A').click();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#cellName').inputValue()).toBe('A30');
    // Named in the name box: refused, in words, the selection left where it was.
    const name = page.locator('#cellName');
    await name.fill('I1');
    await name.press('Enter');
    expect(await name.evaluate((e: HTMLInputElement) => e.validationMessage)).toBe(
      'I1 is outside "Sheet1", which has 30 rows and columns A to H. To add a column, right-click a cell in column H ▸ Insert column right.',
    );
    await expect.poll(() => wb.selection()).toBe('Sheet1!A30');
    // A script deleting the selected column takes the selection to the sheet's edge, in the page too.
    await name.fill('H2');
    await name.press('Enter');
    await expect.poll(() => wb.selection()).toBe('Sheet1!H2');
    wb.deleteColumns('Sheet1', 8, 1);
    await page.locator('#addSheet').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Sheet3', selected: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => page.locator('#grid thead th[data-col]').count()).toBe(7);
    expect(await name.inputValue()).toBe('G2');
    expect(await page.locator('#grid td.active').evaluate((e) => [e.dataset.row, e.dataset.col])).toEqual([
      '2',
      '7',
    ]);
  });
});
