// Settings: a wrong API key is explained in words, in Settings and wherever it is used.
import { describe, expect, it } from 'vitest';
import { accessible } from './a11y';
import { callGate, menu, reset, shown, sidebar, useBench } from './support';

const REJECTED = /Assembled did not accept the API key: it is mistyped, or no longer valid \(revoked\)\./;

describe('Settings in the workbench', () => {
  const bench = useBench();

  it('says in words what is wrong with a malformed key and with a key Assembled rejects', async () => {
    const { page } = bench();
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    // Connected at start: the key is kept, shown only masked, and said to be saved in words (the
    // grey placeholder alone reads as an example), read with the field.
    await expect.poll(() => sb.getByLabel('API key').getAttribute('placeholder')).toMatch(/^sk_live_.*…|•/);
    const state = sb.locator('#keyState');
    expect(await state.textContent()).toBe('A key ending mo_7 is saved for you.');
    expect(await state.isVisible()).toBe(true);
    expect(await sb.getByLabel('API key').getAttribute('aria-describedby')).toBe('keyState apiKeyHint');
    // No more of the key than its masked hint shows, anywhere in the page.
    expect(await sb.locator('body').textContent()).not.toContain('demo_7');

    await sb.getByLabel('API key').fill('my key');
    await sb.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/The API key should start with sk_live_: copy the whole key from/);
    expect(await sb.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');
    // A test key: said to be one, not to hold spaces; the field is still the one marked.
    await sb.getByLabel('API key').fill('sk_test_demo_sam');
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/^This looks like a test key \(sk_test_…\); the add-on needs a live API key \(sk_live_…\)/);
    expect(await sb.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');
    // One that starts as a key does: the character no key holds is named, and where it is.
    await sb.getByLabel('API key').fill('sk_live demo_7');
    await sb.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/^The API key has a space at character 8, right after sk_live, which a key never holds;/);

    // A well-formed key that Assembled never issued: the simulator knows its own keys.
    const wrong = 'sk_live_test_never_issued_key';
    // Tested before it is saved: the typed key is what is tried, and the saved one stays.
    await sb.getByLabel('API key').fill(wrong);
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(REJECTED);
    expect(await sb.locator('#status').textContent()).toMatch(
      /tested the settings above; the saved ones are unchanged/,
    );
    expect(await sb.getByLabel('API key').inputValue()).toBe(wrong);
    await sb.getByLabel('API key').fill('');
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toMatch(/^Connected to Assembled: all \d+ checks passed\.$/);

    // Saved without a test first, the key is tried: refused, it is not saved, and the form asks.
    const ASKED =
      /^Assembled did not accept this key when it was tested, so it is not saved yet: .* Check the key, or press Save anyway\.$/;
    const saveAnyway = sb.getByRole('button', { name: 'Save anyway' });
    await sb.getByLabel('API key').fill(wrong);
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(ASKED);
    // The words are tied to the key field while they stand, as a screen reader says them with it.
    const key = sb.getByLabel('API key');
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    expect(await key.getAttribute('aria-describedby')).toBe('keyState apiKeyHint status');
    // Pressed again (a double click), Save asks again: only Save anyway saves such a key.
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(ASKED);
    await saveAnyway.click();
    await sb.locator('#status', { hasText: 'Saved, though' }).waitFor();
    expect(await saveAnyway.isHidden()).toBe(true);
    expect(await sb.locator('body').textContent()).not.toContain(wrong);
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(REJECTED);
    // Refused, the test stops: the refusal said once, the checks after it not tried (not 20 calls
    // refused), said in one line; the requests still behind Details, only the first one sent.
    const results = sb.getByRole('region', { name: 'Connection test results' });
    // Said as the key's problem, not the first check's (Send times as), and where it was met, so
    // "after it" reads as what it is.
    expect(await results.locator('#checks li').allTextContents()).toEqual([
      'API key: Assembled did not accept it, at the first check.',
      'The 19 checks after it were not tried: Assembled would refuse the key on each.',
    ]);
    const rows = results.locator('#details tbody tr');
    expect(await rows.count()).toBe(20);
    // Checks never sent say so, not "– | 0 | 0 ms", which reads as one that ran and found nothing.
    const cells = (row: number) => rows.nth(row).locator('td').allTextContents();
    expect(await cells(0)).toEqual([
      'Send times as (GET /v0/agents/state)',
      '401',
      '0',
      expect.stringMatching(/^\d+ ms$/),
    ]);
    for (const row of [1, 19])
      expect((await cells(row)).slice(1)).toEqual(['not run: the API key was refused']);
    // Said in Settings, where the key is pasted: what to do here, not "open Settings"; then what
    // Assembled itself said.
    expect(await sb.locator('#status').textContent()).toMatch(
      /Copy it again from Assembled's Settings ▸ API page, paste it above and test again\. Assembled said: "Invalid API key"\.$/,
    );
    // A key refused by Test connection is asked about at once; another key typed puts the
    // question away.
    await sb.getByLabel('API key').fill(`${wrong}_2`);
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(REJECTED);
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(ASKED);
    expect(await sb.getByLabel('API key').inputValue()).toBe(`${wrong}_2`);
    await sb.getByLabel('API key').fill(`${wrong}_3`);
    expect(await saveAnyway.isHidden()).toBe(true);
    // Another key typed: nothing is said to be wrong with it yet.
    expect(await key.getAttribute('aria-invalid')).toBeNull();
    expect(await key.getAttribute('aria-describedby')).toBe('keyState apiKeyHint');
    await sb.getByLabel('API key').fill(`${wrong}_2`);
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => saveAnyway.isVisible()).toBe(true);
    // Saved anyway: the save says what that means.
    await saveAnyway.click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toBe(
        'Saved, though Assembled did not accept this key when it was tested: pulls, pushes and scheduled refreshes fail with it until a valid key is saved.',
      );

    // The same words where the key is used: a pull fails saying so.
    await menu(page, 'Pull data…');
    const pull = await sidebar(page, 'Pull data from Assembled');
    await pull.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    await pull.getByRole('button', { name: 'Pull data' }).click();
    await expect.poll(() => pull.locator('#status').textContent(), { timeout: 20_000 }).toMatch(REJECTED);
    // Over, it wrote none: not "none yet", which promises more.
    expect(await pull.locator('#jobRows').textContent()).toBe('none');
  });

  it('Save tries another Send times as first, as a new key; saved anyway, a pull says what to change', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt } = running.workbench;
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const times = sb.getByLabel('Send times as');
    const status = sb.locator('#status');
    // Who should change it, and why, beside it.
    await expect.poll(() => times.getAttribute('aria-describedby')).toBe('timeFormatHint');
    expect(await sb.locator('#timeFormatHint').textContent()).toMatch(
      /^Keep Unix seconds, as Assembled's API takes them, unless Test connection says/,
    );

    await times.selectOption('iso');
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    const ASKED =
      /^Assembled refused times sent as ISO 8601 dates when this was tested, so it is not saved yet: .* Choose Unix seconds under Send times as, or press Save anyway\.$/;
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(ASKED);
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ timeFormat: 'unix' });
    // Tied to the field to put right, not to the key.
    expect(await times.getAttribute('aria-invalid')).toBe('true');
    expect(await times.getAttribute('aria-describedby')).toBe('timeFormatHint status');
    expect(await sb.getByLabel('API key').getAttribute('aria-invalid')).toBeNull();
    // Pressed again, Save asks again: only Save anyway saves it.
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => status.textContent()).toMatch(ASKED);
    const saveAnyway = sb.getByRole('button', { name: 'Save anyway' });
    await saveAnyway.click();
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Saved, though Assembled refused times sent as ISO 8601 dates when this was tested: pulls, pushes and scheduled refreshes fail until Send times as is Unix seconds.',
      );
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ timeFormat: 'iso' });
    expect(await saveAnyway.isHidden()).toBe(true);

    // A pull then fails saying where to change it, and to what.
    await menu(page, 'Pull data…');
    const pull = await sidebar(page, 'Pull data from Assembled');
    await pull.getByLabel('Data', { exact: true }).selectOption({ label: 'Adherence report' });
    await pull.getByRole('button', { name: 'Pull data' }).click();
    await expect
      .poll(() => pull.locator('#status').textContent(), { timeout: 30_000 })
      .toMatch(
        /To send times as Assembled takes them, open Extensions ▸ Assembled for Google Sheets ▸ Settings… and under Send times as choose Unix seconds\.$/,
      );

    // Put back, Save tries it and keeps it.
    await menu(page, 'Settings…');
    const again = await sidebar(page, 'Assembled settings');
    await again.getByLabel('Send times as').selectOption('unix');
    await again.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => again.locator('#status').textContent(), { timeout: 30_000 }).toBe('Saved.');
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ timeFormat: 'unix' });
  });

  it('Save of a new key asks Assembled whether it takes it in one request, not the whole Test connection', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt, session } = running.workbench;
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    await sb.getByLabel('API key').fill(session.backend.key);
    const before = rt.counters.urlfetch.requests;
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
      .toMatch(/^Saved\. Open /);
    // The agent states' first page tells both that the key is taken and that the times are: the
    // people, teams, reports and the rest of Test connection (some 30 requests) tell Save nothing.
    expect(rt.counters.urlfetch.requests - before).toBeLessThanOrEqual(2);
  });

  it('Save anyway, pressed from the keyboard, leaves the focus on the key field it was about, not the page', async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const key = sb.getByLabel('API key');
    await key.fill('sk_live_wrongkey');
    await key.press('Enter');
    const saveAnyway = sb.getByRole('button', { name: 'Save anyway' });
    await saveAnyway.waitFor();
    await saveAnyway.focus();
    await page.keyboard.press('Enter');
    await sb.locator('#status', { hasText: 'Saved, though' }).waitFor();
    expect(await saveAnyway.isHidden()).toBe(true);
    const focused = () =>
      sb.locator('body').evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    await expect.poll(focused).toBe('apiKey');
    // Where it lands, the field says what is wrong with the key saved.
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    expect(await key.getAttribute('aria-describedby')).toBe('keyState apiKeyHint status');
  });

  it('keeps the keyboard at the words "Testing the connection…", in view, while Test connection runs, then back on it', async () => {
    const { page } = bench();
    await reset(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    const gate = await callGate(page);
    try {
      await menu(page, 'Settings…');
      const sb = await sidebar(page, 'Assembled settings');
      const status = sb.locator('#status');
      const focused = () => sb.locator(':root').evaluate(() => document.activeElement?.id);
      // Text at 200%: the words are below the fold.
      await sb.locator(':root').evaluate(() => {
        document.body.style.zoom = '2';
      });
      await sb.getByLabel('API key').fill('sk_live_demo_7');
      await sb.locator(':root').evaluate(() => window.scrollTo(0, 0));
      const test = gate.hold('testConnection');
      await sb.getByRole('button', { name: 'Test connection' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(test.arrived).toBe(true);
      // Its buttons disabled, the keyboard is not dropped to the page, and what is under way shows.
      expect(await focused()).toBe('status');
      expect(await status.textContent()).toBe('Testing the connection…');
      expect(await shown(status)).toBe(true);
      test.open();
      await status.filter({ hasText: /^Connected to Assembled/ }).waitFor();
      await expect.poll(focused).toBe('test');
    } finally {
      await gate.done();
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it("brings Save's and Test connection's answers into view in a short sidebar, with text at 200% too", async () => {
    const { page } = bench();
    await reset(page);
    // A laptop's 720 pixels: the sidebar is about 460 tall, the answer under four buttons.
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      for (const zoom of ['1', '2']) {
        await menu(page, 'Settings…');
        const sb = await sidebar(page, 'Assembled settings');
        await sb.locator(':root').evaluate((_, z) => {
          document.body.style.zoom = z;
        }, zoom);
        const status = sb.locator('#status');
        const focused = () => sb.locator(':root').evaluate(() => document.activeElement?.id);
        await sb.getByLabel('API key').fill('sk_live_test_never_issued_key');
        await sb.getByRole('button', { name: 'Save', exact: true }).click();
        await status.filter({ hasText: /so it is not saved yet/ }).waitFor();
        expect({ zoom, shown: await shown(status), focus: await focused() }).toEqual({
          zoom,
          shown: true,
          focus: 'save',
        });
        // The saved key tested, pressed with the top of the form in view.
        await sb.getByLabel('API key').fill('');
        await sb.locator(':root').evaluate(() => window.scrollTo(0, 0));
        await sb.getByRole('button', { name: 'Test connection' }).click();
        await status.filter({ hasText: /^Connected to Assembled/ }).waitFor();
        expect({ zoom, shown: await shown(status), focus: await focused() }).toEqual({
          zoom,
          shown: true,
          focus: 'test',
        });
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('keeps the API key field in view when Enter pressed in it is answered under the buttons, a wrong key or a saved one', async () => {
    const { page } = bench();
    await reset(page);
    // QA's window: the sidebar 498 pixels tall, the answer under the form.
    await page.setViewportSize({ width: 1400, height: 757 });
    try {
      await menu(page, 'Settings…');
      const sb = await sidebar(page, 'Assembled settings');
      const key = sb.getByLabel('API key');
      const status = sb.locator('#status');
      const focused = () => sb.locator(':root').evaluate(() => document.activeElement?.id);
      await key.focus();
      await page.keyboard.type('bogus_key');
      await page.keyboard.press('Enter');
      await status.filter({ hasText: /^The API key should start with sk_live_/ }).waitFor();
      expect({ focus: await focused(), shown: await shown(key) }).toEqual({ focus: 'apiKey', shown: true });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('sk_live_demo_7');
      await page.keyboard.press('Enter');
      await status.filter({ hasText: /^Saved\./ }).waitFor();
      expect({ focus: await focused(), shown: await shown(key) }).toEqual({ focus: 'apiKey', shown: true });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  // QA: in the 300 px sidebar the headers broke mid-word, "HTT P", "Rec ords", "Tim e".
  it("breaks Details' headers only between words, the table within the sidebar", async () => {
    const { page } = bench();
    await reset(page);
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await sb
      .locator('#status')
      .filter({ hasText: /^Connected to Assembled/ })
      .waitFor();
    await sb.getByText('Details: each request').click();
    const table = sb.getByRole('table', { name: 'Requests made by the connection test' });
    // Each word of a header on one line: a word broken across two has a box on each.
    const broken = await table.locator('th').evaluateAll((headers) =>
      headers.flatMap((th) => {
        const text = th.firstChild as Text;
        return [...text.data.matchAll(/\S+/g)].flatMap((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          return range.getClientRects().length > 1 ? [word[0]] : [];
        });
      }),
    );
    expect(broken).toEqual([]);
    expect(await table.locator('th').allTextContents()).toEqual(['Request', 'HTTP', 'Records', 'Time']);
    // Not whole by running past the sidebar's edge, or over the next header.
    expect(await table.evaluate((t) => t.getBoundingClientRect().right <= innerWidth)).toBe(true);
    expect(
      await table
        .locator('th')
        .evaluateAll((headers) => headers.filter((th) => th.scrollWidth > th.clientWidth).length),
    ).toBe(0);
  });

  it('says once that Assembled is down, counting the checks not run apart from those that failed', async () => {
    const { page } = bench();
    // The key saved is one Assembled issued, not the one the test above saved anyway.
    await reset(page);
    await page.getByLabel('How the simulated Assembled answers').selectOption('down');
    await page.waitForFunction(() => document.body.dataset.faults === 'down');
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent(), { timeout: 60_000 })
      .toBe(
        'Assembled is not answering (a server error on every check: 17 failed, 3 not run): try again in a few minutes.',
      );
    // Not the server error's advice on fifteen lines: the requests stay behind Details.
    const results = sb.getByRole('region', { name: 'Connection test results' });
    expect(await results.locator('#checks li').count()).toBe(0);
    expect(await results.locator('#details tbody tr').count()).toBe(20);
    await page.getByLabel('How the simulated Assembled answers').selectOption('none');
    await page.waitForFunction(() => document.body.dataset.faults === 'none');
  });

  it('with Assembled down, Save of a new key asks first, as the key saved is kept; saved anyway, it is said to be unchecked', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt } = running.workbench;
    const faults = page.getByLabel('How the simulated Assembled answers');
    await faults.selectOption('down');
    await page.waitForFunction(() => document.body.dataset.faults === 'down');
    try {
      await menu(page, 'Settings…');
      const sb = await sidebar(page, 'Assembled settings');
      const status = sb.locator('#status');
      const key = sb.getByLabel('API key');
      const saveAnyway = sb.getByRole('button', { name: 'Save anyway' });
      const ASKED =
        'Assembled could not be reached to check this key (a server error on every check), so it is not saved yet: the key saved now stays in use. Press Save anyway, or wait a few minutes and press Save again, which checks this key first.';
      // A key Assembled issued, but nothing can tell that now: not "Saved.", and the key that works stays.
      await key.fill('sk_live_demo_sam');
      await sb.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe(ASKED);
      // The key saved stays, and the one typed is still there to save: the words under it say both.
      expect(await sb.locator('#keyState').textContent()).toBe(
        'A key ending mo_7 is saved for you: Save checks the key typed above, then puts it in its place.',
      );
      expect(await rt.callFromSidebar('getSettings')).toMatchObject({
        keyHint: expect.stringMatching(/mo_7$/),
      });
      // Nothing is known wrong with the key: the field is not marked so.
      expect(await key.getAttribute('aria-invalid')).toBeNull();
      expect(await saveAnyway.isVisible()).toBe(true);
      await saveAnyway.click();
      await expect
        .poll(() => status.textContent())
        .toBe(
          'Saved, but not checked: Assembled could not be reached (a server error on every check). Press Test connection once it answers.',
        );
      expect(await sb.locator('#keyState').textContent()).toBe('A key ending _sam is saved for you.');
      expect(await saveAnyway.isHidden()).toBe(true);

      // With no key saved, a new one replaces none that works: Save keeps it, saying it is unchecked.
      await rt.callFromSidebar('clearApiKey');
      await menu(page, 'Settings…');
      const again = await sidebar(page, 'Assembled settings');
      await expect.poll(() => again.locator('#keyState').textContent()).toBe('No key is saved.');
      await again.getByLabel('API key').fill('sk_live_demo_7');
      // Typed, not saved: the words under it say what Save does with it, not only that none is saved.
      expect(await again.locator('#keyState').textContent()).toBe(
        'No key is saved: Save checks the key typed above with Assembled, then keeps it.',
      );
      await again.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(() => again.locator('#status').textContent(), { timeout: 60_000 })
        .toMatch(/^Saved, but not checked: /);
      expect(await again.locator('#keyState').textContent()).toBe('A key ending mo_7 is saved for you.');
    } finally {
      await faults.selectOption('none');
      await page.waitForFunction(() => document.body.dataset.faults === 'none');
    }
  });

  it('a key saved says which scheduled refreshes a missing or refused key paused, and where to resume them', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt, session } = running.workbench;
    const options = { timeFormat: 'unix', apiVersion: '' };
    rt.workbook.addSheet('Teams kept');
    const [refresh] = await rt.callFromSidebar<{ id: string }[]>(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name: 'Teams kept' },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      'refresh-teams-kept',
    );
    // Its run with a key Assembled never issued pauses it.
    await rt.callFromSidebar('saveSettings', { apiKey: 'sk_live_test_never_issued_key', ...options });
    const [run] = await rt.callFromSidebar<{ paused: boolean }[]>('runRefreshNow', refresh?.id);
    expect(run?.paused).toBe(true);

    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    await sb.getByLabel('API key').fill(session.backend.key);
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
      .toBe(
        'Saved. One of your scheduled refreshes is paused because your API key was missing or refused: open Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes… to resume it.',
      );
    // Options saved alone, with no key typed, say no more than that.
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => sb.locator('#status').textContent()).toBe('Saved.');
  });

  it('with no key saved, Save with the key field empty saves nothing and says where the key goes', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt } = running.workbench;
    await rt.callFromSidebar('clearApiKey');
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const key = sb.getByLabel('API key');
    await expect.poll(() => key.getAttribute('placeholder')).toBe('sk_live_…');
    expect(await sb.locator('#keyState').textContent()).toBe('No key is saved.');
    // With none yet, the field's hint says first where a key comes from, then who can see it, in
    // words for a person, not Apps Script's.
    expect(await sb.locator('#apiKeyHint').textContent()).toBe(
      "Copy it from Assembled's Settings ▸ API page. Kept for you alone: other editors of this spreadsheet cannot see or use it.",
    );
    await sb.getByLabel('Send times as').selectOption('iso');
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toBe('No API key is saved, so nothing was saved: paste your API key in API key above, then Save.');
    expect(await sb.locator('#status').getAttribute('data-tone')).toBe('error');
    // The words are tied to the key field, where the key goes.
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    expect(await key.getAttribute('aria-describedby')).toBe('keyState apiKeyHint status');
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ hasKey: false, timeFormat: 'unix' });

    // A key Assembled accepts, saved: what to do next, in words that fit whatever sent the user
    // here (a pull or a push: Settings, opened from the menu, cannot tell which).
    // (With times sent as this Assembled takes them: ISO would be tried and refused first.)
    await sb.getByLabel('Send times as').selectOption('unix');
    // Pasted in quotes, as a key copied from code or a message comes: the quotes are no part of it.
    await key.fill(`"${running.workbench.session.backend.key}"`);
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => sb.locator('#status').textContent(), { timeout: 30_000 })
      .toBe('Saved. Open Extensions ▸ Assembled for Google Sheets ▸ Pull data… or Push rows… to carry on.');
    // The field empties once saved: the line beside it says the key is kept.
    expect(await key.inputValue()).toBe('');
    expect(await sb.locator('#keyState').textContent()).toBe(
      `A key ending ${running.workbench.session.backend.key.slice(-4)} is saved for you.`,
    );
  });

  it('with no key saved, Test connection with the key field empty says to paste the key here, not to open Settings', async () => {
    const { page, running } = bench();
    await reset(page);
    await running.workbench.rt.callFromSidebar('clearApiKey');
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const key = sb.getByLabel('API key');
    await expect.poll(() => key.getAttribute('placeholder')).toBe('sk_live_…');
    await sb.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toBe('No API key is saved: paste your API key in API key above, then Test connection.');
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    expect(await sb.locator('#results').isHidden()).toBe(true);
  });

  it('Remove key is offered only while a key is saved, and its question is put away by anything else done', async () => {
    const { page, running } = bench();
    await reset(page);
    const { rt, session } = running.workbench;
    await rt.callFromSidebar('clearApiKey');
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const key = sb.getByLabel('API key');
    const remove = sb.getByRole('button', { name: 'Remove key' });
    const ask = sb.getByRole('group', { name: 'Remove the saved key?' });
    await expect.poll(() => key.getAttribute('placeholder')).toBe('sk_live_…');
    expect(await remove.count()).toBe(0);

    await key.fill(session.backend.key);
    await sb.getByRole('button', { name: 'Save', exact: true }).click();
    await sb.locator('#status', { hasText: 'Saved.' }).waitFor();
    await remove.waitFor();
    // Asked, then another action taken instead: the question goes, the key stays.
    const elsewhere: [string, () => Promise<unknown>][] = [
      ['Test connection', () => sb.getByRole('button', { name: 'Test connection' }).click()],
      ['typing a key', () => key.fill('sk_live_')],
      ['Save', () => sb.getByRole('button', { name: 'Save', exact: true }).click()],
    ];
    for (const [what, act] of elsewhere) {
      if (what === 'Save') await key.fill('');
      await remove.click();
      await ask.waitFor();
      await act();
      await ask.waitFor({ state: 'hidden' });
      expect(await rt.callFromSidebar('getSettings'), what).toMatchObject({ hasKey: true });
    }
    await expect.poll(() => sb.locator('#status').textContent()).toMatch(/^Saved\./);

    // Removed: nothing left to remove, and the field for a new key has the focus. The question's
    // answer is named apart from the button that asked it, as a list of buttons reads them.
    await remove.click();
    // The key is kept per user, not per spreadsheet: it stops in their other spreadsheets too.
    expect(await ask.locator('p').textContent()).toBe(
      'Remove your saved API key? It is yours in every spreadsheet, not only this one: your scheduled refreshes and pushes stop in all of them until you save a key again. Your refreshes here pause now, those in other spreadsheets at their next run.',
    );
    // Said whole where the focus lands (Keep it, inside the group), not the short question alone.
    expect(await accessible(ask)).toEqual({
      role: 'group',
      name: 'Remove the saved key?',
      description: await ask.locator('p').textContent(),
    });
    expect(await sb.getByRole('button', { name: 'Remove key', exact: true }).count()).toBe(1);
    expect(await ask.getByRole('button').allTextContents()).toEqual(['Yes, remove key', 'Keep it']);
    await ask.getByRole('button', { name: 'Yes, remove key', exact: true }).click();
    await sb.locator('#status', { hasText: 'The API key was removed.' }).waitFor();
    expect(await remove.count()).toBe(0);
    expect(await sb.locator('#keyState').textContent()).toBe('No key is saved.');
    expect(await key.evaluate((e) => e === document.activeElement)).toBe(true);
  });

  it('keeps what is chosen while the saved settings load, not put back to what was saved', async () => {
    const { page } = bench();
    await reset(page);
    const gate = await callGate(page);
    try {
      const load = gate.hold('getSettings');
      await menu(page, 'Settings…');
      const sb = await sidebar(page, 'Assembled settings');
      await expect.poll(load.arrived).toBe(true);
      // Saved: Unix seconds (the default). Chosen before the saved settings arrive: ISO 8601.
      await sb.getByLabel('Send times as').selectOption('iso');
      load.open();
      // Loaded: the saved key's hint is shown, and the choice stands.
      await expect.poll(() => sb.getByLabel('API key').getAttribute('placeholder')).toMatch(/^sk_live_.*…|•/);
      expect(await sb.getByLabel('Send times as').inputValue()).toBe('iso');
    } finally {
      await gate.done();
    }
  });
});
