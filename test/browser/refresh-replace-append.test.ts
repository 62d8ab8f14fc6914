// An append refresh switched to Replace in its Edit form replaced weeks of rows with one day at its
// next run, with only "Saved." said. The form now says what goes as Replace is chosen, and Save
// asks first, in the page: Keep puts Append back, Save anyway saves.
import { describe, expect, it } from 'vitest';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { menu, refreshCard, sidebar, useBench } from './support';

const DAY = 86_400_000;
const SHEET = 'Handle time daily';

describe('Replace chosen in the Edit form of a refresh that appends', () => {
  const bench = useBench();

  it('says the rows that go under the field, and Save asks first: Keep Append, or Save anyway', async () => {
    const { page, running, dialogs } = bench();
    const { rt } = running.workbench;
    rt.workbook.addSheet(SHEET);
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'relative', preset: 'yesterday' },
      filters: {},
      target: { kind: 'sheet', name: SHEET },
      mode: 'append',
    };
    const form = { frequency: { kind: 'daily', hour: 6 }, notifyByEmail: false };
    await rt.callFromSidebar('saveRefresh', { spec, ...form }, 'key-handle-time');
    // Three daily runs, each appending the day before.
    await rt.clock.advanceAsync(3 * DAY);
    const rows = rt.workbook.values(SHEET).length - 1;
    expect(rows).toBeGreaterThan(2);

    // Pull data with the sheet in front says it too, as Replace is chosen into that sheet.
    await page.getByRole('tab', { name: SHEET }).click();
    await menu(page, 'Pull data…');
    const pull = await sidebar(page, 'Pull data from Assembled');
    await pull.getByLabel('Existing sheet').check();
    await pull.locator('#sheet').selectOption(SHEET);
    const pullMode = pull.getByLabel('If the target has data');
    await pullMode.selectOption({ label: 'Replace it' });
    await expect
      .poll(() => pull.locator('#modeKept').textContent())
      .toBe(
        `Replace it takes the whole sheet: the ${rows.toLocaleString('en-US')} rows its scheduled refresh has appended since 2026-05-25 go with this pull, leaving its rows only. To add to them, choose Append below it.`,
      );
    expect(await pullMode.getAttribute('aria-describedby')).toContain('modeKept');
    await pullMode.selectOption({ label: 'Append below it' });
    await expect.poll(() => pull.locator('#modeKept').isHidden()).toBe(true);

    const { card } = await refreshCard(page, SHEET);
    await card.getByRole('button', { name: /^Edit: / }).click();
    const mode = card.getByLabel('If the target has data');
    const note = card.locator('[id$="-mode-note"]');
    await expect.poll(() => note.isHidden()).toBe(true);
    await mode.selectOption('replace');
    const lost = `Each run will then replace the whole sheet, leaving the rows of yesterday only: every other row in it goes at its next run; its runs have appended ${rows.toLocaleString('en-US')} rows there since 2026-05-25.`;
    await expect.poll(() => note.textContent()).toBe(lost);
    expect(await note.isVisible()).toBe(true);

    // Save asks in the card, nothing saved yet; Keep has the keyboard, the words read with it.
    const saves = () => rt.executions.filter((e) => e.fnName === 'saveRefresh').length;
    const before = saves();
    await card.getByRole('button', { name: /^Save: / }).click();
    const question = card.getByRole('group', { name: 'Replace at each run, and lose the rows gathered?' });
    await question.waitFor();
    // The note above says what goes: the question does not say it again.
    expect(await question.getByRole('paragraph').textContent()).toBe(
      'Nothing is saved until you answer. Keep Append leaves the refresh as it was.',
    );
    const keep = question.getByRole('button', { name: /^Keep Append: / });
    await expect.poll(() => keep.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await keep.textContent()).toBe('Keep Append');
    expect(saves()).toBe(before);

    // Escape keeps, as Keep does: the editor stays open, Append chosen again, the keyboard on it.
    await page.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    expect(await card.locator('.editor').count()).toBe(1);
    expect(await mode.inputValue()).toBe('append');
    expect(await note.isHidden()).toBe(true);
    await expect.poll(() => mode.evaluate((e) => e === document.activeElement)).toBe(true);

    // Keep pressed: the same.
    await mode.selectOption('replace');
    await card.getByRole('button', { name: /^Save: / }).click();
    await question.getByRole('button', { name: /^Keep Append: / }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await mode.inputValue()).toBe('append');
    expect(saves()).toBe(before);

    // Save anyway saves it as Replace.
    await mode.selectOption('replace');
    await card.getByRole('button', { name: /^Save: / }).click();
    await question.getByRole('button', { name: /^Save anyway: / }).click();
    await expect.poll(() => card.locator('dd').nth(1).textContent()).toBe('Replace it');
    expect(saves()).toBe(before + 1);
    const [saved] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(saved?.spec.mode).toBe('replace');
    expect(dialogs).toEqual([]);
  });
});
