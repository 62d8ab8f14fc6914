// The Scheduled refreshes sidebar with none yet: a refresh is saved from Pull data, and the way
// there is on the list, not only named in its hint.
import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import { focusRingTrouble } from './a11y';
import { menu, refreshCard, sidebar, useBench } from './support';

describe('Scheduled refreshes with none yet', () => {
  const bench = useBench();

  it('offers Open Pull data…, reached by Tab, and Enter shows the Pull data sidebar in its place', async () => {
    const { page } = bench();
    await menu(page, 'Scheduled refreshes…');
    const sb = await sidebar(page, 'Scheduled refreshes');
    await sb.getByText('No scheduled refreshes in this spreadsheet yet.').waitFor();
    const open = sb.getByRole('button', { name: 'Open Pull data…' });
    expect(await open.count()).toBe(1);
    // The keyboard in the sidebar, at its top, as it opened; Tab goes on from there to the button.
    await sb.getByRole('heading', { name: 'Scheduled refreshes' }).click();
    const onOpen = () => open.evaluate((b) => b === document.activeElement);
    for (let i = 0; i < 5 && !(await onOpen()); i++) await page.keyboard.press('Tab');
    expect(await onOpen()).toBe(true);
    // The blue button's ring shows on the page's white, as on the other sidebars' blue buttons.
    expect(await focusRingTrouble(open)).toEqual([]);
    await page.keyboard.press('Enter');
    const pull = await sidebar(page, 'Pull data from Assembled');
    await pull.getByRole('heading', { name: 'Pull data from Assembled', level: 1 }).waitFor();
  });

  it('says at its top that no key is set, in the words Pull data and Push rows say it', async () => {
    const { page, running } = bench();
    await running.workbench.rt.callFromSidebar('clearApiKey');
    await menu(page, 'Scheduled refreshes…');
    const sb = await sidebar(page, 'Scheduled refreshes');
    await sb.getByText('No scheduled refreshes in this spreadsheet yet.').waitFor();
    const notice = sb.locator('#keyNotice');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^No Assembled API key is set for you\. Open Extensions ▸ .* and paste your key\.$/);
    expect(await notice.isVisible()).toBe(true);
    expect(await sb.locator('h1 + *').getAttribute('id')).toBe('keyNotice');
    // Under it, the way to Settings, as on Push rows (push-opening.test.ts).
    expect(await sb.getByRole('button', { name: 'Open Settings…' }).isVisible()).toBe(true);
  });

  it('offers no Open Pull data… once there is a refresh: its card is there instead', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    rt.workbook.addSheet('Staff');
    await saveListRefresh(rt, {
      resource: 'teams',
      sheet: 'Staff',
      frequency: { kind: 'daily', hour: 7 },
      key: 'key-staff',
    });
    const { sb, card } = await refreshCard(page, 'Staff');
    await card.waitFor();
    expect(await sb.getByRole('button', { name: 'Open Pull data…' }).count()).toBe(0);
    expect(await sb.getByText('No scheduled refreshes').count()).toBe(0);
  });
});
