// The workbench itself: typing into the grid as Sheets types, the formula bar, google.script.run's
// rules across the bridge, the clock, the .xlsx download and Reset.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import { accessible } from './a11y';
import { callGate, cell, menu, menuName, reset, SKIP_MS, sidebar, typeRow, useBench } from './support';

describe('The workbench page', () => {
  const bench = useBench();

  it('shows the backend, the menu and the virtual time in the spreadsheet zone; skipping moves it', async () => {
    const { page } = bench();
    // Its demo org's activity reaches back 62 days, so "Last month" is whole on any date.
    expect(await page.locator('#backend').textContent()).toMatch(
      /Assembled simulator \(in-process, offline, demo organisation seed 7 with activity from 2026-03-24 UTC/,
    );
    await expect.poll(() => page.locator('#clock').textContent()).toMatch(/^Mon 2026-05-25 08:0\d:\d\d EDT$/);
    // Each skip button's name starts with the words on it, so a voice-control user who says what
    // they see ("click +1 day") presses it (WCAG 2.5.3 Label in Name).
    const skips = await page.locator('.skip-button').all();
    expect(skips).toHaveLength(3);
    for (const skip of skips) {
      const shown = (await skip.textContent()) ?? '';
      const { name } = await accessible(skip);
      expect(name.slice(0, shown.length)).toBe(shown);
    }
    await page.getByRole('button', { name: 'Skip ahead 1 day' }).click();
    // The skip's executions run one by one while the server answers the page in between.
    await expect
      .poll(() => page.locator('#clock').textContent(), { timeout: SKIP_MS })
      .toMatch(/^Tue 2026-05-26 08:0\d:\d\d EDT$/);
    await menuName(page, 'Extensions').click();
    await page.getByRole('menuitem', { name: 'Assembled for Google Sheets' }).click();
    // The open list's items (and its submenu's), not the menu bar's names.
    const items = await page.getByRole('menu').first().getByRole('menuitem').allTextContents();
    expect(items).toEqual([
      'Assembled for Google Sheets',
      'Pull data…',
      'Push rows…',
      'Scheduled refreshes…',
      'Settings…',
    ]);
    // Escape closes the submenu the keyboard was put in (at its first item), then the menu.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
  });

  it('loads with every request answered: its icon is served, and /favicon.ico is no 404', async () => {
    const { context, running } = bench();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(running.url);
      await page.locator('#menubar button', { hasText: 'Extensions' }).waitFor();
      const href = (await page.locator('link[rel="icon"]').getAttribute('href')) ?? '';
      const icon = await page.request.get(new URL(href, running.url).href);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toBe('image/svg+xml');
      expect(await icon.text()).toMatch(/^<svg /);
      // What a browser asks for whatever the page names (a JSON answer opened in a tab names none).
      const ico = await page.request.get(new URL('/favicon.ico', running.url).href);
      expect(ico.status()).toBe(204);
      expect(failed).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a skip turns the skip buttons off until it is done, shows how far it has got and the clock as it goes, and draws the sheet after', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt } = running.workbench;
    // A daily refresh saved, so the hourly trigger runs on the way and changes the state's version.
    rt.workbook.addSheet('Teams');
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'daily', hour: 9 },
      key: 'skip-refresh-0001',
    });
    await page.getByRole('tab', { name: 'Teams' }).click();
    await page.waitForFunction(() => document.body.dataset.sheet === 'Teams');
    // What the page shows, and when it asks for the sheet, from before the click to the end.
    await page.evaluate(() => {
      const seen: { at: number; busy?: string; clock?: string; sheet?: boolean }[] = [];
      Object.assign(window, { skipSeen: seen });
      const set = document.querySelector('fieldset.skip') as HTMLElement;
      const clock = document.querySelector('#clock') as HTMLElement;
      const note = () =>
        seen.push({
          at: performance.now(),
          busy: set.getAttribute('aria-busy') ?? '',
          clock: clock.textContent ?? '',
        });
      new MutationObserver(note).observe(clock, { childList: true, characterData: true, subtree: true });
      new MutationObserver(note).observe(set, { attributes: true, attributeFilter: ['aria-busy'] });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.name.includes('/api/sheet')) seen.push({ at: e.startTime, sheet: true });
      }).observe({ type: 'resource' });
    });
    // The skip slowed down enough to watch: an hour at a time, a fifth of a second apart.
    const advance = rt.clock.advanceAsync;
    rt.clock.advanceAsync = async (ms) => {
      const fired = [];
      for (let left = ms; left > 0; left -= 3_600_000) {
        fired.push(...(await advance(Math.min(left, 3_600_000))));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return fired;
    };
    try {
      const from = rt.clock.now();
      await page.getByRole('button', { name: 'Skip ahead 1 day' }).click();
      const hour = page.getByRole('button', { name: 'Skip ahead 1 hour' });
      await expect.poll(() => hour.getAttribute('aria-disabled')).toBe('true');
      await expect
        .poll(() => page.locator('#skipProgress').textContent())
        .toMatch(/^Skipping to Tue 2026-05-26 \d\d:\d\d:\d\d EDT: ([1-9]|[1-9]\d)%$/);
      // A click meanwhile adds nothing.
      await hour.evaluate((b: HTMLElement) => b.click());
      await page.waitForFunction(
        () => document.querySelector('fieldset.skip')?.getAttribute('aria-busy') === 'false',
        undefined,
        {
          timeout: SKIP_MS,
        },
      );
      expect(await hour.getAttribute('aria-disabled')).toBe('false');
      expect(await page.locator('#skipProgress').isHidden()).toBe(true);
      const moved = rt.clock.now() - from;
      expect(moved).toBeGreaterThanOrEqual(24 * 3_600_000);
      // The follow clock runs 10 times the real one meanwhile: minutes, not the hour clicked.
      expect(moved).toBeLessThan(24.5 * 3_600_000);
      await expect
        .poll(() =>
          page.evaluate(() =>
            (window as unknown as { skipSeen: { sheet?: boolean }[] }).skipSeen.some((e) => e.sheet),
          ),
        )
        .toBe(true);
      const seen = await page.evaluate(
        () =>
          (
            window as unknown as {
              skipSeen: { at: number; busy?: string; clock?: string; sheet?: boolean }[];
            }
          ).skipSeen,
      );
      const began = seen.find((e) => e.busy === 'true')?.at ?? Number.NaN;
      const ended = seen.find((e) => e.at > began && e.busy === 'false')?.at ?? Number.NaN;
      // No sheet asked for while the skip ran (each hourly run used to have it fetched and drawn
      // again); asked for once it was done.
      expect(seen.filter((e) => e.sheet && e.at > began && e.at < ended)).toEqual([]);
      expect(seen.some((e) => e.sheet && e.at > ended)).toBe(true);
      // The clock went on as the server did, never back: many times shown, each later than the last.
      const minutes = seen
        .filter((e) => e.clock && e.at >= began && e.at <= ended)
        .map((e) => Date.parse(`${(e.clock ?? '').split(' ').slice(1, 3).join('T')}Z`) / 60_000);
      expect(minutes.length).toBeGreaterThan(3);
      expect(minutes.slice(1).every((m, i) => m >= (minutes[i] ?? 0))).toBe(true);
      await expect.poll(() => page.locator('#clock').textContent()).toMatch(/^Tue 2026-05-26 /);
    } finally {
      rt.clock.advanceAsync = advance;
      await reset(page);
    }
  });

  it('draws the sheet again when it changed, not after every execution that left it as it was', async () => {
    const { page, running } = bench();
    await reset(page);
    const { workbench } = running;
    const rows = Array.from({ length: 40 }, (_, i) => [`agent ${i}`, String(i)]);
    expect(workbench.write('Sheet1', 1, 1, rows)).toMatchObject({ ok: true });
    await expect.poll(() => cell(page, 40, 'A').textContent()).toBe('agent 39');
    // A cell drawn now, marked: drawing the sheet again makes new cells.
    const marked = () =>
      cell(page, 30, 'B').evaluate((td: HTMLElement) => td.dataset.marked ?? 'drawn again');
    await cell(page, 30, 'B').evaluate((td: HTMLElement) => {
      td.dataset.marked = 'as drawn';
    });
    const version = () => page.evaluate(() => document.body.dataset.version);
    const before = await version();
    // An execution that changes nothing in the sheet (an hourly tick, a sidebar's check).
    expect(workbench.rt.run('getSettings').error).toBeUndefined();
    await expect.poll(version).not.toBe(before);
    expect(await marked()).toBe('as drawn');
    // A change to the sheet is drawn.
    expect(workbench.write('Sheet1', 30, 2, [['changed']])).toMatchObject({ ok: true });
    await expect.poll(() => cell(page, 30, 'B').textContent()).toBe('changed');
    expect(await marked()).toBe('drawn again');
    await reset(page);
  });

  it('makes the simulated Assembled misbehave from the page, until set back or reset', async () => {
    const { page } = bench();
    await reset(page);
    const status = () => {
      const sim = bench().running.workbench.session.backend.simulator;
      if (!sim) throw new Error('The workbench runs no simulator');
      const auth = `Basic ${Buffer.from(`${sim.admin.sampleKey}:`).toString('base64')}`;
      return sim.handle({ method: 'GET', url: '/v0/teams', headers: { authorization: auth } }).status;
    };
    const faults = page.getByLabel('How the simulated Assembled answers');
    expect(await faults.inputValue()).toBe('none');
    expect(status()).toBe(200);
    await faults.selectOption({ label: 'Is down (every request a 5xx)' });
    await page.waitForFunction(() => document.body.dataset.faults === 'down');
    expect(status()).toBeGreaterThanOrEqual(500);
    // The page shows what the server holds, after a reload too.
    await page.reload();
    await expect.poll(() => faults.inputValue()).toBe('down');
    await faults.selectOption('none');
    await page.waitForFunction(() => document.body.dataset.faults === 'none');
    expect(status()).toBe(200);
    await faults.selectOption('down');
    await page.waitForFunction(() => document.body.dataset.faults === 'down');
    await reset(page);
    await expect.poll(() => faults.inputValue()).toBe('none');
    expect(status()).toBe(200);
  });

  it('shows the mail the add-on sent: a refresh given up e-mails its owner', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt } = running.workbench;
    rt.workbook.addSheet('Teams');
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Teams',
      frequency: { kind: 'daily', hour: 9 },
      key: 'mail-refresh-0001',
      notify: true,
    });
    // As wide as a laptop's screen: the tools' row then holds every control on one line.
    await page.setViewportSize({ width: 1500, height: 800 });
    const gridTop = () => page.locator('#grid').evaluate((g) => g.getBoundingClientRect().top);
    await page.getByLabel('How the simulated Assembled answers').selectOption('down');
    await page.waitForFunction(() => document.body.dataset.faults === 'down');
    const top = await gridTop();
    await page.getByRole('button', { name: 'Skip ahead 1 day' }).click();
    // Words that come and go in the header (the skip's progress, the mail's count) never push the
    // grid down under the person's eyes.
    await expect.poll(() => page.locator('#skipProgress').isVisible()).toBe(true);
    expect(await gridTop()).toBe(top);
    await expect.poll(() => page.locator('#mailButton').textContent(), { timeout: SKIP_MS }).toBe('Mail (1)');
    expect(await gridTop()).toBe(top);
    await page.getByRole('button', { name: 'Mail (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mail the add-on sent' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('li').count()).toBe(1);
    expect(await dialog.locator('li').textContent()).toMatch(
      /refresh of yours failed.*To analyst@example\.com, /,
    );
    expect(await dialog.locator('pre').textContent()).toMatch(/gave up after 3 attempts/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The card says the run was given up in red, as its attempts were, and that its owner is e-mailed.
    await menu(page, 'Scheduled refreshes…');
    const card = (await sidebar(page, 'Scheduled refreshes')).locator('li.card', { hasText: 'Teams' });
    await expect
      .poll(() => card.locator('dd.failed').textContent())
      .toMatch(/^Due \d{4}-\d\d-\d\d 09:00, failed at \d\d:\d\d$/);
    await card.getByText('Why it failed').click();
    expect(await card.locator('.why p').textContent()).toMatch(/gave up after 3 attempts/);
    expect(await card.textContent()).toMatch(/If it fails\s*E-mail the owner/);
    // Its mode in the Pull form's words, not the stored value.
    expect(await card.textContent()).toMatch(/If the target has data\s*Replace it/);
    await reset(page);
  });

  it('names the formula bar "Formula", its "fx" shown beside it', async () => {
    const { page } = bench();
    expect(await accessible(page.locator('#formula'))).toMatchObject({ role: 'combobox', name: 'Formula' });
    const shown = page.locator('label.fx [aria-hidden="true"]');
    expect(await shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toBe('fx');
  });

  it('types values as Sheets does: formulas show their value, the formula bar their text', async () => {
    const { page } = bench();
    await reset(page);
    await cell(page, 1, 'A').click();
    for (const value of ['=1+1', '2026-03-01', '1,234', "'007", 'hello']) {
      const before = await page.locator('#cellName').inputValue();
      await page.locator('#formula').fill(value);
      await page.locator('#formula').press('Enter');
      await page.waitForFunction(
        (from) => document.querySelector<HTMLInputElement>('#cellName')?.value !== from,
        before,
      );
    }
    await expect.poll(() => cell(page, 5, 'A').textContent()).toBe('hello');
    // Each cell shows what was typed until the server's view has it, then what Sheets would show.
    await expect
      .poll(() => Promise.all([1, 2, 3, 4].map((r) => cell(page, r, 'A').textContent())))
      .toEqual(['2', '2026-03-01', '1,234', '007']);
    expect(await cell(page, 1, 'A').getAttribute('class')).toMatch(/num/);
    expect(await cell(page, 4, 'A').getAttribute('class')).not.toMatch(/num/);
    await cell(page, 1, 'A').click();
    await expect.poll(() => page.locator('#formula').inputValue()).toBe('=1+1');
    expect(await page.locator('#cellName').inputValue()).toBe('A1');
    // Arrow keys move the selection; typing on a cell replaces what it holds.
    await cell(page, 5, 'A').click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#cellName').inputValue()).toBe('A6');
    await page.keyboard.type('=2*3');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 6, 'A').textContent()).toBe('6');
    // A formula the runtime does not work out says so on hover (Sheets would compute it).
    await page.keyboard.type('=SUM(A1:A6)');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 7, 'A').textContent()).toBe('#NAME?');
    expect(await cell(page, 7, 'A').getAttribute('title')).toMatch(/^Not computed in the workbench/);
    expect(await cell(page, 6, 'A').getAttribute('title')).toBeNull();
    // A number typed into a date-formatted cell shows as a date, as in Sheets.
    await cell(page, 2, 'A').click();
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 2, 'A').textContent()).toBe('1900-01-05');
  });

  it('downloads the workbook as .xlsx with values, formats, formulas and notes', async () => {
    const { page } = bench();
    await reset(page);
    await typeRow(page, 1, ['=1+1', '2026-03-01', "'007"]);
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    await sb.getByLabel('What the rows are').selectOption('time_off');
    await sb.getByRole('button', { name: 'Insert template' }).click();
    await sb.locator('#status', { hasText: 'is ready' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Assembled workbench.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'Time off to create']);
    const sheet1 = book.getWorksheet('Sheet1');
    expect(sheet1?.getCell('A1').value).toEqual({ formula: '1+1', result: 2 });
    const date = sheet1?.getCell('B1');
    expect(date?.numFmt).toMatch(/yyyy/);
    expect(date?.value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(sheet1?.getCell('C1').value).toBe('007');
    const template = book.getWorksheet('Time off to create');
    expect(template?.getCell('A1').value).toBe('Agent');
    expect(template?.getCell('A1').font?.bold).toBe(true);
    expect(String(template?.getCell('A1').note ?? '')).toMatch(/Required/);
    expect(template?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it("bridges google.script.run with Apps Script's rules: no Dates, private names, errors as messages", async () => {
    const { page } = bench();
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    await sb.getByRole('button', { name: 'Test connection' }).waitFor();
    const results = await sb.locator(':root').evaluate(async () => {
      type Run = Record<string, (...args: unknown[]) => void> & {
        withSuccessHandler(f: (v: unknown) => void): Run;
        withFailureHandler(f: (e: Error) => void): Run;
      };
      const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
      const call = (fn: string, ...args: unknown[]) =>
        new Promise((resolve) => {
          const runner = run
            .withSuccessHandler((value) => resolve({ ok: true, value }))
            .withFailureHandler((error) => resolve({ ok: false, message: error.message }));
          (runner[fn] as (...a: unknown[]) => void)(...args);
        });
      return {
        privateName: typeof run.readApiKey_,
        date: await call('previewRange', new Date()),
        nestedDate: await call('previewRange', { kind: 'absolute', from: new Date() }),
        invalid: await call('previewRange', { kind: 'relative', preset: 'someday' }),
        settings: await call('getSettings'),
      };
    });
    expect(results.privateName).toBe('undefined');
    expect(results.date).toEqual({ ok: false, message: 'Failed due to illegal value in property: 0' });
    expect(results.nestedDate).toEqual({
      ok: false,
      message: 'Failed due to illegal value in property: from',
    });
    expect(results.invalid).toMatchObject({ ok: false, message: expect.stringMatching(/Date range/) });
    expect(results.settings).toMatchObject({ ok: true, value: { hasKey: true, timeFormat: 'unix' } });
    expect(JSON.stringify(results.settings)).not.toContain(bench().running.workbench.session.backend.key);
  });

  it('answers a call to the sidebar that made it: one replaced since does not hand its answer to the new one', async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Push rows…');
    const push = await sidebar(page, 'Push rows to Assembled');
    await push.locator('#sheetName', { hasText: 'Sheet1' }).waitFor();
    const gate = await callGate(page);
    try {
      // Push rows asks which sheet is in front (the person back in it), answered late, as on a busy
      // machine, after Scheduled refreshes has taken its place and asked for its list: each page
      // numbers its calls from 1, and the answer "Sheet1" was drawn as a list of 6 refreshes (CI).
      const front = gate.hold('pushSheetInFront');
      const listed = gate.hold('listRefreshes');
      await push.locator('body').evaluate(() => window.dispatchEvent(new Event('focus')));
      await expect.poll(front.arrived).toBe(true);
      await menu(page, 'Scheduled refreshes…');
      const sb = await sidebar(page, 'Scheduled refreshes');
      await expect.poll(listed.arrived).toBe(true);
      // Its answer posted to the frame, which now holds Scheduled refreshes, before the list's.
      type Waiting = { came: Promise<void> };
      await sb.locator(':root').evaluate(() => {
        (window as unknown as Waiting).came = new Promise((done) =>
          window.addEventListener('message', (e) => e.data?.reply?.value === 'Sheet1' && done()),
        );
      });
      front.open();
      await sb.locator(':root').evaluate(() => (window as unknown as Waiting).came);
      listed.open();
      await sb.getByText('No scheduled refreshes in this spreadsheet yet.').waitFor();
      expect(await sb.locator('#summary').isHidden()).toBe(true);
      expect(await sb.locator('#status').textContent()).toBe('');
    } finally {
      await gate.done();
    }
  });

  it("draws what a sidebar's call did before the sidebar says so: a row typed at Insert template's 'is ready' goes into the new sheet", async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    await sb.getByLabel('What the rows are').selectOption('time_off');
    // The page's sheet fetches answered a second late, as on a busy machine.
    await page.route('**/api/sheet?*', async (route) => {
      await new Promise((done) => setTimeout(done, 1000));
      await route.continue();
    });
    try {
      await sb.getByRole('button', { name: 'Insert template' }).click();
      await sb.locator('#status', { hasText: /^Sheet ".*" is ready/ }).waitFor();
      // At once, as a person clicks there: the grid shows the sheet the tab bar has in front.
      expect(await page.evaluate(() => document.body.dataset.sheet)).toBe('Time off to create');
      await typeRow(page, 2, ['someone@example.com']);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
    expect(await cell(page, 1, 'A').textContent()).toBe('Agent');
    await expect.poll(() => cell(page, 2, 'A').textContent()).toBe('someone@example.com');
  });

  it('Reset gives a fresh spreadsheet with the add-on opened and connected', async () => {
    const { page } = bench();
    await reset(page);
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Sheet1']);
    expect(await cell(page, 1, 'A').textContent()).toBe('');
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await sb.locator('#status', { hasText: 'Connected to Assembled' }).waitFor();
    await page.getByRole('button', { name: 'Close sidebar' }).click();
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
  });

  it("the tests' reset waits for the fresh runtime, not for a refresh of the last one landing late", async () => {
    const { page, running } = bench();
    const old = running.workbench.rt;
    // An edit the page has not drawn yet, and a reset slower than the page's next refresh.
    await page.route('**/api/reset', async (route) => {
      await new Promise((done) => setTimeout(done, 3000));
      await route.continue();
    });
    old.workbook.write('Sheet1', [['edited just before the reset']]);
    running.workbench.session.touch();
    await reset(page);
    await page.unroute('**/api/reset');
    expect(running.workbench.rt).not.toBe(old);
    expect(await cell(page, 1, 'A').textContent()).toBe('');
  });

  it('walks the menus with the arrow keys as Sheets does; Escape gives the keyboard back to the item or menu left', async () => {
    const { page } = bench();
    // The caption of the item with the keyboard, not the keys shown at its right (Undo's Ctrl+Z).
    const where = () => page.evaluate(() => document.activeElement?.firstChild?.textContent);
    const expanded = (name: string) =>
      page.locator('#menubar button', { hasText: new RegExp(`^${name}$`) }).getAttribute('aria-expanded');
    // Two cells: Sort range sorts a range of more than one (over one it is greyed out).
    await cell(page, 1, 'A').click();
    await cell(page, 1, 'B').click({ modifiers: ['Shift'] });
    await page.keyboard.press('F6');
    expect(await where()).toBe('File');
    // Right and Left go between the menus; Down opens one at its first item.
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Edit');
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Format');
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Data');
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Extensions');
    await page.keyboard.press('ArrowDown');
    expect(await where()).toBe('Assembled for Google Sheets');
    // Right opens the submenu, Down and Up go through it (round at the ends), Home and End jump.
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Pull data…');
    await page.keyboard.press('ArrowDown');
    expect(await where()).toBe('Push rows…');
    await page.keyboard.press('End');
    expect(await where()).toBe('Settings…');
    await page.keyboard.press('ArrowDown');
    expect(await where()).toBe('Pull data…');
    await page.keyboard.press('ArrowUp');
    expect(await where()).toBe('Settings…');
    await page.keyboard.press('Home');
    expect(await where()).toBe('Pull data…');
    // Left closes the submenu, back on its item.
    await page.keyboard.press('ArrowLeft');
    expect(await where()).toBe('Assembled for Google Sheets');
    expect(await expanded('Assembled for Google Sheets')).toBe('false');
    expect(await page.getByRole('menuitem', { name: 'Pull data…' }).count()).toBe(0);
    // From an item of a menu's own list, or one with no submenu, Right and Left go on to the next
    // menu, opened at its first item.
    await page.keyboard.press('ArrowLeft');
    expect(await where()).toBe('Sort range');
    expect([await expanded('Data'), await expanded('Extensions')]).toEqual(['true', 'false']);
    await page.keyboard.press('ArrowLeft');
    expect(await where()).toBe('Number');
    expect([await expanded('Format'), await expanded('Data')]).toEqual(['true', 'false']);
    await page.keyboard.press('ArrowLeft');
    expect(await where()).toBe('Undo');
    expect([await expanded('Edit'), await expanded('Format')]).toEqual(['true', 'false']);
    await page.keyboard.press('ArrowLeft');
    expect(await where()).toBe('Settings');
    expect([await expanded('File'), await expanded('Edit')]).toEqual(['true', 'false']);
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Undo');
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Number');
    // Right on an item with a submenu opens it; on one inside it, goes on to the next menu.
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Automatic');
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Sort range');
    // Data's items are made as it opens, for the selection: Sort range by its first column.
    await page.keyboard.press('ArrowRight');
    expect(await where()).toMatch(/^Sort range by column [A-Z]+ \(A to Z\)$/);
    await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Assembled for Google Sheets');
    // Escape in a submenu closes only it, back on its item, as Sheets does (QA: it closed both
    // menus, the keyboard on the menu's name); in a menu, it gives the keyboard back to the menu's
    // name, not to File.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await where()).toBe('Push rows…');
    await page.keyboard.press('Escape');
    expect(await where()).toBe('Assembled for Google Sheets');
    expect(await expanded('Assembled for Google Sheets')).toBe('false');
    expect(await expanded('Extensions')).toBe('true');
    expect(await page.getByRole('menu').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await where()).toBe('Extensions');
    expect(await page.getByRole('menu').count()).toBe(0);
    // Enter picks an item.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await sidebar(page, 'Push rows to Assembled');
    expect(await page.getByRole('menu').count()).toBe(0);
  });

  it("keys the menu bar as one Tab stop, a menubar; Enter or Space on a menu's name opens it at its first item", async () => {
    const { page } = bench();
    const where = () => page.evaluate(() => document.activeElement?.firstChild?.textContent);
    const names = page.getByRole('menubar').locator(':scope > .menu > [role="menuitem"]');
    expect(await names.allTextContents()).toEqual(['File', 'Edit', 'Format', 'Data', 'Extensions']);
    const stops = () => names.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')));
    // From the grid back to the top bar (the sidebar the last test opened is the next part).
    await cell(page, 1, 'A').click();
    await page.keyboard.press('Shift+F6');
    expect(await where()).toBe('File');
    // The Tab stop goes with the arrows: Tab leaves the bar from any name, Shift+Tab comes back to it.
    for (const _ of ['Edit', 'Format', 'Data', 'Extensions']) await page.keyboard.press('ArrowRight');
    expect(await where()).toBe('Extensions');
    expect(await stops()).toEqual(['-1', '-1', '-1', '-1', '0']);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#menubar'))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await where()).toBe('Extensions');
    // Enter opens the menu with the keyboard on its first item, as Down does; Escape gives it back.
    await page.keyboard.press('Enter');
    expect(await where()).toBe('Assembled for Google Sheets');
    await page.keyboard.press('Escape');
    expect(await where()).toBe('Extensions');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press(' ');
    expect(await where()).toBe('Sort range');
    await page.keyboard.press('Escape');
    expect(await where()).toBe('Data');
    expect(await page.getByRole('menu').count()).toBe(0);
    // QA: Tab in an open menu went on to "+1 h", the menu left open over it. Tab closes it, and its
    // items are no Tab stops (the arrows go among them); Shift+Tab comes back to the menu's name.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const items = page.getByRole('menubar').locator('ul [role="menuitem"]');
    expect(new Set(await items.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex'))))).toEqual(
      new Set(['-1']),
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('+1 h');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await menuName(page, 'Extensions').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Shift+Tab');
    expect(await where()).toBe('Extensions');
    // From a submenu's item too, Shift+Tab leaving the bar the other way.
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
    expect(await where()).toBe('Automatic');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#menubar'))).toBe(false);
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await where()).toBe('Format');
  });

  it('F6 and Shift+F6 take the keyboard round the top bar, the grid and the sidebar; Close sidebar is reached from there', async () => {
    const { page } = bench();
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    /** The page's focused element (its id or words), and the sidebar's when the page's is its frame. */
    const where = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    const inSidebar = () => sb.locator(':root').evaluate(() => document.activeElement?.id);
    /** Where the sidebar's page has the keyboard, as a screen reader would say it. */
    const saidInSidebar = () =>
      sb
        .locator(':root')
        .evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);
    // Opened, the sidebar takes the keyboard (at its h1); a click gives it to the grid.
    await expect.poll(where).toBe('sidebarFrame');
    await cell(page, 1, 'A').click();
    expect(await where()).toBe('grid');
    // Tab stays in the grid, as in Sheets; F6 leaves it.
    await page.keyboard.press('F6');
    expect(await where()).toBe('sidebarFrame');
    // At the page's heading, not its body: a screen reader says which sidebar this is.
    await expect.poll(saidInSidebar).toBe('H1 Connection to Assembled');
    await page.keyboard.press('Tab');
    expect(await inSidebar()).toBe('apiKey');
    // Pressed in the sidebar, F6 goes on to the top bar (its first menu, File), then the grid;
    // Shift+F6 goes back.
    await page.keyboard.press('F6');
    await expect.poll(where).toBe('File');
    await page.keyboard.press('F6');
    expect(await where()).toBe('grid');
    await page.keyboard.press('Shift+F6');
    expect(await where()).toBe('File');
    await page.keyboard.press('Shift+F6');
    expect(await where()).toBe('sidebarFrame');
    await expect.poll(saidInSidebar).toBe('H1 Connection to Assembled');
    // Into the sidebar's page at its top: just before it, Close sidebar. The sidebar's frame runs in
    // a process of its own (Chromium isolates sandboxed frames), so the focus crosses to the page a
    // moment after the key is taken, as F6's does by message.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(where).toBe('closeSidebar');
    await page.keyboard.press('Enter');
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    // The keyboard is back on the grid, at the cell selected before: typing goes there.
    await expect.poll(where).toBe('grid');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 1, 'A').textContent()).toBe('x');
    // With no sidebar, F6 goes between the top bar and the grid.
    await page.keyboard.press('F6');
    expect(await where()).toBe('File');
    await page.keyboard.press('F6');
    expect(await where()).toBe('grid');
    await page.keyboard.press('F6');
    expect(await where()).toBe('File');
  });
});
