// Pull data and scheduled refreshes, as a person does them in the workbench.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { sheetFields } from '../support/sheet-fields';
import { accessible } from './a11y';
import {
  cell,
  menu,
  pullIntoNewSheet,
  RESULTS,
  refreshCard,
  reset,
  SKIP_MS,
  scrollToEnd,
  shown,
  sidebar,
  useBench,
  wordsSeen,
} from './support';

/** What a filter list says of itself: it is one Tab stop, moved through with the arrow keys. */
const KEYS = 'One Tab stop: the up and down arrow keys move through the list, Space ticks.';

const DOCS_SHOT = join(import.meta.dirname, '../../docs/workbench.png');
const DOCS_GRID = join(import.meta.dirname, '../../docs/schedule-grid.png');
const DOCS_COVERAGE = join(import.meta.dirname, '../../docs/coverage.png');

describe('Pull data in the workbench', () => {
  const bench = useBench();
  beforeEach(async () => {
    await reset(bench().page);
  });

  it('pulls a report into a new sheet through the sidebar and shows its rows in the grid', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'AHT');
    const pulls = () => running.workbench.rt.executions.filter((e) => e.fnName === 'startPull').length;
    const pulled = pulls();
    const rows = Number((await sb.locator('#jobRows').textContent())?.replace(/,/g, ''));
    expect(rows).toBeGreaterThan(10);
    expect(await sb.locator('#jobRowsTerm').textContent()).toBe('Rows written');
    await expect
      .poll(() => sb.locator('#jobWhat').textContent())
      .toMatch(/Handle time report.*2026-05-18 to 2026-05-24/);

    await page.getByRole('tab', { name: 'AHT' }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('AHT');
    // The tab is drawn first, the grid once the sheet's view has come: on a busy machine, a while later.
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('Agent ID');
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
    // One Tab stop moved through with the arrows: said so where a screen reader enters it.
    expect(await accessible(agents)).toEqual({ role: 'group', name: 'Agents', description: KEYS });
    // Typing in its filter leaves only the matching people on screen.
    await sb.locator('#agent_idsSearch').fill('Ava Smith');
    await expect.poll(() => agents.locator('label:visible').count()).toBe(2);
    // How many match is said under the box (and aloud: it is a live region the box points to).
    const note = sb.locator('#agent_idsNote');
    await expect.poll(() => note.textContent()).toMatch(/^2 of \d+ match\.$/);
    expect(await sb.locator('#agent_idsSearch').getAttribute('aria-describedby')).toBe('agent_idsNote');
    // Enter there never sends the form (an unfiltered pull): with two matches it goes to the first,
    // and the arrows move down the list, which is one Tab stop.
    const focused = () => sb.locator(':focus').evaluate((e) => (e as HTMLInputElement).value || e.id);
    await sb.locator('#agent_idsSearch').press('Enter');
    const first = await focused();
    await sb.locator(':focus').press('ArrowDown');
    expect(await focused()).not.toBe(first);
    await sb.locator(':focus').press('Tab');
    expect(
      await sb
        .locator(':focus')
        .evaluate((e) => e.closest('[role=group]')?.getAttribute('aria-label') ?? e.id),
    ).not.toBe('Agents');
    // With one match, Enter picks it.
    await sb.locator('#agent_idsSearch').fill('Aisha Haddad');
    await sb.locator('#agent_idsSearch').press('Enter');
    await expect.poll(() => agents.locator('input:checked').count()).toBe(1);
    await expect.poll(() => note.textContent()).toMatch(/^Aisha Haddad ticked\. 1 of \d+ match\.$/);
    // A filter that hides her, or matches no one, says so.
    await sb.locator('#agent_idsSearch').fill('zzz');
    await expect.poll(() => note.textContent()).toBe('None match "zzz". 1 ticked, not shown.');
    await sb.locator('#agent_idsSearch').fill('Aisha Haddad');
    await sb.locator('#agent_idsSearch').press('Enter');
    await expect.poll(() => agents.locator('input:checked').count()).toBe(0);
    // No pull was started by any of it: the last one's progress stays as it ended.
    await page.waitForTimeout(300);
    expect(pulls()).toBe(pulled);
    expect(await sb.locator('#jobWhat').textContent()).toMatch(
      /Handle time report.*2026-05-18 to 2026-05-24/,
    );
    // The header row is frozen and bold, with a note on A1 saying where the data came from.
    await expect.poll(() => cell(page, 1, 'A').getAttribute('class')).toMatch(/bold/);
    expect(await cell(page, 1, 'A').getAttribute('title')).toMatch(/Source: Assembled/);
    expect(await page.locator('#grid tr.frozen').count()).toBe(1);
    // Every row is in the grid, and no more.
    await scrollToEnd(page);
    expect(await cell(page, rows + 1, 'A').textContent()).not.toBe('');
    expect(await cell(page, rows + 2, 'A').textContent()).toBe('');
    // Times show as their number format says (a day's row, its day alone); numbers are right-aligned.
    const start = header.indexOf('Start') + 1;
    const startCell = page.locator(`#grid td[data-row="2"][data-col="${start}"]`);
    expect(await startCell.textContent()).toMatch(/^2026-05-\d\d$/);
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

  it('offers the sheets and active cell as they are now: a sheet a pull made, a cell clicked since, never another sheet for one gone', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'People', 'People');
    // A reference list is offered a daily refresh (a report of last week, weekly: see below).
    await expect.poll(() => sb.getByLabel('Frequency').inputValue()).toBe('daily');
    // It has no date range to resolve at each run.
    expect(await sb.locator('#saveRefreshHint').textContent()).toBe(
      'Reruns the People pull into the sheet "People".',
    );
    // The name stays in the field: the sheet it names is the one just made, and said to be so.
    const hint = sb.locator('#newSheetHint');
    await expect
      .poll(() => hint.textContent())
      .toBe(
        '"People" holds the rows this pull just wrote: Pull data writes into it again (replace it). Type another name for another new sheet.',
      );
    // A new sheet named like another (whatever the case) would be it: the form says so before a pull.
    await sb.getByLabel('Sheet name').fill('sheet1');
    await expect
      .poll(() => hint.textContent())
      .toBe(
        '"Sheet1" is already a sheet: this pull writes into it (replace it) if it is empty or holds a table the add-on pulled, else it is refused. Type another name for a new sheet.',
      );
    await sb.getByLabel('Sheet name').fill('People 2');
    await expect.poll(() => hint.isHidden()).toBe(true);
    // The sheet the pull just made is a target for the next one.
    await sb.getByLabel('Existing sheet').check();
    await expect.poll(() => sb.locator('#sheet option').allTextContents()).toContain('People');
    // A cell clicked in the grid after the sidebar opened is where "Active cell" writes.
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    // The grid redraws a moment after the tab is clicked: a click before lands on People's cells.
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('');
    await cell(page, 5, 'C').click();
    const wb = running.workbench.rt.workbook;
    // The click reaches the spreadsheet a moment later (on a busy machine, after the sidebar asked).
    await expect.poll(() => wb.selection()).toBe('Sheet1!C5');
    await sb.getByLabel('Active cell').check();
    await expect.poll(() => sb.locator('#cellAt').textContent()).toBe('Starting at Sheet1!C5');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(wb.values('Sheet1')[4]?.slice(2, 4)).toEqual(['ID', 'Name']);
    // The sheet picked is renamed by someone else: coming back, the sidebar says so and does not
    // put another sheet, which would be written over, in its place.
    await sb.getByLabel('Existing sheet').check();
    await expect.poll(() => sb.locator('#sheet option').allTextContents()).toContain('People');
    await sb.locator('#sheet').selectOption('People');
    await cell(page, 1, 'A').click();
    wb.renameSheet('People', 'Staff');
    await sb.locator('body').click({ position: { x: 4, y: 4 } });
    await expect.poll(() => sb.locator('#sheet').inputValue()).toBe('');
    expect(await sb.locator('#sheet option:checked').textContent()).toBe('"People" is gone: pick a sheet');
    // And so it stays on the next return (which finds a sheet added meanwhile), not swapped then.
    await cell(page, 1, 'A').click();
    wb.addSheet('Later');
    await sb.locator('body').click({ position: { x: 4, y: 4 } });
    await expect.poll(() => sb.locator('#sheet option').allTextContents()).toContain('Later');
    expect(await sb.locator('#sheet').inputValue()).toBe('');
    expect(await sb.locator('#sheet option:checked').textContent()).toBe('"People" is gone: pick a sheet');
    const before = JSON.stringify(wb.values('Sheet1'));
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(/a sheet name is needed/);
    expect(JSON.stringify(wb.values('Sheet1'))).toBe(before);
    // Opened again with another sheet in front, Existing sheet starts on that one, not the first.
    await page.getByRole('tab', { name: 'Later' }).click();
    await expect.poll(() => wb.activeSheet()).toBe('Later');
    await menu(page, 'Pull data…');
    const again = await sidebar(page, 'Pull data from Assembled');
    await expect.poll(() => again.locator('#sheet').inputValue()).toBe('Later');
  });

  it('keeps the filters another data choice takes too, when the data is changed', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    const team = () => sb.getByRole('group', { name: 'Teams' }).getByLabel('Tier 1 EMEA', { exact: true });
    await team().check();
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
    await expect.poll(() => team().isChecked()).toBe(true);
  });

  it('asks again for a filter list that could not be read, on Try again', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    sim?.setFaults({ errorRate: 1 });
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    const teams = sb.getByRole('group', { name: 'Teams' });
    await expect
      .poll(() => teams.textContent(), { timeout: 30_000 })
      .toMatch(/^Could not load the list: .* Try again$/);
    sim?.setFaults({});
    await teams.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => teams.textContent()).toMatch(/Tier 1 Americas/);
  });

  it('stops a pull that waits out an outage, and the form is free again', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    sim?.setFaults({ errorRate: 1 });
    // By keyboard: Pull data, disabled while it runs, hands the focus to the progress heading, not
    // to the page nor to Stop; Stop is the next Tab.
    const focused = () =>
      sb
        .locator(':focus')
        .evaluate((e) => e.id)
        .catch(() => 'none');
    await sb.getByRole('button', { name: 'Pull data' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => sb.locator('#jobDetail').textContent(), { timeout: 30_000 })
      .toMatch(/failed: .*\. The add-on tries again/);
    expect(await focused()).toBe('jobStage');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('stopPull');
    await page.keyboard.press('Enter');
    await expect.poll(() => sb.locator('#jobStage').textContent()).toBe('Stopped');
    // Stop, gone once pressed, leaves the keyboard at how the pull ended.
    await expect.poll(focused).toBe('jobStage');
    expect(await sb.locator('#status').textContent()).toBe(
      'Stopped: nothing was written, and the target is as it was.',
    );
    expect(await sb.getByRole('button', { name: 'Stop this pull' }).isHidden()).toBe(true);
    await expect.poll(() => sb.getByRole('button', { name: 'Pull data' }).isEnabled()).toBe(true);
    sim?.setFaults({});
    expect(running.workbench.rt.workbook.sheetNames()).not.toContain('Teams');
  });

  it("counts down to a failed request's next try as a try, as Push does, not as a report's check", async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    // Every word the progress says, however briefly, as the page draws them.
    const readSeen = await wordsSeen(sb.locator('#jobDetail'));
    sim?.setFaults({ errorRate: 1 });
    try {
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await expect
        .poll(() => sb.locator('#jobDetail').textContent(), { timeout: 30_000 })
        // Assembled's cause after a colon: one level of brackets, its own ("(HTTP 503)").
        .toMatch(
          /^(A request|Requests) to Assembled failed[^:()]*: [^()]*(\([^()]*\))?[^()]*\. The add-on tries again, up to \d more times\. Next try in \d+ s\.$/,
        );
    } finally {
      await sb.getByRole('button', { name: 'Stop this pull' }).click();
      sim?.setFaults({});
    }
    await expect.poll(() => sb.locator('#jobStage').textContent()).toBe('Stopped');
    const seen = await readSeen();
    expect(seen.filter((s) => /Next check|Next try in 0 s/.test(s))).toEqual([]);
  });

  it("says when a pull waiting out Assembled's rate limit tries again, as Push does", async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByLabel('New sheet').check();
    await sb.getByLabel('Sheet name').fill('Limited teams');
    const readSeen = await wordsSeen(sb.locator('#jobDetail'));
    // Refusals enough to outlast a call's own retries, each with Retry-After: 1.
    sim?.setFaults({ force429: 60 });
    try {
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 60_000 });
    } finally {
      sim?.setFaults({});
    }
    const seen = await readSeen();
    const waits = seen.filter((s) => /waits its turn/.test(s));
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.some((s) => /waits its turn and tries again\. Next try in [1-9]\d* s\.$/.test(s))).toBe(
      true,
    );
    expect(waits.filter((s) => !/ (Next try in [1-9]\d* s\.|Trying again now…)$/.test(s))).toEqual([]);
  });

  it('offers the scheduled refresh of a pull followed to its end by a sidebar opened again, as a watched one does', async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    let sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
    await sb.getByLabel('Sheet name').fill('Reopened AHT');
    // An outage holds the pull at its start while the sidebar is closed and opened again.
    sim?.setFaults({ errorRate: 1 });
    try {
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await expect
        .poll(() => sb.locator('#jobDetail').textContent(), { timeout: 30_000 })
        .toMatch(/failed: .*\. The add-on tries again/);
      await page.locator('#closeSidebar').click();
      await page.locator('#sidebar').waitFor({ state: 'hidden' });
      await menu(page, 'Pull data…');
      sb = await sidebar(page, 'Pull data from Assembled');
      await expect.poll(() => sb.locator('#jobTarget').textContent()).toBe('Reopened AHT');
    } finally {
      sim?.setFaults({});
    }
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => sb.getByLabel('Frequency').inputValue()).toBe('weekly');
    expect(await sb.locator('#saveRefreshHint').textContent()).toBe(
      'Reruns the Handle time report pull into the sheet "Reopened AHT"; its date range is resolved afresh at each run.',
    );
    // A sheet that refreshes itself tells its owner when a run fails unless they untick it.
    expect(await sb.getByLabel('E-mail me when a run fails').isChecked()).toBe(true);
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
    const saved =
      await running.workbench.session.rt.callFromSidebar<
        { target: string; spec: { source: { report?: string } }; notifyByEmail: boolean }[]
      >('listRefreshes');
    expect(saved.map((r) => [r.target, r.spec.source.report, r.notifyByEmail])).toEqual([
      ['Reopened AHT', 'handle_time', true],
    ]);
  });

  it('keeps the refresh offered after a pull when the form changes: it saves the pull done, named, the change goes to the next pull', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams kept');
    const changed = sb.locator('#saveRefreshChanged');
    const offer = sb.getByRole('region', { name: 'Refresh the Teams pull on a schedule' });
    expect(await offer.isVisible()).toBe(true);
    expect(await offer.locator('#saveRefreshHint').textContent()).toBe(
      'Reruns the Teams pull into the sheet "Teams kept".',
    );
    expect(await changed.isHidden()).toBe(true);
    await sb.getByLabel('If the target has data').selectOption('merge');
    // Said, not put away: the pull's Done and its offer stay.
    await expect
      .poll(() => changed.textContent())
      .toBe(
        'The form has changed since the Teams pull: this saves a refresh of that pull as it ran (If the target has data: Replace it). Your changes apply to the next Pull data.',
      );
    expect(await sb.locator('#job').isVisible()).toBe(true);
    expect(await sb.locator('#jobStage').textContent()).toBe('Done');
    // Other data in the form: the offer is not of it, and says so plainly (and again when put back).
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'People' });
    await expect
      .poll(() => changed.textContent())
      .toBe(
        'The form now holds People, not Teams: this saves a refresh of the Teams pull just made, as it ran. To schedule People, pull it first.',
      );
    expect(await offer.isVisible()).toBe(true);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await expect.poll(() => changed.textContent()).toMatch(/^The form has changed since the Teams pull:/);
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'People' });
    await expect.poll(() => changed.textContent()).toMatch(/^The form now holds People, not Teams:/);
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
    const saved =
      await running.workbench.session.rt.callFromSidebar<
        { target: string; spec: { mode: string; source: { resource?: string } } }[]
      >('listRefreshes');
    expect(saved.map((r) => [r.target, r.spec.mode, r.spec.source.resource])).toEqual([
      ['Teams kept', 'replace', 'teams'],
    ]);
  });

  it('offers no refresh after an append that made no sheet: it would have nowhere to write', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'Ticket stats report', 'Tickets today', async (form) => {
      await form.getByLabel('Granularity').selectOption('day');
      await form.getByLabel('Range', { exact: true }).selectOption({ label: 'Today' });
      await form.getByLabel('If the target has data').selectOption('append');
    });
    // Today's day is still under way: an append leaves it out, so the new sheet is not kept.
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/no sheet "Tickets today" was added\. For the day so far, pull with Replace or Merge\.$/);
    expect(running.workbench.rt.workbook.sheetNames()).not.toContain('Tickets today');
    expect(await sb.locator('#saveRefresh').isHidden()).toBe(true);
  });

  it('offers to pull again what filled the sheet in front, and nothing for another sheet', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    const wb = running.workbench.rt.workbook;
    const backToSidebar = () => sb.locator('body').click({ position: { x: 4, y: 4 } });
    await page.getByRole('tab', { name: 'Teams' }).click();
    // A click before the grid has redrawn would land on the sheet it showed.
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('ID');
    await cell(page, 2, 'B').click();
    await backToSidebar();
    const again = sb.getByRole('region', { name: '"Teams"' });
    await expect.poll(() => again.textContent()).toMatch(/Last filled with Teams\.[\s\S]*Replaces its table/);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await backToSidebar();
    await expect.poll(() => sb.locator('#again').isHidden()).toBe(true);
    // Someone typed over a name; pulling again puts Assembled's back.
    const name = wb.values('Teams')[1]?.[1];
    wb.write('Teams', [['typed over']], { row: 2, column: 2 });
    await page.getByRole('tab', { name: 'Teams' }).click();
    await backToSidebar();
    // The form below asks for something else; after Pull it again it shows the pull that ran.
    await sb.getByLabel('If the target has data').selectOption({ label: 'Append below it' });
    // Pressed from the keyboard, the keyboard is at how the pull ended once it is over, not on the
    // button, where the next Enter would pull again.
    await again.getByRole('button', { name: 'Pull it again' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(/^\d+ rows written to Teams!A1\.$/);
    await expect.poll(() => sb.locator(':focus').evaluate((e) => e.textContent)).toBe('Done');
    expect(wb.values('Teams')[1]?.[1]).toBe(name);
    expect(await sb.getByLabel('If the target has data').inputValue()).toBe('replace');
    expect(await sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    expect(await sb.locator('#sheet').inputValue()).toBe('Teams');
  });

  // The card came in above the form as the pointer came back over it, and the form went ~100 px
  // down under the pointer on its way to a field.
  it('the card come or gone as the pointer comes back over the form moves nothing under it; over the heading, the card is seen', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    // Scrolled back up to the form, to pull again.
    await sb.locator('body').evaluate(() => window.scrollTo(0, 0));
    const card = sb.locator('#again');
    const data = sb.getByLabel('Data', { exact: true });
    const top = async () => (await data.boundingBox())?.y ?? Number.NaN;
    // Scrolling is by whole pixels, hence the pixel's slack.
    const unmoved = async (y: number) => expect(Math.abs((await top()) - y)).toBeLessThanOrEqual(1);
    /** A tab clicked with the keyboard at the sheet (no look on leaving), then a while there. */
    const toTab = async (name: string) => {
      await page.getByRole('tab', { name }).click();
      await expect.poll(() => page.locator('body').getAttribute('data-sheet')).toBe(name);
      await page.waitForTimeout(300);
    };
    const backOver = async (target: typeof data) => {
      const box = await target.boundingBox();
      if (!box) throw new Error('Not shown');
      await page.mouse.move(box.x + 10, box.y + box.height / 2, { steps: 3 });
    };
    await toTab('Sheet1');
    await expect.poll(() => card.isHidden()).toBe(true);
    await cell(page, 2, 'B').click();
    await toTab('Teams');
    const before = await top();
    await backOver(data);
    await expect.poll(() => card.isVisible()).toBe(true);
    await unmoved(before);
    await toTab('Sheet1');
    await backOver(data);
    await expect.poll(() => card.isHidden()).toBe(true);
    await unmoved(before);
    // Over the heading, the card comes in below it, in view.
    await toTab('Teams');
    await backOver(sb.locator('h1'));
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await shown(card)).toBe(true);
  });

  it('says before Pull it again that a column typed beside the table stays row by row, and offers Merge by key', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    const wb = running.workbench.rt.workbook;
    const backToSidebar = () => sb.locator('body').click({ position: { x: 4, y: 4 } });
    // A note per team beside the table, then the table sorted by hand (by name, the other way).
    const [header = [], ...rows] = wb.values('Teams');
    const noted = rows.map((r) => [...r, `note ${r[1]}`]);
    noted.sort((a, b) => String(b[1]).localeCompare(String(a[1])));
    wb.write('Teams', [[...header, 'Coach note'], ...noted]);
    await page.getByRole('tab', { name: 'Teams' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('ID');
    await backToSidebar();
    const words =
      'The column "Coach note" beside the table stays as typed, row by row, though the new rows may come in another order: Merge by key keeps such a column with its rows.';
    // Said on the card before the button is pressed, and read with the button.
    const card = sb.getByRole('region', { name: '"Teams"' });
    await expect.poll(() => card.locator('#againKept').textContent()).toBe(words);
    expect(await card.locator('#againKept').isVisible()).toBe(true);
    const button = card.getByRole('button', { name: 'Pull it again' });
    expect(await button.getAttribute('aria-describedby')).toBe('againKept');
    // The form says it too when Replace is chosen into that sheet, and not for Append.
    await sb.getByLabel('Existing sheet').check();
    await sb.locator('#sheet').selectOption('Teams');
    const mode = sb.getByLabel('If the target has data');
    await expect.poll(() => sb.locator('#modeKept').textContent()).toBe(words);
    await mode.selectOption({ label: 'Append below it' });
    await expect.poll(() => sb.locator('#modeKept').isHidden()).toBe(true);
    // Merge by key instead puts the pull in the form as a merge; pulled, the notes stay with their teams.
    await card.getByRole('button', { name: 'Merge by key instead…' }).click();
    expect(await mode.inputValue()).toBe('merge');
    expect(await sb.locator('#modeKept').isHidden()).toBe(true);
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(/as Merge by key.*Press Pull data/);
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/^\d+ rows merged into Teams!A1: \d+ updated, 0 added\.$/);
    const after = wb.values('Teams');
    const note = after[0]?.indexOf('Coach note') ?? -1;
    for (const r of after.slice(1)) expect(r[note]).toBe(`note ${r[1]}`);
  });

  it('says as a refresh is saved that notes typed beside the table it replaces stay by row number, as its card does', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    const wb = running.workbench.rt.workbook;
    const width = wb.values('Teams')[0]?.length ?? 0;
    wb.write('Teams', [['Coach note'], ['late twice'], [''], ['new lead']], { row: 1, column: width + 1 });
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    const words =
      'The column "Coach note" beside the table stays by row number; each run writes the rows afresh, in the order Assembled lists them, so a note may end up beside another row. Merge by key keeps such a column with its rows.';
    await expect.poll(() => sb.locator('#refreshStatus').textContent()).toContain(`Saved. ${words} See `);
    const { card } = await refreshCard(page, 'Teams');
    await expect.poll(() => card.getByText(words, { exact: true }).isVisible()).toBe(true);
  });

  it('Pull it again never pulls what filled a sheet no longer in front, though its card was read before', async () => {
    const { page } = bench();
    await pullIntoNewSheet(page, 'Sites', 'Sites');
    const sb = await pullIntoNewSheet(page, 'Queues', 'Queues');
    const backToSidebar = () => sb.locator('body').click({ position: { x: 4, y: 4 } });
    await page.getByRole('tab', { name: 'Sites' }).click();
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('ID');
    await backToSidebar();
    await expect.poll(() => sb.locator('#againTitle').textContent()).toBe('"Sites"');
    // Another tab clicked from the sheet, the look a moment after the sidebar lost the keyboard
    // over: nothing tells the sidebar, so its card still names Sites.
    await cell(page, 2, 'B').click();
    await page.waitForTimeout(500);
    await page.getByRole('tab', { name: 'Queues' }).click();
    expect(await sb.locator('#againTitle').textContent()).toBe('"Sites"');
    await sb.getByRole('button', { name: 'Pull it again' }).click();
    const said = () => sb.locator('#status').textContent();
    await expect.poll(said).toMatch(/^("Queues" is in front now|\d+ rows written to Queues!A1\.$)/);
    // Told, the card now names Queues; pressed again, Queues is pulled.
    if ((await said())?.startsWith('"Queues" is in front now')) {
      await expect.poll(() => sb.locator('#againTitle').textContent()).toBe('"Queues"');
      await sb.getByRole('button', { name: 'Pull it again' }).click();
    }
    await expect.poll(said).toMatch(/^\d+ rows written to Queues!A1\.$/);
  });

  it('offers the pull that filled the sheet in front as a scheduled refresh from its card, as after the pull', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    await pullIntoNewSheet(page, 'Adherence report', 'Adherence');
    await pullIntoNewSheet(page, 'Adherence report', 'Fixed', (sb) => fixedDay(sb, '2026-05-19'));
    // Another pull since: the offer below the form is that one's.
    const sb = await pullIntoNewSheet(page, 'People', 'People');
    const backToSidebar = () => sb.locator('body').click({ position: { x: 4, y: 4 } });
    const card = sb.getByRole('region', { name: '"Adherence"' });
    const schedule = card.getByRole('button', { name: 'Refresh on a schedule…' });
    await page.getByRole('tab', { name: 'Adherence' }).click();
    await expect.poll(() => wb.activeSheet()).toBe('Adherence');
    await backToSidebar();
    await schedule.click();
    // The form a pull offers, for the card's pull, with the focus on its first field.
    await expect.poll(() => sb.getByLabel('Frequency').inputValue()).toBe('weekly');
    expect(await sb.locator(':focus').evaluate((e) => e.id)).toBe('refresh-kind');
    expect(await sb.locator('#saveRefreshHint').textContent()).toBe(
      'Reruns the pull that last filled "Adherence" (Adherence report (day), last week); its date range is resolved afresh at each run.',
    );
    expect(await sb.locator('#job').isHidden()).toBe(true);
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
    const saved =
      await running.workbench.session.rt.callFromSidebar<
        { target: string; spec: { source: { report?: string }; range?: { preset?: string } } }[]
      >('listRefreshes');
    expect(saved.map((r) => [r.target, r.spec.source.report, r.spec.range?.preset])).toEqual([
      ['Adherence', 'adherence', 'last_week'],
    ]);
    // Refreshed now, the card says so and offers no second refresh.
    await expect.poll(() => card.locator('#againScheduled').textContent()).toMatch(/^Also refreshed weekly/);
    expect(await schedule.isHidden()).toBe(true);
    // A pull of fixed dates would pull the same rows at every run: its card offers none.
    await page.getByRole('tab', { name: 'Fixed' }).click();
    await expect.poll(() => wb.activeSheet()).toBe('Fixed');
    await backToSidebar();
    await expect.poll(() => sb.locator('#againTitle').textContent()).toBe('"Fixed"');
    expect(await sb.locator('#scheduleAgain').isHidden()).toBe(true);
    // A sheet named for its data is named once, not "People" (People).
    await page.getByRole('tab', { name: 'People' }).click();
    await expect.poll(() => wb.activeSheet()).toBe('People');
    await backToSidebar();
    await expect.poll(() => sb.locator('#againTitle').textContent()).toBe('"People"');
    await sb.locator('#scheduleAgain').click();
    await expect
      .poll(() => sb.locator('#saveRefreshHint').textContent())
      .toBe('Reruns the pull that last filled "People".');
  });

  it('Change it on a table at a cell writes at that cell again, not at the cell selected since, until asked', async () => {
    const { page, running } = bench();
    const wb = running.workbench.rt.workbook;
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await cell(page, 4, 'C').click();
    await expect.poll(() => wb.selection()).toBe('Sheet1!C4');
    await menu(page, 'Pull data…');
    let sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await sb.getByLabel('Active cell').check();
    await expect.poll(() => sb.locator('#cellAt').textContent()).toBe('Starting at Sheet1!C4');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    const table = wb.values('Sheet1');
    expect(table[3]?.[2]).toBe('ID');
    // The user moves on to another cell, then changes the pull from its card.
    await cell(page, 30, 'H').click();
    await expect.poll(() => wb.selection()).toBe('Sheet1!H30');
    await menu(page, 'Pull data…');
    sb = await sidebar(page, 'Pull data from Assembled');
    // The card names the table by its cell: the sheet may hold others.
    await expect.poll(() => sb.locator('#againTitle').textContent()).toBe('"Sheet1!C4"');
    await sb.getByRole('button', { name: 'Change it' }).click();
    await expect
      .poll(() => sb.locator('#cellAt').textContent())
      .toBe('Starting at Sheet1!C4, where this pull wrote.');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(/rows written to Sheet1!C4\.$/);
    expect(wb.values('Sheet1')).toEqual(table);
    // Asked for, the selected cell it is.
    await sb.getByRole('button', { name: 'Use the selected cell' }).click();
    await expect.poll(() => sb.locator('#cellAt').textContent()).toBe('Starting at Sheet1!H30');
    expect(await sb.getByRole('button', { name: 'Use the selected cell' }).isHidden()).toBe(true);
    // So is choosing another target and Active cell again.
    await sb.getByRole('button', { name: 'Change it' }).click();
    await expect.poll(() => sb.locator('#cellAt').textContent()).toMatch(/C4, where this pull wrote/);
    await sb.getByLabel('New sheet').check();
    await sb.getByLabel('Active cell').check();
    await expect.poll(() => sb.locator('#cellAt').textContent()).toBe('Starting at Sheet1!H30');
  });

  it("says under the range when a report's weeks will be Assembled's UTC ones, or its intervals asked in parts, as the choices change", async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data');
    const hint = sb.locator('#granularityHint');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
    // One queue: ticket stats over more are a report per queue, counted on this line too (pull-form.test).
    await sb.getByRole('group', { name: 'Queues' }).getByRole('checkbox', { name: 'Chat Support' }).check();
    await sb.getByLabel('Granularity').selectOption('week');
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Last quarter' });
    await expect
      .poll(() => hint.textContent())
      .toMatch(/^Buckets: Assembled's UTC weeks, not calendar weeks in/);
    expect(await hint.isVisible()).toBe(true);
    // Up to 31 days the rows are the sheet's weeks (rolled up from intervals), as they are by interval.
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Last month' });
    await expect.poll(() => hint.isHidden()).toBe(true);
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Last quarter' });
    await expect.poll(() => hint.isVisible()).toBe(true);
    await sb.getByLabel('Granularity').selectOption('interval');
    // Assembled builds intervals for 31 days at most: a quarter of them is asked in parts.
    await expect.poll(() => hint.textContent()).toMatch(/^Asked as 3 reports at once /);
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Last month' });
    await expect.poll(() => hint.isHidden()).toBe(true);
    // An append adds no day still under way, said as the mode is chosen.
    await sb.getByLabel('Granularity').selectOption('day');
    await sb.getByLabel('Range', { exact: true }).selectOption('month_to_date');
    await expect.poll(() => hint.textContent()).toMatch(/^This range runs past now: the rows will stop/);
    await sb.getByLabel('If the target has data').selectOption('append');
    await expect
      .poll(() => hint.textContent())
      .toMatch(/^This range runs past now: an append adds each day once, whole/);
    await sb.getByLabel('If the target has data').selectOption('replace');
    // Agent states are times of day: the night the clocks change is said before the pull too.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Agent states' });
    await sb.getByLabel('Fixed dates').check();
    await sb.getByLabel('From').fill('2026-03-08');
    await sb.getByLabel('To (inclusive)').fill('2026-03-08');
    await expect
      .poll(() => hint.textContent())
      .toMatch(/^Clocks went forward on 2026-03-08 \(America\/New_York\): 02:00 became 03:00/);
    expect(await hint.isVisible()).toBe(true);
  });

  it('shows the latest choice when the range previews answer out of order, as side-by-side calls may', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
    // One queue: over more, the month's line would count a report per queue.
    await sb.getByRole('group', { name: 'Queues' }).getByRole('checkbox', { name: 'Chat Support' }).check();
    await sb.getByLabel('Granularity').selectOption('week');
    const range = sb.getByLabel('Range', { exact: true });
    await range.selectOption({ label: 'Last month' });
    const preview = sb.locator('#rangePreview');
    await expect.poll(() => preview.textContent()).toMatch(/^2026-04-01 to 2026-04-30/);
    // The next preview (Last quarter's) is held back until the one after it (Last month's) has answered.
    let held = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/run', async (route) => {
      if (held++ === 0 && route.request().postData()?.includes('previewRange')) await released;
      await route.continue();
    });
    await range.selectOption({ label: 'Last quarter' });
    await range.selectOption({ label: 'Last month' });
    await expect.poll(() => held).toBe(2);
    await expect.poll(() => preview.textContent()).toMatch(/^2026-04-01 to 2026-04-30/);
    release();
    // The quarter's answer comes last and is not shown: the month is what the form says.
    await page.waitForTimeout(1000);
    await page.unroute('**/api/run');
    expect(await preview.textContent()).toMatch(/^2026-04-01 to 2026-04-30/);
    expect(await sb.locator('#granularityHint').isHidden()).toBe(true);
  });

  it('saves a weekly refresh after a pull; skipping the clock ahead runs it', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'Weekly AHT');
    // The pull offers to refresh the sheet on a schedule: weekly, Monday 07:00 by default.
    await expect.poll(() => sb.getByLabel('Frequency').inputValue()).toBe('weekly');
    expect(await sb.locator('#saveRefreshHint').textContent()).toBe(
      'Reruns the Handle time report pull into the sheet "Weekly AHT"; its date range is resolved afresh at each run.',
    );
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
    // The server runs the week's 168 hourly ticks one by one, answering the page in between: give
    // them time on a loaded machine.
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
      .poll(() => refreshes.locator('#status').textContent())
      .toBe('Reloaded: the list is as it stands now.');
    await expect
      .poll(() => card.textContent(), { timeout: 10_000 })
      .toMatch(/Last run\s*2026-06-01 0[78]:\d\d(:\d\d)?, \d{1,3}(,\d{3})* rows/);
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

  it('a merge pull keeps no key of its own unless one is typed: its refresh keys on the source as the add-on defines it', async () => {
    const { page } = bench();
    const rt = bench().running.workbench.session.rt;
    const merge = (key?: string) => async (sb: FrameLocator) => {
      await sb.getByLabel('If the target has data').selectOption('merge');
      await expect.poll(() => sb.getByLabel(/Key columns/).inputValue()).toBe('Agent ID, Start, End');
      if (key) await sb.getByLabel(/Key columns/).fill(key);
    };
    const saved = async (sheet: string) => {
      const views =
        await rt.callFromSidebar<{ target: string; spec: { mergeKey?: string } }[]>('listRefreshes');
      return views.find((v) => v.target === sheet)?.spec;
    };
    for (const [sheet, key] of [
      ['Merged KPIs', undefined],
      ['Merged by hand', 'Agent ID, Start, End, Type'],
    ] as const) {
      const sb = await pullIntoNewSheet(page, 'Adherence report', sheet, merge(key));
      await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
      await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
      expect((await saved(sheet))?.mergeKey).toBe(key);
    }
  });

  it('pulls a schedule grid: each cell in its activity type’s colours, a legend beside it', async () => {
    const { page, running } = bench();
    await pullIntoNewSheet(page, 'Schedule grid', 'Schedule', (sb) => fixedDay(sb, '2026-05-19'));
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await expect.poll(() => at(page, 1, 1).textContent()).toBe('Team');
    const wb = running.workbench.rt.workbook;
    const backgrounds = wb.backgrounds('Schedule');
    const fonts = wb.fontColors('Schedule');
    const shown = wb.displayValues('Schedule');
    // Cells of two different activity types, and a legend entry: each drawn in the colours the
    // add-on gave it (the grid's cells differ from white, and from each other).
    const [r1, c1] = find(backgrounds, (bg, r) => bg !== '#ffffff' && r > 2);
    const [r2, c2] = find(
      backgrounds,
      (bg, r) => bg !== '#ffffff' && r > 2 && bg !== backgrounds[r1 - 1]?.[c1 - 1],
    );
    for (const [r, c] of [
      [r1, c1],
      [r2, c2],
    ] as const) {
      await expect
        .poll(() => colours(page, r, c))
        .toEqual({
          background: rgb(backgrounds[r - 1]?.[c - 1] as string),
          color: rgb(fonts[r - 1]?.[c - 1] as string),
          text: shown[r - 1]?.[c - 1],
        });
    }
    await expect.poll(() => colours(page, 3, 1)).toMatchObject({ background: rgb('#ffffff') });
    // Slot columns are narrow; team and agent stay in view when the sheet scrolls sideways: the
    // agent's cell starts after the row numbers (not scrolled off to their left), the team's width on.
    await expect.poll(async () => (await boxes(page, cellAt(3, 3)))[0]?.width).toBeLessThan(52);
    await page.locator('#sheet').evaluate((s) => {
      s.scrollLeft = 600;
    });
    const agentAfterRowNumber = async () => {
      const [agent, rowNumber] = await boxes(page, cellAt(r1, 2), `#grid tbody tr:nth-child(${r1}) th`);
      return (agent?.x ?? Number.NaN) - (rowNumber?.right ?? Number.NaN);
    };
    await expect.poll(agentAfterRowNumber).toBeGreaterThanOrEqual(0);
    await expect.poll(agentAfterRowNumber).toBeLessThan(200);
    await shoot(page, DOCS_GRID, async () => {
      // The working day: from 06:00 on, the agents' names frozen at the left.
      await page.locator('#sheet').evaluate((s, left) => {
        s.scrollLeft = left;
        s.scrollTop = 0;
      }, 11 * 48);
    });
  });

  it('filters activities by channel, activity types and schedule from the sidebar', async () => {
    const { page, running } = bench();
    await pullIntoNewSheet(page, 'Activities (schedule)', 'Email breaks', async (sb) => {
      await fixedDay(sb, '2026-05-19');
      await sb.getByLabel('Channel').selectOption('email');
      // QA: channel chat gave Email, Break and Lunch rows, which the field did not say it would.
      expect(
        await sb
          .getByLabel('Channel')
          .evaluate(
            (s) => s.ownerDocument.getElementById(s.getAttribute('aria-describedby') ?? '')?.textContent,
          ),
      ).toBe("Agents who work this channel, with all their activities: not only the channel's.");
      const types = sb.getByRole('group', { name: 'Activity types' });
      await types.getByLabel('Break', { exact: true }).check();
      await types.getByLabel('Lunch', { exact: true }).check();
      await sb.getByLabel('Schedule id').fill('sch_master');
    });
    const wb = running.workbench.rt.workbook;
    const [, ...rows] = wb.values('Email breaks') as string[][];
    const header = sheetFields(running.workbench.rt, 'Email breaks');
    const column = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(column('type_id'))).toEqual(new Set(['at_break', 'at_lunch']));
    const people = running.workbench.session.backend.simulator?.admin.org.people ?? [];
    const email = new Set(people.filter((p) => p.channels.includes('email')).map((p) => p.email));
    expect(column('agent_email').every((e) => email.has(e as string))).toBe(true);
    expect(wb.notes('Email breaks')[0]?.[0]).toMatch(
      /Filters: activity types "Break", "Lunch" \(at_break,at_lunch\); agents on channel email; schedule sch_master/,
    );

    // Reopened over that sheet, Change it puts the whole pull back in the form, aimed at it: one
    // filter changed and pulled again keeps the others.
    await page.getByRole('tab', { name: 'Email breaks' }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Email breaks');
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    // What filled the sheet names its filters, in the box and in the log.
    // Polled: the sidebar fills the box once its first call answers.
    await expect
      .poll(() => sb.locator('#againWhat').textContent())
      .toBe(
        'Last filled with Activities (schedule), 2026-05-19, filtered: activity types "Break" and "Lunch", agents on channel email, schedule sch_master.',
      );
    expect(String(wb.values('Assembled log').at(-1)?.[2])).toMatch(
      /, filtered: activity types "Break" and "Lunch", agents on channel email, schedule sch_master$/,
    );
    await sb.getByRole('button', { name: 'Change it' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/holds the pull that last filled "Email breaks"/);
    expect(await sb.getByLabel('Data', { exact: true }).locator('option:checked').textContent()).toBe(
      'Activities (schedule)',
    );
    expect(await sb.getByLabel('Fixed dates').isChecked()).toBe(true);
    expect(await sb.getByLabel('From').inputValue()).toBe('2026-05-19');
    expect(await sb.getByLabel('Schedule id').inputValue()).toBe('sch_master');
    expect(await sb.getByLabel('Existing sheet').isChecked()).toBe(true);
    expect(await sb.locator('#sheet').inputValue()).toBe('Email breaks');
    const types = sb.getByRole('group', { name: 'Activity types' });
    await expect.poll(() => types.getByLabel('Lunch', { exact: true }).isChecked()).toBe(true);
    await sb.getByLabel('Channel').selectOption('chat');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(wb.notes('Email breaks')[0]?.[0]).toMatch(
      // The names come back with the ticks they were saved with.
      /Filters: activity types "Break", "Lunch" \(at_break,at_lunch\); agents on channel chat; schedule sch_master/,
    );
    expect(wb.sheetNames().filter((n) => n.startsWith('Activities'))).toEqual([]);
  });

  it('pulls coverage: gaps coloured by conditional formats, a line chart of required vs scheduled', async () => {
    const { page, running } = bench();
    await pullIntoNewSheet(page, 'Coverage (required vs scheduled)', 'Coverage', (sb) =>
      fixedDay(sb, '2026-05-19'),
    );
    await page.getByRole('tab', { name: 'Coverage' }).click();
    await expect.poll(() => at(page, 1, 1).textContent()).toBe('Start');
    const values = running.workbench.rt.workbook.values('Coverage');
    const gap = (values[0] as string[]).indexOf('Gap (all types)') + 1;
    // No cell is painted: the colours come from the sheet's conditional format rules.
    const [short] = find(values, (v, _r, c) => c === gap && typeof v === 'number' && v < 0);
    const [over] = find(values, (v, _r, c) => c === gap && typeof v === 'number' && v > 0);
    const background = async (row: number, col: number) => (await colours(page, row, col)).background;
    await expect.poll(() => background(short, gap)).toBe(rgb('#f4c7c3'));
    await expect.poll(() => background(over, gap)).toBe(rgb('#c9daf8'));
    await expect.poll(() => background(short, gap - 1)).toBe(rgb('#ffffff'));

    // The chart floats beside the table, drawn with its two series in their colours.
    const canvas = page.locator('figure.chart canvas');
    await expect.poll(() => canvas.count()).toBe(1);
    expect(await canvas.getAttribute('aria-label')).toMatch(
      /^Coverage 2026-05-19: required vs scheduled \(America\/New_York\): line chart of Required \(all types\), Scheduled \(all types\) over \d+ points$/,
    );
    const drawn = () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const data =
          c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        const seen = new Set<string>();
        for (let i = 0; i < data.length; i += 4)
          if (data[i + 3] === 255)
            seen.add(`#${[0, 1, 2].map((k) => (data[i + k] ?? 0).toString(16).padStart(2, '0')).join('')}`);
        return [...seen];
      });
    await expect.poll(drawn).toEqual(expect.arrayContaining(['#4285f4', '#ea4335']));
    // Its anchor: the column after the table's and a gap, the header row.
    const offset = async () => {
      const [box, anchor] = await boxes(page, 'figure.chart', cellAt(1, (values[0] as string[]).length + 2));
      return box && anchor && [Math.round(box.x - anchor.x), Math.round(box.y - anchor.y)];
    };
    await expect.poll(offset).toEqual([0, 0]);
    await shoot(page, DOCS_COVERAGE, async () => {
      // The chart at the right, the last gap columns beside it.
      await page.locator('figure.chart').evaluate((f: HTMLElement) => {
        const s = f.closest('#sheet') as HTMLElement;
        s.scrollLeft = f.offsetLeft + f.offsetWidth + 16 - s.clientWidth;
        s.scrollTop = 0;
      });
    });
  });

  it('pulls into BigQuery with a Connected Sheets view: its tab shows the preview under a header naming the table', async () => {
    const { page, running } = bench();
    const sb = await pullIntoNewSheet(page, 'People', 'unused', async (s) => {
      await s.getByLabel('BigQuery table').check();
      await s.getByLabel('Google Cloud project id').fill('workbench-demo');
      await s.getByLabel('Table', { exact: true }).fill('people');
      await s.getByLabel('Add a Connected Sheets view').check();
    });
    expect(await sb.locator('#status, #job').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/The Connected Sheets view "people" was added\./)]),
    );
    await page.getByRole('tab', { name: 'people' }).click();
    const banner = page.getByRole('note').filter({ hasText: 'Connected Sheets' });
    await expect
      .poll(() => banner.textContent())
      .toMatch(
        /^Connected Sheets view of BigQuery workbench-demo\.assembled\.people · \d+ rows · refreshed .* read-only$/,
      );
    await expect.poll(() => cell(page, 1, 'A').getAttribute('class')).toMatch(/bold/);
    const rows = running.workbench.rt.bigquery.rows('workbench-demo', 'assembled', 'people');
    await scrollToEnd(page);
    expect(await cell(page, rows.length + 1, 'A').textContent()).not.toBe('');
  });
});

/** Sets the sidebar to one fixed day. */
async function fixedDay(sb: FrameLocator, day: string): Promise<void> {
  await sb.getByLabel('Fixed dates').check();
  await sb.getByLabel('From').fill(day);
  await sb.getByLabel('To (inclusive)').fill(day);
}

/** A README picture, as the workbench one: written when missing or asked for. */
async function shoot(page: Page, path: string, arrange: () => Promise<void>): Promise<void> {
  const shot = !existsSync(path) || process.env.UPDATE_SCREENSHOTS ? path : join(RESULTS, basename(path));
  mkdirSync(join(shot, '..'), { recursive: true });
  await page.locator('#closeSidebar').click();
  await page.locator('#sidebar').waitFor({ state: 'hidden' });
  await page.setViewportSize({ width: 1200, height: 680 });
  await arrange();
  await page.screenshot({ path: shot });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** '#f4c7c3' as the browser computes it: 'rgb(244, 199, 195)'. */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** The first cell (1-based row and column) whose value passes the test, from row 2 down. */
function find(
  values: unknown[][],
  test: (v: unknown, row: number, col: number) => boolean,
): [number, number] {
  for (const [r, line] of values.entries())
    for (const [c, v] of line.entries()) if (r > 0 && test(v, r + 1, c + 1)) return [r + 1, c + 1];
  throw new Error('no such cell');
}

const cellAt = (row: number, col: number) => `#grid td[data-row="${row}"][data-col="${col}"]`;
const at = (page: Page, row: number, col: number) => page.locator(cellAt(row, col));

// The grid is drawn anew whenever the page sees a new version, as each sidebar call makes one: a
// cell a locator found is then detached before the next call reads it (getComputedStyle gives '',
// boundingBox null). So the readers below find and read in one call, and the tests poll them.

/** A drawn cell's colours and text, as the browser computes them; throws while it is not drawn. */
const colours = (page: Page, row: number, col: number) =>
  page.evaluate(
    (selector) => {
      const td = document.querySelector(selector);
      if (!td) throw new Error(`${selector} is not drawn`);
      const style = getComputedStyle(td);
      return { background: style.backgroundColor, color: style.color, text: td.textContent };
    },
    cellAt(row, col),
  );

/** The boxes of elements measured at one moment; throws while one is not drawn. */
const boxes = (page: Page, ...selectors: string[]) =>
  page.evaluate(
    (all) =>
      all.map((selector) => {
        const e = document.querySelector(selector);
        if (!e) throw new Error(`${selector} is not drawn`);
        const { x, y, width, right } = e.getBoundingClientRect();
        return { x, y, width, right };
      }),
    selectors,
  );
