// The spreadsheet's time zone, in the sidebars: a refresh's hour is named in it where a person
// reads it, and follows it when File ▸ Settings changes it; Validate says in one line which zone
// rows pushed before the change went in.
import type { FrameLocator, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import {
  type Bench,
  cell,
  demoAgent,
  menu,
  pullIntoNewSheet,
  refreshCard,
  sidebar,
  useBench,
} from './support';

const teamsSpec = { source: { kind: 'resource', resource: 'teams' }, mode: 'replace' };

/** A card's rows, term and value, as a person reads them. */
async function rows(card: ReturnType<FrameLocator['locator']>): Promise<Record<string, string>> {
  const terms = await card.locator('dt').allTextContents();
  const values = await card.locator('dd').allTextContents();
  return Object.fromEntries(terms.map((t, i) => [t, values[i] ?? '']));
}

/**
 * Holds each call of `read` (a read of the list, of the options) the sidebar makes until it calls
 * `until`, so a press beats the news of the zone changed meanwhile; `late`: the first one the
 * server answers at once, and its answer is held on its way back instead, until `deliverLate`.
 * `arrived`: one has come (a late one, answered).
 */
async function holdReads(page: Page, read: string, until: string, late = false) {
  let through = false;
  let arrived = false;
  const gate = () => {
    let open: () => void = () => undefined;
    const opened = new Promise<void>((done) => {
      open = done;
    });
    return { open, opened };
  };
  const lateGate = gate();
  const rest = gate();
  let first = true;
  await page.route('**/api/run', async (route) => {
    const fn = route.request().postDataJSON()?.fn;
    through ||= fn === until;
    if (through || fn !== read) return route.continue();
    if (late && first) {
      first = false;
      // Answered before the test goes on to change the zone.
      const answer = await route.fetch();
      arrived = true;
      await lateGate.opened;
      return route.fulfill({ response: answer });
    }
    arrived = true;
    await rest.opened;
    return route.continue();
  });
  return {
    arrived: () => arrived,
    /** Gives the sidebar the late answer; resolves once it has come. */
    async deliverLate() {
      const came = page.waitForEvent('requestfinished', (r) => r.postDataJSON()?.fn === read);
      lateGate.open();
      await came;
    },
    /** Lets the held calls through, and stops holding. */
    async release() {
      lateGate.open();
      rest.open();
      await page.unrouteAll({ behavior: 'wait' });
    },
  };
}

/**
 * Holds every call of `read` the sidebar makes, in the order asked, until `answerNext` lets
 * the first still held through (the server answers it then); `asked`: how many have come.
 */
async function queueReads(page: Page, read: string) {
  const waiting: Route[] = [];
  let handled = 0;
  await page.route('**/api/run', (route) =>
    route.request().postDataJSON()?.fn === read ? void waiting.push(route) : route.continue(),
  );
  return {
    asked: () => waiting.length,
    /** Lets the first still held through; resolves once the sidebar has its answer. */
    async answerNext() {
      const came = page.waitForEvent('requestfinished', (r) => r.postDataJSON()?.fn === read);
      await waiting[handled++]?.continue();
      await came;
    },
    /** Lets the rest through, and stops holding. */
    async release() {
      // Each held one handled first: unrouteAll waits for them.
      for (const route of waiting.slice(handled)) await route.continue();
      await page.unrouteAll({ behavior: 'wait' });
    },
  };
}

/**
 * A daily 07:00 refresh of Teams into a new sheet `name`, saved in Berlin's time, its card's Edit
 * open with 09:00 picked.
 */
async function editOpenInBerlin({ page, running }: Bench, name: string) {
  const { workbench } = running;
  workbench.saveSettings('en_GB', 'Europe/Berlin');
  workbench.rt.workbook.addSheet(name);
  await workbench.rt.callFromSidebar(
    'saveRefresh',
    {
      spec: { ...teamsSpec, target: { kind: 'sheet', name } },
      frequency: { kind: 'daily', hour: 7 },
      notifyByEmail: false,
    },
    `key-${name.toLowerCase()}`,
  );
  const { sb, card } = await refreshCard(page, name);
  await card.getByRole('button', { name: /^Edit: / }).click();
  await sb.getByLabel('At (Europe/Berlin time)').selectOption('9');
  return { sb, card };
}

/**
 * The spreadsheet's zone changed to New York while the pointer is off the sidebar, then the pointer
 * back over it: the card (kept for its open Edit) names the new zone on its Frequency row.
 */
async function newYorkOnReturn({ page, running }: Bench, card: ReturnType<FrameLocator['locator']>) {
  expect(running.workbench.saveSettings('en_GB', 'America/New_York')).toEqual({ ok: true });
  const frame = await page.locator('#sidebarFrame').boundingBox();
  if (!frame) throw new Error('The sidebar is not shown');
  await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2, { steps: 4 });
  await expect.poll(async () => (await rows(card)).Frequency).toBe('Daily at 07:00 America/New_York');
}

/** Pull data opened on Handle time, its range shown in Berlin's zone (the spreadsheet's). */
async function handleTimeInBerlin(page: Page) {
  await menu(page, 'Pull data…');
  const sb = await sidebar(page, 'Pull data from Assembled');
  await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Handle time report' });
  const preview = sb.locator('#rangePreview');
  await expect.poll(() => preview.textContent()).toMatch(/ \(Europe\/Berlin\)$/);
  return { sb, preview };
}

describe('The spreadsheet time zone in the sidebars', () => {
  const bench = useBench({ timezone: 'Europe/Berlin' });

  it("names it at a refresh's hour, on its card and in the forms, and follows it when it changes", async () => {
    const { page, running } = bench();
    const { workbench } = running;
    workbench.rt.workbook.addSheet('Staff');
    await saveListRefresh(workbench.rt, {
      resource: 'teams',
      sheet: 'Staff',
      frequency: { kind: 'daily', hour: 7 },
      key: 'key-staff',
    });
    let { sb, card } = await refreshCard(page, 'Staff');
    await expect.poll(async () => (await rows(card)).Frequency).toBe('Daily at 07:00 Europe/Berlin');
    await card.getByRole('button', { name: /^Edit: / }).click();
    expect(await sb.getByLabel('At (Europe/Berlin time)').inputValue()).toBe('7');

    expect(workbench.saveSettings('en_GB', 'Asia/Kolkata')).toEqual({ ok: true });
    ({ sb, card } = await refreshCard(page, 'Staff'));
    await expect.poll(async () => (await rows(card)).Frequency).toBe('Daily at 07:00 Asia/Kolkata');
    expect((await rows(card))['Next run']).toMatch(/^\d{4}-\d\d-\d\d 07:00$/);
    // Saved in Berlin: its card says when that is now, and how to keep it so.
    expect(await card.locator('.hint', { hasText: /^Saved for / }).textContent()).toBe(
      "Saved for Europe/Berlin: the spreadsheet's time zone is now Asia/Kolkata, so it runs at 07:00 Kolkata time (03:30 Berlin time). Edit and save to keep it so, or change its time.",
    );
    await card.getByRole('button', { name: /^Edit: / }).click();
    expect(await sb.getByLabel('At (Asia/Kolkata time)').inputValue()).toBe('7');
    // Saved as it is, it is kept at 07:00 in Kolkata: nothing more to say.
    await sb.getByRole('button', { name: /^Save: / }).click();
    await sb.locator('.said', { hasText: 'Saved.' }).waitFor();
    expect(await card.locator('.hint', { hasText: /^Saved for / }).count()).toBe(0);

    // After a pull, the offer to refresh it on a schedule names the zone too.
    const pull = await pullIntoNewSheet(page, 'Teams', 'Teams');
    expect(await pull.getByLabel('At (Asia/Kolkata time)').inputValue()).toBe('7');
  });

  it('names the new zone in an open Pull data sidebar once the user comes back to it', async () => {
    const { page, running } = bench();
    running.workbench.saveSettings('en_GB', 'Europe/Berlin');
    // A pull already done in this sidebar: its refresh offer names the hour's zone.
    const sb = await pullIntoNewSheet(page, 'Handle time report', 'Handle');
    const preview = sb.locator('#rangePreview');
    await expect.poll(() => preview.textContent()).toMatch(/ \(Europe\/Berlin\)$/);
    await sb.getByLabel('At (Europe/Berlin time)').waitFor();

    expect(running.workbench.saveSettings('en_GB', 'Pacific/Kiritimati')).toEqual({ ok: true });
    // Back from File ▸ Settings: the sidebar's window gets the focus again.
    await sb.locator('body').evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => preview.textContent()).toMatch(/ \(Pacific\/Kiritimati\)$/);
    await sb.getByLabel('At (Pacific/Kiritimati time)').waitFor();
    expect(await sb.getByLabel(/Europe\/Berlin/).count()).toBe(0);
  });

  // Settings said nothing of the zone, though it decides how every date in a pulled or pushed row
  // is read and written, and it is set in Sheets, not in the add-on.
  it('says in Settings which zone dates are in and where to change it, and follows it when it changes', async () => {
    const { page, running } = bench();
    running.workbench.saveSettings('en_GB', 'Europe/Berlin');
    await menu(page, 'Settings…');
    const sb = await sidebar(page, 'Assembled settings');
    const zone = sb.locator('#zone');
    await expect
      .poll(() => zone.textContent())
      .toBe(
        "Dates and times in pulled and pushed rows are in this spreadsheet's time zone, Europe/Berlin: change it under File ▸ Settings in Google Sheets.",
      );
    expect(await zone.isVisible()).toBe(true);

    expect(running.workbench.saveSettings('en_GB', 'Asia/Kolkata')).toEqual({ ok: true });
    // Back from File ▸ Settings: the sidebar's window gets the focus again.
    await sb.locator('body').evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => zone.textContent()).toMatch(/time zone, Asia\/Kolkata: /);
  });

  // The range followed only once the person clicked inside the sidebar: the pointer back over it,
  // hovering or scrolling, still read the dates in the zone before.
  it('follows the new zone in an open Pull data sidebar once the pointer is back over it, with no click', async () => {
    const { page, running } = bench();
    running.workbench.saveSettings('en_GB', 'Europe/Berlin');
    const { preview } = await handleTimeInBerlin(page);
    // At the sheet a while, its look a moment after leaving the sidebar long over.
    await cell(page, 2, 'B').click();
    await page.waitForTimeout(1_000);
    expect(running.workbench.saveSettings('en_GB', 'Pacific/Kiritimati')).toEqual({ ok: true });
    const frame = await page.locator('#sidebarFrame').boundingBox();
    if (!frame) throw new Error('The sidebar is not shown');
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2, { steps: 4 });
    await expect.poll(() => preview.textContent()).toMatch(/ \(Pacific\/Kiritimati\)$/);
    // Nothing clicked: the keyboard is still at the sheet.
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('sidebarFrame');
  });

  // Pressed before the form heard of the change (it hears when the person comes back to it), Pull
  // data pulled the new zone's dates while the form said the old zone's.
  it('starts no pull of a range the form showed in the zone before, and shows the range now', async () => {
    const { page, running } = bench();
    running.workbench.saveSettings('en_GB', 'Europe/Berlin');
    const { sb, preview } = await handleTimeInBerlin(page);
    const sheets = running.workbench.rt.workbook.sheetNames();

    expect(running.workbench.saveSettings('en_GB', 'Pacific/Kiritimati')).toEqual({ ok: true });
    await sb.getByRole('button', { name: 'Pull data', exact: true }).click();
    const status = sb.locator('#status');
    await expect
      .poll(() => status.textContent())
      .toMatch(
        /^The spreadsheet's time zone is now Pacific\/Kiritimati \(it was Europe\/Berlin when this form was drawn\): the range is now (.+)\. Press Pull data again to pull it\.$/,
      );
    const now = /the range is now (.+)\. Press/.exec((await status.textContent()) ?? '')?.[1];
    await expect.poll(() => preview.textContent()).toBe(`${now} (Pacific/Kiritimati)`);
    expect(running.workbench.rt.workbook.sheetNames()).toEqual(sheets);
  });

  // The list was read again on the window's focus or once a minute only: back from File ▸ Settings
  // with the pointer, it named the old zone for up to a minute, and an Edit form open, until Reload.
  it('follows the new zone in an open Scheduled refreshes sidebar once the pointer is back over it', async () => {
    const { page, running } = bench();
    const { workbench } = running;
    workbench.saveSettings('en_GB', 'Europe/Berlin');
    workbench.rt.workbook.addSheet('Rota');
    const daily = { kind: 'daily', hour: 7 };
    await workbench.rt.callFromSidebar(
      'saveRefresh',
      {
        spec: { ...teamsSpec, target: { kind: 'sheet', name: 'Rota' } },
        frequency: daily,
        notifyByEmail: false,
      },
      'key-rota',
    );
    const { sb, card } = await refreshCard(page, 'Rota');
    await expect.poll(async () => (await rows(card)).Frequency).toBe('Daily at 07:00 Europe/Berlin');
    // Another card's Edit open: that card is kept as it is while the list is read again.
    const staff = sb.locator('li.card', { hasText: 'Staff' });
    await staff.getByRole('button', { name: /^Edit: / }).click();
    await sb.getByLabel('At (Europe/Berlin time)').waitFor();
    // At the sheet a while, its look a moment after leaving the sidebar long over.
    await cell(page, 2, 'B').click();
    await page.waitForTimeout(2_500);

    await newYorkOnReturn(bench(), card);
    expect(await card.locator('.hint', { hasText: /^Saved for / }).textContent()).toMatch(
      /^Saved for Europe\/Berlin: the spreadsheet's time zone is now America\/New_York, so it runs at 07:00 New York time \(13:00 Berlin time\)\./,
    );
    expect((await rows(staff)).Frequency).toBe('Daily at 07:00 America/New_York');
    expect(await sb.getByLabel('At (America/New_York time)').inputValue()).toBe('7');
    expect(await sb.getByLabel(/Europe\/Berlin time/).count()).toBe(0);
  });

  // A card kept for its open Edit named the new zone on its Frequency row only: its Next run stayed
  // the old zone's (a day off, or looking like a missed run), with no word that the zone moved.
  it("redraws an open Edit's card in the new zone once the pointer is back over it, the Edit as picked", async () => {
    const { page, running } = bench();
    const { workbench } = running;
    const { card } = await editOpenInBerlin(bench(), 'Night');
    const at = card.getByLabel('At (Europe/Berlin time)');
    await at.focus();
    await at.evaluate((e) => {
      (window as unknown as { picked: Element }).picked = e;
    });
    // The pointer off over the sheet a while (no click there: that takes the keyboard out of the sidebar).
    const sheet = await cell(page, 2, 'B').boundingBox();
    if (!sheet) throw new Error('The sheet is not shown');
    await page.mouse.move(sheet.x + 5, sheet.y + 5, { steps: 4 });
    await page.waitForTimeout(2_500);

    await newYorkOnReturn(bench(), card);
    // As the server reads it now, in New York's time (its day may be another than Berlin's).
    const read = await workbench.rt.callFromSidebar<{ target: string; nextRun: string }[]>('listRefreshes');
    const next = read.find((v) => v.target === 'Night')?.nextRun;
    expect(next).toMatch(/^\d{4}-\d\d-\d\d 07:00$/);
    expect((await rows(card))['Next run']).toBe(next);
    expect(await card.locator('.hint', { hasText: /^Saved for / }).textContent()).toMatch(
      /^Saved for Europe\/Berlin: the spreadsheet's time zone is now America\/New_York, so it runs at 07:00 New York time/,
    );
    // The Edit is the one left open: its hour as picked, the keyboard on it.
    const atNow = card.getByLabel('At (America/New_York time)');
    expect(await atNow.inputValue()).toBe('9');
    expect(
      await atNow.evaluate(
        (e) => e === document.activeElement && e === (window as unknown as { picked: Element }).picked,
      ),
    ).toBe(true);
  });

  // Save pressed in a card's Edit before the sidebar heard of the change saved its hour in the new
  // zone, while At named the old one: the Edit sent no zone, so the server had none to check. Then
  // the refusal closed the Edit, and opened again it showed the hour saved, not the one picked.
  it("saves no refresh's hour from an open Edit that named it in the zone before, and keeps the Edit open as picked", async () => {
    const { page, running } = bench();
    const { workbench } = running;
    const { sb, card } = await editOpenInBerlin(bench(), 'Shifts');

    // Save pressed before the sidebar hears of the change: the reads of the list held till then
    // (answered first, one names the new zone at the hour: the next test).
    const reads = await holdReads(page, 'listRefreshes', 'saveRefresh');
    try {
      await sb.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
      await expect.poll(reads.arrived).toBe(true);
      expect(workbench.saveSettings('en_GB', 'America/New_York')).toEqual({ ok: true });
      await sb.getByRole('button', { name: /^Save: / }).click();
      await card.locator('.said', { hasText: /^The spreadsheet's time zone is now/ }).waitFor();
    } finally {
      await reads.release();
    }
    await card
      .locator('.said', {
        hasText:
          "The spreadsheet's time zone is now America/New_York (it was Europe/Berlin when this form was drawn): the hour under At is now in America/New_York time. Check it, then save again.",
      })
      .waitFor();
    // Nothing saved: still 07:00, saved for Berlin.
    expect((await rows(card)).Frequency).toBe('Daily at 07:00 America/New_York');
    expect(await card.locator('.hint', { hasText: /^Saved for Europe\/Berlin/ }).count()).toBe(1);
    // The Edit stays open with the hour picked, now named in the zone it is in, the refusal under
    // it and the keyboard on Save, to save again once checked.
    const at = card.getByLabel('At (America/New_York time)');
    expect(await at.inputValue()).toBe('9');
    expect(await card.locator('.editor + .said').count()).toBe(1);
    // The refusal says why once: the form does not say it again at the hour.
    expect(await card.locator('.editor .hint:visible', { hasText: /time zone is now/ }).count()).toBe(0);
    const save = card.getByRole('button', { name: /^Save: / });
    expect(await save.evaluate((b) => b === document.activeElement)).toBe(true);
    // The hour checked and picked again, the refusal is answered: it goes.
    await at.selectOption('10');
    expect(await card.locator('.said').count()).toBe(0);
    await save.click();
    await card.locator('.said', { hasText: 'Saved.' }).waitFor();
    expect((await rows(card)).Frequency).toBe('Daily at 10:00 America/New_York');
    expect(await card.locator('.editor').count()).toBe(0);
  });

  // A read of the list that named the new zone at an open Edit's hour did it without a word: Save
  // then set the hour picked, unchanged, in the other zone's time.
  it("says at an open Edit's hour that the zone it is in changed, until the hour is picked again", async () => {
    const { running } = bench();
    const { workbench } = running;
    const { sb, card } = await editOpenInBerlin(bench(), 'Cover');

    expect(workbench.saveSettings('en_GB', 'America/New_York')).toEqual({ ok: true });
    await sb.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
    const at = card.getByLabel('At (America/New_York time)');
    await at.waitFor();
    const words =
      "The spreadsheet's time zone is now America/New_York (it was Europe/Berlin when this form was drawn): the hour under At is now in America/New_York time. Check it before you save.";
    expect(
      await at.evaluate(
        (e) =>
          e.getAttribute('aria-describedby') &&
          document.getElementById(e.getAttribute('aria-describedby') ?? '')?.textContent,
      ),
    ).toBe(words);
    expect(await card.locator('.hint:visible', { hasText: words }).count()).toBe(1);
    // Picked again, the hour is checked: the words go, and Save sets it in New York's time.
    await at.selectOption('10');
    expect(await card.locator('.editor .hint:visible', { hasText: /time zone is now/ }).count()).toBe(0);
    expect(await at.getAttribute('aria-describedby')).toBeNull();
    await card.getByRole('button', { name: /^Save: / }).click();
    await card.locator('.said', { hasText: 'Saved.' }).waitFor();
    expect((await rows(card)).Frequency).toBe('Daily at 10:00 America/New_York');
  });

  // A read of the list asked before Save, answered (Berlin) only after the refusal was drawn (New
  // York), was drawn over it: At named Berlin again, and the next Save was refused again.
  it('draws no read of the list asked before a refused Save over what the refusal drew', async () => {
    const { page, running } = bench();
    const { workbench } = running;
    const { sb, card } = await editOpenInBerlin(bench(), 'Late');
    // A read answered in Berlin's time, its answer held on its way back.
    const reads = await holdReads(page, 'listRefreshes', 'saveRefresh', true);
    try {
      await sb.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
      await expect.poll(reads.arrived).toBe(true);
      expect(workbench.saveSettings('en_GB', 'America/New_York')).toEqual({ ok: true });
      await sb.getByRole('button', { name: /^Save: / }).click();
      await card
        .locator('.said', { hasText: /^The spreadsheet's time zone is now America\/New_York/ })
        .waitFor();
      await reads.deliverLate();
      // The sidebar has taken the late answer in before it is looked at (and before any other read).
      await sb.locator(':root').evaluate(() => new Promise((done) => setTimeout(done, 200)));
      // Looked at as it is now, not waited for: a read asked since would draw New York again.
      expect(await card.locator('label', { hasText: /^At / }).allTextContents()).toEqual([
        'At (America/New_York time)',
      ]);
      expect((await rows(card)).Frequency).toBe('Daily at 07:00 America/New_York');
    } finally {
      await reads.release();
    }
    expect(await card.getByLabel('At (America/New_York time)').inputValue()).toBe('9');
    await card.getByRole('button', { name: /^Save: / }).click();
    await card.locator('.said', { hasText: 'Saved.' }).waitFor();
    expect((await rows(card)).Frequency).toBe('Daily at 09:00 America/New_York');
  });

  it("says the zone changed at a pulled refresh's hour once the sidebar hears of it, and not again under a refusal that said so", async () => {
    const { page, running } = bench();
    const { workbench } = running;
    workbench.saveSettings('en_GB', 'Europe/Berlin');
    const pull = await pullIntoNewSheet(page, 'Teams', 'Teams');
    const zoneHint = pull.locator('#frequency .hint:visible', { hasText: /time zone is now/ });
    // Save pressed before the sidebar hears of the change; the read as the person came back
    // answered only after the refusal's own read was asked, and taken in before it.
    const reads = await queueReads(page, 'getPullOptions');
    try {
      await pull.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
      await expect.poll(reads.asked).toBeGreaterThan(0);
      const before = reads.asked();
      expect(workbench.saveSettings('en_GB', 'America/New_York')).toEqual({ ok: true });
      await pull.getByRole('button', { name: 'Save scheduled refresh' }).click();
      await pull
        .locator('#refreshStatus', { hasText: /^The spreadsheet's time zone is now America\/New_York/ })
        .waitFor();
      await expect.poll(reads.asked).toBe(before + 1);
      for (let n = 0; n < before; n++) await reads.answerNext();
      await pull.getByLabel('At (America/New_York time)').waitFor();
      await reads.answerNext();
      // Taken in before it is looked at.
      await pull.locator(':root').evaluate(() => new Promise((done) => setTimeout(done, 200)));
    } finally {
      await reads.release();
    }
    expect(await zoneHint.count()).toBe(0);
    // Heard of from a read alone, the change is said at the hour.
    expect(workbench.saveSettings('en_GB', 'Asia/Tokyo')).toEqual({ ok: true });
    await pull.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
    await pull.getByLabel('At (Asia/Tokyo time)').waitFor();
    expect(await zoneHint.textContent()).toBe(
      "The spreadsheet's time zone is now Asia/Tokyo (it was Europe/Berlin when this form was drawn): the hour under At is now in Asia/Tokyo time. Check it before you save.",
    );
  });

  it("keeps a pulled refresh's hour in the new zone when a read asked before a refused Save answers after it", async () => {
    const { page, running } = bench();
    const { workbench } = running;
    workbench.saveSettings('en_GB', 'Europe/Berlin');
    const pull = await pullIntoNewSheet(page, 'Teams', 'Teams');
    // A read answered in Berlin's time, its answer held on its way back.
    const reads = await holdReads(page, 'getPullOptions', 'saveRefresh', true);
    try {
      await pull.locator(':root').evaluate(() => dispatchEvent(new Event('focus')));
      await expect.poll(reads.arrived).toBe(true);
      expect(workbench.saveSettings('en_GB', 'America/New_York')).toEqual({ ok: true });
      await pull.getByRole('button', { name: 'Save scheduled refresh' }).click();
      await pull.getByLabel('At (America/New_York time)').waitFor();
      await reads.deliverLate();
      await pull.locator(':root').evaluate(() => new Promise((done) => setTimeout(done, 200)));
      // Looked at as it is now: drawn from the late answer, At would name Berlin again, and a read
      // since would say the zone moved once more.
      expect(await pull.locator('#frequency label', { hasText: /^At / }).allTextContents()).toEqual([
        'At (America/New_York time)',
      ]);
      expect(await pull.locator('#frequency .hint:visible', { hasText: /time zone is now/ }).count()).toBe(0);
    } finally {
      await reads.release();
    }
    await pull.getByRole('button', { name: 'Save scheduled refresh' }).click();
    await pull.locator('#refreshStatus', { hasText: 'Saved.' }).waitFor();
  });

  it('says once in Validate that rows pushed before the change went in the old zone', async () => {
    const { page, running } = bench();
    const { workbench } = running;
    workbench.saveSettings('de_DE', 'Europe/Berlin');
    const agent = demoAgent(bench());
    const { sheet } = await workbench.rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    workbench.rt.workbook.write(
      sheet,
      [[agent.email, '08.07.2026 09:00', '08.07.2026 17:00', 'FALSCH', 'pto']],
      {
        row: 2,
      },
    );
    workbench.rt.workbook.select(`'${sheet}'!A1`);
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    await sb.getByLabel('What the rows are').selectOption('time_off');
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    await sb.locator('#status', { hasText: /1 created/ }).waitFor({ timeout: 30_000 });

    expect(workbench.saveSettings('en_GB', 'Asia/Kolkata')).toEqual({ ok: true });
    await sb.getByRole('button', { name: 'Validate' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toBe(
        `0 OK, 0 to fix, 1 already done, in "${sheet}". Nothing was sent.\nAssembled holds the times of one done row as they were in Europe/Berlin, the spreadsheet's time zone when it was pushed; the sheet now reads them in Asia/Kolkata.`,
      );
  });
});
