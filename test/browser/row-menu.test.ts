// Rows and columns inserted and deleted from the grid as a person does it in Sheets: a right-click
// on a row number, a column letter or a cell, or the context-menu key (Shift+F10) on a selection.
// The change is the person's, through the runtime's model, so the add-on's table moves with it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Bench, cell, goToPulled, pullIntoNewSheet, RESULTS, reset, useBench } from './support';

const rowNumber = (page: Page, row: number) => page.locator(`#grid th[data-row="${row}"]`);
const columnLetter = (page: Page, col: string) =>
  page.locator('#grid thead th', { hasText: new RegExp(`^${col}$`) });
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const nameBox = (page: Page) => page.locator('#cellName').inputValue();
const formulaBar = (page: Page) => page.locator('#formula').inputValue();

/** Types an address in the name box and Enter, as a person goes to a cell. */
async function goTo(page: Page, a1: string): Promise<void> {
  await page.locator('#cellName').fill(a1);
  await page.locator('#cellName').press('Enter');
}

/**
 * Holds the grid's inserts and deletes (or its typed writes, `path`) at the page's door until let
 * through: what the grid does before the sheet's next view comes is its own.
 */
async function holdLines(page: Page, path = '**/api/lines'): Promise<() => Promise<void>> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((done) => {
    release = done;
  });
  const held: Promise<void>[] = [];
  const handler = (route: Route) => {
    const sent = released.then(() => route.continue());
    held.push(sent);
    return sent;
  };
  await page.route(path, handler);
  return async () => {
    release();
    await Promise.all(held);
    await page.unroute(path, handler);
  };
}

/**
 * Lets the sheet's own scrolls so far land (they are told at the next frame) before a menu opens,
 * as a person's hand is slower than a frame: a scroll closes the menu.
 */
async function scrolled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
}

/**
 * Clicks a cell and opens its menu from the keyboard (Shift+F10) to pick `item`. Not a
 * right-click: the browser's driver scrolls a cell at the sheet's edge into view again for it, and
 * that scroll, told after the menu opened, closes it.
 */
async function pickFromCell(page: Page, row: number, col: string, item: string): Promise<void> {
  await cell(page, row, col).click();
  await scrolled(page);
  await page.keyboard.press('Shift+F10');
  await page
    .getByRole('menu', { name: `Cell ${col}${row}` })
    .getByRole('menuitem', { name: item })
    .click();
}

async function picture(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, name) });
}

/** A Sites sheet pulled anew, which the add-on trims to its table's columns, A to F, drawn. */
async function pulledSites(page: Page, { running }: Bench) {
  await reset(page);
  const sb = await pullIntoNewSheet(page, 'Sites', 'Sites');
  await goToPulled(page, sb, 'Sites');
  const wb = running.workbench.rt.workbook;
  const { maxRows, maxColumns } = wb.size('Sites');
  expect(maxColumns).toBe(6);
  await expect.poll(() => cell(page, 1, 'F').textContent()).toBe('Updated');
  return { wb, table: wb.values('Sites'), maxRows };
}

describe('Rows and columns from the grid', () => {
  const bench = useBench();

  it("a row inserted inside a pulled table and typed in is the table's: Pull it again leaves no stale row under it", async () => {
    const { page, running } = bench();
    await reset(page);
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    const wb = running.workbench.rt.workbook;
    const table = wb.values('Teams');
    await page.getByRole('tab', { name: 'Teams' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('ID');

    await rowNumber(page, 5).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Row 5' });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Insert 1 row above',
      'Insert 1 row below',
      'Delete row',
    ]);
    expect(await rowNumber(page, 5).getAttribute('aria-selected')).toBe('true');
    await picture(page, 'grid-row-menu.png');
    await menu.getByRole('menuitem', { name: 'Insert 1 row above' }).click();
    // Typed at once: the new row is selected, and the typing lands in it, after the insert.
    await page.keyboard.type('a comment of mine');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.values('Teams')[4]?.[0]).toBe('a comment of mine');
    expect(wb.values('Teams')).toEqual([
      ...table.slice(0, 4),
      ['a comment of mine', ...(table[0] ?? []).slice(1).map(() => '')],
      ...table.slice(4),
    ]);
    await expect.poll(() => cell(page, 6, 'A').textContent()).toBe(String(table[4]?.[0]));
    expect(await cell(page, 5, 'A').textContent()).toBe('a comment of mine');

    await sb.locator('body').click({ position: { x: 4, y: 4 } });
    const card = sb.getByRole('region', { name: '"Teams"' });
    await card.getByRole('button', { name: 'Pull it again' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toBe(
        `${table.length - 1} rows written to Teams!A1. 1 row inserted inside the table since its last pull was written over as part of it.`,
      );
    expect(wb.values('Teams')).toEqual(table);
    // The grid shows the table as pulled and nothing under it: no stale copy of its last row.
    await expect.poll(() => cell(page, table.length, 'A').textContent()).toBe(String(table.at(-1)?.[0]));
    expect(await cell(page, table.length + 1, 'A').textContent()).toBe('');
  });

  it('opens, walks and closes the menu from the keyboard alone, rows, columns and cells', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    // Typed in as the page types (the grid draws it again); the menu is what is tried here.
    running.workbench.write(
      'Sheet1',
      1,
      1,
      Array.from({ length: 8 }, (_, i) => [`r${i + 1}`, `x${i + 1}`]),
    );
    await expect.poll(() => cell(page, 8, 'B').textContent()).toBe('x8');
    await page.locator('#grid').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    // Shift+Space selects the row, Shift+arrows more rows, as in Sheets.
    await page.keyboard.press('Shift+Space');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await nameBox(page)).toBe('4:6');
    await page.keyboard.press('Shift+F10');
    const rows = page.getByRole('menu', { name: 'Rows 4 - 6' });
    await rows.waitFor();
    await picture(page, 'grid-rows-menu-keyboard.png');
    expect(await focused(page)).toBe('Insert 3 rows above');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('Insert 3 rows below');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('Delete rows 4 - 6');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('Insert 3 rows above');
    // Escape closes it and gives the keys back to the grid, the rows still selected.
    await page.keyboard.press('Escape');
    await rows.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');
    expect(await nameBox(page)).toBe('4:6');
    expect(wb.values('Sheet1')).toHaveLength(8);
    // The context-menu key opens it too; End goes to its last item, Enter picks it.
    await page.keyboard.press('ContextMenu');
    await rows.waitFor();
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('Delete rows 4 - 6');
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.values('Sheet1').map((r) => r[0])).toEqual(['r1', 'r2', 'r3', 'r7', 'r8']);
    await expect.poll(() => cell(page, 4, 'A').textContent()).toBe('r7');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');

    // Ctrl+Space selects the column; its menu inserts to the left, and the new column is selected.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+Space');
    expect(await nameBox(page)).toBe('B:B');
    await page.keyboard.press('Shift+F10');
    const column = page.getByRole('menu', { name: 'Column B' });
    await column.waitFor();
    expect(await column.getByRole('menuitem').allTextContents()).toEqual([
      'Insert 1 column left',
      'Insert 1 column right',
      'Delete column',
    ]);
    await page.keyboard.press('Enter');
    await expect.poll(() => wb.values('Sheet1')[0]).toEqual(['r1', '', 'x1']);
    expect(await nameBox(page)).toBe('B:B');
    await expect.poll(() => cell(page, 1, 'C').textContent()).toBe('x1');
    expect(await columnLetter(page, 'B').getAttribute('aria-selected')).toBe('true');

    // A cell's menu, from a range of cells: its rows and columns counted; Tab closes it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await nameBox(page)).toBe('B4:B5');
    await page.keyboard.press('Shift+F10');
    const cells = page.getByRole('menu', { name: 'Cells B4:B5' });
    await cells.waitFor();
    expect(await cells.getByRole('menuitem').allTextContents()).toEqual([
      'Insert 2 rows above',
      'Insert 2 rows below',
      'Insert column left',
      'Insert column right',
      'Delete rows 4 - 5',
      'Delete column',
      'Insert note',
    ]);
    await page.keyboard.press('Tab');
    await cells.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');
    expect(wb.values('Sheet1').map((r) => r[0])).toEqual(['r1', 'r2', 'r3', 'r7', 'r8']);
  });

  it('a right-click on a cell of the selection keeps it: the menu counts its rows; elsewhere it selects that cell', async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    // Typed in as the page types (the grid draws it again); the menu is what is tried here.
    running.workbench.write(
      'Sheet1',
      1,
      1,
      Array.from({ length: 6 }, (_, i) => [`r${i + 1}`, `x${i + 1}`, `y${i + 1}`]),
    );
    await expect.poll(() => cell(page, 6, 'C').textContent()).toBe('y6');
    await cell(page, 2, 'B').click();
    await cell(page, 4, 'C').click({ modifiers: ['Shift'] });
    await cell(page, 3, 'C').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Cells B2:C4' });
    await menu.waitFor();
    await picture(page, 'grid-cell-menu.png');
    await menu.getByRole('menuitem', { name: 'Insert 3 rows below' }).click();
    await expect
      .poll(() => wb.values('Sheet1').map((r) => r[0]))
      .toEqual(['r1', 'r2', 'r3', 'r4', '', '', '', 'r5', 'r6']);
    // The selection moves onto the rows inserted.
    expect(await nameBox(page)).toBe('B5:C7');
    // Elsewhere, the right-click selects the cell it is on.
    await cell(page, 9, 'A').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Cell A9' }).waitFor();
    expect(await nameBox(page)).toBe('A9');
    await page.getByRole('menuitem', { name: 'Delete row' }).click();
    await expect
      .poll(() => wb.values('Sheet1').map((r) => r[0]))
      .toEqual(['r1', 'r2', 'r3', 'r4', '', '', '', 'r5']);
    // A right-click on a column letter, then a click elsewhere closes the menu, changing nothing.
    await columnLetter(page, 'B').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Column B' }).waitFor();
    await cell(page, 2, 'A').click();
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    expect(wb.values('Sheet1')[0]).toEqual(['r1', 'x1', 'y1']);
  });

  it("lines inserted past a trimmed sheet's last column or row are drawn and selected at once, and Enter goes down them", async () => {
    const { page } = bench();
    const { wb, table, maxRows } = await pulledSites(page, bench());

    let release = await holdLines(page);
    await pickFromCell(page, 1, 'F', 'Insert column right');
    // Before the sheet's next view: G is drawn and selected, the name box and formula bar agree.
    expect(await columnLetter(page, 'G').count()).toBe(1);
    expect(await cell(page, 2, 'G').count()).toBe(1);
    expect(await nameBox(page)).toBe('G1');
    expect(await formulaBar(page)).toBe('');
    await goTo(page, 'G1');
    expect(await nameBox(page)).toBe('G1');
    expect(await formulaBar(page)).toBe('');
    await page.keyboard.type('Note');
    await page.keyboard.press('Enter');
    expect(await nameBox(page)).toBe('G2');
    await page.keyboard.type('seen');
    await page.keyboard.press('Enter');
    await release();
    await expect.poll(() => wb.values('Sites')[1]?.[6]).toBe('seen');
    expect(wb.values('Sites').map((r) => r.slice(5))).toEqual(
      table.map((r, i) => [r[5], i === 0 ? 'Note' : i === 1 ? 'seen' : '']),
    );
    await expect.poll(() => cell(page, 1, 'G').textContent()).toBe('Note');

    // Insert row above on the last row pushes that row past the edge: it is drawn, and reached.
    release = await holdLines(page);
    await goTo(page, `A${maxRows}`);
    await pickFromCell(page, maxRows, 'A', 'Insert row above');
    expect(await cell(page, maxRows + 1, 'A').count()).toBe(1);
    expect(await nameBox(page)).toBe(`A${maxRows}`);
    expect(await formulaBar(page)).toBe('');
    await page.keyboard.press('ArrowDown');
    expect(await nameBox(page)).toBe(`A${maxRows + 1}`);
    await release();
    await expect.poll(() => wb.size('Sites').maxRows).toBe(maxRows + 1);
  });

  it("lines deleted at a trimmed sheet's last column or row are gone from the grid at once: the keys and typing stay on the sheet", async () => {
    const { page } = bench();
    const { wb, table, maxRows } = await pulledSites(page, bench());

    let release = await holdLines(page);
    await pickFromCell(page, 1, 'F', 'Delete column');
    // Before the sheet's next view: F is gone, and the selection is on E, the sheet's last column now.
    expect(await columnLetter(page, 'F').count()).toBe(0);
    expect(await cell(page, 2, 'F').count()).toBe(0);
    expect(await nameBox(page)).toBe('E1');
    expect(await formulaBar(page)).toBe(String(table[0]?.[4]));
    await page.keyboard.press('ArrowRight');
    expect(await nameBox(page)).toBe('E1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('seen');
    await page.keyboard.press('Enter');
    expect(await nameBox(page)).toBe('E3');
    await release();
    await expect.poll(() => wb.values('Sites')[1]?.[4]).toBe('seen');
    expect(wb.size('Sites').maxColumns).toBe(5);
    expect(wb.values('Sites')).toEqual(table.map((r, i) => [...r.slice(0, 4), i === 1 ? 'seen' : r[4]]));

    // Delete row on the last row: the row before it is the last, and ArrowDown stays there.
    release = await holdLines(page);
    await pickFromCell(page, maxRows, 'A', 'Delete row');
    expect(await rowNumber(page, maxRows).count()).toBe(0);
    expect(await nameBox(page)).toBe(`A${maxRows - 1}`);
    await page.keyboard.press('ArrowDown');
    expect(await nameBox(page)).toBe(`A${maxRows - 1}`);
    await release();
    await expect.poll(() => wb.size('Sites').maxRows).toBe(maxRows - 1);
    expect(await rowNumber(page, maxRows).count()).toBe(0);

    // Every row deleted is refused, as Sheets refuses it: the rows gone at once are back.
    await goTo(page, `1:${maxRows - 1}`);
    await scrolled(page);
    await page.keyboard.press('Shift+F10');
    await page
      .getByRole('menu', { name: `Rows 1 - ${maxRows - 1}` })
      .getByRole('menuitem', { name: `Delete rows 1 - ${maxRows - 1}` })
      .click();
    await expect.poll(() => page.locator('#notice').textContent()).toContain("You can't delete all the rows");
    await expect.poll(() => rowNumber(page, maxRows - 1).count()).toBe(1);
    expect(await cell(page, 2, 'A').textContent()).toBe(String(table[1]?.[0]));
    expect(wb.size('Sites').maxRows).toBe(maxRows - 1);
  });

  it('cells move with lines inserted or deleted at once, typed values not yet saved too: nothing shows where it no longer is', async () => {
    const { page, running } = bench();
    await reset(page);
    const sb = await pullIntoNewSheet(page, 'Sites', 'Sites');
    await goToPulled(page, sb, 'Sites');
    const wb = running.workbench.rt.workbook;
    const table = wb.values('Sites');
    const text = (row: number, col: number) => String(table[row - 1]?.[col - 1]);
    await expect.poll(() => cell(page, 1, 'F').textContent()).toBe('Updated');

    // Typed, then lines inserted and deleted, none of it at the server yet.
    const releaseWrites = await holdLines(page, '**/api/write');
    const releaseLines = await holdLines(page);
    await cell(page, 3, 'A').click();
    await page.keyboard.type('typed');
    await page.keyboard.press('Enter');
    await pickFromCell(page, 2, 'A', 'Insert row above');
    expect(await cell(page, 2, 'A').textContent()).toBe('');
    expect(await cell(page, 2, 'B').textContent()).toBe('');
    expect(await formulaBar(page)).toBe('');
    expect(await cell(page, 3, 'A').textContent()).toBe(text(2, 1));
    expect(await cell(page, 3, 'B').textContent()).toBe(text(2, 2));
    expect(await cell(page, 4, 'A').textContent()).toBe('typed');
    expect(await cell(page, 4, 'B').textContent()).toBe(text(3, 2));

    await pickFromCell(page, 2, 'B', 'Insert column left');
    expect(await cell(page, 1, 'B').textContent()).toBe('');
    expect(await cell(page, 1, 'C').textContent()).toBe(text(1, 2));
    expect(await cell(page, 3, 'C').textContent()).toBe(text(2, 2));
    expect(await cell(page, 1, 'G').textContent()).toBe(text(1, 6));
    expect(await cell(page, 4, 'A').textContent()).toBe('typed');

    await pickFromCell(page, 3, 'A', 'Delete row');
    expect(await cell(page, 3, 'A').textContent()).toBe('typed');
    expect(await cell(page, 3, 'C').textContent()).toBe(text(3, 2));
    expect(await formulaBar(page)).toBe('typed');
    await pickFromCell(page, 1, 'B', 'Delete column');
    expect(await cell(page, 1, 'B').textContent()).toBe(text(1, 2));
    expect(await cell(page, 3, 'B').textContent()).toBe(text(3, 2));
    expect(await columnLetter(page, 'G').count()).toBe(0);

    // The view the typed value brings has none of the lines yet: drawn with them still.
    await releaseWrites();
    await expect.poll(() => wb.values('Sites')[2]?.[0]).toBe('typed');
    const typedIn = running.workbench.state().version;
    await expect.poll(() => page.evaluate(() => document.body.dataset.version)).toBe(typedIn);
    expect(await cell(page, 2, 'A').textContent()).toBe('');
    expect(await cell(page, 3, 'A').textContent()).toBe('typed');
    expect(await cell(page, 4, 'A').textContent()).toBe(text(4, 1));
    await releaseLines();
    const sheet = [
      table[0],
      table[0]?.map(() => ''),
      ['typed', ...(table[2] ?? []).slice(1)],
      ...table.slice(3),
    ];
    await expect.poll(() => wb.values('Sites')).toEqual(sheet);
    // The sheet's view, once drawn, shows what was drawn before it came.
    const version = running.workbench.state().version;
    await expect.poll(() => page.evaluate(() => document.body.dataset.version)).toBe(version);
    expect(await cell(page, 3, 'A').textContent()).toBe('typed');
    expect(await cell(page, 2, 'A').textContent()).toBe('');
    expect(await cell(page, 4, 'A').textContent()).toBe(text(4, 1));
  });
});
