// Push rows as it opens, before anything is pressed: a missing key said at its top as Pull data says
// it, and the line about switching sheets read right when no sheet was switched.
import { describe, expect, it } from 'vitest';
import { menu, sidebar, useBench } from './support';

const NO_KEY = /^No Assembled API key is set for you\. Open Extensions ▸ .* and paste your key\.$/;

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
  });

  it('speaks of switching sheets as something that may come, not as done, when nothing was switched', async () => {
    const { page } = bench();
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    const line = sb.locator('p.hint', {
      has: sb.getByRole('button', { name: 'Use the sheet now in front' }),
    });
    expect(await line.textContent()).toBe(
      'If you switch to another sheet, the buttons notice and say so before acting on it. Use the sheet now in front',
    );
  });
});
