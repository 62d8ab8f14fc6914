// Data ▸ Create a filter in the workbench, as in Sheets: over the table around the cell selected,
// its first row showing the filter's buttons; Data ▸ Remove filter takes it off. Which rows a
// filter hides is not simulated: the add-on says Push reads them all (push-filter.test.ts).
import { describe, expect, it } from 'vitest';
import { cell, menuName, reset, useBench } from './support';

describe('Data ▸ Create a filter in the workbench', () => {
  const bench = useBench();

  it("puts a filter on the sheet's table, shown on its first row, and takes it off again", async () => {
    const { page, running } = bench();
    await reset(page);
    const wb = running.workbench.rt.workbook;
    wb.write('Sheet1', [
      ['Agent', 'Start'],
      ['ada@example.com', '2026-12-22 09:00'],
    ]);
    const data = async (caption: string) => {
      await menuName(page, 'Data').click();
      await page.getByRole('menuitem', { name: caption }).click();
    };
    await cell(page, 2, 'B').click();
    await data('Create a filter');
    await expect.poll(() => wb.filter('Sheet1')).toBe('A1:B2');
    await expect.poll(() => cell(page, 1, 'B').getAttribute('class')).toContain('filter-head');
    expect(await cell(page, 2, 'B').getAttribute('class')).not.toContain('filter-head');
    await data('Remove filter');
    await expect.poll(() => wb.filter('Sheet1')).toBeNull();
    await expect.poll(() => cell(page, 1, 'B').getAttribute('class')).not.toContain('filter-head');
  });
});
