// Sidebars say what is true now: progress in view and ticking, each stage named, old results
// cleared when they no longer hold, the refresh list up to date by itself, pushes that follow the
// sheet in front, and messages that name the menu as the user sees it.
import type { FrameLocator, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cell,
  demoAgent,
  goToPulled,
  menu,
  pullAndSchedule,
  refreshCard,
  reset,
  sidebar,
  typeRow,
  useBench,
} from './support';

const MENU = 'Extensions ▸ Assembled for Google Sheets';

/** Whether the element is inside its frame's viewport (what a person sees without scrolling). */
function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

const seconds = (text: string | null) => {
  const m = /^(?:(\d+) min )?(\d+) s$/.exec(text ?? '');
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : Number.NaN;
};

async function statusOf(sb: FrameLocator, id = '#status'): Promise<string> {
  return (await sb.locator(id).textContent()) ?? '';
}

/** Each time the live line's words are set from now on, whether or not they changed (a reader may say them again). */
async function hearing(said: Locator): Promise<() => Promise<string[]>> {
  await said.evaluate((e) => {
    const log: string[] = [];
    (window as unknown as { said: string[] }).said = log;
    new MutationObserver(() => log.push(e.textContent ?? '')).observe(e, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => said.evaluate(() => (window as unknown as { said: string[] }).said);
}

describe('Sidebars say what is true now', () => {
  // The first test reads the stage while Assembled generates the report, so the report takes
  // 90 virtual seconds (9 real ones at the suite's 10x): the add-on sees it ready well after the
  // test has read the stage, even on a busy machine (at 30 s a loaded CI run once saw Done first).
  const bench = useBench({ reportDelayMs: 90_000 });

  it('Pull data keeps its progress in view, ticking every second, names each stage, and keeps the last pull when the form changes', async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByRole('button', { name: 'Pull data' }).click();
    const stage = sb.locator('#jobStage');
    await stage.filter({ hasText: 'Assembled is generating the report' }).waitFor();
    // Below a long form, yet in view while it runs.
    expect(await inView(stage)).toBe(true);
    expect(await inView(sb.locator('#jobElapsed'))).toBe(true);
    expect(await sb.locator('#jobDetail').textContent()).toMatch(/Next check in \d+ s\./);
    // The clock ticks between the add-on's checks (the next is some seconds away).
    const first = seconds(await sb.locator('#jobElapsed').textContent());
    await expect
      .poll(() => sb.locator('#jobElapsed').textContent().then(seconds), { timeout: 5_000 })
      .toBeGreaterThanOrEqual(first + 2);
    expect(await stage.textContent()).toBe('Assembled is generating the report');
    await stage.filter({ hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    expect(await inView(sb.locator('#status'))).toBe(true);
    expect(await statusOf(sb)).toMatch(/^\d{1,3}(,\d{3})* rows written to 'Adherence report'!A1\.$/);
    expect(await sb.locator('#jobDetail').textContent()).toBe('');

    // Saving the schedule names the menu as the user sees it.
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
    expect(await statusOf(sb, '#refreshStatus')).toBe(
      `Saved. See ${MENU} ▸ Scheduled refreshes… to manage it.`,
    );
    // Said where it is seen: the form ends the sidebar, below the fold.
    await expect
      .poll(() =>
        sb
          .locator('#refreshStatus')
          .evaluate((e) => e.getBoundingClientRect().bottom <= window.innerHeight + 1),
      )
      .toBe(true);
    // Another source: the last pull's Done block and schedule form stay, the offer saying that the
    // change goes to the next pull.
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await expect
      .poll(() => sb.locator('#saveRefreshChanged').textContent())
      .toBe(
        'The form now holds Teams, not Adherence report: this saves a refresh of the Adherence report pull just made, as it ran. To schedule Teams, pull it first.',
      );
    expect(await sb.locator('#job').isVisible()).toBe(true);
    expect(await sb.locator('#saveRefresh').isVisible()).toBe(true);
    expect(await statusOf(sb)).toMatch(/rows written to 'Adherence report'!A1\.$/);
    expect(bench().dialogs).toEqual([]);
  });

  it('Pull data tells screen readers each stage once, as it begins, not every second', async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    const said = sb.locator('#jobSaid');
    expect(await said.getAttribute('aria-live')).toBe('polite');
    const heard = await hearing(said);
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 45_000 });
    await expect.poll(heard).toContain('Done');
    const words = await heard();
    // Assembled took 9 s to generate the report, redrawn each second: said once all the same.
    expect(words.slice(0, 2)).toEqual(['Starting', 'Assembled is generating the report']);
    expect(words.at(-1)).toBe('Done');
    // One line per kind of stage, whether or not its counts had come yet.
    for (const w of words.slice(2, -1))
      expect(w).toMatch(/^(Reading the report|Fetching page|Writing rows)( [\d,]+ of [\d,]+)?$/);
    expect(new Set(words.slice(2, -1).map((w) => w.split(' ')[0])).size).toBe(words.length - 3);
    expect(words.length).toBeLessThanOrEqual(5);
    // Drawn on screen nowhere: the Progress section and the status line show it.
    expect(await said.evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);

    // A wait to try again is a stage of its own, said as it begins, and so is going on after it.
    // Pull it again is the card of the sheet in front: Go to puts the pulled sheet there.
    await goToPulled(page, sb, 'Adherence report');
    const { workbench } = bench().running;
    workbench.setFaults('down');
    await sb.getByRole('button', { name: 'Pull it again' }).click();
    await expect.poll(() => said.textContent(), { timeout: 30_000 }).toBe('Waiting to try again');
    workbench.setFaults('none');
    await expect.poll(() => said.textContent(), { timeout: 45_000 }).not.toBe('Waiting to try again');
  });

  // A pull of 48 reports said "generating report 13 of 48" on screen while its live line still
  // said "report 1 of 48": the line spoke only as the job's state changed.
  it('Pull data tells screen readers each stage of a range asked in parts, once, as it begins', async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await sb.getByLabel('Range', { exact: true }).selectOption({ label: 'Custom: N days back' });
    await sb.getByLabel('Days back').fill('100');
    const said = sb.locator('#jobSaid');
    const heard = await hearing(said);
    await sb.getByRole('button', { name: 'Pull data' }).click();
    await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 60_000 });
    await expect.poll(heard).toContain('Done');
    const words = await heard();
    // The reports are asked together: the first is generated for 9 s, redrawn each second and
    // asked after more than once, said once; the second, built meanwhile, is read at once (perhaps
    // between two of the sidebar's reads, so never shown). No stage is said twice.
    expect(words.filter((w) => w === 'Assembled is generating report 1 of 2')).toHaveLength(1);
    expect(new Set(words).size).toBe(words.length);
    expect(words[words.length - 1]).toBe('Done');
  });

  it('Scheduled refreshes: a run updates its card by itself, without Reload', async () => {
    const { page } = bench();
    await reset(page);
    await pullAndSchedule(page, 'Handle time report', 'AHT');
    const { sb, card } = await refreshCard(page, 'AHT');
    await expect.poll(() => card.textContent()).toMatch(/Not run yet/);
    // A report: Assembled generates it while the card says the run is under way.
    await card.getByRole('button', { name: /^Run now/ }).click();
    // Said on the card pressed, as on the line screen readers hear.
    await expect
      .poll(() => card.locator('.said').textContent())
      .toMatch(/^Started: this card shows the outcome when the run ends\.$/);
    expect(await card.textContent()).toMatch(/Running now/);
    // The open sidebar carries the run on, no background tick needed (a published add-on's
    // trigger ticks only hourly, so the clock is not skipped here); the card follows.
    await expect
      .poll(() => card.textContent(), { timeout: 20_000 })
      .toMatch(/Last run\s*2026-05-25 \d\d:\d\d(:\d\d)?, \d{1,3}(,\d{3})* rows/);
    expect(await card.textContent()).not.toMatch(/Not run yet|Running now/);
    // The status line no longer says "Started": it says how the run ended.
    await expect
      .poll(() => statusOf(sb))
      .toMatch(/^Handle time report \(day\), last week: 2026-05-25 \d\d:\d\d(:\d\d)?, [\d,]+ rows\.$/);
  });

  it('Scheduled refreshes: a run that appended nothing says why in one sentence, ended once', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt } = running.workbench;
    rt.workbook.addSheet('Teams kept');
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams kept' },
      mode: 'append',
    };
    const frequency = { kind: 'daily', hour: 7 };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'key-teams-kept');
    const { sb, card } = await refreshCard(page, 'Teams kept');
    const runNow = () => card.getByRole('button', { name: /^Run now/ }).click();
    await runNow();
    await expect.poll(() => statusOf(sb)).toMatch(/^Teams: 2026-05-25 \d\d:\d\d(:\d\d)?, [\d,]+ rows\.$/);
    // Again: every team is there already, and the run's own words end their sentence.
    await runNow();
    await expect
      .poll(() => statusOf(sb))
      .toMatch(
        /^Teams: 2026-05-25 \d\d:\d\d(:\d\d)?, nothing appended to 'Teams kept'!A1: .*\(Merge updates such rows\)\.$/,
      );
  });

  it('Scheduled refreshes: a failed attempt shows on its card with its reason and next try', async () => {
    const { page, running } = bench();
    await reset(page);
    await pullAndSchedule(page, 'Handle time report', 'AHT');
    // Every report page after the first fails from now on.
    running.workbench.session.backend.simulator?.setFaults({ failFromOffset: 1 });
    const { sb, card } = await refreshCard(page, 'AHT');
    await card.getByRole('button', { name: /^Run now/ }).click();
    await expect.poll(() => statusOf(sb)).toMatch(/Started:/);
    await page.getByRole('button', { name: 'Skip ahead 1 hour' }).click();
    await expect
      .poll(() => card.locator('.reason').textContent(), { timeout: 20_000 })
      .toMatch(/^Attempt 1 failed: .*503.* Last try by \d\d:\d\d, then it is given up\.$/);
    expect(await card.getAttribute('data-health')).toBe('retrying');
    // The status line no longer says "Started" above a card that says the attempt failed (said at
    // the list's next read: on a busy machine, more than the poll's default second away).
    await expect
      .poll(() => statusOf(sb), { timeout: 20_000 })
      .toMatch(
        /^Handle time report \(day\), last week: attempt 1 failed\. Its card says why and when it is tried again\.$/,
      );
    // Not running: waiting for the retry, of the run named by who started it and when (Run now's:
    // nobody scheduled it).
    expect(await card.textContent()).toMatch(
      /Last run\s*Retrying the run you started at 2026-05-25 \d\d:\d\d: nothing runs until its next try/,
    );
    // Waiting for that retry, the sidebar reads the list now and then, not every 3 s (here ten
    // times faster: every 0.3 s rather than every 6 s).
    const reads = () =>
      running.workbench.rt.executions.filter((e) => ['listRefreshes', 'pollRefresh'].includes(e.fnName))
        .length;
    const before = reads();
    await page.waitForTimeout(3_000);
    expect(reads() - before).toBeLessThanOrEqual(1);

    // Given up after its retries, the sheet's tab turns red: seen from any sheet, no note opened.
    const tab = page.getByRole('tab', { name: 'AHT' });
    for (let i = 0; i < 6 && (await tab.getAttribute('data-color')) === null; i++) {
      await page.getByRole('button', { name: 'Skip ahead 1 hour' }).click();
      await page.waitForTimeout(2_000);
    }
    await expect.poll(() => tab.getAttribute('data-color'), { timeout: 20_000 }).toBe('#d93025');
    // Its card says, in view, not only inside "Why it failed", what the sheet holds: last week, pulled
    // whole on Monday, so nothing is missing, as the e-mail says, and no Run now is asked for.
    const kept = card.locator('p.hint', { hasText: /^The sheet still holds the rows written / });
    await expect.poll(() => kept.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await card.locator('p.hint', { hasText: 'Once Assembled answers again' }).count()).toBe(0);
    // And why, in short, in red where it is seen with "Why it failed" closed; its words whole inside.
    const why = card.locator('details.why');
    expect(await why.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(false);
    expect(await why.locator('summary').isVisible()).toBe(true);
    expect(await why.locator('summary').textContent()).toMatch(
      /^Why it failed: Assembled had a server error \(HTTP 503\) while reading the report$/,
    );
    const red = () => tab.evaluate((e) => getComputedStyle(e).boxShadow);
    expect(await red()).toMatch(/rgb\(217, 48, 37\)/);
    // Seen from another sheet too.
    await page.getByRole('tab').filter({ hasNotText: 'AHT' }).first().click();
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('false');
    expect(await red()).toMatch(/rgb\(217, 48, 37\)/);
  });

  it('Push follows the sheet in front: it says which sheet changed and acts only when pressed again', async () => {
    const { page } = bench();
    await reset(page);
    const sim = bench().running.workbench.session.backend.simulator;
    const agent = demoAgent(bench());
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    await sb.getByLabel('What the rows are').selectOption('time_off');
    await sb.getByRole('button', { name: 'Insert template' }).click();
    await sb.locator('#status', { hasText: 'Sheet "Time off to create" is ready' }).waitFor();
    // Typed only once the grid shows the template (it redraws a moment after the sheet changes).
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('Agent');
    await typeRow(page, 2, [agent.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', '']);
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    await sb.locator('#progressLabel', { hasText: '1 of 1 row sent' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => cell(page, 2, 'G').textContent()).toBe('created');
    expect(await sb.locator('#sheetName').textContent()).toBe('Time off to create');

    // The user looks at another sheet; the sidebar still names the template.
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toBe('Sheet1');
    const pushesBefore = sim?.stats().byRoute['POST /v0/time_off'] ?? 0;
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    await expect
      .poll(() => statusOf(sb))
      .toBe(
        'The sheet in front is now "Sheet1", not "Time off to create". Nothing was done: press the button again to use "Sheet1".',
      );
    // Nothing went wrong: said in the neutral tone, not in red.
    expect(await sb.locator('#status').getAttribute('data-tone')).toBe('info');
    expect(await sb.locator('#sheetName').textContent()).toBe('Sheet1');
    // The last push's progress does not sit above the new message.
    expect(await sb.locator('#progressBox').isHidden()).toBe(true);
    expect(sim?.stats().byRoute['POST /v0/time_off'] ?? 0).toBe(pushesBefore);
    // The kind chosen was for the template; for Sheet1 it is asked again, then acted on.
    expect(await sb.getByLabel('What the rows are').inputValue()).toBe('');
    await sb.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => statusOf(sb)).toBe('Choose what the rows are first, above.');
    await sb.getByLabel('What the rows are').selectOption('time_off');
    await sb.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => statusOf(sb)).toMatch(/The sheet has no header in row 1/);

    // Sync time off writes into the sheet in front too: back on the template, it says so first.
    await page.getByRole('tab', { name: 'Time off to create' }).click();
    await expect
      .poll(() => page.getByRole('tab', { selected: true }).textContent())
      .toBe('Time off to create');
    const sync = sb.getByRole('button', { name: 'Sync time off' });
    await sync.click();
    await expect
      .poll(() => sb.locator('#syncStatus').textContent())
      .toBe(
        'The sheet in front is now "Time off to create", not "Sheet1". Nothing was done: press the button again to use "Time off to create".',
      );
    expect(await sb.locator('#syncStatus').getAttribute('data-tone')).toBe('info');
    await sync.click();
    await expect.poll(() => sb.locator('#syncStatus').textContent()).toMatch(/Time off to create/);
    expect(await sb.locator('#syncStatus').textContent()).not.toMatch(/sheet in front is now/);
  });

  it('Settings: a key Assembled never issued is refused in words; each check read in words, details on demand; Remove key clears the old results', async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const checks = sb.locator('#checks li');
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await sb.locator('#status', { hasText: 'Connected to Assembled' }).waitFor();
    // First how the server takes times (the workbench runs the live dialect: unix seconds), then each read.
    // Named as the setting it checks, in words for whoever sets it: not "Time format: the server accepts …".
    expect(await checks.first().textContent()).toBe(
      'Send times as: Assembled takes times sent as Unix seconds',
    );
    expect((await checks.allTextContents()).join('\n')).not.toMatch(/\bserver\b/);
    expect(await checks.allTextContents()).toEqual(
      expect.arrayContaining([
        'People: 100 read',
        'Teams: 8 read',
        'Start a report: one small adherence report (the last day) started in Assembled, which changes no data',
      ]),
    );
    // It fits the sidebar: nothing wider than the frame; the raw requests only on demand.
    const overflow = await sb
      .locator(':root')
      .evaluate((e) => e.scrollWidth - (e.ownerDocument.defaultView?.innerWidth ?? 0));
    expect(overflow).toBeLessThanOrEqual(0);
    const raw = sb.getByRole('table', { name: 'Requests made by the connection test' });
    expect(await raw.isVisible()).toBe(false);
    await sb.getByText('Details: each request').click();
    await expect.poll(() => raw.textContent()).toMatch(/GET \/v0\/people200100/);

    // Remove key asks first, in the page; Keep it (focused, so Enter keeps) and Escape keep it.
    const ask = sb.getByRole('group', { name: 'Remove the saved key?' });
    for (const key of ['Enter', 'Escape']) {
      await sb.getByRole('button', { name: 'Remove key' }).click();
      await ask.waitFor();
      await page.keyboard.press(key);
      await ask.waitFor({ state: 'hidden' });
      expect(await sb.locator(':focus').textContent()).toBe('Remove key');
    }
    // Asked again while the question is open: the same question, Keep it focused again.
    await sb.getByRole('button', { name: 'Remove key' }).click();
    await sb.getByRole('button', { name: 'Remove key' }).first().click();
    expect(await ask.count()).toBe(1);
    expect(await sb.locator(':focus').textContent()).toBe('Keep it');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    expect(await checks.count()).toBeGreaterThan(0);
    // Removed: the earlier all-OK results go, the status says what now holds.
    await sb.getByRole('button', { name: 'Remove key' }).click();
    await ask.getByRole('button', { name: 'Yes, remove key', exact: true }).click();
    await sb.locator('#status', { hasText: 'The API key was removed.' }).waitFor();
    expect(await sb.locator('#results').isHidden()).toBe(true);
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => statusOf(sb))
      .toBe('No API key is saved: paste your API key in API key above, then Test connection.');
    expect(await checks.count()).toBe(0);

    // A well-formed key the simulator never issued: refused, said once, the checks after it not
    // tried, said in one line (the requests stay behind Details).
    await sb.getByLabel('API key').fill('sk_live_test_never_issued_key');
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await sb.getByRole('button', { name: 'Save anyway' }).click();
    await sb.locator('#status', { hasText: 'Saved, though' }).waitFor();
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => statusOf(sb))
      .toBe(
        'Assembled did not accept the API key: it is mistyped, or no longer valid (revoked). Copy it again from Assembled\'s Settings ▸ API page, paste it above and test again. Assembled said: "Invalid API key".',
      );
    expect(await checks.allTextContents()).toEqual([
      'API key: Assembled did not accept it, at the first check.',
      'The 19 checks after it were not tried: Assembled would refuse the key on each.',
    ]);
    expect(await raw.locator('tbody tr').count()).toBeGreaterThan(5);
    expect(bench().dialogs).toEqual([]);
  });
});
