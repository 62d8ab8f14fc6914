// The Pull data form before a pull starts: what it says when a pull cannot start, the name it
// offers for a new sheet, the range it previews as it is typed, and a missing key said once.
import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../src/core/pull/pull-view';
import { accessible } from './a11y';
import { cell, goToPulled, menu, pullIntoNewSheet, reset, sidebar, useBench, wordsSeen } from './support';

const NO_KEY = /^No Assembled API key is set for you\. Open Extensions ▸ .* and paste your key\.$/;

async function openPull(page: Page): Promise<FrameLocator> {
  await menu(page, 'Pull data…');
  const sb = await sidebar(page, 'Pull data from Assembled');
  // The form is filled once the options have come.
  await expect.poll(() => sb.getByLabel('Sheet name').inputValue()).not.toBe('');
  return sb;
}

/** Whether the element is on screen in the sidebar's frame, not scrolled away. */
const inView = (sb: FrameLocator, selector: string) =>
  sb.locator(selector).evaluate((e) => {
    const box = e.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe('The Pull data form', () => {
  const bench = useBench();
  beforeEach(async () => {
    await reset(bench().page);
  });

  it('shows only the error when a pull is refused before it starts, with the form free to fix it', async () => {
    const { page, running } = bench();
    await running.workbench.rt.callFromSidebar('clearApiKey');
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    // Said by the notice at the top, which says it already, not again on the status line.
    await expect.poll(() => sb.locator(':focus').evaluate((e) => e.id)).toBe('keyNotice');
    expect(await sb.locator('#keyNotice').textContent()).toMatch(NO_KEY);
    expect(await sb.locator('#status').textContent()).toBe('');
    // No progress for a pull that never began, and nothing said to go to the log.
    expect(await sb.locator('#job').isHidden()).toBe(true);
    expect(await inView(sb, '#keyNotice')).toBe(true);
    expect(await sb.getByRole('button', { name: 'Pull data' }).isEnabled()).toBe(true);
  });

  // The keyboard went back to Pull data: one more Enter sent the pull again before the reason was heard.
  it('a pull refused at its start leaves the keyboard at why, not on Pull data, where Enter would send it again', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    await rt.callFromSidebar('clearApiKey');
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    const starts = () => rt.executions.filter((e) => e.fnName === 'startPull').length;
    const before = starts();
    const focused = () => sb.locator(':root').evaluate(() => document.activeElement?.id);
    await sb.getByRole('button', { name: 'Pull data' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sb.locator('#keyNotice').textContent()).toMatch(NO_KEY);
    await expect.poll(() => sb.getByRole('button', { name: 'Pull data' }).isEnabled()).toBe(true);
    expect(starts()).toBe(before + 1);
    // At the notice that says why (no key): said once, there, not again on the status line.
    expect(await focused()).toBe('keyNotice');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1_000);
    expect(starts()).toBe(before + 1);
    // The way on from there is to Settings, where the key is set, which takes the sidebar's place.
    await page.keyboard.press('Tab');
    expect(await sb.locator(':focus').textContent()).toBe('Open Settings…');
  });

  it('says at once that a fixed range ends before it starts, and starts nothing', async () => {
    const { page, running } = bench();
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    await sb.getByLabel('Fixed dates').check();
    await sb.getByLabel('From').fill('2026-11-20');
    await sb.getByLabel('To (inclusive)').fill('2026-11-10');
    const ends =
      'The date range ends (2026-11-10) before it starts (2026-11-20): put the earlier date in From.';
    await expect.poll(() => sb.locator('#rangePreview').textContent()).toBe(ends);
    // In the colour of a problem, not a hint's grey.
    expect(await sb.locator('#rangePreview').evaluate((e) => getComputedStyle(e).color)).toBe(
      'rgb(197, 34, 31)',
    );
    let asked = 0;
    await page.route('**/api/run', async (route) => {
      if (route.request().postData()?.includes('startPull')) asked++;
      await route.continue();
    });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe(ends);
    await page.unroute('**/api/run');
    expect(asked).toBe(0);
    expect(await sb.locator('#job').isHidden()).toBe(true);
    expect(await sb.getByLabel('From').evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await sb.getByLabel('From').getAttribute('aria-invalid')).toBe('true');
    expect(await sb.getByLabel('From').getAttribute('aria-describedby')).toBe('rangePreview');
    expect(running.workbench.rt.workbook.sheetNames()).not.toContain('Handle time report');
    // Put right, the same button pulls, and the progress names the range, not an error.
    await sb.getByLabel('To (inclusive)').fill('2026-11-21');
    await expect.poll(() => sb.locator('#rangePreview').textContent()).toMatch(/^2026-11-20 to 2026-11-21 /);
    // The refusal quoting the old dates went with them, before any pull.
    expect(await sb.locator('#status').textContent()).toBe('');
    expect(await sb.getByLabel('From').getAttribute('aria-invalid')).toBeNull();
    expect(await sb.getByLabel('From').getAttribute('aria-describedby')).toBeNull();
    expect(await sb.locator('#rangePreview').evaluate((e) => getComputedStyle(e).color)).not.toBe(
      'rgb(197, 34, 31)',
    );
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect
      .poll(() => sb.locator('#jobWhat').textContent())
      .toMatch(/^Handle time report( \(day\))?, 2026-11-20 to 2026-11-21$/);
  });

  // QA: with the key removed, Pull it again added nothing near it; only the notice at the top said why.
  it('says beside Pull it again, refused for want of a key, the words of the notice, the keyboard there', async () => {
    const { page, running } = bench();
    const first = await pullIntoNewSheet(page, 'Teams', 'Teams');
    await goToPulled(page, first, 'Teams');
    await running.workbench.rt.callFromSidebar('clearApiKey');
    const sb = await openPull(page);
    const pressed = sb.getByRole('button', { name: 'Pull it again' });
    await pressed.click();
    const beside = sb.locator('#againSaid');
    await expect.poll(() => beside.textContent()).toMatch(NO_KEY);
    expect(await beside.textContent()).toBe(await sb.locator('#keyNotice').textContent());
    expect(await beside.isVisible()).toBe(true);
    await expect.poll(() => pressed.isEnabled()).toBe(true);
    expect(await sb.locator(':focus').evaluate((e) => e.id)).toBe('againSaid');
    // Said once, there: not at the foot of the form too, and no progress for a pull never begun.
    expect(await sb.locator('#status').textContent()).toBe('');
    expect(await sb.locator('#job').isHidden()).toBe(true);
  });

  // QA: the key saved in Settings with Pull data open, its notice stayed until a button was pressed
  // or the sidebar opened again, and the line beside Pull it again and the lists kept saying no key.
  it('puts the no-key words away when the person comes back with a key saved, and reads the lists', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    const first = await pullIntoNewSheet(page, 'Teams', 'Teams');
    await goToPulled(page, first, 'Teams');
    await rt.callFromSidebar('clearApiKey');
    const sb = await openPull(page);
    await sb.getByRole('button', { name: 'Pull it again' }).click();
    const beside = sb.locator('#againSaid');
    await expect.poll(() => beside.textContent()).toMatch(NO_KEY);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
    const queues = sb.getByRole('group', { name: 'Queues' });
    await expect.poll(() => queues.textContent()).toBe('Listed once your API key is saved.');
    await rt.callFromSidebar('saveSettings', {
      apiKey: running.workbench.session.backend.key,
      timeFormat: 'unix',
      apiVersion: '',
    });
    // Back at the sidebar: one look at the spreadsheet, as for its sheets, says the key is there.
    await sb.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
    await expect.poll(() => sb.locator('#keyNotice').isHidden()).toBe(true);
    expect(await sb.getByRole('button', { name: 'Open Settings…' }).isHidden()).toBe(true);
    expect(await beside.isHidden()).toBe(true);
    await expect.poll(() => queues.getByRole('checkbox').count()).toBeGreaterThan(0);
  });

  // QA: ticket stats over 7 queues asked 7 reports ("report 1 of 7") and the form said nothing of it.
  it('counts under the range a report for each queue ticket stats will ask: every queue, else those ticked', async () => {
    const { page, running } = bench();
    const queues = running.workbench.session.backend.simulator?.admin.org.queues.length ?? 0;
    expect(queues).toBeGreaterThan(2);
    const sb = await openPull(page);
    const hint = sb.locator('#granularityHint');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
    await sb.getByLabel('Granularity').selectOption('day');
    await sb.getByLabel('Range', { exact: true }).selectOption('last_week');
    // None ticked: every queue, counted once the Queues list is in.
    await expect
      .poll(() => hint.textContent())
      .toContain(`Asked as ${queues} reports at once (one per queue, so each queue's figures are its own)`);
    const list = sb.getByRole('group', { name: 'Queues' });
    await list.getByRole('checkbox', { name: 'Chat Support' }).check();
    await expect.poll(() => hint.textContent()).not.toContain('Asked as');
    await list.getByRole('checkbox', { name: 'Email Support' }).check();
    await expect.poll(() => hint.textContent()).toContain('Asked as 2 reports at once (one per queue');
    // A queue with others under it ticks them too: each is asked alone, itself included.
    await list.getByRole('checkbox', { name: 'Billing', exact: true }).check();
    await expect.poll(() => hint.textContent()).toContain('Asked as 5 reports at once (one per queue');
    // Handle time is not asked by queue: no line.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    await expect.poll(() => hint.textContent()).not.toContain('Asked as');
  });

  it('says which date a fixed range lacks, and Pull data refuses it at that field, starting nothing', async () => {
    const { page, running } = bench();
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    let asked = 0;
    await page.route('**/api/run', async (route) => {
      if (route.request().postData()?.includes('startPull')) asked++;
      await route.continue();
    });
    const preview = sb.locator('#rangePreview');
    const focused = (label: string) => sb.getByLabel(label).evaluate((e) => e === document.activeElement);
    await sb.getByLabel('Fixed dates').check();
    // Nothing typed yet is no mistake: a hint, until Pull data is pressed.
    const both = 'Type the dates the range starts (From) and ends (To).';
    await expect.poll(() => preview.textContent()).toBe(both);
    expect(await preview.getAttribute('data-tone')).toBeNull();
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe(both);
    expect(await preview.getAttribute('data-tone')).toBe('error');
    expect(await focused('From')).toBe(true);

    await sb.getByLabel('From').fill('2026-12-10');
    const noTo = 'Type the date the range ends (To).';
    await expect.poll(() => preview.textContent()).toBe(noTo);
    expect(await preview.getAttribute('data-tone')).toBe('error');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe(noTo);
    expect(await focused('To (inclusive)')).toBe(true);
    expect(await sb.getByLabel('To (inclusive)').getAttribute('aria-invalid')).toBe('true');
    expect(await sb.getByLabel('From').getAttribute('aria-invalid')).toBeNull();

    await sb.getByLabel('From').fill('');
    await sb.getByLabel('To (inclusive)').fill('2026-12-12');
    const noFrom = 'Type the date the range starts (From).';
    await expect.poll(() => preview.textContent()).toBe(noFrom);
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe(noFrom);
    expect(await focused('From')).toBe(true);
    await page.unroute('**/api/run');
    expect(asked).toBe(0);
    expect(await sb.locator('#job').isHidden()).toBe(true);
    expect(running.workbench.rt.workbook.sheetNames()).not.toContain('Handle time report');
  });

  it('says a missing To as a mistake only once To is left, not as soon as From is filled', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    await sb.getByLabel('Fixed dates').check();
    const preview = sb.locator('#rangePreview');
    const to = sb.getByLabel('To (inclusive)');
    await sb.getByLabel('From').fill('2026-12-10');
    const noTo = 'Type the date the range ends (To).';
    await expect.poll(() => preview.textContent()).toBe(noTo);
    // Not reached yet: a hint, and To not marked.
    expect(await preview.getAttribute('data-tone')).toBeNull();
    expect(await to.getAttribute('aria-invalid')).toBeNull();
    // Reached and left empty: now it is a mistake, tied to To.
    await to.focus();
    expect(await to.getAttribute('aria-invalid')).toBeNull();
    await sb.getByLabel('Sheet name').focus();
    await expect.poll(() => preview.getAttribute('data-tone')).toBe('error');
    expect(await preview.textContent()).toBe(noTo);
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(await to.getAttribute('aria-describedby')).toBe('rangePreview');
  });

  // QA: typed as a person types it, From went 0002-, 0020-, 0202-12-21 on its way to 2026: a range
  // of centuries, whose thousands of reports held the sidebar's calls for minutes, the range line
  // blank and a pull pressed meanwhile on "Starting" with no dates. Said at each key, the live
  // range line then read out "Check the year in To (0002-12-01)…", "(0020-12-01)"… (QA, keyboard).
  it('says nothing of a year still being typed, asking the server nothing of it; left unfinished, it is said; the dates once typed are pulled', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    await sb.getByLabel('Fixed dates').check();
    const from = sb.getByLabel('From');
    const to = sb.getByLabel('To (inclusive)');
    await from.fill('2026-12-10');
    await to.fill('2026-12-10');
    const preview = sb.locator('#rangePreview');
    await expect.poll(() => preview.textContent()).toMatch(/^2026-12-10 \(/);
    const years: string[] = [];
    await page.route('**/api/run', async (route) => {
      const asked = JSON.parse(route.request().postData() ?? '{}');
      const year = Number(String(asked.args?.[0]?.from ?? '2026').slice(0, 4));
      if (asked.fn !== 'previewRange' || year >= 2000) return route.continue();
      // Not let through: without the check it would hold the workbench for minutes.
      years.push(String(year));
      return route.abort();
    });
    const seen = await wordsSeen(preview);
    await from.focus();
    await from.pressSequentially('12212026', { delay: 50 });
    await to.focus();
    await to.pressSequentially('12272026', { delay: 50 });
    await expect.poll(() => preview.textContent()).toBe('2026-12-21 to 2026-12-27 (America/New_York)');
    expect((await seen()).filter((words) => words.startsWith('Check the year'))).toEqual([]);
    // A year left unfinished (0002): said once To is left, tied to it, and Pull data goes back to it.
    await to.fill('0002-12-27');
    expect(await preview.textContent()).toBe('');
    await from.focus();
    const unfinished = 'Check the year in To (0002-12-27): a range can be from 2000 to 2099.';
    await expect.poll(() => preview.textContent()).toBe(unfinished);
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe(unfinished);
    expect(await to.evaluate((e) => e === document.activeElement)).toBe(true);
    await to.fill('2026-12-27');
    await expect.poll(() => preview.textContent()).toBe('2026-12-21 to 2026-12-27 (America/New_York)');
    await page.unroute('**/api/run');
    expect(years).toEqual([]);
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect
      .poll(() => sb.locator('#jobWhat').textContent())
      .toBe('Handle time report (day), 2026-12-21 to 2026-12-27');
    await expect.poll(() => sb.locator('#jobStage').textContent()).not.toBe('Starting');
  });

  it('says what BigQuery would refuse at each field of the table, focusing the first, and starts nothing', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    await sb.getByRole('radio', { name: 'BigQuery table' }).check();
    const project = sb.getByLabel('Google Cloud project id');
    const table = sb.getByLabel('Table', { exact: true });
    await project.fill('');
    let asked = 0;
    await page.route('**/api/run', async (route) => {
      if (route.request().postData()?.includes('startPull')) asked++;
      await route.continue();
    });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    /** A field's problem as a screen reader meets it: marked, and the words that describe it. */
    const said = (field: typeof project) =>
      field.evaluate((e) => ({
        invalid: e.getAttribute('aria-invalid'),
        words: (e.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      }));
    await expect
      .poll(() => said(project))
      .toEqual({
        invalid: 'true',
        words:
          'The Google Cloud project id is 6 to 30 lower-case letters, digits or hyphens, like my-team-123.',
      });
    expect(await said(table)).toEqual({ invalid: 'true', words: 'Type a table name.' });
    expect(await said(sb.getByLabel('Dataset'))).toEqual({ invalid: null, words: '' });
    expect(await project.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await sb.locator('#status').textContent()).toBe('');
    expect(await sb.locator('#job').isHidden()).toBe(true);
    await page.unroute('**/api/run');
    expect(asked).toBe(0);
    // Typed, the project's words go; the table's stay until it is typed too.
    await project.fill('workbench-demo');
    expect(await said(project)).toEqual({ invalid: null, words: '' });
    expect((await said(table)).invalid).toBe('true');
    // The dataset's "assembled", clicked, is selected whole: what is typed replaces it.
    const dataset = sb.getByLabel('Dataset');
    await dataset.click();
    await page.keyboard.type('wfm');
    expect(await dataset.inputValue()).toBe('wfm');
  });

  it("says at the Sheet field, and focuses it, that the sheet chosen holds data of the user's own", async () => {
    const { page, running } = bench();
    running.workbench.rt.workbook.write('Sheet1', [
      ['Budget', '2026'],
      ['Travel', '1200'],
    ]);
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByLabel('Existing sheet').check();
    const sheet = sb.getByLabel('Sheet', { exact: true });
    await sheet.selectOption('Sheet1');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    const words = sb.locator('#sheetProblem');
    await expect.poll(() => words.textContent()).toMatch(/^"Sheet1" holds data the add-on did not pull/);
    expect(await words.isVisible()).toBe(true);
    expect(await sheet.getAttribute('aria-invalid')).toBe('true');
    expect(await sheet.getAttribute('aria-describedby')).toBe('sheetProblem');
    expect(await sheet.evaluate((e) => e === document.activeElement)).toBe(true);
    // Said once, at the field, not again in the status line at the foot.
    expect(await sb.locator('#status').textContent()).toBe('');
    expect(await sb.locator('#job').isHidden()).toBe(true);
    expect(await running.workbench.rt.workbook.displayValues('Sheet1')).toEqual([
      ['Budget', '2026'],
      ['Travel', '1200'],
    ]);
    // Another target chosen, the words go.
    await sb.getByLabel('New sheet').check();
    expect(await words.isHidden()).toBe(true);
    expect(await sheet.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses a merge by key with the key columns cleared at once, at the field, and starts nothing', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByLabel('If the target has data').selectOption('merge');
    const key = sb.getByLabel('Key columns (headers, comma-separated)');
    await expect.poll(() => key.inputValue()).toBe('Agent ID, Start, End');
    await key.fill(' , ');
    let asked = 0;
    await page.route('**/api/run', async (route) => {
      if (route.request().postData()?.includes('startPull')) asked++;
      await route.continue();
    });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    const words =
      'Merge by key needs at least one key column: type its header, such as "Agent ID, Start, End".';
    await expect.poll(() => sb.locator('#mergeKeyHint').textContent()).toBe(words);
    await page.unroute('**/api/run');
    expect(asked).toBe(0);
    // Not said again in the status bar, which would cover the field's words and outlast them.
    expect(await sb.locator('#status').textContent()).toBe('');
    expect(await sb.locator('#job').isHidden()).toBe(true);
    expect(await key.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    // Typing again takes the word away.
    await key.fill('Agent ID');
    expect(await sb.locator('#mergeKeyHint').isHidden()).toBe(true);
  });

  it("opened over a sheet a pull filled, starts from that sheet's pull, aimed at it; over another, as before", async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    const emea = (sb: FrameLocator) =>
      sb.getByRole('group', { name: 'Teams' }).getByLabel('Tier 1 EMEA', { exact: true });
    await pullIntoNewSheet(page, 'Adherence report', 'Adherence', (sb) => emea(sb).check());
    // The last pull made anywhere is another's.
    await pullIntoNewSheet(page, 'Teams', 'Teams');
    await page.getByRole('tab', { name: 'Adherence' }).click();
    await expect.poll(() => wb.activeSheet()).toBe('Adherence');
    let sb = await openPull(page);
    await expect
      .poll(() => sb.locator('#againWhat').textContent())
      .toMatch(/^Last filled with Adherence report/);
    await expect
      .poll(() => sb.getByLabel('Data', { exact: true }).locator('option:checked').textContent())
      .toBe('Adherence report');
    await expect.poll(() => emea(sb).isChecked()).toBe(true);
    expect(await sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    expect(await sb.locator('#sheet').inputValue()).toBe('Adherence');
    // Pull data pulls it into that sheet, and the refresh then offered is of that pull.
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(await sb.locator('#status').textContent()).toMatch(/ rows written to Adherence!A1\.$/);
    expect(await sb.locator('#saveRefreshHint').textContent()).toMatch(
      /^Reruns the Adherence report pull into the sheet "Adherence"/,
    );
    expect(wb.sheetNames().filter((n) => n.startsWith('Adherence'))).toEqual(['Adherence']);
    // Over a sheet no pull filled: the form as it always starts.
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => wb.activeSheet()).toBe('Sheet1');
    sb = await openPull(page);
    expect(await sb.locator('#again').isHidden()).toBe(true);
    expect(await sb.getByLabel('New sheet').isChecked()).toBe(true);
    expect(await sb.getByLabel('Data', { exact: true }).locator('option:checked').textContent()).toBe(
      'Adherence report',
    );
    expect(await sb.getByLabel('Sheet name').inputValue()).toBe('Adherence report');
  });

  // QA: opened over the pulled "People", Data changed to Adherence report, Tab to Pull data, Enter:
  // the 100 people were replaced by 490 adherence rows, "Existing sheet: People" ~15 Tab stops down.
  it('aimed at a pulled sheet, other Data moves the pull to a new sheet, said under Data; that sheet only when chosen', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    let sb = await pullIntoNewSheet(page, 'People', 'People');
    await goToPulled(page, sb, 'People');
    const people = wb.values('People');
    sb = await openPull(page);
    await expect.poll(() => sb.locator('#againWhat').textContent()).toBe('Last filled with People.');
    await expect.poll(() => sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    expect(await sb.locator('#sheet').inputValue()).toBe('People');
    const data = sb.getByLabel('Data', { exact: true });
    const moved = sb.locator('#movedWhere');
    expect(await moved.isHidden()).toBe(true);
    await data.selectOption({ label: 'Adherence report' });
    const words =
      'Where: a new sheet "Adherence report", as "People" holds People. Choose "People" under Where to replace it.';
    await expect.poll(() => moved.textContent()).toBe(words);
    expect(await moved.isVisible()).toBe(true);
    expect(await sb.getByLabel('New sheet').isChecked()).toBe(true);
    expect(await sb.getByLabel('Sheet name').inputValue()).toBe('Adherence report');
    // Heard again at the button, where a keyboard user ends up.
    const run = sb.getByRole('button', { name: 'Pull data' });
    expect(await run.getAttribute('aria-describedby')).toContain('movedWhere');
    // The sheet's own data again: aimed at the sheet again, nothing said.
    await data.selectOption({ label: 'People' });
    await expect.poll(() => sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    expect(await sb.locator('#sheet').inputValue()).toBe('People');
    expect(await moved.isHidden()).toBe(true);
    await data.selectOption({ label: 'Adherence report' });
    await expect.poll(() => moved.textContent()).toBe(words);
    await run.focus();
    await page.keyboard.press('Enter');
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(await sb.locator('#status').textContent()).toMatch(/ rows written to 'Adherence report'!A1\.$/);
    expect(wb.values('People')).toEqual(people);
    // Chosen under Where, the sheet is the person's choice: no more moved, whatever the Data.
    await sb.getByLabel('Existing sheet').check();
    await sb.locator('#sheet').selectOption('People');
    await expect.poll(() => moved.isHidden()).toBe(true);
    await data.selectOption({ label: 'Teams' });
    expect(await sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    expect(await sb.locator('#sheet').inputValue()).toBe('People');
    expect(await moved.isHidden()).toBe(true);
  });

  it('aimed at a table at a cell, other Data moves the pull to a new sheet; Active cell goes back to that table', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await cell(page, 4, 'C').click();
    await expect.poll(() => wb.selection()).toBe('Sheet1!C4');
    let sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByLabel('Active cell').check();
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    await cell(page, 30, 'H').click();
    await expect.poll(() => wb.selection()).toBe('Sheet1!H30');
    sb = await openPull(page);
    await expect
      .poll(() => sb.locator('#cellAt').textContent())
      .toBe('Starting at Sheet1!C4, where this pull wrote.');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Sites' });
    await expect
      .poll(() => sb.locator('#movedWhere').textContent())
      .toBe(
        'Where: a new sheet "Sites", as the table at Sheet1!C4 holds Teams. Choose Active cell under Where to replace it.',
      );
    expect(await sb.getByLabel('New sheet').isChecked()).toBe(true);
    // As said: Active cell is that table's cell, not the one selected since.
    await sb.getByLabel('Active cell').check();
    await expect
      .poll(() => sb.locator('#cellAt').textContent())
      .toBe('Starting at Sheet1!C4, where this pull wrote.');
    expect(await sb.locator('#movedWhere').isHidden()).toBe(true);
  });

  // QA: over an adherence sheet pulled for 4 agents, Data changed to Ticket stats report, two
  // queues ticked, Pull data: the 4 agents went too, Chat Support 13 tickets a day against 394.
  it("other Data leaves the filters of the sheet's pull behind, said under Data; the person's own stay; its data again brings them back", async () => {
    const { page, running } = bench();
    const { rt, session } = running.workbench;
    type Person = { first_name: string | null; last_name: string | null; agent_id: string | null };
    const all = session.backend.simulator?.admin.org.people ?? [];
    const name = (p: Person) => `${p.first_name} ${p.last_name}`;
    // Agents no one else shares a name with: the list labels them by it alone.
    const unique = all.filter(
      (p) => p.agent_id && !p.deleted && all.filter((q) => name(q) === name(p)).length === 1,
    );
    const four = unique.slice(0, 4);
    const mine = unique[4] as Person;
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      filters: { agent_ids: four.map((p) => p.agent_id) },
      filterNames: { agent_ids: four.map(name) },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    };
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'adherence-4');
    while (job.nextPollInMs > 0) job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    await page.getByRole('tab', { name: 'Adherence' }).click();
    const sb = await openPull(page);
    await expect.poll(() => sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    const data = sb.getByLabel('Data', { exact: true });
    const said = () => sb.locator('#inForceWords').textContent();
    const agents = sb.getByRole('group', { name: 'Agents' });
    // By name, as the list sorts them.
    const ticked = async () =>
      (await agents.locator('label', { has: sb.locator('input:checked') }).allTextContents()).sort();
    await expect.poll(ticked).toEqual(four.map(name).sort());
    // One more agent ticked here is the person's own.
    await agents.getByLabel(name(mine), { exact: true }).check();
    await data.selectOption({ label: 'Ticket stats report' });
    const moved = sb.locator('#movedWhere');
    await expect
      .poll(() => moved.textContent())
      .toBe(
        'Where: a new sheet "Ticket stats report", as "Adherence" holds Adherence report; its filters (4 agents) are left behind. Choose "Adherence" under Where to replace it.',
      );
    await expect.poll(ticked).toEqual([name(mine)]);
    const queues = sb.getByRole('group', { name: 'Queues' });
    await queues.getByLabel('Chat Support', { exact: true }).check();
    await queues.getByLabel('Email Support', { exact: true }).check();
    await expect
      .poll(said)
      .toBe(
        `Filters in force: queues "Chat Support" and "Email Support", agent "${name(mine)}" (some kept from the data chosen before).`,
      );
    // Its data again: the form as it was on it, aimed at the sheet again with Replace: the sheet's
    // filters and the agent ticked there, not the queues ticked for Ticket stats (QA: Replace would
    // have written a pull narrowed to them over the sheet, said only as "some kept").
    await data.selectOption({ label: 'Adherence report' });
    await expect.poll(() => sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    expect(await sb.locator('#sheet').inputValue()).toBe('Adherence');
    expect(await sb.getByLabel('If the target has data').inputValue()).toBe('replace');
    await expect.poll(ticked).toEqual([...four, mine].map(name).sort());
    expect(await queues.locator('input:checked').count()).toBe(0);
    await expect.poll(said).toBe('Filters in force: 5 agents.');
    expect(await moved.textContent()).toBe(
      'Back to the pull that filled "Adherence", with its own filters: those ticked for other Data (queues "Chat Support" and "Email Support") are not kept.',
    );
    // Away again, the person's own alone go with it: their agent.
    await data.selectOption({ label: 'Ticket stats report' });
    await expect.poll(() => moved.textContent()).toContain('; its filters (4 agents) are left behind.');
    await expect
      .poll(said)
      .toBe(`Filters in force: agent "${name(mine)}" (some kept from the data chosen before).`);
    await queues.getByLabel('Chat Support', { exact: true }).check();
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(await sb.locator('#jobWhat').textContent()).toMatch(
      new RegExp(`filtered: queue "Chat Support", agent "${name(mine)}"$`),
    );
  });

  it("a place chosen under Where before other Data: the sheet's filters are left behind all the same, said under Data", async () => {
    const { page } = bench();
    let sb = await pullIntoNewSheet(page, 'Handle time report', 'AHT', async (form) => {
      await form.getByRole('group', { name: 'Sites' }).getByLabel('Dublin', { exact: true }).check();
    });
    await goToPulled(page, sb, 'AHT');
    sb = await openPull(page);
    const sites = sb.getByRole('group', { name: 'Sites' });
    await expect.poll(() => sites.locator('input:checked').count()).toBe(1);
    await sb.getByLabel('New sheet').check();
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
    await expect
      .poll(() => sb.locator('#movedWhere').textContent())
      .toBe('"AHT" holds Handle time report; its filters (site "Dublin") are left behind.');
    expect(await sites.locator('input:checked').count()).toBe(0);
    expect(await sb.locator('#inForceWords').textContent()).toBe('Filters in force: none.');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    await expect.poll(() => sites.locator('input:checked').count()).toBe(1);
    expect(await sb.locator('#movedWhere').isHidden()).toBe(true);
    // The place stays the person's: New sheet.
    expect(await sb.getByLabel('New sheet').isChecked()).toBe(true);
  });

  it('marks agents deleted in Assembled and lists them last; a pull filtered by one shows its name', async () => {
    const { page, running } = bench();
    const { rt, session } = running.workbench;
    const people = session.backend.simulator?.admin.org.people ?? [];
    const gone = people.filter((p) => p.deleted && p.agent_id);
    const named = gone.map((p) => `${p.first_name} ${p.last_name} (deleted)`).sort();
    expect(named).toEqual(['Diego Patel (deleted)', 'Samuel Kowalski (deleted)']);
    // A pull filtered by one of them, as saved before they left.
    const left = gone[0] as (typeof gone)[number];
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      filters: { agent_ids: [left.agent_id] },
      target: { kind: 'new_sheet', name: 'Left' },
      mode: 'replace',
    };
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'left-first');
    while (job.nextPollInMs > 0) job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    await page.getByRole('tab', { name: 'Left' }).click();
    const sb = await openPull(page);
    await sb.getByRole('button', { name: 'Change it' }).click();
    const agents = sb.getByRole('group', { name: 'Agents' });
    await expect.poll(() => agents.getByRole('checkbox').count()).toBeGreaterThan(50);
    // The current agents first, by name, then the deleted ones, each saying so.
    const labels = await agents.locator('label').allTextContents();
    expect(labels.slice(-2)).toEqual(named);
    expect(labels.filter((l) => l.endsWith('(deleted)'))).toHaveLength(2);
    // The saved filter's agent is ticked, by name.
    const ticked = agents.locator('label', { has: sb.locator('input:checked') });
    expect(await ticked.allTextContents()).toEqual([`${left.first_name} ${left.last_name} (deleted)`]);
  });

  it('warns as the key field is left of a key column the table filled has not, and Pull data starts nothing', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    // A sheet the add-on filled, in front.
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'Teams' },
    };
    let job = await rt.callFromSidebar<JobView>('startPull', { ...teams, mode: 'replace' }, 'teams-first');
    while (job.nextPollInMs > 0) job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    expect(job.state).toBe('done');
    await page.getByRole('tab', { name: 'Teams' }).click();
    const sb = await openPull(page);
    await sb.getByRole('button', { name: 'Change it' }).click();
    await sb.getByLabel('If the target has data').selectOption('merge');
    const key = sb.getByLabel('Key columns (headers, comma-separated)');
    await expect.poll(() => key.inputValue()).toBe('ID');
    await key.fill('Team');
    await key.press('Tab');
    const words =
      'The merge key column "Team" is not in the data or in the sheet\'s header. Type the key columns as the sheet\'s header names them, comma-separated.';
    await expect.poll(() => sb.locator('#mergeKeyHint').textContent()).toBe(words);
    expect(await sb.locator('#mergeKeyHint').isVisible()).toBe(true);
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    let asked = 0;
    await page.route('**/api/run', async (route) => {
      if (route.request().postData()?.includes('startPull')) asked++;
      await route.continue();
    });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    expect(await key.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await sb.locator('#mergeKeyHint').textContent()).toBe(words);
    expect(asked).toBe(0);
    expect(await sb.locator('#job').isHidden()).toBe(true);
    // A column the header has, by its words or its API field, is no problem.
    for (const typed of ['name, id', 'ID']) {
      await key.fill(typed);
      await key.press('Tab');
      expect(await sb.locator('#mergeKeyHint').isHidden()).toBe(true);
    }
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    await page.unroute('**/api/run');
    expect(asked).toBe(1);
  });

  it('offers a new sheet name no sheet has yet, and still warns of a name typed that is taken', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    wb.addSheet('Adherence report');
    wb.addSheet('adherence report 2');
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await expect.poll(() => sb.getByLabel('Sheet name').inputValue()).toBe('Adherence report 3');
    expect(await sb.locator('#newSheetHint').isHidden()).toBe(true);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await expect.poll(() => sb.getByLabel('Sheet name').inputValue()).toBe('Teams');
    // A sheet added while the sidebar is open: the name offered moves on, when it was not typed.
    wb.addSheet('Teams');
    await cell(page, 1, 'A').click();
    await sb.locator('body').click({ position: { x: 4, y: 4 } });
    await expect.poll(() => sb.getByLabel('Sheet name').inputValue()).toBe('Teams 2');
    // A name typed that is a sheet's is kept, and the form says the pull writes into that sheet.
    await sb.getByLabel('Sheet name').fill('teams');
    await expect
      .poll(() => sb.locator('#newSheetHint').textContent())
      .toBe(
        '"Teams" is already a sheet: this pull writes into it (replace it) if it is empty or holds a table the add-on pulled, else it is refused. Type another name for a new sheet.',
      );
    // Read again on coming back (it finds a sheet added meanwhile), the typed name stays.
    wb.addSheet('Later');
    await cell(page, 1, 'A').click();
    await sb.locator('body').click({ position: { x: 4, y: 4 } });
    await expect.poll(() => sb.locator('#sheet option').allTextContents()).toContain('Later');
    expect(await sb.getByLabel('Sheet name').inputValue()).toBe('teams');
  });

  // QA: after a Teams pull, "Teams copy" typed, Data to Adherence report and back: "Teams 2".
  it('keeps a sheet name typed through changes of Data; cleared, the name is offered again', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    const name = sb.getByLabel('Sheet name');
    const data = sb.getByLabel('Data', { exact: true });
    await name.fill('Teams copy');
    await data.selectOption({ label: 'Adherence report' });
    await data.selectOption({ label: 'Teams' });
    expect(await name.inputValue()).toBe('Teams copy');
    await name.fill('');
    await data.selectOption({ label: 'Adherence report' });
    await expect.poll(() => name.inputValue()).toBe('Adherence report');
  });

  // QA: People pulled into "People" (typed), Data to Teams, Pull data: 8 teams written over People.
  it("a name typed as the data's own follows other Data, as an offered one does", async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'People', 'People');
    const name = sb.getByLabel('Sheet name');
    const data = sb.getByLabel('Data', { exact: true });
    await data.selectOption({ label: 'Teams' });
    await expect.poll(() => name.inputValue()).toBe('Teams');
    // "people 2" is People's name too (a copy's); a name of the person's own stays.
    await data.selectOption({ label: 'People' });
    await name.fill('people 2');
    await data.selectOption({ label: 'Sites' });
    await expect.poll(() => name.inputValue()).toBe('Sites');
    await name.fill('People list');
    await data.selectOption({ label: 'Teams' });
    expect(await name.inputValue()).toBe('People list');
    // Another data's own name follows too, not only the one chosen before it (QA: Teams pulled into
    // "People", then Handle time report chosen, kept "People").
    await name.fill('People');
    await data.selectOption({ label: 'Handle time report' });
    await expect.poll(() => name.inputValue()).toBe('Handle time report');
    await name.fill('sites 2');
    await data.selectOption({ label: 'Teams' });
    await expect.poll(() => name.inputValue()).toBe('Teams');
  });

  it('asks before other Data replaces the table a pull wrote into a sheet named for it; Keep pulls nothing', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    const sb = await pullIntoNewSheet(page, 'People', 'People');
    const people = wb.values('People');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByLabel('Sheet name').fill('People');
    // The hint under the name says so up front, not that Pull data simply writes into it again.
    const hint = sb.locator('#newSheetHint');
    await expect
      .poll(() => hint.textContent())
      .toBe(
        '"People" holds People: pulling Teams there asks first, then replaces it. Type another name for another new sheet.',
      );
    const mode = sb.getByLabel('If the target has data');
    await mode.selectOption('append');
    await expect
      .poll(() => hint.textContent())
      .toBe(
        '"People" holds People: appending Teams there is refused, as it would mix the two in one table. Choose Replace it, or type another name for a new sheet.',
      );
    await mode.selectOption('replace');
    const run = sb.getByRole('button', { name: 'Pull data' });
    await run.click();
    const question = sb.getByRole('group', { name: 'Replace People with Teams?' });
    await expect
      .poll(() => question.locator('p').textContent())
      .toBe(
        '"People" holds People, pulled there before. Replace them with Teams? Formulas and charts that read "People" would then read Teams.',
      );
    await question.getByRole('button', { name: 'Keep People' }).click();
    await expect
      .poll(() => sb.locator('#newSheetProblem').textContent())
      .toBe(
        '"People" still holds People: nothing was pulled. To pull Teams, type a name for a new sheet, or choose another place under Where.',
      );
    expect(await sb.locator(':focus').evaluate((e) => e.id)).toBe('newSheet');
    expect(wb.values('People')).toEqual(people);
    await run.click();
    await question.getByRole('button', { name: 'Replace with Teams' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
      .toBe('8 rows written to People!A1.');
    expect(wb.values('People')[0]?.[1]).toBe('Name');
    // It holds Teams now, the Data chosen: pulling again is asked about no more.
    await expect
      .poll(() => hint.textContent())
      .toBe(
        '"People" holds the rows this pull just wrote: Pull data writes into it again (replace it). Type another name for another new sheet.',
      );
  });

  // QA: under the question, "Starting … You can close this sidebar: the pull carries on", its clock
  // running, and the card's "Pull it again … wait for the pull into 'People' to end": none had begun.
  it('says no pull runs while it asks about replacing other data, nor after Keep', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'People', 'People');
    await goToPulled(page, sb, 'People');
    const again = sb.getByRole('button', { name: 'Pull it again' });
    await again.waitFor();
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByLabel('Sheet name').fill('People');
    const run = sb.getByRole('button', { name: 'Pull data' });
    const question = sb.getByRole('group', { name: 'Replace People with Teams?' });
    const nothingRuns = async () => {
      await expect.poll(() => run.isEnabled()).toBe(true);
      expect(await again.isEnabled()).toBe(true);
      expect(await sb.locator('#againWaits').isHidden()).toBe(true);
      expect(await sb.locator('#job').isHidden()).toBe(true);
      expect(await sb.locator('#status').textContent()).toBe('');
    };
    await run.click();
    await question.waitFor();
    await nothingRuns();
    // The form changed, the question is of a pull no longer asked for.
    await sb.getByLabel('Sheet name').fill('People');
    await question.waitFor({ state: 'detached' });
    await run.click();
    await question.getByRole('button', { name: 'Keep People' }).click();
    await nothingRuns();
    await run.click();
    await question.getByRole('button', { name: 'Replace with Teams' }).click();
    await expect.poll(() => sb.locator('#job').isVisible()).toBe(true);
    await expect
      .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
      .toBe('8 rows written to People!A1.');
  });

  it('starts a pull with one click on Pull data after a field was edited below a finished pull', async () => {
    const { page, running } = bench();
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).waitFor();
    // Typed, not left: the field's change comes as the press on the button takes the focus.
    await sb.getByLabel('Sheet name').fill('Teams again');
    const run = sb.getByRole('button', { name: 'Pull data' });
    await run.scrollIntoViewIfNeeded();
    const box = await run.boundingBox();
    if (!box) throw new Error('Pull data is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    // Nothing moved under the press: the pull started, and only then was the last one put away.
    await expect
      .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
      .toMatch(/rows written to 'Teams again'!A1\.$/);
    expect(running.workbench.rt.workbook.sheetNames()).toContain('Teams again');
    // Pressed there but released elsewhere (no click): the edit puts nothing away, the pull done
    // and its offer stay, which saves that pull.
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).waitFor();
    await sb.getByLabel('Sheet name').fill('Teams once more');
    await run.scrollIntoViewIfNeeded();
    const again = (await run.boundingBox()) ?? box;
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await page.mouse.down();
    await page.mouse.move(again.x + again.width / 2, again.y - 120);
    await page.mouse.up();
    expect(await sb.locator('#job').isVisible()).toBe(true);
    expect(await sb.locator('#saveRefresh').isVisible()).toBe(true);
    // A range Pull data refuses: what it says stays, not put away by the edit the press ended.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Custom: N days back' });
    await sb.getByLabel('Days back').fill('400');
    await run.scrollIntoViewIfNeeded();
    const third = (await run.boundingBox()) ?? box;
    await page.mouse.click(third.x + third.width / 2, third.y + third.height / 2);
    await expect.poll(() => sb.locator('#status').textContent()).toBe('Days back must be at most 366.');
    await sb
      .locator('body')
      .evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    expect(await sb.locator('#status').textContent()).toBe('Days back must be at most 366.');
  });

  it('previews N days back as it is typed, naming the field as the form does', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    // With a key saved, no notice of a missing one.
    expect(await sb.locator('#keyNotice').isHidden()).toBe(true);
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Custom: N days back' });
    const preview = sb.locator('#rangePreview');
    await expect.poll(() => preview.textContent()).toMatch(/^2026-05-11 to 2026-05-24 /);
    const days = sb.getByLabel('Days back');
    // Typed, not left: the field keeps the focus throughout.
    for (const [typed, said] of [
      ['0', 'Days back must be at least 1.'],
      ['400', 'Days back must be at most 366.'],
      ['-5', 'Days back must be at least 1.'],
      ['', 'Days back must be a whole number from 1 to 366.'],
      ['2.5', 'Days back must be a whole number from 1 to 366.'],
    ]) {
      await days.fill(typed as string);
      await expect.poll(() => preview.textContent()).toBe(said);
    }
    // One day is that day, not a range from it to itself.
    await days.fill('1');
    await expect.poll(() => preview.textContent()).toMatch(/^2026-05-24 \(/);
    await days.fill('3');
    await expect.poll(() => preview.textContent()).toMatch(/^2026-05-22 to 2026-05-24 /);
    expect(await days.evaluate((e) => e === document.activeElement)).toBe(true);
    // Out of bounds, Pull data says so rather than start.
    expect(await days.getAttribute('aria-invalid')).toBeNull();
    await days.fill('400');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe('Days back must be at most 366.');
    expect(await sb.locator('#job').isHidden()).toBe(true);
    // The words are tied to the field, as a screen reader says them with it.
    expect(await days.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(await days.getAttribute('aria-describedby')).toBe('rangePreview');
    // The dates for a number typed before are not shown over what is wrong with the one typed after.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = 0;
    await page.route('**/api/run', async (route) => {
      if (route.request().postData()?.includes('previewRange')) {
        held++;
        await released;
      }
      await route.continue();
    });
    await days.fill('5');
    await expect.poll(() => held).toBe(1);
    await days.fill('0');
    await expect.poll(() => preview.textContent()).toBe('Days back must be at least 1.');
    // The held preview's own answer (the filter lists may still be asking too, on a busy machine).
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/run') && (r.request().postData() ?? '').includes('previewRange'),
    );
    release();
    await (await answered).finished();
    await page.unrouteAll({ behavior: 'wait' });
    // A turn of the sidebar's event loop: the answer has reached the page by then.
    await sb
      .locator('body')
      .evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    expect(await preview.textContent()).toBe('Days back must be at least 1.');
  });

  // QA: the red notice, then "Could not load: no API key is set." in four boxes, Queues to Agents.
  it('says once at the top that no key is set; the filter lists only say, in grey, they come with the key', async () => {
    const { page, running } = bench();
    await running.workbench.rt.callFromSidebar('clearApiKey');
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    const notice = sb.locator('#keyNotice');
    await expect.poll(() => notice.textContent()).toMatch(NO_KEY);
    expect(await notice.isVisible()).toBe(true);
    expect(await inView(sb, '#keyNotice')).toBe(true);
    for (const name of ['Queues', 'Teams', 'Sites', 'Agents']) {
      const list = sb.getByRole('group', { name });
      await expect.poll(() => list.textContent()).toBe('Listed once your API key is saved.');
      // A hint's grey, not an error's red: the notice alone says what is wrong. No box to filter
      // a list that is not there.
      expect(await list.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(95, 99, 104)');
      expect(await sb.getByRole('searchbox', { name }).count()).toBe(0);
    }
    expect(await sb.locator('body').textContent()).not.toMatch(/paste your key[\s\S]*paste your key/);
    expect(await sb.locator('body').textContent()).not.toMatch(/no API key is set[\s\S]*no API key is set/i);
    // Pull data pressed, refused for it: the keyboard goes to the notice, which a screen reader
    // reads; the status line (itself read aloud) does not say the same words again.
    // Pressed far below it, in a short window: the notice comes into view.
    await page.setViewportSize({ width: 1280, height: 600 });
    try {
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await expect.poll(() => sb.locator(':focus').evaluate((e) => e.id)).toBe('keyNotice');
      expect(await notice.textContent()).toMatch(NO_KEY);
      expect(await sb.locator('#status').textContent()).toBe('');
      expect(await inView(sb, '#keyNotice')).toBe(true);
      expect(await sb.locator('body').textContent()).not.toMatch(/paste your key[\s\S]*paste your key/);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
  it('says once at the top that Assembled refused the key; the filter lists only say, in grey, they come with a key it accepts', async () => {
    const { page, running } = bench();
    // Saved anyway: a well-formed key Assembled never issued.
    const options = { timeFormat: 'unix', apiVersion: '' };
    await running.workbench.rt.callFromSidebar('saveSettings', {
      apiKey: 'sk_live_test_never_issued_key',
      ...options,
    });
    const sb = await openPull(page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    const notice = sb.locator('#keyNotice');
    // Each list is asked of Assembled on the server: on a busy machine, more than a poll's default second.
    await expect
      .poll(() => notice.textContent(), { timeout: 20_000 })
      .toMatch(
        /^Assembled did not accept the API key: it is mistyped, or no longer valid \(revoked\)\. Open Extensions ▸ .* and set a valid key\.$/,
      );
    expect(await notice.isVisible()).toBe(true);
    for (const name of ['Queues', 'Teams', 'Sites', 'Agents'])
      await expect
        .poll(() => sb.getByRole('group', { name }).textContent(), { timeout: 20_000 })
        .toBe('Listed once Assembled accepts your API key.');
    // Said once, above the form, with no Try again beside each list.
    expect(await sb.locator('#pull').textContent()).not.toMatch(/set a valid key/);
    expect(await sb.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // A source with another list does not ask for it: it says the same, as briefly.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Activities (schedule)' });
    await expect
      .poll(() => sb.getByRole('group', { name: 'Activity types' }).textContent(), { timeout: 20_000 })
      .toBe('Listed once Assembled accepts your API key.');
  });
  it('lists sub-teams under their team; ticking a team ticks them too, and the pull names them all', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'Tier 2', async (form) => {
      const teams = form.getByRole('group', { name: 'Teams' });
      const row = (name: string) => teams.locator('label', { hasText: new RegExp(`^${name}$`) });
      await row('Billing Specialists').waitFor();
      // Under its parent, set in from it.
      const order = await teams.locator('label').allTextContents();
      expect(order.indexOf('Billing Specialists')).toBe(order.indexOf('Tier 2') + 1);
      const inset = (name: string) =>
        row(name)
          .locator('input')
          .evaluate((e) => e.getBoundingClientRect().left);
      expect(await inset('Billing Specialists')).toBeGreaterThan(await inset('Tier 2'));
      await form.locator('#team_idsSearch').fill('Tier 2');
      await form.locator('#team_idsSearch').press('Enter');
      await expect
        .poll(() => form.locator('#team_idsNote').textContent())
        .toMatch(/^Tier 2 ticked, with Billing Specialists under it\. /);
      await form.locator('#team_idsSearch').fill('');
      expect(await row('Billing Specialists').locator('input').isChecked()).toBe(true);
      // One can still be left out by hand.
      expect(await row('Quality').locator('input').isChecked()).toBe(false);
    });
    expect(await sb.locator('#jobWhat').textContent()).toMatch(
      /filtered: teams "Tier 2" and "Billing Specialists"$/,
    );
    await goToPulled(page, sb, 'Tier 2');
    await expect
      .poll(() => cell(page, 1, 'A').getAttribute('title'))
      .toMatch(/"Tier 2", "Billing Specialists"/);
  });

  it("says under Queues that a parent queue holds its child queues' tickets; ticked alone, it pulls rows of its own", async () => {
    const { page, running } = bench();
    const { queues } = running.workbench.session.backend.simulator?.admin.org ?? { queues: [] };
    const support = queues.find((q) => q.name === 'Support')?.id;
    const sb = await pullIntoNewSheet(page, 'Ticket stats report', 'Support alone', async (form) => {
      const group = form.getByRole('group', { name: 'Queues' });
      await group.getByLabel('Email Support', { exact: true }).waitFor();
      const about = form.locator('#queue_idsAbout');
      expect(await about.textContent()).toBe(
        'A parent queue holds the tickets of the queues under it too. Ticking it ticks them as well: untick them to pull it alone, its figures still counting theirs.',
      );
      expect(await about.isVisible()).toBe(true);
      // Said where a screen reader enters the list: how to move through it (one Tab stop), then this.
      expect(await accessible(group)).toEqual({
        role: 'group',
        name: 'Queues',
        description: `One Tab stop: the up and down arrow keys move through the list, Space ticks. ${await about.textContent()}`,
      });
      // Ticking Support ticks the queues under it; they are left out by hand.
      const note = () => form.locator('#queue_idsNote').textContent();
      await group.getByLabel('Support', { exact: true }).check();
      await expect.poll(note).toMatch(/^Support ticked, with .* under it\.$/);
      // Each tick under it says what Support now holds: the note never keeps what is no longer so.
      await group.getByLabel('Email Support', { exact: true }).uncheck();
      await expect.poll(note).toBe('Support ticked, with Chat Support and Phone Support under it.');
      await group.getByLabel('Chat Support', { exact: true }).uncheck();
      await expect.poll(note).toBe('Support ticked, with Phone Support under it.');
      await group.getByLabel('Phone Support', { exact: true }).uncheck();
      await expect.poll(note).toBe('Support ticked alone.');
    });
    expect(await sb.locator('#status').textContent()).toMatch(/rows written to/);
    const rows = running.workbench.rt.workbook.values('Support alone').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([support]));
  });

  it('says under "If the target has data" that a new sheet has none, and what the choice is for there', async () => {
    const sb = await openPull(bench().page);
    const said = sb.locator('#modeNew');
    const mode = sb.getByLabel('If the target has data');
    expect(await sb.getByLabel('New sheet').isChecked()).toBe(true);
    expect(await said.textContent()).toBe(
      'A new sheet has no data yet: this pull fills it, whatever is chosen here. The choice is what Pull it again and a scheduled refresh then do to the sheet it makes.',
    );
    expect(await said.isVisible()).toBe(true);
    expect(await mode.getAttribute('aria-describedby')).toBe('modeNew');
    // Still a choice: a merge kept for later runs starts with a pull into a new sheet.
    expect(await mode.isEnabled()).toBe(true);
    // Into a sheet that is there, it has data to act on.
    await sb.getByLabel('Existing sheet').check();
    await expect.poll(() => said.isHidden()).toBe(true);
    expect(await mode.getAttribute('aria-describedby')).toBeNull();
    await sb.getByLabel('New sheet').check();
    await expect.poll(() => said.isVisible()).toBe(true);
    // A "new" sheet named like one there is that one.
    await sb.getByLabel('Sheet name').fill('sheet1');
    await expect.poll(() => said.isHidden()).toBe(true);
    await sb.getByLabel('Sheet name').fill('Brand new');
    await expect.poll(() => said.isVisible()).toBe(true);
    // A schedule grid is always replaced: nothing to choose.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Schedule grid' });
    await expect.poll(() => said.isHidden()).toBe(true);
  });

  it('lists the interval granularity with its length, which its rows otherwise say only after a pull', async () => {
    const sb = await openPull(bench().page);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    expect(await sb.getByLabel('Granularity').locator('option').allTextContents()).toEqual([
      'interval (30 minutes)',
      'day',
      'week',
      'month',
    ]);
    await sb.getByLabel('Granularity').selectOption({ label: 'interval (30 minutes)' });
    expect(await sb.getByLabel('Granularity').inputValue()).toBe('interval');
  });

  it('says under Queues what a queue ticked means for each report: tickets only for the reports of tickets', async () => {
    const sb = await openPull(bench().page);
    const about = sb.locator('#queue_idsAbout');
    const hintOf = async (report: string) => {
      await sb.getByLabel('Data', { exact: true }).selectOption({ label: report });
      await sb.getByRole('group', { name: 'Queues' }).getByLabel('Email Support', { exact: true }).waitFor();
      expect(await about.isVisible()).toBe(true);
      return about.textContent();
    };
    // Adherence has no tickets: its queues are the agents' own.
    expect(await hintOf('Adherence report')).toBe(
      'Adherence is of the agents in the queues ticked. Ticking a queue ticks the queues under it as well: untick them to keep to the agents of that queue alone.',
    );
    expect(await hintOf('Handle time report')).toBe(
      'Handle time counts the tickets solved in the queues ticked. A parent queue holds the tickets of the queues under it too: ticking it ticks them as well, and unticking them still counts their tickets.',
    );
    expect(await hintOf('Ticket stats report')).toMatch(
      /^A parent queue holds the tickets of the queues under it too\./,
    );
  });

  it("names every ticked team in the header's note, though the progress counts more than three", async () => {
    const { page } = bench();
    const four = ['Tier 1 Americas', 'Tier 1 EMEA', 'Tier 1 APAC', 'Quality'];
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'Four teams', async (form) => {
      const teams = form.getByRole('group', { name: 'Teams' });
      for (const name of four) await teams.getByLabel(name, { exact: true }).check();
    });
    expect(await sb.locator('#jobWhat').textContent()).toMatch(/filtered: 4 teams$/);
    await goToPulled(page, sb, 'Four teams');
    await expect
      .poll(() => cell(page, 1, 'A').getAttribute('title'))
      .toMatch(/Filters: teams "Tier 1 Americas", "Tier 1 EMEA", "Tier 1 APAC", "Quality" \([^ ]+\)/);
  });

  // Ticks made for one data stayed ticked, far up their lists, when the data changed: a Handle time
  // pull meant for site "Dublin" went out with a queue and a team ticked for earlier reports.
  it('says beside Pull data the filters in force, those kept from the data chosen before too, and clears them; nothing for data that takes none', async () => {
    const { page } = bench();
    const sb = await openPull(page);
    const data = sb.getByLabel('Data', { exact: true });
    const inForce = sb.locator('#inForce');
    const said = () => sb.locator('#inForceWords').textContent();
    const clear = sb.getByRole('button', { name: 'Clear filters' });
    const tick = async (list: string, name: string) => {
      const group = sb.getByRole('group', { name: list });
      await group.getByLabel(name, { exact: true }).check();
    };
    // Data that takes no filters says so under Filters, and nothing beside Pull data: no
    // "Filters in force: none." and no Clear filters to press.
    for (const label of ['People', 'Coverage (required vs scheduled)']) {
      await data.selectOption({ label });
      expect(await sb.locator('#filters').textContent()).toBe('This data takes no filters.');
      expect(await inForce.isVisible()).toBe(false);
      expect(await clear.isVisible()).toBe(false);
    }
    await data.selectOption({ label: 'Adherence report' });
    expect(await inForce.isVisible()).toBe(true);
    expect(await said()).toBe('Filters in force: none.');
    expect(await clear.isVisible()).toBe(false);
    await tick('Teams', 'Tier 1 EMEA');
    await expect.poll(said).toBe('Filters in force: team "Tier 1 EMEA".');
    expect(await clear.isVisible()).toBe(true);
    await data.selectOption({ label: 'Ticket stats report' });
    await tick('Queues', 'Chat Support');
    await data.selectOption({ label: 'Handle time report' });
    await tick('Sites', 'Dublin');
    // Named as the log names them, once each list has loaded, and marked as kept from before.
    await expect
      .poll(said)
      .toBe(
        'Filters in force: queue "Chat Support", team "Tier 1 EMEA", site "Dublin" (some kept from the data chosen before).',
      );
    expect(await inForce.getAttribute('class')).toContain('warn');
    // Pull data is described by them.
    expect(await sb.getByRole('button', { name: 'Pull data' }).getAttribute('aria-describedby')).toContain(
      'inForceWords',
    );
    await clear.click();
    expect(await said()).toBe('Filters in force: none.');
    expect(await sb.getByRole('group', { name: 'Queues' }).locator('input:checked').count()).toBe(0);
    // What it says is what is sent: Dublin alone.
    await tick('Sites', 'Dublin');
    await expect.poll(said).toBe('Filters in force: site "Dublin".');
    await sb.getByLabel('Sheet name').fill('AHT');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(await sb.locator('#jobWhat').textContent()).toMatch(/filtered: site "Dublin"$/);
    await goToPulled(page, sb, 'AHT');
    await expect
      .poll(() => cell(page, 1, 'A').getAttribute('title'))
      .toMatch(/\nFilters: site "Dublin" \([^ ;]+\)\n/);
  });
});
