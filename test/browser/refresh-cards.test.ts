// A refresh card says what a person needs where they look: an action's answer on the card pressed,
// in view and heard by screen readers.
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECOND_EDITOR } from '../../dev/workbench/session';
import type { JobView } from '../../src/core/pull/pull-view';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import type { Bench } from './support';
import { callGate, RESULTS, refreshCard, reset, SKIP_MS, useBench } from './support';

/** Whether the element is inside its frame's viewport (what a person sees without scrolling). */
function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((e) => {
    const r = e.getBoundingClientRect();
    // The page scrolls by whole pixels: a line scrolled into view may end a fraction of one below.
    return r.height > 0 && r.top > -1 && r.bottom < window.innerHeight + 1;
  });
}

/**
 * Words of a card's values a line broke inside: each word's own boxes, two being a word broken
 * (a value's text nodes each: an address is written in parts, with places to break between them).
 */
function brokenWords(card: Locator): Promise<string[]> {
  return card.evaluate((c) => {
    const split: string[] = [];
    for (const dd of Array.from(c.querySelectorAll('dd'))) {
      const texts = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      for (let text = texts.nextNode(); text instanceof Text; text = texts.nextNode())
        for (const m of text.data.matchAll(/\S+/g)) {
          const word = document.createRange();
          word.setStart(text, m.index ?? 0);
          word.setEnd(text, (m.index ?? 0) + m[0].length);
          if (word.getClientRects().length > 1) split.push(m[0]);
        }
    }
    return split;
  });
}

/** Daily refreshes of Teams into new, empty sheets of these names, saved by the editor at the keyboard. */
async function refreshesInto(bench: Bench, ...sheets: string[]): Promise<void> {
  const { rt } = bench.running.workbench;
  for (const name of sheets) {
    rt.workbook.addSheet(name);
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      `key-${name.replace(/\W/g, '-')}`,
    );
  }
}

describe('Scheduled refresh cards', () => {
  const bench = useBench();

  it('a refusal on a card low in the list is said on that card, in view, and to screen readers', async () => {
    const { page, running } = bench();
    await refreshesInto(bench(), 'Staff A', 'Staff B', 'Staff C', 'Staff D');
    const { sb, card } = await refreshCard(page, 'Staff D');
    // The sheet is deleted while the card is on screen, as Run now goes down: the list, read
    // before, still offers it.
    const run = card.getByRole('button', { name: /^Run now: / });
    await run.scrollIntoViewIfNeeded();
    const box = await run.boundingBox();
    if (!box) throw new Error('Run now is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    running.workbench.rt.workbook.deleteSheet('Staff D');
    await page.mouse.up();
    const refused = /^Nothing was run: its sheet "Staff D" was deleted\./;
    const said = card.locator('.said');
    await expect.poll(() => said.textContent()).toMatch(refused);
    expect(await said.getAttribute('data-tone')).toBe('error');
    // Drawn as the refusal left it (its sheet gone: Delete alone, and that said once, not again as
    // why it paused), the refusal on it in view.
    await expect.poll(() => card.getByRole('button').count()).toBe(1);
    expect(await card.locator('.reason').allTextContents()).toEqual([
      expect.stringMatching(/^It cannot run: its sheet "Staff D" was deleted\./),
    ]);
    await expect.poll(() => inView(said)).toBe(true);
    // The focus, on Run now no longer offered, goes to the card's heading, not to the page nor to
    // the button now first in its place.
    await expect
      .poll(() => sb.locator(':focus').evaluate((e) => `${e.tagName} ${e.textContent}`))
      .toBe('H2 Teams into Staff D');
    // The live region says it too, drawn nowhere (the card shows it): at once, as an alert.
    const status = sb.locator('#status');
    expect(await status.textContent()).toMatch(refused);
    expect(await status.getAttribute('role')).toBe('alert');
    expect(await status.evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    // The list read again (as on coming back to the sidebar) keeps the refusal on its card.
    const reads = () => running.workbench.rt.executions.filter((e) => e.fnName === 'listRefreshes').length;
    const before = reads();
    await sb.getByRole('heading', { name: 'Scheduled refreshes' }).click();
    await expect.poll(reads).toBeGreaterThan(before);
    await expect.poll(() => said.textContent()).toMatch(refused);
    expect(await sb.locator('.said').count()).toBe(1);
  });

  it('Run now and the other buttons stay disabled until its call answers, though a read of the list answers first', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    await refreshesInto(bench(), 'Run once');
    const { sb, card } = await refreshCard(page, 'Run once');
    const runNow = card.getByRole('button', { name: /^Run now: / });
    await runNow.waitFor();
    const runs = () => rt.executions.filter((e) => e.fnName === 'runRefreshNow').length;
    const before = runs();
    const gate = await callGate(page);
    try {
      // A read of the list on its way (as every minute, or on coming back to the sidebar)…
      const read = gate.hold('listRefreshes');
      await sb.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
      await expect.poll(read.arrived).toBe(true);
      // …as Run now is pressed, and Run now slow to answer (Assembled answering slowly).
      const run = gate.hold('runRefreshNow');
      await runNow.click();
      await expect.poll(run.arrived).toBe(true);
      // The read answers first, its sheet renamed meanwhile: the card is drawn again, its buttons
      // still disabled, so a second press cannot start another run.
      rt.workbook.renameSheet('Run once', 'Run once (team)');
      read.open();
      const target = card.locator('dt:text-is("Target") + dd');
      await expect.poll(() => target.textContent()).toBe('Run once (team)');
      expect(await runNow.isDisabled()).toBe(true);
      expect(await sb.locator('button:enabled').count()).toBe(0);
      run.open();
      // Answered, the buttons are free again (Run now itself is gone while the run it started is under way).
      await expect.poll(() => card.getByRole('button', { name: /^Edit: / }).isEnabled()).toBe(true);
    } finally {
      await gate.done();
    }
    expect(runs()).toBe(before + 1);
  });

  it('takes Enter pressed twice on Run now as one run: the keyboard ends at its card heading, not back on Run now', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    await refreshesInto(bench(), 'Run at once');
    const { sb, card } = await refreshCard(page, 'Run at once');
    const runs = () => rt.executions.filter((e) => e.fnName === 'runRefreshNow').length;
    const before = runs();
    const runNow = card.getByRole('button', { name: /^Run now: / });
    await runNow.focus();
    await page.keyboard.press('Enter');
    // A list's run is over within its call: the card shows it, and offers Run now again…
    const said = card.locator('.said');
    await expect.poll(() => said.textContent()).toMatch(/^Teams( into Run at once)?: .*, \d+ rows\.$/);
    await expect.poll(() => runNow.isEnabled()).toBe(true);
    // …but the keyboard is at the card's heading, where the second Enter of a double press runs nothing.
    const focused = () => sb.locator(':focus').evaluate((e) => `${e.tagName} ${e.textContent}`);
    expect(await focused()).toMatch(/^H2 Teams( into Run at once)?$/);
    await page.keyboard.press('Enter');
    expect(runs() - before).toBe(1);
    // Run now is the next Tab: asked again, after the outcome, it runs again.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^BUTTON Run now$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => runs() - before).toBe(2);
  });

  it('a double click on Run now is one run, though the run ended before its second click', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    await refreshesInto(bench(), 'Clicked twice');
    const { sb, card } = await refreshCard(page, 'Clicked twice');
    const runs = () => rt.executions.filter((e) => e.fnName === 'runRefreshNow').length;
    const before = runs();
    const runNow = card.getByRole('button', { name: /^Run now: / });
    await runNow.scrollIntoViewIfNeeded();
    const box = await runNow.boundingBox();
    if (!box) throw new Error('Run now is not on screen');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(x, y);
    await card.locator('.said', { hasText: / rows\.$/ }).waitFor();
    // The double click's second click lands on the card drawn again, Run now free.
    await page.mouse.down({ clickCount: 2 });
    await page.mouse.up({ clickCount: 2 });
    // Reload waits for any call under way (the buttons are held meanwhile): a second run's too.
    await sb.getByRole('button', { name: 'Reload' }).click();
    await sb.locator('#status', { hasText: 'Reloaded' }).waitFor();
    expect(runs() - before).toBe(1);
  });

  it('Every N hours starts at 2, says its unit, and Edit opens a refresh saved as every 1 hour on Every hour, as its card says', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    await refreshesInto(bench(), 'Hourly staff');
    // As the add-on saved "Every N hours" at its first choice, 1, before it began at 2.
    const props = rt.properties.document;
    for (const key of props.keys().filter((k) => k.includes('.refresh.'))) {
      const saved = JSON.parse(props.get(key) ?? '{}');
      if (saved.spec?.target?.name === 'Hourly staff')
        props.set(key, JSON.stringify({ ...saved, frequency: { kind: 'every_hours', hours: 1 } }));
    }
    const { card } = await refreshCard(page, 'Hourly staff');
    const frequency = card.locator('dt:text-is("Frequency") + dd');
    await expect.poll(() => frequency.textContent()).toBe('Every hour');
    await card.getByRole('button', { name: /^Edit: / }).click();
    const kind = card.getByLabel('Frequency', { exact: true });
    expect(await kind.locator('option:checked').textContent()).toBe('Every hour');
    // One step down is Every N hours, every 2 hours at first; each choice names its unit.
    await kind.focus();
    await page.keyboard.press('ArrowDown');
    expect(await kind.inputValue()).toBe('every_hours');
    const hours = card.getByLabel('Every', { exact: true });
    expect(await hours.locator('option').allTextContents()).toEqual([
      '2 hours',
      '4 hours',
      '6 hours',
      '12 hours',
    ]);
    expect(await hours.locator('option:checked').textContent()).toBe('2 hours');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => frequency.textContent()).toBe('Every 2 hours');
    await card.getByRole('button', { name: /^Edit: / }).click();
    expect(await kind.inputValue()).toBe('every_hours');
    expect(await hours.inputValue()).toBe('2');
    await page.keyboard.press('Escape');
  });

  it('Edit opened again after a save does not keep the "Saved." of the save before', async () => {
    const { page } = bench();
    await refreshesInto(bench(), 'Saved twice');
    const { sb, card } = await refreshCard(page, 'Saved twice');
    await card.getByRole('button', { name: /^Edit: / }).click();
    // The form and its buttons are named for the refresh, as the card's other buttons are.
    const name = await card.locator('h2').textContent();
    const form = card.getByRole('group', { name: 'Edit the refresh of Teams into Saved twice' });
    const names = () =>
      form.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    expect(await names()).toEqual([`Save: ${name}`, `Cancel: ${name}`]);
    await form.getByLabel(/^At /).selectOption('9');
    await form.getByRole('button', { name: `Save: ${name}`, exact: true }).click();
    await card.locator('.said', { hasText: 'Saved.' }).waitFor();
    await card.getByRole('button', { name: /^Edit: / }).click();
    await card.locator('.editor').waitFor();
    expect(await card.locator('.said').count()).toBe(0);
    expect(await sb.locator('#status').textContent()).toBe('');
    await page.keyboard.press('Escape');
  });

  it("a failed run's reason, hundreds of characters long, is said in short in view and whole once, on request, as wide as the card: the card fits the sidebar", async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    // A weekly adherence report merged into its sheet, pulled in New York; then the spreadsheet
    // moves to Berlin, and a merge into it is refused (zone-change-pull.test.ts) in ~400 characters.
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'week' },
      range: { kind: 'relative', preset: 'last_week' },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'merge',
    };
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'adherence-first');
    while (job.nextPollInMs > 0) job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    expect(job.state).toBe('done');
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: { ...spec, target: { kind: 'sheet', name: 'Adherence' } },
        frequency: { kind: 'weekly', weekdays: [1], hour: 7 },
        notifyByEmail: false,
      },
      'adherence-weekly',
    );
    expect(running.workbench.saveSettings('en_US', 'Europe/Berlin')).toEqual({ ok: true });
    try {
      const { sb, card } = await refreshCard(page, 'Adherence');
      await card.getByRole('button', { name: /^Run now: / }).click();
      const said = card.locator('.said');
      await expect
        .poll(() => said.textContent(), { timeout: 30_000 })
        .toMatch(/, failed\. Its card says why\.$/);
      const listed = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
      const reason = listed.find((r) => r.target === 'Adherence')?.lastRun?.message ?? '';
      expect(reason).toMatch(/^Nothing was written to "Adherence": .{300,}/);
      // Said once on the card: "Last run" in short (on both zones' clocks, the refresh being saved
      // for New York), the reason kept for whoever asks.
      expect(await card.locator('dt:text-is("Last run") + dd').textContent()).toMatch(
        /^\d{4}-\d\d-\d\d \d\d:\d\d Berlin time \(\d\d:\d\d New York time\), failed$/,
      );
      expect((await card.textContent())?.split(reason).length).toBe(2);
      const why = card.locator('.why p');
      expect(await why.isVisible()).toBe(false);
      // Its cause in short is seen without asking: the reason's first words, cut, where "Why it
      // failed" asks for the rest.
      const summary = card.locator('details.why summary');
      expect(await summary.isVisible()).toBe(true);
      const short = (await summary.textContent()) ?? '';
      expect(short).toMatch(/^Why it failed: Nothing was written to "Adherence": .+…$/);
      expect(short.length).toBeLessThan(120);
      const frameHeight = await sb.locator(':root').evaluate(() => innerHeight);
      expect(await card.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(frameHeight);
      // Asked for, it reads across the card, not down its values' narrow column.
      await summary.click();
      // A failure's reason is asked for in red.
      expect(await card.locator('details.why summary').evaluate((e) => getComputedStyle(e).color)).toBe(
        'rgb(197, 34, 31)',
      );
      expect(await why.textContent()).toBe(reason);
      const width = (l: Locator) => l.evaluate((e) => e.getBoundingClientRect().width);
      expect(await width(why)).toBeGreaterThan(0.95 * (await width(card.locator('dl'))));
      // The list read again (as every minute) leaves it open.
      const reads = () => rt.executions.filter((e) => e.fnName === 'listRefreshes').length;
      const before = reads();
      await sb.getByRole('heading', { name: 'Scheduled refreshes' }).click();
      await expect.poll(reads).toBeGreaterThan(before);
      await expect.poll(() => why.isVisible()).toBe(true);
    } finally {
      running.workbench.saveSettings('en_US', 'America/New_York');
    }
  });

  it("at the sidebar's width, no word of a card's values is broken across lines (\"Australia/Melbourne\" whole, and its owner's address to another editor)", async () => {
    const { page, running } = bench();
    const { workbench } = running;
    workbench.saveSettings('en_US', 'Australia/Melbourne');
    await refreshesInto(bench(), 'Zone words', 'Words 2', 'Words 3');
    const { card } = await refreshCard(page, 'Zone words');
    await card.waitFor();
    const broken = await brokenWords(card);
    expect(await card.locator('dd', { hasText: 'Australia/Melbourne' }).count()).toBe(1);
    workbench.saveSettings('en_US', 'America/New_York');
    expect(broken).toEqual([]);

    // Another editor's card names its owner by address, longer than any word of the owner's own.
    const first = workbench.rt.user;
    const editor = page.getByLabel('Editor at the keyboard');
    await editor.selectOption(SECOND_EDITOR);
    await page.waitForFunction((e) => document.body.dataset.editor === e, SECOND_EDITOR);
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    const { sb, card: theirs } = await refreshCard(page, 'Zone words');
    const zoom = (to: string) =>
      sb.locator(':root').evaluate((html, z) => {
        html.style.zoom = z;
      }, to);
    try {
      const owner = theirs.locator('dt:text-is("Owner") + dd');
      await expect.poll(() => owner.textContent()).toBe(first);
      // Text a little larger (110%), as a person may set it: the address no longer fits beside its
      // label, and breaks where an address is broken, not mid-word ("analyst@example.co" / "m").
      await zoom('1.1');
      await theirs.screenshot({ path: join(RESULTS, 'refresh-card-owner.png') });
      // Its lines, by where each of its characters is drawn.
      const lines = await owner.evaluate((dd) => {
        const rows = new Map<number, string>();
        const texts = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
        for (let t = texts.nextNode(); t; t = texts.nextNode())
          for (let i = 0; i < (t.textContent ?? '').length; i++) {
            const char = document.createRange();
            char.setStart(t, i);
            char.setEnd(t, i + 1);
            const top = Math.round(char.getBoundingClientRect().top);
            rows.set(top, (rows.get(top) ?? '') + (t.textContent ?? '')[i]);
          }
        return [...rows.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
      });
      expect(lines.join('')).toBe(first);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines.slice(1)) expect(line).toMatch(/^[@.]/);
      expect(await brokenWords(theirs)).toEqual([]);
    } finally {
      await zoom('');
      await editor.selectOption(first);
      await page.waitForFunction((e) => document.body.dataset.editor === e, first);
      await page.locator('#sidebar').waitFor({ state: 'hidden' });
    }
  });

  it('with text at 200%, a card keeps its values inside it: none runs past its edge, nor makes the sidebar scroll sideways', async () => {
    const { page } = bench();
    await refreshesInto(bench(), 'Weekly handle time by queue for the leadership review');
    const { sb, card } = await refreshCard(page, 'Weekly handle time');
    await card.waitFor();
    const root = sb.locator(':root');
    /** Whether the card's first value is beside its label, not under it. */
    const beside = () =>
      card
        .locator('dd')
        .first()
        .evaluate((dd) => {
          const dt = dd.previousElementSibling?.getBoundingClientRect();
          return !!dt && dd.getBoundingClientRect().left > dt.right;
        });
    expect(await beside()).toBe(true);
    /** Words in a card whose right edge passes the card's, and the page's sideways scroll. */
    const pastEdge = () =>
      root.evaluate(() => {
        const past: string[] = [];
        for (const c of Array.from(document.querySelectorAll('li.card'))) {
          const edge = c.getBoundingClientRect().right;
          for (const e of Array.from(c.querySelectorAll('*'))) {
            if (!e.checkVisibility()) continue;
            const words = document.createRange();
            words.selectNodeContents(e);
            const right = Math.max(e.getBoundingClientRect().right, words.getBoundingClientRect().right);
            if (right > edge + 0.5) past.push(e.textContent ?? e.tagName);
          }
        }
        return { sideways: document.documentElement.scrollWidth - innerWidth, past };
      });
    // Text at twice its size in the same 300 pixels, as a person who enlarges text sees it: the
    // browser's zoom, and the body's alone.
    for (const zoomed of ['html', 'body']) {
      await root.evaluate((_, z) => {
        document.documentElement.style.zoom = document.body.style.zoom = '';
        (z === 'html' ? document.documentElement : document.body).style.zoom = '2';
      }, zoomed);
      expect({ zoomed, ...(await pastEdge()) }).toEqual({ zoomed, sideways: 0, past: [] });
      expect(await beside()).toBe(false);
    }
  });

  it("a run's outcome said on its card goes when a later run's outcome changes the card: no old green line on a failing card", async () => {
    const { page, running } = bench();
    const { rt, session } = running.workbench;
    rt.workbook.addSheet('Outage');
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name: 'Outage' },
          mode: 'replace',
        },
        frequency: { kind: 'hourly' },
        notifyByEmail: false,
      },
      'key-outage',
    );
    const { sb, card } = await refreshCard(page, 'Outage');
    await card.getByRole('button', { name: /^Run now: / }).click();
    const said = card.locator('.said');
    await expect.poll(() => said.textContent()).toMatch(/^Teams( into Outage)?: .*, \d+ rows\.$/);
    expect(await said.getAttribute('data-tone')).toBe('ok');
    // Assembled goes down; the hour's scheduled run fails, and will be tried again.
    session.backend.simulator?.setFaults({ errorRate: 1 });
    try {
      for (let i = 0; i < 2; i++) {
        const at = await page.locator('#clock').textContent();
        await page.getByRole('button', { name: 'Skip ahead 1 hour' }).click();
        await expect.poll(() => page.locator('#clock').textContent(), { timeout: SKIP_MS }).not.toBe(at);
      }
      // Back in the sidebar: the list is read again, the card red with the failed attempt…
      await sb.getByRole('heading', { name: 'Scheduled refreshes' }).click();
      await expect
        .poll(() => card.locator('.reason').first().textContent(), { timeout: 10_000 })
        .toMatch(/^(Attempt 1|\d attempts) failed: /);
      expect(await card.getAttribute('data-health')).toBe('retrying');
      // …and the outcome of the run before it gone, from the card and from the line under the list.
      expect(await said.count()).toBe(0);
      expect(await sb.locator('#status').textContent()).toBe('');
    } finally {
      session.backend.simulator?.setFaults({});
    }
  });

  it('an answer drawn on its card is said once to screen readers, by the status line, not again by the card', async () => {
    const { page } = bench();
    await refreshesInto(bench(), 'Staff E');
    const { sb, card } = await refreshCard(page, 'Staff E');
    await card.getByRole('button', { name: /^Pause: / }).focus();
    await page.keyboard.press('Enter');
    await card.locator('.said', { hasText: 'Paused.' }).waitFor();
    // What a screen reader has of the page (Chromium's accessibility tree): "Paused." once.
    const heard = async () => (await sb.locator('body').ariaSnapshot()).match(/Paused\./g)?.length ?? 0;
    expect(await heard()).toBe(1);
    expect(await sb.locator('#status').textContent()).toBe('Paused.');
    // Drawn again (a read of the list), still once.
    await card.getByRole('button', { name: /^Resume: / }).focus();
    await page.keyboard.press('Enter');
    await card.locator('.said', { hasText: 'Resumed.' }).waitFor();
    expect((await sb.locator('body').ariaSnapshot()).match(/Resumed\./g)?.length).toBe(1);
  });

  it("a refresh into a BigQuery table edited to append uses the Pull form's words, and says a day over is added once, a day under way at every run", async () => {
    const { page } = bench();
    await bench().running.workbench.rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'agent_states' },
          range: { kind: 'relative', preset: 'yesterday' },
          target: { kind: 'bigquery', project: 'workbench-demo', dataset: 'wfm', table: 'hourly_states' },
          mode: 'merge',
        },
        frequency: { kind: 'hourly' },
        notifyByEmail: false,
      },
      'key-hourly-states',
    );
    const { card } = await refreshCard(page, 'hourly_states');
    await card.getByRole('button', { name: /^Edit: / }).click();
    const mode = card.getByLabel('If the target has data');
    const note = card.locator('[id$="-mode-note"]');
    await expect.poll(() => note.isHidden()).toBe(true);
    await mode.selectOption('append');
    expect(await mode.locator('option:checked').textContent()).toBe('Append: add every row to it');
    const again =
      'A day already over when a run begins is added once; a day still under way (today, this week) is added whole at every run, so its earlier rows are there again. To keep one row per record, choose Merge by key.';
    await expect.poll(() => note.textContent()).toBe(again);
    // Heard with the choice, not only seen below it.
    expect(
      await mode.evaluate(
        (e) => document.getElementById(e.getAttribute('aria-describedby') ?? '')?.textContent,
      ),
    ).toBe(again);
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.locator('dd').nth(1).textContent()).toBe('Append: add every row to it');
    expect(await card.locator(':scope > .hint').first().textContent()).toBe(again);
  });

  it('a card whose sheet was deleted says so as it is listed, and offers only Delete; another editor, only Remove', async () => {
    const { page, running } = bench();
    await refreshesInto(bench(), 'Payroll');
    running.workbench.rt.workbook.deleteSheet('Payroll');
    const { sb, card } = await refreshCard(page, 'Payroll');
    const term = (t: string) => card.locator(`dt:text-is("${t}") + dd`);
    await expect.poll(() => term('Target').textContent()).toBe('Payroll (deleted)');
    expect(await term('Next run').textContent()).toBe('None');
    // Nothing said of the target's data while there is no target.
    expect(await card.locator('dt').allTextContents()).toEqual([
      'Target',
      'Frequency',
      'Next run',
      'Last run',
      'If it fails',
      'Owner',
    ]);
    expect(await card.getAttribute('data-health')).toBe('failed');
    expect(await card.locator('.reason').allTextContents()).toEqual([
      'It cannot run: its sheet "Payroll" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, it runs at its next time (paused meanwhile, this card offers Resume). Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.',
    ]);
    expect(await card.getByRole('button').allTextContents()).toEqual(['Delete']);
    // Its ways back, long as the e-mail's, leave the card within the sidebar.
    const frameHeight = await sb.locator(':root').evaluate(() => innerHeight);
    expect(await card.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(frameHeight);

    const first = running.workbench.rt.user;
    const editor = page.getByLabel('Editor at the keyboard');
    await editor.selectOption(SECOND_EDITOR);
    await page.waitForFunction((e) => document.body.dataset.editor === e, SECOND_EDITOR);
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    const { card: theirs } = await refreshCard(page, 'Payroll');
    await expect
      .poll(() => theirs.locator('.reason').allTextContents())
      .toEqual([
        'It cannot run: its sheet "Payroll" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Once it is back, it runs at its next time (paused meanwhile, ask analyst@example.com to resume it). Remove only if no one needs it any more: it belongs to analyst@example.com, and only they can save it again.',
      ]);
    expect(await theirs.getAttribute('data-health')).toBe('failed');
    expect(await theirs.getByRole('button').allTextContents()).toEqual(['Remove']);
    await editor.selectOption(first);
    await page.waitForFunction((e) => document.body.dataset.editor === e, first);
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
  });

  it("another editor's Pause says its owner has been e-mailed of it", async () => {
    const { page, running } = bench();
    await refreshesInto(bench(), 'Shifts');
    const first = running.workbench.rt.user;
    const editor = page.getByLabel('Editor at the keyboard');
    await editor.selectOption(SECOND_EDITOR);
    try {
      await page.waitForFunction((e) => document.body.dataset.editor === e, SECOND_EDITOR);
      await page.locator('#sidebar').waitFor({ state: 'hidden' });
      const { sb, card } = await refreshCard(page, 'Shifts');
      await card.getByRole('button', { name: /^Pause: / }).click();
      const said = `Paused. Its owner, ${first}, has been e-mailed.`;
      await card.locator('.said', { hasText: said }).waitFor();
      expect(await sb.locator('#status').textContent()).toBe(said);
    } finally {
      await editor.selectOption(first);
      await page.waitForFunction((e) => document.body.dataset.editor === e, first);
      await page.locator('#sidebar').waitFor({ state: 'hidden' });
      // Out of the way of the cards the bench's later tests save (20 an editor).
      const { rt } = running.workbench;
      const listed = await rt.callFromSidebar<{ id: string; target: string }[]>('listRefreshes');
      await rt.callFromSidebar('deleteRefresh', listed.find((r) => r.target === 'Shifts')?.id);
    }
  });

  it('a card whose sheet was deleted after a failed run set right since leads with the sheet gone, the old reason only asked for', async () => {
    const { page, running } = bench();
    const { rt, session } = running.workbench;
    await refreshesInto(bench(), 'Rota');
    const [saved] = (await rt.callFromSidebar<{ id: string; target: string }[]>('listRefreshes')).filter(
      (r) => r.target === 'Rota',
    );
    const settings = (apiKey: string) => ({ apiKey, timeFormat: 'unix', apiVersion: '' });
    // Run now with a key Assembled refuses fails, pausing it; the key set right, it is resumed.
    await rt.callFromSidebar('saveSettings', settings('sk_live_test_never_issued_key'));
    try {
      await rt.callFromSidebar('runRefreshNow', saved?.id);
    } finally {
      await rt.callFromSidebar('saveSettings', settings(session.backend.key));
    }
    await rt.callFromSidebar('resumeRefresh', saved?.id);
    rt.workbook.deleteSheet('Rota');
    const { card } = await refreshCard(page, 'Rota');
    await expect.poll(() => card.locator('dt:text-is("Target") + dd').textContent()).toBe('Rota (deleted)');
    // Right under its rows, the sheet gone; then the failed run's reason, from before, on request.
    expect(await card.locator('dl + *').getAttribute('class')).toBe('reason');
    expect(await card.locator('dl + .reason').textContent()).toMatch(
      /^It cannot run: its sheet "Rota" was deleted\./,
    );
    expect(await card.locator('.reason + details.why > summary').textContent()).toBe('Why it failed');
    expect(await card.getByRole('button').allTextContents()).toEqual(['Delete']);
  });

  it("a refresh paused for want of its owner's key offers them no Run now, which could only be refused, until a key is saved", async () => {
    const { page, running } = bench();
    const { rt, session } = running.workbench;
    await refreshesInto(bench(), 'Roster');
    // Remove key pauses the owner's refreshes here at once.
    await rt.callFromSidebar('clearApiKey');
    try {
      const { card } = await refreshCard(page, 'Roster');
      await expect
        .poll(() => card.locator('.reason').allTextContents())
        .toEqual([
          'Paused: no Assembled API key is saved for you. Save one in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.',
        ]);
      expect(await card.getByRole('button').allTextContents()).toEqual(['Resume', 'Edit', 'Delete']);
    } finally {
      await rt.callFromSidebar('saveSettings', {
        apiKey: session.backend.key,
        timeFormat: 'unix',
        apiVersion: '',
      });
    }
    // A key saved, Run now is back: it would run now.
    const { card } = await refreshCard(page, 'Roster');
    await expect
      .poll(() => card.getByRole('button').allTextContents())
      .toEqual(['Run now', 'Resume', 'Edit', 'Delete']);
  });

  it('a long list says at its top how many refreshes there are and how many fail or cannot run, and shows those first', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt } = running.workbench;
    const sheets = Array.from({ length: 16 }, (_, i) => `Staff ${String(i + 1).padStart(2, '0')}`);
    await refreshesInto(bench(), ...sheets);
    const saved = await rt.callFromSidebar<{ id: string; target: string }[]>('listRefreshes');
    await rt.callFromSidebar('pauseRefresh', saved.find((r) => r.target === 'Staff 03')?.id);
    for (const gone of ['Staff 14', 'Staff 09']) rt.workbook.deleteSheet(gone);
    const { sb, card } = await refreshCard(page, 'Staff 01');
    await card.waitFor();
    const summary = sb.locator('#summary');
    // Their sheets deleted, two cannot run; none of their runs failed.
    expect(await summary.textContent()).toBe('16 refreshes · 2 cannot run · 1 paused');
    expect(await summary.locator('.failing').textContent()).toBe('2 cannot run');
    // At most two lines of the 300-pixel sidebar ("cannot run" wraps this one by a few pixels), in
    // view as it opens; so is the first card that needs a look.
    expect(
      await summary.evaluate(
        (e) => e.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(e).lineHeight),
      ),
    ).toBeLessThan(2.5);
    expect(await inView(summary)).toBe(true);
    // Heard with the list, as its description.
    expect(await sb.locator('#list').getAttribute('aria-describedby')).toBe('summary');
    // The failing first, as listed; then the rest in their order (the paused among them).
    const targets = await sb
      .locator('li.card')
      .evaluateAll((cards) => cards.map((c) => c.querySelector('dd')?.textContent));
    expect(targets).toEqual([
      'Staff 09 (deleted)',
      'Staff 14 (deleted)',
      ...sheets.filter((s) => s !== 'Staff 09' && s !== 'Staff 14'),
    ]);
    expect(await inView(sb.locator('li.card').first().locator('h2'))).toBe(true);
  });

  it('the open list shows a run the schedule made, without Reload, and leaves a card being edited as it is: what is typed, the keyboard and the view', async () => {
    const { page, running } = bench();
    await reset(page);
    await refreshesInto(bench(), 'Live 1', 'Live 2', 'Live 3', 'Live 4');
    const { sb, card } = await refreshCard(page, 'Live 1');
    const lastRun = (c: Locator) => c.locator('dt:text-is("Last run") + dd').textContent();
    await expect.poll(() => lastRun(card)).toBe('Not run yet');
    // The last card's Edit, open at the foot of the list, its hour changed and the keyboard on it.
    const edited = sb.locator('li.card', { hasText: 'Live 4' });
    await edited.getByRole('button', { name: /^Edit: / }).click();
    const hour = edited.getByLabel(/^At /);
    await hour.selectOption('9');
    await hour.focus();
    const editorTop = () => edited.locator('.editor').evaluate((e) => e.getBoundingClientRect().top);
    const top = await editorTop();
    // The next day's 07:00 passes while the list is open (the keyboard stays in the sidebar): the
    // schedule runs each refresh.
    const reads = () => running.workbench.rt.executions.filter((e) => e.fnName === 'listRefreshes').length;
    const before = reads();
    await running.workbench.skip(24 * 3_600_000);
    const ran = /^2026-05-26 07:\d\d(:\d\d)?, \d+ rows?$/;
    await expect.poll(() => lastRun(card), { timeout: 30_000 }).toMatch(ran);
    expect(reads()).toBeGreaterThan(before);
    // The card being edited is not drawn again: the hour typed, the keyboard on it, where it was.
    expect(await edited.locator('.editor').count()).toBe(1);
    expect(await hour.inputValue()).toBe('9');
    expect(await hour.evaluate((e) => e === document.activeElement)).toBe(true);
    // Where it was, to the pixel: cards above drawn again may move it by a fraction of one.
    expect(Math.abs((await editorTop()) - top)).toBeLessThan(1);
    // Closed, it is drawn again with the rest.
    await page.keyboard.press('Escape');
    await expect.poll(() => lastRun(edited), { timeout: 30_000 }).toMatch(ran);
  });

  it('hidden (another tab, the window minimised), the open list is not read; shown again, it is read at once', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    await refreshesInto(bench(), 'Live hidden');
    const { sb, card } = await refreshCard(page, 'Live hidden');
    const lastRun = () => card.locator('dt:text-is("Last run") + dd').textContent();
    await card.waitFor();
    const was = await lastRun();
    /** Tells the sidebar its tab is hidden or shown, as the browser does. */
    const visibility = (state: 'hidden' | 'visible') =>
      sb.locator('body').evaluate((_, s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await visibility('hidden');
    const reads = () => rt.executions.filter((e) => e.fnName === 'listRefreshes').length;
    const before = reads();
    // Its next 07:00 passes and it runs.
    await running.workbench.skip(24 * 3_600_000);
    // Three of the sidebar's minutes go by (its timers keep the clock's pace): no read, no change.
    const from = rt.clock.now();
    await expect.poll(() => rt.clock.now() - from, { timeout: 60_000 }).toBeGreaterThan(3 * 60_000);
    expect(reads()).toBe(before);
    expect(await lastRun()).toBe(was);
    await visibility('visible');
    await expect.poll(lastRun).toMatch(/^2026-\d\d-\d\d 07:\d\d(:\d\d)?, \d+ rows?$/);
  });
});
