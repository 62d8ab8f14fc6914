// Push rows as it opens, before anything is pressed: a missing or refused key said at its top as Pull data says
// it, and the line about switching sheets read right when no sheet was switched.
import { describe, expect, it } from 'vitest';
import { menu, sidebar, useBench } from './support';

const NO_KEY = /^No Assembled API key is set for you\. Open Extensions ▸ .* and paste your key\.$/;
const REFUSED =
  /^Assembled did not accept the API key: it is mistyped, or no longer valid \(revoked\)\. Open Extensions ▸ .* and set a valid key\.$/;

describe('Push rows as it opens', () => {
  const bench = useBench();

  it('says at its top that no key is set, in the notice Pull data shows, before a button is pressed', async () => {
    const { page, running } = bench();
    await running.workbench.rt.callFromSidebar('clearApiKey');
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    const notice = sb.locator('#keyNotice');
    await expect.poll(() => notice.textContent()).toMatch(NO_KEY);
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.getAttribute('data-tone')).toBe('error');
    // At the top, under the heading: the first thing read after it.
    expect(await sb.locator('h1 + *').getAttribute('id')).toBe('keyNotice');
    // Said once: the status line under the buttons is left for what they do.
    expect(await sb.locator('#status').textContent()).toBe('');
    // The way to the key, under the words that name it: Settings opens in this sidebar's place.
    const open = sb.getByRole('button', { name: 'Open Settings…' });
    expect(await open.isVisible()).toBe(true);
    expect(await open.getAttribute('aria-describedby')).toBe('keyNotice');
    await open.click();
    const settings = await sidebar(page, 'Assembled settings');
    await settings.getByRole('heading', { name: 'Connection to Assembled', level: 1 }).waitFor();
    // With a key saved again, opened anew, the notice is gone.
    await running.workbench.rt.callFromSidebar('saveSettings', {
      apiKey: running.workbench.session.backend.key,
      timeFormat: 'unix',
      apiVersion: '',
    });
    await menu(page, 'Push rows…');
    const again = await sidebar(page, 'Push rows to Assembled');
    await expect.poll(() => again.locator('#sheetName').textContent()).not.toBe('…');
    expect(await again.locator('#keyNotice').isVisible()).toBe(false);
    expect(await again.getByRole('button', { name: 'Open Settings…' }).count()).toBe(0);
  });

  it('says at its top that Assembled refused the key, as Pull data does, once Settings found it so', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    // Settings' check before Save anyway: a well-formed key Assembled never issued.
    const wrong = { apiKey: 'sk_live_test_never_issued_key', timeFormat: 'unix', apiVersion: '' };
    await rt.callFromSidebar('checkSettings', wrong);
    await rt.callFromSidebar('saveSettings', wrong);
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    await expect.poll(() => sb.locator('#keyNotice').textContent()).toMatch(REFUSED);
    expect(await sb.locator('h1 + *').getAttribute('id')).toBe('keyNotice');
  });

  it('speaks of switching sheets as something that may come, not as done, when nothing was switched', async () => {
    const { page } = bench();
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    // The button there is hidden while the sheet named is the one in front.
    const line = sb.locator('p.hint', { has: sb.locator('#refreshSheet') });
    expect(await line.textContent()).toBe(
      'If you switch to another sheet, the buttons notice and say so before acting on it. Use the sheet now in front',
    );
  });

  it('offers Use the sheet now in front only while another sheet than the one named is in front', async () => {
    const { page, running } = bench();
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    const use = sb.getByRole('button', { name: 'Use the sheet now in front' });
    await expect.poll(() => sb.locator('#sheetName').textContent()).toBe('Sheet1');
    // The sheet named is the one in front: nothing to use instead, even once the sidebar is looked at again.
    expect(await use.isHidden()).toBe(true);
    await sb.locator('h1').hover();
    await sb.locator('#kindHelp').hover();
    expect(await use.isHidden()).toBe(true);
    // Another tab clicked: the sidebar learns of it when the person comes back to it.
    const name = 'Another sheet in front';
    running.workbench.rt.workbook.addSheet(name);
    await page.getByRole('tab', { name }).click();
    await sb.locator('h1').click();
    await use.click();
    await expect.poll(() => sb.locator('#sheetName').textContent()).toBe(name);
    // Named now, it is the sheet in front again: the link goes, the keyboard on the field below it.
    await expect.poll(() => use.isHidden()).toBe(true);
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    await sb.locator('h1').click();
    await expect.poll(() => use.isVisible()).toBe(true);
    await use.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => sb.locator('#sheetName').textContent()).toBe('Sheet1');
    await expect.poll(() => sb.locator(':focus').evaluate((e) => e.id)).toBe('kind');
    expect(await use.isHidden()).toBe(true);
  });
});
