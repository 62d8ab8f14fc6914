// How a pull ends, and a pull still running, as a person sees them in a short Pull data sidebar,
// where the progress panel is too tall to stick to its foot and follows the form instead.
import type { FrameLocator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { callGate, menu, pullIntoNewSheet, reset, shown, sidebar, useBench } from './support';

/** Sets how the simulated Assembled answers, from the workbench's top bar. */
async function assembled(page: Page, preset: 'none' | 'down'): Promise<void> {
  await page.getByLabel('How the simulated Assembled answers').selectOption(preset);
  await page.waitForFunction((p) => document.body.dataset.faults === p, preset);
}

const focused = (sb: FrameLocator) => sb.locator(':focus').evaluate((e) => e.id);

/** Whether the progress panel's heading (how the pull ended) and its status line (why) are on screen. */
const inView = async (sb: FrameLocator) => ({
  stage: await shown(sb.locator('#jobStage')),
  status: await shown(sb.locator('#status')),
});

describe('A pull in a short Pull data sidebar', () => {
  // A report takes 600 virtual seconds (a minute at the suite's 10x): still running when looked at.
  const bench = useBench({ reportDelayMs: 600_000 });
  beforeEach(async () => {
    const { page } = bench();
    await reset(page);
    // A laptop's window: the sidebar is 461 pixels tall.
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('after Pull it again gives up: shows "Failed" and why, not the card far above, the focus at "Failed", not on the button', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    await assembled(page, 'down');
    try {
      await sb.getByRole('button', { name: 'Pull it again' }).click();
      await sb.locator('#jobStage', { hasText: /^Failed$/ }).waitFor({ timeout: 120_000 });
      await expect.poll(() => sb.getByRole('button', { name: 'Pull it again' }).isEnabled()).toBe(true);
    } finally {
      await assembled(page, 'none');
    }
    expect(await sb.locator('#status').textContent()).toMatch(/The add-on gave up after \d+ attempts\./);
    expect(await inView(sb)).toEqual({ stage: true, status: true });
    expect(await focused(sb)).toBe('jobStage');
  });

  it('Enter pressed twice on Pull data starts the pull and never stops it: the focus waits at its progress, Stop a Tab away', async () => {
    const { page, running } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByLabel('New sheet').check();
    await sb.getByRole('button', { name: 'Pull data' }).focus();
    await page.keyboard.press('Enter');
    const stop = sb.getByRole('button', { name: 'Stop this pull' });
    await stop.waitFor();
    // The second Enter of a double press lands on the heading that says how the pull goes.
    expect(await focused(sb)).toBe('jobStage');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(sb)).toBe('stopPull');
    expect(await sb.locator('#jobStage').textContent()).not.toBe('Stopped');
    // Stop, pressed on purpose, stops it; the focus goes from Stop, gone, to "Stopped", not to Pull data.
    await page.keyboard.press('Enter');
    await sb.locator('#jobStage', { hasText: /^Stopped$/ }).waitFor();
    await expect.poll(() => focused(sb)).toBe('jobStage');
    expect(running.workbench.rt.workbook.sheetNames()).not.toContain('Adherence report');
  });

  it('opened again while a long pull runs: shows its progress, and says by the greyed buttons why, with the way to it', async () => {
    const { page } = bench();
    // A sheet the add-on filled in front, so the sidebar shows its card with Pull it again.
    let sb = await pullIntoNewSheet(page, 'Teams', 'Teams');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByLabel('Sheet name').fill('Adherence');
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: 'Assembled is generating the report' }).waitFor();
    await page.locator('#closeSidebar').click();
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    await menu(page, 'Pull data…');
    sb = await sidebar(page, 'Pull data from Assembled');
    await sb.locator('#jobStage', { hasText: 'Assembled is generating the report' }).waitFor();
    // The form has filled in around it (the filter lists come after the page).
    await expect.poll(() => sb.locator('.picker', { hasText: 'Loading…' }).count()).toBe(0);
    expect({
      stage: await shown(sb.locator('#jobStage')),
      stop: await shown(sb.getByRole('button', { name: 'Stop this pull' })),
    }).toEqual({ stage: true, stop: true });
    // The page keeps the keyboard at its heading, as when opened any time.
    expect(await sb.locator(':focus').evaluate((e) => e.tagName)).toBe('H1');

    // Scrolled up to the card: its greyed buttons say why, and lead to the progress.
    const card = sb.getByRole('region', { name: '"Teams"' });
    await card.scrollIntoViewIfNeeded();
    expect(await card.getByRole('button', { name: 'Pull it again' }).isDisabled()).toBe(true);
    expect(await card.locator('#againWaits').textContent()).toBe(
      'Pull it again and Refresh on a schedule wait for the pull into "Adherence" to end. See its progress',
    );
    await card.getByRole('button', { name: 'See its progress' }).click();
    expect(await shown(sb.locator('#jobStage'))).toBe(true);
    expect(await focused(sb)).toBe('jobStage');
    await page.keyboard.press('Tab');
    expect(await focused(sb)).toBe('stopPull');
    await page.keyboard.press('Enter');
    await sb.locator('#jobStage', { hasText: /^Stopped$/ }).waitFor();
    await expect.poll(() => card.locator('#againWaits').isHidden()).toBe(true);
  });

  // A month of agent states loading into BigQuery: the progress in view, Stop under the fold, below
  // Rows loaded and the words on closing the sidebar; a person scrolled to stop it (QA, 300 px wide).
  it('while a pull runs, Stop is in view with its progress, into a sheet and into a BigQuery table', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    const stop = sb.getByRole('button', { name: 'Stop this pull' });
    /** Once the server's answers have drawn the whole progress (its rows, the time left). */
    const looked = async () => {
      await stop.waitFor();
      await sb.locator(':root').evaluate(() => new Promise((done) => setTimeout(done, 2_000)));
      return { stage: await shown(sb.locator('#jobStage')), stop: await shown(stop) };
    };
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByLabel('New sheet').check();
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: 'Assembled is generating the report' }).waitFor();
    expect(await looked()).toEqual({ stage: true, stop: true });
    await stop.click();
    await sb.locator('#jobStage', { hasText: /^Stopped$/ }).waitFor();

    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Agent states' });
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Last month' });
    await sb.getByRole('radio', { name: 'BigQuery table' }).check();
    await sb.getByLabel('Google Cloud project id').fill('workbench-demo');
    await sb.getByLabel('Dataset').fill('wfm');
    await sb.getByLabel('Table', { exact: true }).fill('agent_states_month');
    const gate = await callGate(page);
    try {
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await sb.locator('#jobStage', { hasText: /^Reading from Assembled: \d+ pages? read$/ }).waitFor();
      // The next check held at the door: the pull is still running when Stop is looked at and pressed.
      const check = gate.hold('pollPull');
      await expect.poll(check.arrived, { timeout: 30_000 }).toBe(true);
      expect(await looked()).toEqual({ stage: true, stop: true });
      await stop.click();
      await sb.locator('#jobStage', { hasText: /^Stopped$/ }).waitFor();
    } finally {
      await gate.done();
    }
  });

  // Pull data stayed greyed, with no words, while any pull ran, even for other data into another
  // sheet, and opening the sidebar again did not help: a pull of years held up every other one.
  it('while a long pull runs, Pull data starts another into another place; into the same one it says why it waits', async () => {
    const { page, running } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Ticket stats report' });
    await sb.getByLabel('Sheet name').fill('E huge');
    const button = sb.getByRole('button', { name: 'Pull data' });
    // Each time the live line under the button is written, a screen reader may say it again.
    await sb.locator('#runWaits').evaluate((line) => {
      const w = window as unknown as { writes: number };
      w.writes = 0;
      new MutationObserver((records) => {
        w.writes += records.length;
      }).observe(line, { childList: true, characterData: true, subtree: true });
    });
    const writes = () => sb.locator('body').evaluate(() => (window as unknown as { writes: number }).writes);
    const { rt } = running.workbench;
    const checks = () => rt.executions.filter((e) => e.fnName === 'pollPull').length;
    const checked = async (more: number) => {
      const before = checks();
      await expect.poll(checks, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + more);
    };
    await button.click();
    // Ticket stats are asked one report per queue (queue-parts.ts).
    await sb.locator('#jobStage', { hasText: /^Assembled is generating report 1 of \d+$/ }).waitFor();
    // Into the sheet it writes: greyed. The pull just started is not a second one waiting: nothing
    // said of one until the form is changed for it, however often the pull is checked on.
    expect(await button.isDisabled()).toBe(true);
    await checked(2);
    expect(await sb.locator('#runWaits').isHidden()).toBe(true);
    expect(await writes()).toBe(0);
    // The form changed, still into that sheet: said why beside the button, once, though the pull is
    // checked on and the form changed again.
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Last 7 days' });
    await expect
      .poll(() => sb.locator('#runWaits').textContent())
      .toBe(
        'Pull data waits for the pull into "E huge" to end, as it writes there: stop it below, or choose another place to pull into.',
      );
    await checked(2);
    await sb.getByLabel('Granularity').selectOption({ label: 'week' });
    await checked(1);
    expect(await writes()).toBe(1);
    expect(await button.isDisabled()).toBe(true);
    // Other data keeps the name typed, so still waits; into another new sheet, it may start.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Sites' });
    expect(await sb.getByLabel('Sheet name').inputValue()).toBe('E huge');
    expect(await button.isDisabled()).toBe(true);
    await sb.getByLabel('Sheet name').fill('Sites');
    await expect.poll(() => button.isEnabled()).toBe(true);
    expect(await sb.locator('#runWaits').isHidden()).toBe(true);
    await button.click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    expect(await sb.locator('#jobTarget').textContent()).toBe('Sites');
    expect(await sb.locator('#jobLeftBehind').textContent()).toBe(
      'The pull into "E huge" carries on without this sidebar: how it ends goes to the "Assembled log" sheet.',
    );
    expect(running.workbench.rt.workbook.sheetNames()).toContain('Sites');
    // The first goes on: opened again, the sidebar follows it, and it can be stopped there.
    await menu(page, 'Pull data…');
    const again = await sidebar(page, 'Pull data from Assembled');
    await again.locator('#jobTarget', { hasText: /^E huge$/ }).waitFor();
    await again.getByRole('button', { name: 'Stop this pull' }).click();
    await again.locator('#jobStage', { hasText: /^Stopped$/ }).waitFor();
  });
});
