// The workbench in real headless Chromium (Debian's package, driven by playwright-core; no browser
// is downloaded). Each test file starts its own workbench server on a free port and one browser.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, type TestContext } from 'vitest';
import {
  type RunningWorkbench,
  startWorkbench,
  type WorkbenchServerOptions,
} from '../../dev/workbench/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
/** How long the page may take to show a skip of the clock: its executions run one by one. */
export const SKIP_MS = 60_000;

/** Without these Chromium waits on connections this offline machine cannot make. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Bench {
  running: RunningWorkbench;
  context: BrowserContext;
  page: Page;
  /** window.alert/confirm/prompt seen anywhere on the page or in the sidebar. */
  dialogs: string[];
  close(): Promise<void>;
}

export async function openBench(options: WorkbenchServerOptions = {}): Promise<Bench> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  const running = await startWorkbench({
    now: '2026-05-25T12:00:00Z',
    reportDelayMs: 2000,
    // Virtual time runs 10× the real one, and the sidebars' timers with it: the add-on's first
    // check comes 10 virtual seconds after the start as in the product, 1 real one here.
    clockRate: 10,
    ...options,
  });
  const profile = mkdtempSync(join(tmpdir(), 'workbench-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 800 },
      timeout: 30_000,
      acceptDownloads: true,
    });
  } catch (error) {
    await running.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  // A wait for the workbench's own work (a Run now's run, a pull's pages): on a busy 2-core machine
  // (load 15, CI beside other runs) one took over 15 s; a failing wait only takes longer to say so.
  context.setDefaultTimeout(45_000);
  // Ctrl+C / Ctrl+V in the grid use the real clipboard; the tests read and fill it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(running.url).origin,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Uncaught errors in the page or its sidebar frame, printed beside a failed test's screenshot: a
  // sidebar whose drawing threw looks only stuck ("Loading…") in the picture.
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.stack ?? String(error)));
  await page.goto(running.url);
  await page.locator('#menubar button', { hasText: 'Extensions' }).waitFor();
  const browser = context;
  return {
    running,
    context: browser,
    page,
    dialogs,
    async close() {
      await browser.close().catch(() => undefined);
      await running.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A menu's name on the workbench's menu bar: File, Edit, Format, Data or Extensions. */
export function menuName(page: Page, name: string): Locator {
  return page.getByRole('menubar').getByRole('menuitem', { name, exact: true });
}

/**
 * Extensions ▸ Assembled for Google Sheets ▸ caption, then waits for the sidebar page it opens.
 * Reopening the sidebar already shown keeps its title, so without this wait a test on a busy
 * machine could fill in the old page just before the new one replaced it.
 */
export async function menu(page: Page, caption: string): Promise<void> {
  const before = await page.locator('#sidebarFrame').getAttribute('src');
  await menuName(page, 'Extensions').click();
  await page.getByRole('menuitem', { name: 'Assembled for Google Sheets' }).click();
  await page.getByRole('menuitem', { name: caption }).click();
  const opened = await page.waitForFunction((old) => {
    const src = document.querySelector('#sidebarFrame')?.getAttribute('src');
    return src && src !== old ? src : false;
  }, before);
  const src = (await opened.jsonValue()) as string;
  for (let i = 0; i < 300 && !page.frames().some((f) => f.url().endsWith(src)); i++)
    await page.waitForTimeout(50);
}

/** The open sidebar's document, once the given title is showing. */
export async function sidebar(page: Page, title: string): Promise<FrameLocator> {
  await page.locator('#sidebarTitle', { hasText: title }).waitFor();
  return page.frameLocator('#sidebarFrame');
}

/** The grid's cell at row (1-based) and column letter. */
export function cell(page: Page, row: number, column: string) {
  const col = column.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return page.locator(`#grid td[data-row="${row}"][data-col="${col}"]`);
}

/** Scrolls the grid to its end as a person would, until no more rows are drawn. */
export async function scrollToEnd(page: Page): Promise<void> {
  const rows = page.locator('#grid tbody tr');
  let before = -1;
  for (let count = await rows.count(); count !== before; count = await rows.count()) {
    before = count;
    await page.locator('#sheet').evaluate((e) => {
      e.scrollTop = e.scrollHeight;
    });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
}

/** Types one row of values from the selected cell rightwards, as a person would. */
export async function typeRow(page: Page, row: number, values: string[]): Promise<void> {
  await cell(page, row, 'A').click();
  for (const value of values) {
    const before = await page.locator('#cellName').inputValue();
    await page.locator('#formula').fill(value);
    await page.locator('#formula').press('Tab');
    await page.waitForFunction(
      (from) => document.querySelector<HTMLInputElement>('#cellName')?.value !== from,
      before,
    );
  }
}

/**
 * Whether a person sees the element's words without scrolling: all of it inside the frame, or,
 * taller than the frame, its start at the top. Scrolling is by whole pixels, hence the pixel's slack.
 */
export function shown(locator: Locator): Promise<boolean> {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top > -1 && (r.bottom < innerHeight + 1 || r.top < 1);
  });
}

/** Each bench page's uncaught errors so far (openBench). */
const pageErrors = new WeakMap<Page, string[]>();

/** Saves a screenshot under test-results/ when the test failed, and prints the page's uncaught errors. */
export async function screenshotIfFailed(ctx: TestContext, page: Page | undefined): Promise<void> {
  if (!page || ctx.task.result?.state !== 'fail') return;
  mkdirSync(RESULTS, { recursive: true });
  const name = ctx.task.name.replace(/[^\w-]+/g, '-').slice(0, 80);
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true }).catch(() => undefined);
  const errors = pageErrors.get(page) ?? [];
  if (errors.length)
    console.error(`Uncaught in the page before "${ctx.task.name}" failed:\n${errors.join('\n')}`);
}

/**
 * One workbench and browser for the test file: opened before its tests, closed after them, with a
 * screenshot of any test that fails. Returns the way to reach it from a test.
 */
export function useBench(options: WorkbenchServerOptions = {}): () => Bench {
  let bench: Bench | undefined;
  beforeAll(async () => {
    bench = await openBench(options);
  });
  afterEach(async (ctx) => {
    await screenshotIfFailed(ctx, bench?.page);
  });
  afterAll(async () => {
    await bench?.close();
  });
  return () => {
    if (!bench) throw new Error('The workbench did not open');
    return bench;
  };
}

/** Pulls a source into a new sheet through the Pull data sidebar and waits until it is done. */
export async function pullIntoNewSheet(
  page: Page,
  source: string,
  sheet: string,
  choose?: (sb: FrameLocator) => Promise<void>,
): Promise<FrameLocator> {
  await menu(page, 'Pull data…');
  const sb = await sidebar(page, 'Pull data from Assembled');
  await sb.getByLabel('Data', { exact: true }).selectOption({ label: source });
  // Opened over a sheet a pull filled, the form is aimed at that sheet.
  await sb.getByLabel('New sheet').check();
  await sb.getByLabel('Sheet name').fill(sheet);
  await choose?.(sb);
  await sb.getByRole('button', { name: 'Pull data' }).click();
  await sb.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
  return sb;
}

/**
 * Done's Go to, as a person takes it to the sheet a pull wrote (its rows land behind the sheet in
 * front); the tab is drawn first, the grid once the sheet's view has come.
 */
export async function goToPulled(page: Page, sb: FrameLocator, sheet: string): Promise<void> {
  await sb.getByRole('button', { name: `Go to ${sheet}`, exact: true }).click();
  await page.getByRole('tab', { name: sheet, exact: true, selected: true }).waitFor();
}

/** Pulls a source into a new sheet and saves the weekly refresh the sidebar then offers. */
export async function pullAndSchedule(page: Page, source: string, sheet: string): Promise<FrameLocator> {
  const sb = await pullIntoNewSheet(page, source, sheet);
  await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
  await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
  return sb;
}

/** +1 h on the workbench's clock, as a person presses it; done once the skip has ended. */
export async function skipHour(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Skip ahead 1 hour' }).click();
  await page.locator('#skipSet[aria-busy="false"]').waitFor({ timeout: SKIP_MS });
}

/** Opens Scheduled refreshes; gives the sidebar and the card of the refresh into `sheet`. */
export async function refreshCard(page: Page, sheet: string) {
  await menu(page, 'Scheduled refreshes…');
  const sb = await sidebar(page, 'Scheduled refreshes');
  return { sb, card: sb.locator('li.card', { hasText: sheet }) };
}

/**
 * A daily Teams refresh into a new sheet `sheet`, run once with a key Assembled never issued, so
 * it is paused for a refused key. Gives its id and puts the workbench's own key back (`restore`).
 */
export async function pausedForRefusedKey(bench: Bench, sheet: string) {
  const { rt, session } = bench.running.workbench;
  rt.workbook.addSheet(sheet);
  const [refresh] = await rt.callFromSidebar<{ id: string }[]>(
    'saveRefresh',
    {
      spec: {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'sheet', name: sheet },
        mode: 'replace',
      },
      frequency: { kind: 'daily', hour: 7 },
      notifyByEmail: false,
    },
    `paused-${sheet.replace(/\W+/g, '-').toLowerCase()}`,
  );
  const options = { timeFormat: 'unix', apiVersion: '' };
  await rt.callFromSidebar('saveSettings', { apiKey: 'sk_live_test_never_issued_key', ...options });
  await rt.callFromSidebar('runRefreshNow', refresh?.id);
  return {
    id: refresh?.id,
    restore: () => rt.callFromSidebar('saveSettings', { apiKey: session.backend.key, ...options }),
  };
}

/**
 * Records every text the element shows from now on, however briefly, as the page draws them;
 * gives what reads them back.
 */
export async function wordsSeen(locator: Locator): Promise<() => Promise<string[]>> {
  await locator.evaluate((node) => {
    const seen: string[] = [];
    Object.assign(window, { seen });
    new MutationObserver(() => seen.push(node.textContent ?? '')).observe(node, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => locator.evaluate(() => (window as unknown as { seen: string[] }).seen);
}

/** Resets the workbench from the page: a fresh runtime and simulator, the add-on opened again. */
export async function reset(page: Page): Promise<void> {
  const before = await page.locator('body').getAttribute('data-version');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Reset the workbench?' })
    .getByRole('button', { name: 'Reset everything' })
    .click();
  // A fresh simulator and runtime take a while on a busy machine. The version's first part names
  // the session: a change in the rest (a refresh from the last test's edit landing late) is not
  // the reset, and a test that wrote to the old runtime saw its rows wiped by the reset after it.
  await page.waitForFunction(
    (v) =>
      document.body.dataset.version?.split('.')[0] !== v?.split('.')[0] &&
      document.querySelectorAll('[role="tab"]').length === 1,
    before,
    { timeout: 45_000 },
  );
  await page.locator('#sidebar').waitFor({ state: 'hidden' });
}

/** The demo organisation's `i`th current agent a row may name (not deleted, staffable). */
export function demoAgent(bench: Bench, i = 0) {
  const sim = bench.running.workbench.session.backend.simulator;
  const agent = sim?.admin.org.people.filter((p) => !p.deleted && p.staffable)[i];
  if (!agent) throw new Error('The demo organisation has no agents');
  return agent;
}

/** Opens Push rows and inserts the template of `kind` rows; gives the sidebar and the sheet made. */
export async function pushTemplate(page: Page, kind: string): Promise<{ sb: FrameLocator; sheet: string }> {
  await menu(page, 'Push rows…');
  const sb = await sidebar(page, 'Push rows to Assembled');
  await sb.getByLabel('What the rows are').selectOption(kind);
  await sb.getByRole('button', { name: 'Insert template' }).click();
  await sb.locator('#status', { hasText: /^Sheet ".*" is ready/ }).waitFor();
  return { sb, sheet: (await page.getByRole('tab', { selected: true }).textContent()) ?? '' };
}

/** Inserts the time-off template from Push rows and types one row for `email`; gives the sidebar. */
export async function typedTimeOff(page: Page, email: string, notes: string): Promise<FrameLocator> {
  const { sb } = await pushTemplate(page, 'time_off');
  await typeRow(page, 2, [email, '2026-07-08 09:00', '2026-07-08 17:00', 'FALSE', 'pto', notes]);
  return sb;
}

/**
 * Holds the sidebar's next call of each function named with `hold` at the page's door until it is
 * let through; `arrived` says whether it has come.
 */
export async function callGate(page: Page) {
  const gates = new Map<string, { arrived: boolean; open: () => void; opened: Promise<void> }>();
  await page.route('**/api/run', async (route) => {
    const gate = gates.get(route.request().postDataJSON()?.fn);
    if (gate && !gate.arrived) {
      gate.arrived = true;
      await gate.opened;
    }
    await route.continue();
  });
  return {
    hold(fn: string) {
      let open: () => void = () => undefined;
      const opened = new Promise<void>((done) => {
        open = done;
      });
      const gate = { arrived: false, open, opened };
      gates.set(fn, gate);
      return { arrived: () => gate.arrived, open };
    },
    /** Lets every call held through (a test that failed leaves some held), then stops holding. */
    async done() {
      for (const gate of gates.values()) gate.open();
      await page.unrouteAll({ behavior: 'wait' });
    },
  };
}
