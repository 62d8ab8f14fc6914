// Pull data and scheduled refreshes, as a person does them in the workbench.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cell, menu, pullIntoNewSheet, RESULTS, reset, SKIP_MS, sidebar, useBench } from './support';

const DOCS_SHOT = join(import.meta.dirname, '../../docs/workbench.png');

describe('Pull data in the workbench', () => {
  const bench = useBench();
  beforeEach(async () => {
    await reset(bench().page);
  });

  it('pulls a report into a new sheet through the sidebar and shows its rows in the grid', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'AHT');
    const rows = Number(await sb.locator('#jobRows').textContent());
    expect(rows).toBeGreaterThan(10);
    await expect
      .poll(() => sb.locator('#jobWhat').textContent())
      .toMatch(/Handle time report.*2026-05-18 to 2026-05-24/);

    await page.getByRole('tab', { name: 'AHT' }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('AHT');
    const header = await page.locator('#grid tbody tr').first().locator('td').allTextContents();
    // Headers read as words, each id with its name beside it.
    expect(header.slice(0, 2)).toEqual(['Agent ID', 'Agent name']);
    expect(header).toEqual(expect.arrayContaining(['Start', 'Handled', 'Average handle time']));
    expect(header.join()).not.toMatch(/_/);
    // A duration reads as one.
    const aht = header.indexOf('Average handle time') + 1;
    expect(await page.locator(`#grid td[data-row="2"][data-col="${aht}"]`).textContent()).toMatch(
      /^\d+:\d\d:\d\d$/,
    );
    // The agent picker tells apart two people who share a name.
    const agents = sb.getByRole('group', { name: 'Agents' });
    await expect.poll(() => agents.getByText(/^Ava Smith \(/).count()).toBe(2);
    // Typing in its filter leaves only the matching people on screen.
    await sb.locator('#agent_idsSearch').fill('Ava Smith');
    await expect.poll(() => agents.locator('label:visible').count()).toBe(2);
    // The header row is frozen and bold, with a note on A1 saying where the data came from.
    await expect.poll(() => cell(page, 1, 'A').getAttribute('class')).toMatch(/bold/);
    expect(await cell(page, 1, 'A').getAttribute('title')).toMatch(/Source: Assembled/);
    expect(await page.locator('#grid tr.frozen').count()).toBe(1);
    // Every row is in the grid, and no more.
    expect(await cell(page, rows + 1, 'A').textContent()).not.toBe('');
    expect(await cell(page, rows + 2, 'A').textContent()).toBe('');
    // Times show as their number format says; numbers are right-aligned.
    const start = header.indexOf('Start') + 1;
    const startCell = page.locator(`#grid td[data-row="2"][data-col="${start}"]`);
    expect(await startCell.textContent()).toMatch(/^2026-05-\d\d \d\d:\d\d:\d\d$/);
    expect(await startCell.getAttribute('class')).toMatch(/num/);

    // The picture in the README: the workbench with its sidebar, after a pull. Written when missing
    // or asked for (UPDATE_SCREENSHOTS=1), so a test run leaves the work tree as it was.
    const shot =
      !existsSync(DOCS_SHOT) || process.env.UPDATE_SCREENSHOTS ? DOCS_SHOT : join(RESULTS, 'workbench.png');
    mkdirSync(join(shot, '..'), { recursive: true });
    // Wide enough for the worded headers, the names beside the ids, and the namesakes in the picker.
    await page.setViewportSize({ width: 1480, height: 680 });
    await cell(page, 3, 'B').click();
    await sb.locator('#job').evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
    await page.screenshot({ path: shot });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('saves a weekly refresh after a pull; skipping the clock ahead runs it', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'Weekly AHT');
    // The pull offers to refresh the sheet on a schedule: weekly, Monday 07:00 by default.
    await expect.poll(() => sb.getByLabel('Frequency').inputValue()).toBe('weekly');
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();

    await menu(page, 'Scheduled refreshes…');
    const refreshes = await sidebar(page, 'Scheduled refreshes');
    const card = refreshes.locator('li.card', { hasText: 'Weekly AHT' });
    await expect.poll(() => card.textContent()).toMatch(/Next run\s*2026-06-01 07:00/);
    expect(await card.textContent()).toMatch(/Not run yet/);

    // A week ahead reaches Monday 07:00, when the hourly trigger starts the report; an hour more
    // and it has been written.
    await expect.poll(() => page.locator('#clock').textContent()).toMatch(/^Mon 2026-05-25 08:0\d/);
    // The server runs a skip's executions one by one, answering the page in between: give the
    // week's 168 hourly ticks time on a loaded machine.
    await page.getByRole('button', { name: 'Skip ahead 1 week' }).click();
    await expect
      .poll(() => page.locator('#clock').textContent(), { timeout: SKIP_MS })
      .toMatch(/^Mon 2026-06-01 08:0/);
    await page.getByRole('button', { name: 'Skip ahead 1 hour' }).click();
    await expect
      .poll(() => page.locator('#clock').textContent(), { timeout: SKIP_MS })
      .toMatch(/^Mon 2026-06-01 09:0/);
    await refreshes.getByRole('button', { name: 'Reload' }).click();
    await expect
      .poll(() => card.textContent(), { timeout: 10_000 })
      .toMatch(/Last run\s*2026-06-01 0[78]:\d\d(:\d\d)?: \d+ rows/);
    expect(await card.textContent()).toMatch(/Next run\s*2026-06-08 07:00/);

    // The run is in the log sheet, and the sheet now holds the week just ended.
    await page.getByRole('tab', { name: 'Assembled log' }).click();
    await expect
      .poll(() => page.locator('#grid tbody tr').nth(2).locator('td').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^2026-06-01 0[78]:/), 'Weekly AHT', 'done']));
    await page.getByRole('tab', { name: 'Weekly AHT' }).click();
    await expect
      .poll(() => cell(page, 1, 'A').getAttribute('title'))
      .toMatch(/Range: 2026-05-25 to 2026-05-31/);
  });
});
