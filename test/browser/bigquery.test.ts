// Pull data into a BigQuery table, then find it in the workbench's BigQuery explorer and query it,
// as a person does: the sidebar's "BigQuery table" destination, then the explorer beside the sheets.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callGate, menu, RESULTS, sidebar, useBench } from './support';

describe('BigQuery in the workbench', () => {
  const bench = useBench();

  it('pulls agent states into a BigQuery table, then finds the table in the explorer and queries it', async () => {
    const { page } = bench();
    // The explorer, from the top bar, open before the load: the project has nothing yet.
    const toggle = page.getByRole('button', { name: 'BigQuery', exact: true });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'BigQuery: workbench-demo' });
    await expect
      .poll(() => panel.locator('#bqTree').textContent())
      .toMatch(/^No datasets in workbench-demo yet/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bqSql');

    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Agent states' });
    const append = sb.getByLabel('If the target has data').locator('option[value=append]');
    expect(await append.textContent()).toBe('Append below it');
    await sb.getByRole('radio', { name: 'BigQuery table' }).check();
    // A table has no "below": its append says what a load does.
    expect(await append.textContent()).toBe('Append: add every row to it');
    await sb.getByLabel('Google Cloud project id').fill('workbench-demo');
    await sb.getByLabel('Dataset').fill('wfm');
    await sb.getByLabel('Table', { exact: true }).fill('agent_states');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    const rows = Number((await sb.locator('#jobRows').textContent())?.replace(/,/g, ''));
    expect(rows).toBeGreaterThan(0);
    // Loaded, not written: a replace's rows go to staging first, the table holding its old ones (QA).
    expect(await sb.locator('#jobRowsTerm').textContent()).toBe('Rows loaded');
    // Rows loaded, the bytes and the table's link, in the sidebar: the link opens a new tab.
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(
        new RegExp(
          `^${rows.toLocaleString('en-US')} rows loaded into workbench-demo\\.wfm\\.agent_states \\((\\d+\\.\\d|under 0\\.1) MB\\)\\. Open in the Google Cloud console$`,
        ),
      );
    const link = sb.locator('#status a');
    expect(await link.getAttribute('href')).toMatch(
      /^https:\/\/console\.cloud\.google\.com\/bigquery\?project=workbench-demo.*3sagent_states$/,
    );
    expect(await link.getAttribute('target')).toBe('_blank');

    // The open explorer shows the new table once its load is done, with no reload.
    const table = panel.getByRole('button', { name: /^agent_states/ });
    await expect.poll(() => table.textContent()).toBe(`agent_states ${rows.toLocaleString('en-US')} rows`);
    // From the keyboard: Escape closes it, Enter on its button opens it on the first table.
    await panel.getByLabel('Standard SQL').press('Escape');
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bqToggle');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-table')))
      .toBe('wfm.agent_states');
    // The table with its schema, size, partitioning, clustering.
    await page.keyboard.press('Enter');
    await expect.poll(() => table.getAttribute('aria-pressed')).toBe('true');
    const facts = (await panel.locator('.bq-facts > *').allTextContents()).join(' ');
    expect(facts).toMatch(/Table ID\s+workbench-demo\.wfm\.agent_states/);
    expect(facts).toMatch(/Partitioned by\s+DAY on start_time/);
    expect(facts).toMatch(/Clustered by\s+agent_id/);
    expect(facts).toMatch(new RegExp(`Rows\\s+${rows.toLocaleString('en-US')}`));
    const schema = panel.getByRole('table', { name: 'Schema of agent_states' });
    const start = await schema
      .getByRole('row', { name: /^start_time/ })
      .locator('td')
      .allTextContents();
    expect(start).toEqual(['TIMESTAMP', 'NULLABLE', '']);
    expect(await schema.locator('thead th').allTextContents()).toEqual([
      'Field name',
      'Type',
      'Mode',
      'Description',
    ]);

    // A query as in the console: dataset.table, run with Ctrl+Enter.
    const sql = panel.getByLabel('Standard SQL');
    await sql.fill(
      'SELECT agent_id, count(*) AS states FROM wfm.agent_states GROUP BY agent_id ORDER BY states DESC, agent_id LIMIT 5',
    );
    await sql.press('Control+Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^\d+ rows?\. .* processed\.$/);
    const results = panel.getByRole('table', { name: 'Query results' });
    expect(await results.locator('thead th').allTextContents()).toEqual(['agent_id', 'states']);
    const counts = (await results.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(rows);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'bigquery-explorer.png') });

    // BigQuery's own words for a mistake, shown under the editor; the Run button works too.
    await sql.fill('SELECT nope FROM `workbench-demo.wfm.agent_states`');
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe('Unrecognized name: nope');
    expect(await results.locator('tr').count()).toBe(0);
    // Escape closes the panel and gives focus back to its button.
    await sql.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bqToggle');
  });

  it('says before the first answer that the rows go into the table, not a sheet', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByRole('radio', { name: 'BigQuery table' }).check();
    await sb.getByLabel('Google Cloud project id').fill('workbench-demo');
    await sb.getByLabel('Dataset').fill('wfm');
    await sb.getByLabel('Table', { exact: true }).fill('teams');
    // The start held at the door: the words shown until the server's first answer stay to be read.
    const gate = await callGate(page);
    try {
      const start = gate.hold('startPull');
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await expect.poll(start.arrived).toBe(true);
      expect(await sb.locator('#jobDetail').textContent()).toBe(
        'Reading the data from Assembled and writing it into the table…',
      );
      start.open();
      await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    } finally {
      await gate.done();
    }
  });

  it("offers to refresh an append into a table with the card's note: what each run adds", async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Agent states' });
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Yesterday' });
    await sb.getByRole('radio', { name: 'BigQuery table' }).check();
    await sb.getByLabel('If the target has data').selectOption('append');
    await sb.getByLabel('Google Cloud project id').fill('workbench-demo');
    await sb.getByLabel('Dataset').fill('wfm');
    await sb.getByLabel('Table', { exact: true }).fill('states_appended');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).waitFor({ timeout: 30_000 });
    expect(await sb.locator('#saveRefreshHint').textContent()).toBe(
      'Reruns the Agent states pull into the BigQuery table workbench-demo.wfm.states_appended; its date range is resolved afresh at each run. A day already over when a run begins is added once; a day still under way (today, this week) is added whole at every run, so its earlier rows are there again. To keep one row per record, choose Merge by key.',
    );
    // Saved, its list's intro is true of it too: it said each refresh reruns a pull "into its sheet".
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
    await menu(page, 'Scheduled refreshes…');
    const list = await sidebar(page, 'Scheduled refreshes');
    expect(await list.locator('h1 ~ p.hint').first().textContent()).toMatch(
      /^Each refresh reruns a saved pull into its sheet or BigQuery table, /,
    );
  });
});
