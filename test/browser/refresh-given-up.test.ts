// A Scheduled refresh card whose hourly run was given up, Assembled down for hours (the
// workbench's Assembled ▸ "Is down"): seen whole in the sidebar at its default size, as in Sheets.
import { describe, expect, it } from 'vitest';
import { saveAht } from '../../dev/daily-refresh';
import { refreshCard, skipHour, useBench } from './support';

describe('a Scheduled refresh card whose hourly run was given up', () => {
  // 18:20 in New York; the hourly check comes at 20 past.
  const bench = useBench({ now: '2026-12-06T23:20:00Z' });

  it('fits the sidebar: no Run now for a next run within the hour, no note on its mode until it works again', async () => {
    const { page, running } = bench();
    const { rt } = running.workbench;
    rt.workbook.addSheet('AHT');
    await saveAht(rt, {
      sheet: 'AHT',
      frequency: { kind: 'hourly' },
      preset: 'today',
      key: 'key-hourly-given-up',
    });
    const { sb, card } = await refreshCard(page, 'AHT');
    await card.getByRole('button', { name: /^Run now: / }).click();
    await card.locator('.said', { hasText: /\d rows\.$/ }).waitFor({ timeout: 30_000 });
    const hints = () => card.locator(':scope > .hint').allTextContents();
    // What a "today" refresh's Replace leaves out, said while it works.
    const modeNote = expect.stringMatching(/^Each run shows its own range alone, /);
    expect(await hints()).toEqual([modeNote]);
    // Assembled is down for 3 hours: the 19:00 run is given up after 3 attempts, at 21:20.
    await page.locator('#faults').selectOption('down');
    for (let i = 0; i < 3; i++) await skipHour(page);
    await page.locator('#faults').selectOption('none');
    await sb.getByRole('button', { name: 'Reload' }).click();
    const row = (term: string) => card.locator(`dt:text-is("${term}") + dd`);
    await expect
      .poll(() => row('Last run').textContent())
      .toMatch(
        /^Due 2026-12-06 19:00, failed at 21:\d\d; the runs due 20:00 and 21:00 were not started while it was retried$/,
      );
    expect(await row('Next run').textContent()).toBe('2026-12-06 22:00');
    const frameHeight = await sb.locator(':root').evaluate(() => innerHeight);
    expect(await card.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(frameHeight);
    // What the sheet holds, and nothing of Run now "rather than wait" for a run within the hour.
    expect(await hints()).toEqual([
      expect.stringMatching(/^The sheet still holds the rows written 2026-12-06 18:2\d /),
    ]);

    // Its 22:00 run works: the note on its mode is back.
    await skipHour(page);
    await sb.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => row('Last run').textContent()).toMatch(/^2026-12-06 22:\d\d, \d+ rows$/);
    expect(await hints()).toEqual([modeNote]);
  });
});
