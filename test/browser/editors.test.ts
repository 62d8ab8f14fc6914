// Two editors of one spreadsheet in the workbench: the second sees the first's scheduled refresh and
// whose it is, with no key of their own saved and of its controls only Pause and Remove (a line says
// only its owner can run, resume or edit it); switching back gives the first editor their controls again. Their
// pull with no key is refused before it starts, said once, with no stage left behind.
import { describe, expect, it } from 'vitest';
import { SECOND_EDITOR } from '../../dev/workbench/session';
import { menu, pullAndSchedule, refreshCard, sidebar, useBench } from './support';

describe('A second editor in the workbench', () => {
  const bench = useBench();

  it("sees the first editor's refresh and its owner, and of its controls Pause and Remove, and why; switching back restores them", async () => {
    const { page, running } = bench();
    const first = running.workbench.rt.user;
    const editor = page.getByLabel('Editor at the keyboard');
    const atKeyboard = (email: string) =>
      page.waitForFunction((e) => document.body.dataset.editor === e, email);
    await atKeyboard(first);
    expect(await editor.inputValue()).toBe(first);
    await pullAndSchedule(page, 'Teams', 'Teams weekly');

    await editor.selectOption(SECOND_EDITOR);
    await atKeyboard(SECOND_EDITOR);
    // The first editor's sidebar was theirs: it closed as they left the keyboard.
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    await menu(page, 'Settings…');
    const settings = await sidebar(page, 'Assembled settings');
    // No key saved for them: the field shows none masked.
    await expect.poll(() => settings.getByLabel('API key').getAttribute('placeholder')).toBe('sk_live_…');

    const { card } = await refreshCard(page, 'Teams weekly');
    await expect.poll(() => card.locator('dt:text-is("Owner") + dd').textContent()).toBe(first);
    // Pause and Remove alone, which set no key working (its owner may have left); why not the rest.
    expect(await card.getByRole('button').allTextContents()).toEqual(['Pause', 'Remove']);
    expect(await card.locator('.hint').textContent()).toBe(
      'Only its owner can run, resume or edit it: it runs with their API key.',
    );
    // Remove asks first, in the card, saying whose it is; Keep leaves it as it was.
    await card.getByRole('button', { name: /^Remove: / }).click();
    const question = card.getByRole('group', { name: /^Remove the refresh of / });
    expect(await question.locator('p').textContent()).toBe(
      `It belongs to ${first}: removed, it never runs again, and only they can save it again.`,
    );
    await question.getByRole('button', { name: /^Keep: / }).click();
    expect(await card.locator('.confirm').count()).toBe(0);

    await editor.selectOption(first);
    await atKeyboard(first);
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    const { card: own } = await refreshCard(page, 'Teams weekly');
    // Their own is theirs in words too.
    await expect.poll(() => own.locator('dt:text-is("Owner") + dd').textContent()).toBe('you');
    for (const name of ['Run now', 'Pause', 'Edit', 'Delete'])
      await own.getByRole('button', { name: new RegExp(`^${name}: `) }).waitFor();
    expect(await own.locator('.hint').count()).toBe(0);
  });

  it('a pull the second editor has no key for is refused before it starts, and screen readers are not left with "Starting"', async () => {
    const { page, running } = bench();
    const first = running.workbench.rt.user;
    const editor = page.getByLabel('Editor at the keyboard');
    await editor.selectOption(SECOND_EDITOR);
    await page.waitForFunction((e) => document.body.dataset.editor === e, SECOND_EDITOR);
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Teams weekly' }).click();
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByRole('button', { name: 'Pull it again' }).click();
    // Said beside Pull it again, where the keyboard goes (the notice at the top says it too, but a
    // person at the button saw nothing new there), not again on the form's status line.
    await expect.poll(() => sb.locator(':focus').evaluate((e) => e.id)).toBe('againSaid');
    expect(await sb.locator('#againSaid').textContent()).toMatch(/^No Assembled API key is set for you\./);
    expect(await sb.locator('#keyNotice').textContent()).toMatch(/^No Assembled API key is set for you\./);
    expect(await sb.locator('#status').textContent()).toBe('');
    expect(await sb.locator('#job').isHidden()).toBe(true);
    expect(await sb.locator('#jobSaid').textContent()).toBe('');
    await editor.selectOption(first);
    await page.waitForFunction((e) => document.body.dataset.editor === e, first);
  });
});
