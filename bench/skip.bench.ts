// The workbench's skip buttons on the QA round's workbook (a ~2,000-row adherence report, people and
// teams pulled, a monthly refresh saved; test/workbench/monthly-refresh.ts), from 6 December.
// - server: Workbench.skip of an hour, a day and a week, and 6 December to 1 January 07:00 (the
//   refresh's run included), each as one request: wall and CPU time, executions run.
// - heap kept by 200 sidebar calls (listRefreshes): what a sidebar open for a while leaves behind;
//   the median of a few runs, each in a fresh process: this one holds what earlier benches left.
// - page: in Chromium (CHROMIUM_PATH, /usr/bin/chromium; left out without one), the report's sheet
//   scrolled to its end (2,000 rows drawn) as a person checking it would, then +1 h, +1 day and
//   +1 week clicked, each timed from the click until the buttons are back.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startWorkbench } from '../dev/workbench/server';
import { Workbench } from '../dev/workbench/workbench';
import { monthlyRefreshWorkbook } from '../test/workbench/monthly-refresh';

const HOUR = 3_600_000;
const START = '2026-12-06T14:00:00Z';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HEAP_RUNS = 3;
const execFileAsync = promisify(execFile);

async function serverSkips(figures: Record<string, number | string>): Promise<void> {
  const bench = await Workbench.create({ followRealClock: false, now: START }, '');
  try {
    await monthlyRefreshWorkbook(bench.rt);
    figures['report rows'] = bench.rt.workbook.values('Adherence').length - 1;
    const spans: [string, () => number][] = [
      ['+1 h', () => HOUR],
      ['+1 day', () => 24 * HOUR],
      ['+1 week', () => 7 * 24 * HOUR],
      // 07:00 in New York: the refresh is due at 06:00.
      ['to 1 Jan 07:00', () => Date.parse('2027-01-01T12:00:00Z') - bench.rt.clock.now()],
    ];
    for (const [name, span] of spans) {
      const ms = span();
      const runs = bench.rt.executions.length;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const reply = await bench.skip(ms);
      if (!reply.ok) throw new Error(reply.message);
      const used = process.cpuUsage(cpu);
      figures[`server ${name}: wall ms`] = Math.round(performance.now() - started);
      figures[`server ${name}: CPU ms`] = Math.round((used.user + used.system) / 1000);
      figures[`server ${name}: executions`] = bench.rt.executions.length - runs;
    }
    const log = bench.rt.workbook.values('Assembled log');
    figures['refresh ran'] = String(log[log.length - 1]?.[2] ?? '').startsWith('Scheduled') ? 'yes' : 'no';
  } finally {
    bench.close();
  }
}

/** Median of HEAP_RUNS, each in a fresh process from the same start (bench/kept-by-sidebar-calls.ts). */
async function keptBySidebarCalls(): Promise<number> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const entry = join(root, 'bench/kept-by-sidebar-calls.ts');
  const runs: number[] = [];
  for (let i = 0; i < HEAP_RUNS; i++) {
    const args = ['--expose-gc', '--import', 'tsx', entry];
    const { stdout } = await execFileAsync(process.execPath, args, { cwd: root });
    runs.push(Number(stdout.trim().split('\n').pop()));
  }
  if (runs.some(Number.isNaN)) throw new Error(`kept-by-sidebar-calls.ts printed no figure: ${runs}`);
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN;
}

async function pageSkips(figures: Record<string, number | string>): Promise<void> {
  const running = await startWorkbench({ now: START });
  const profile = mkdtempSync(join(tmpdir(), 'skip-bench-chromium-'));
  try {
    await monthlyRefreshWorkbook(running.workbench.rt);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(running.url);
    await page.waitForFunction(() => document.body.dataset.sheet === 'Adherence');
    // Down to the report's last row, as a person checking it would: every row drawn.
    const rows = page.locator('#grid tbody tr');
    for (let before = -1, count = await rows.count(); count !== before; count = await rows.count()) {
      before = count;
      await page.locator('#sheet').evaluate((e) => {
        e.scrollTop = e.scrollHeight;
      });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    }
    figures['page: rows drawn'] = await rows.count();
    for (const [name, label] of [
      ['+1 h', 'Skip ahead 1 hour'],
      ['+1 day', 'Skip ahead 1 day'],
      ['+1 week', 'Skip ahead 1 week'],
    ] as const) {
      const started = performance.now();
      await page.getByRole('button', { name: label }).click();
      await page.waitForFunction(
        () => document.querySelector('fieldset.skip')?.getAttribute('aria-busy') === 'false',
        undefined,
        { timeout: 30 * 60_000, polling: 50 },
      );
      figures[`page ${name}: wall ms`] = Math.round(performance.now() - started);
    }
    await context.close();
  } finally {
    await running.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  await serverSkips(figures);
  figures['heap kept by 200 sidebar calls, MB'] = (await keptBySidebarCalls()).toFixed(1);
  if (existsSync(CHROMIUM)) await pageSkips(figures);
  else figures.page = `left out: no Chromium at ${CHROMIUM}`;
  return figures;
}
