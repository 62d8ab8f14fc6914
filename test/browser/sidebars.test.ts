// Every sidebar page, checked for escaping (data is shown as text, never run as HTML) and for
// keyboard use (every control reached by Tab and labelled).
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditKeyboard, focusRingTrouble } from './a11y';
import { cell, menu, pullAndSchedule, pullIntoNewSheet, refreshCard, sidebar, useBench } from './support';

const XSS = '<img src=x onerror=alert(1)>';
const XSS_SHEET = '<img src=y onerror=alert(2)>';
/** Each sidebar: its menu item, its title, its h1. */
const PAGES = [
  ['Pull data…', 'Pull data from Assembled', 'Pull data from Assembled'],
  ['Push rows…', 'Push rows to Assembled', 'Push rows to Assembled'],
  ['Settings…', 'Assembled settings', 'Connection to Assembled'],
  ['Scheduled refreshes…', 'Scheduled refreshes', 'Scheduled refreshes'],
] as const;

describe('Sidebar pages in the workbench', () => {
  const bench = useBench();

  it('shows an agent named like HTML as text in the Pull data agent picker, the grid and the tabs', async () => {
    const { page } = bench();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    const agents = sb.getByRole('group', { name: 'Agents' });
    await agents.getByText(XSS).waitFor();
    expect(
      await agents.getByRole('checkbox', { name: new RegExp(XSS.replace(/[()]/g, '\\$&')) }).count(),
    ).toBe(1);
    expect(await sb.locator('img').count()).toBe(0);

    // People into the grid: the name, and a first name that looks like a formula, stay text.
    await pullIntoNewSheet(page, 'People', 'People');
    await page.getByRole('tab', { name: 'People' }).click();
    await page.locator('#grid td', { hasText: XSS }).first().waitFor();
    await page.locator('#grid td', { hasText: '=IMPORTXML("http://x","//a")' }).first().waitFor();
    expect(await page.locator('#grid img').count()).toBe(0);

    // A sheet named like HTML: its tab, the pull's progress and the refresh card show it as text.
    await pullIntoNewSheet(page, 'Teams', XSS_SHEET);
    await page.getByRole('tab', { name: XSS_SHEET }).waitFor();
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await sb.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
    await menu(page, 'Scheduled refreshes…');
    const refreshes = await sidebar(page, 'Scheduled refreshes');
    await refreshes.locator('li.card', { hasText: XSS_SHEET }).waitFor();
    expect(await refreshes.locator('img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(bench().dialogs).toEqual([]);
  });

  it('Pull data: every control is reached by Tab and labelled, including the filters and the refresh form', async () => {
    const { page } = bench();
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'AHT');
    await sb.getByRole('button', { name: 'Save scheduled refresh' }).waitFor();
    await sb.getByRole('group', { name: 'Agents' }).getByRole('checkbox').nth(50).waitFor();
    const audit = await auditKeyboard(page, sb);
    expect(audit.controls).toBeGreaterThan(100);
    expect(audit.unreached).toEqual([]);
    expect(audit.unnamed).toEqual([]);
  });

  it('Push rows: every control is reached by Tab and labelled', async () => {
    const { page } = bench();
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    await sb.getByLabel('What the rows are').selectOption('time_off');
    await sb.getByRole('button', { name: 'Insert template' }).click();
    await sb.locator('#status', { hasText: 'is ready' }).waitFor();
    // Another sheet in front, and the person back in the sidebar: Use the sheet now in front is offered.
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await sb.locator('h1').click();
    await sb.getByRole('button', { name: 'Use the sheet now in front' }).waitFor();
    const audit = await auditKeyboard(page, sb);
    expect(audit.controls).toBeGreaterThanOrEqual(6);
    expect(audit.unreached).toEqual([]);
    expect(audit.unnamed).toEqual([]);
  });

  it("fits Google's 300-pixel sidebar: Pull data's boxes stay in it, long names wrap, Validate sits beside Push", async () => {
    const { page, running } = bench();
    // A sheet name as long as people make them: the Existing sheet list is as wide as its longest.
    running.workbench.rt.workbook.addSheet(
      'Adherence by agent and week, Americas support organisation, 2026',
    );
    await menu(page, 'Pull data…');
    const pull = await sidebar(page, 'Pull data from Assembled');
    await pull.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await pull.getByLabel('Existing sheet').check();
    // The agent picker holds a name with no place to break: '=IMPORTXML("http://x","//a")'.
    const agents = pull.getByRole('group', { name: 'Agents' });
    await agents.getByText('=IMPORTXML', { exact: false }).waitFor();
    expect(await pull.locator('body').evaluate(() => window.innerWidth)).toBe(300);
    // Where the browser draws classic scrollbars (Windows, Linux) the page has 15 px less; the test
    // browser draws none, so the body is narrowed to what is left then, with room to spare.
    const layout = await agents.evaluate((picker) => {
      document.body.style.width = '240px';
      return {
        boxes: Array.from(
          document.querySelectorAll('fieldset:not([hidden])'),
          (f) => f.getBoundingClientRect().width,
        ),
        sideways: picker.scrollWidth - picker.clientWidth,
      };
    });
    expect(Math.max(...layout.boxes)).toBeLessThanOrEqual(240);
    // The long name wraps rather than scroll the picker sideways.
    expect(layout.sideways).toBe(0);
    // The progress of a pull into a BigQuery table with a long name: its values wrap too.
    await pull.getByRole('radio', { name: 'BigQuery table' }).check();
    await pull.getByLabel('Google Cloud project id').fill('workbench-demo');
    await pull.getByLabel('Table', { exact: true }).fill('adherence_daily_by_agent_americas_support_2026');
    await pull.getByRole('button', { name: 'Pull data' }).click();
    await pull.locator('#jobStage', { hasText: /^Done$/ }).waitFor({ timeout: 30_000 });
    const dock = await pull.locator('#dock').evaluate((d) => ({
      sideways: d.scrollWidth - d.clientWidth,
      page: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(dock).toEqual({ sideways: 0, page: 0 });

    await menu(page, 'Push rows…');
    const push = await sidebar(page, 'Push rows to Assembled');
    const top = (name: string) =>
      push.getByRole('button', { name, exact: true }).evaluate((b) => b.getBoundingClientRect().top);
    // Measured once the page is laid out: on a busy machine the first look may come before.
    await expect.poll(async () => (await top('Validate')) - (await top('Push'))).toBe(0);
  });

  it('Scheduled refreshes: every control is reached by Tab and labelled, with a card being edited', async () => {
    const { page } = bench();
    await menu(page, 'Scheduled refreshes…');
    const sb = await sidebar(page, 'Scheduled refreshes');
    const edit = sb.getByRole('button', { name: /^Edit: / }).first();
    await edit.click();
    await sb.getByLabel('Frequency').first().waitFor();
    // Edit shows its form at once: in view, its first field focused; pressed again, the same form.
    const focused = () => sb.locator(':focus').evaluate((e) => e.id);
    await expect.poll(focused).toMatch(/^edit-.*-kind$/);
    await edit.click();
    await expect.poll(focused).toMatch(/^edit-.*-kind$/);
    expect(await sb.locator('.editor').count()).toBe(1);
    const audit = await auditKeyboard(page, sb);
    expect(audit.controls).toBeGreaterThan(8);
    expect(audit.unreached).toEqual([]);
    expect(audit.unnamed).toEqual([]);
  });

  it('Delete asks inside the card, as the sandboxed frame ignores confirm(); Keep keeps the refresh', async () => {
    const { page } = bench();
    await menu(page, 'Scheduled refreshes…');
    const sb = await sidebar(page, 'Scheduled refreshes');
    const cards = sb.locator('li.card');
    await cards.first().waitFor();
    const before = await cards.count();
    const first = cards.first();
    await first.getByRole('button', { name: /^Delete: / }).click();
    const ask = first.getByRole('group', { name: /^Delete the refresh of / });
    await ask.waitFor({ timeout: 5_000 });
    await ask.getByRole('button', { name: /^Keep: / }).click();
    expect(await ask.count()).toBe(0);
    expect(await cards.count()).toBe(before);
    // Keep has the focus, so Enter keeps; Escape keeps too, as a question asked in a dialog would.
    for (const key of ['Enter', 'Escape']) {
      await first.getByRole('button', { name: /^Delete: / }).click();
      await ask.waitFor({ timeout: 5_000 });
      await page.keyboard.press(key);
      await expect.poll(() => ask.count()).toBe(0);
      expect(await cards.count()).toBe(before);
    }
    // The line below the list told of the last action ("Paused."); asked to delete, it no longer does.
    await first.getByRole('button', { name: /^Pause: / }).click();
    await sb.locator('#status', { hasText: 'Paused.' }).waitFor();
    await first.getByRole('button', { name: /^Delete: / }).click();
    await ask.waitFor({ timeout: 5_000 });
    expect(await sb.locator('#status').textContent()).toBe('');
    // Its red Yes shows the focus plainly, on the question's pink.
    expect(await focusRingTrouble(first.getByRole('button', { name: /^Yes, delete: / }))).toEqual([]);
    await first.getByRole('button', { name: /^Yes, delete: / }).click();
    await sb.locator('#status', { hasText: 'Deleted.' }).waitFor();
    expect(await cards.count()).toBe(before - 1);
    // The focus goes to the card now in its place (or Reload), not to the page.
    const focused = () => sb.locator(':focus').evaluate((e) => e.getAttribute('aria-label') ?? e.id);
    await expect.poll(focused).toMatch(/^(Run now: |reload$)/);
    expect(bench().dialogs).toEqual([]);
  });

  it('Scheduled refreshes by keyboard: the focus stays on the button pressed as the list is drawn again; two refreshes of the same data are named by target', async () => {
    const { page } = bench();
    await pullAndSchedule(page, 'Queues', 'Queues east');
    await pullAndSchedule(page, 'Queues', 'Queues west');
    const { sb, card } = await refreshCard(page, 'Queues west');
    const focused = () => sb.locator(':focus').evaluate((e) => e.getAttribute('aria-label') ?? e.id);
    // Two "Queues" refreshes: each is named with its target, on its heading and its buttons.
    await card.getByRole('heading', { name: 'Queues into Queues west' }).waitFor();
    await card.getByRole('button', { name: 'Pause: Queues into Queues west' }).focus();
    await page.keyboard.press('Enter');
    await sb.locator('#status', { hasText: 'Paused.' }).waitFor();
    // The list drawn again, the focus is on the same card's toggle, now Resume, not on the page.
    await expect.poll(focused).toBe('Resume: Queues into Queues west');
    await page.keyboard.press('Enter');
    await sb.locator('#status', { hasText: 'Resumed.' }).waitFor();
    await expect.poll(focused).toBe('Pause: Queues into Queues west');
    // The editor closes with Escape, and the focus goes back to its Edit.
    await card.getByRole('button', { name: 'Edit: Queues into Queues west' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^edit-.*-kind$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.locator('.editor').count()).toBe(0);
    await expect.poll(focused).toBe('Edit: Queues into Queues west');
    // A mouse button held on a card: the list read again meanwhile (as on coming back to the
    // sidebar) waits, so the click lands on the button pressed.
    const pause = card.getByRole('button', { name: 'Pause: Queues into Queues west' });
    const box = await pause.boundingBox();
    if (!box) throw new Error('Pause is not on screen');
    const pressed = await pause.elementHandle();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await sb.locator('body').evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForTimeout(1_000);
    expect(await pressed?.evaluate((b) => b.isConnected)).toBe(true);
    await page.mouse.up();
    await sb.locator('#status', { hasText: 'Paused.' }).waitFor();
    await sb.getByRole('button', { name: 'Run now: Queues into Queues east' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(/^Queues into Queues east: /);
    // Run now answered, its run over: the focus is at its card's heading, not back on Run now, where
    // the second Enter of a double press would run it again.
    await expect
      .poll(() => sb.locator(':focus').evaluate((e) => `${e.tagName} ${e.textContent}`))
      .toBe('H2 Queues into Queues east');
  });

  it("shows the focus plainly on each sidebar's blue button: a ring that stands out from the button and from the page", async () => {
    const { page } = bench();
    const primary = [
      ['Pull data…', 'Pull data from Assembled', 'Pull data'],
      ['Push rows…', 'Push rows to Assembled', 'Push'],
      ['Settings…', 'Assembled settings', 'Save'],
    ] as const;
    for (const [item, title, button] of primary) {
      await menu(page, item);
      const sb = await sidebar(page, title);
      const blue = sb.getByRole('button', { name: button, exact: true });
      expect(await blue.getAttribute('class')).toBe('primary');
      expect(await focusRingTrouble(blue), button).toEqual([]);
    }
  });

  it('Settings: every control is reached by Tab and labelled', async () => {
    const { page } = bench();
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    // Pressed from the keyboard, the button keeps the focus once the test is over (it is disabled
    // while the test runs, which would drop the focus to the page).
    await sb.getByRole('button', { name: 'Test connection' }).focus();
    await page.keyboard.press('Enter');
    await sb.locator('#status', { hasText: 'Connected to Assembled' }).waitFor();
    await expect.poll(() => sb.locator(':focus').evaluate((e) => e.textContent)).toBe('Test connection');
    const audit = await auditKeyboard(page, sb);
    expect(audit.controls).toBeGreaterThanOrEqual(6);
    expect(audit.unreached).toEqual([]);
    expect(audit.unnamed).toEqual([]);
    expect(bench().dialogs).toEqual([]);
  });
  it('Edit changes what a refresh does to the data there: an append becomes a merge', async () => {
    const { page, running } = bench();
    await pullIntoNewSheet(page, 'Teams', 'Teams kept', async (sb) => {
      await sb.getByLabel('If the target has data').selectOption('append');
    });
    const pull = await sidebar(page, 'Pull data from Assembled');
    await pull.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await pull.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
    const { sb, card } = await refreshCard(page, 'Teams kept');
    await expect.poll(() => card.textContent()).toMatch(/If the target has data\s*Append below it/);
    await card.getByRole('button', { name: /^Edit: / }).click();
    const mode = card.getByLabel('If the target has data');
    expect(await mode.locator('option').allTextContents()).toEqual([
      'Replace it',
      'Append below it',
      expect.stringMatching(/^Merge by key \(.+\)$/),
    ]);
    await mode.selectOption('merge');
    await card.getByRole('button', { name: 'Save' }).click();
    await sb.locator('#status', { hasText: 'Saved.' }).waitFor();
    await expect.poll(() => card.textContent()).toMatch(/If the target has data\s*Merge by key/);
    const saved =
      await running.workbench.rt.callFromSidebar<{ target: string; spec: { mode: string } }[]>(
        'listRefreshes',
      );
    expect(saved.find((r) => r.target === 'Teams kept')?.spec.mode).toBe('merge');
  });
  it("Weekly starts on today in the spreadsheet's zone; with no weekday it is refused at the weekdays, in Pull data and in Edit, before any save", async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    const saves = () => rt.executions.filter((e) => e.fnName === 'saveRefresh').length;
    const focused = (box: ReturnType<typeof page.locator>) =>
      box.evaluate((e) => e === e.ownerDocument.activeElement);
    const WORDS = 'Choose at least one weekday for a weekly refresh.';
    // A zone where it is already tomorrow (UTC+14): not the day in UTC, nor the browser's.
    const zone = 'Pacific/Kiritimati';
    const dayIn = (timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(rt.clock.now());
    rt.workbook.setTimeZone(zone);
    try {
      const today = dayIn(zone);
      expect(today).not.toBe(dayIn('UTC'));
      // Another day, for a refresh's own days, which Edit keeps.
      const other = today === 'Fri' ? 'Sat' : 'Fri';
      const pull = await pullIntoNewSheet(page, 'Teams', 'Teams weekly');
      const offer = pull.locator('#saveRefresh');
      const group = offer.getByRole('group', { name: 'Weekdays' });
      const ticked = (g: typeof group) =>
        g
          .getByRole('checkbox', { checked: true })
          .evaluateAll((boxes) => boxes.map((b) => b.parentElement?.textContent));
      // Teams is offered daily; made weekly, it starts on today, ready to save.
      expect(await ticked(group)).toEqual([]);
      await offer.getByLabel('Frequency').selectOption('weekly');
      expect(await ticked(group)).toEqual([today]);
      await offer.getByLabel(today, { exact: true }).uncheck();
      const before = saves();
      await offer.getByRole('button', { name: 'Save scheduled refresh' }).click();
      const problem = offer.locator('#refresh-weekdaysProblem');
      await expect.poll(() => problem.textContent()).toBe(WORDS);
      // Each day says the words as it gets the focus (a group's own description is not read there),
      // once: they are not a live region too.
      const days = group.getByRole('checkbox');
      expect(await days.count()).toBe(7);
      for (const day of await days.all()) {
        expect(await day.getAttribute('aria-invalid')).toBe('true');
        expect(await day.getAttribute('aria-describedby')).toBe('refresh-weekdaysProblem');
      }
      expect(await problem.getAttribute('aria-live')).toBeNull();
      expect(await focused(offer.getByLabel('Mon', { exact: true }))).toBe(true);
      expect(saves()).toBe(before);
      // A day ticked puts the words away; the refresh is saved.
      await offer.getByLabel(other, { exact: true }).check();
      expect(await problem.isHidden()).toBe(true);
      for (const day of await days.all()) {
        expect(await day.getAttribute('aria-invalid')).toBeNull();
        expect(await day.getAttribute('aria-describedby')).toBeNull();
      }
      await offer.getByRole('button', { name: 'Save scheduled refresh' }).click();
      await pull.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();

      const { sb, card } = await refreshCard(page, 'Teams weekly');
      await card.getByRole('button', { name: /^Edit: / }).click();
      // Edit keeps the refresh's own days, through another frequency and back.
      const editDays = card.getByRole('group', { name: 'Weekdays' });
      expect(await ticked(editDays)).toEqual([other]);
      await card.getByLabel('Frequency').selectOption('daily');
      await card.getByLabel('Frequency').selectOption('weekly');
      expect(await ticked(editDays)).toEqual([other]);
      await card.getByLabel(other, { exact: true }).uncheck();
      const saved = saves();
      await card.getByRole('button', { name: 'Save' }).click();
      const mon = card.getByLabel('Mon', { exact: true });
      await expect.poll(() => mon.getAttribute('aria-invalid')).toBe('true');
      expect(
        await mon.evaluate(
          (e) => document.getElementById(e.getAttribute('aria-describedby') ?? '')?.textContent,
        ),
      ).toBe(WORDS);
      expect(await card.locator('.hint[data-tone="error"]').textContent()).toBe(WORDS);
      expect(await focused(card.getByLabel('Mon', { exact: true }))).toBe(true);
      expect(await sb.locator('#status').textContent()).toBe('');
      expect(saves()).toBe(saved);
      // With no day left, Weekly chosen again in Edit starts on today too.
      await card.getByLabel('Frequency').selectOption('daily');
      await card.getByLabel('Frequency').selectOption('weekly');
      expect(await ticked(editDays)).toEqual([today]);
    } finally {
      rt.workbook.setTimeZone('America/New_York');
    }
  });

  it('every sidebar wraps a long word in its messages inside its 300 pixels, never scrolling sideways', async () => {
    const { page } = bench();
    const address =
      'someone.with.a.very.long.address.for.testing@subdomain.example-company-with-long-name.com';
    const sideways: Record<string, number> = {};
    for (const [item, title] of PAGES) {
      await menu(page, item);
      const sb = await sidebar(page, title);
      // Each line the page says things on, saying what the add-on says of an address no one has.
      sideways[title] = await sb.locator('body').evaluate((body, words) => {
        const lines = document.querySelectorAll<HTMLElement>(
          '[role="status"], [role="alert"], .hint, .said, .reason',
        );
        if (!lines.length) return -1;
        lines.forEach((line) => {
          line.hidden = false;
          line.textContent = words;
        });
        return body.scrollWidth - body.clientWidth;
      }, `Agent: no agent in Assembled has "${address}".`);
    }
    expect(sideways).toEqual(Object.fromEntries(PAGES.map(([, title]) => [title, 0])));
  });

  it('every sidebar opens under one h1, its first heading, as Settings and Scheduled refreshes do', async () => {
    const { page } = bench();
    for (const [item, title, h1] of PAGES) {
      await menu(page, item);
      const sb = await sidebar(page, title);
      const headings = await sb
        .locator('h1, h2, h3, h4')
        .evaluateAll((hs) =>
          hs.filter((h) => h.checkVisibility()).map((h) => `${h.tagName} ${h.textContent}`),
        );
      expect(headings[0], title).toBe(`H1 ${h1}`);
      expect(
        headings.filter((h) => h.startsWith('H1 ')),
        title,
      ).toHaveLength(1);
      expect(await sb.getByRole('heading', { level: 1, name: h1 }).isVisible()).toBe(true);
    }
  });

  it('opening a sidebar from the menu puts the keyboard in it, at its h1, as a dialog opened on purpose does', async () => {
    const { page } = bench();
    const inside = (sb: FrameLocator) =>
      sb.locator(':root').evaluate(() => (document.hasFocus() ? document.activeElement?.textContent : null));
    for (const [item, title, h1] of PAGES) {
      // The keyboard on the grid, then the menu.
      await cell(page, 1, 'A').click();
      await menu(page, item);
      const sb = await sidebar(page, title);
      await expect.poll(() => inside(sb), { message: title }).toBe(h1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sidebarFrame');
      // Tab goes on into the page from the top.
      await page.keyboard.press('Tab');
      expect(await sb.locator(':focus').evaluate((e) => e.tagName), title).toMatch(/^(INPUT|SELECT|BUTTON)$/);
    }
  });
});
