// Resume on the card of a refresh its owner's refused key paused: Assembled is asked about the key
// first, and the card says what came of it, not a plain "Resumed." that the next run takes back.
import { describe, expect, it } from 'vitest';
import { pausedForRefusedKey, refreshCard, reset, useBench } from './support';

describe('Resume of a refresh paused for a refused key', () => {
  const bench = useBench();

  it('is refused while Assembled refuses the key, and with Assembled down resumes saying the key was not checked', async () => {
    const { page } = bench();
    await reset(page);
    const paused = await pausedForRefusedKey(bench(), 'Teams kept');

    const { card } = await refreshCard(page, 'Teams kept');
    const resume = card.getByRole('button', { name: /^Resume: / });
    const said = card.locator('.said');
    await resume.click();
    await expect
      .poll(() => said.textContent())
      .toBe(
        'Not resumed: Assembled still does not accept your API key. Save a working key in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.',
      );
    expect(await resume.isVisible()).toBe(true);

    const faults = page.getByLabel('How the simulated Assembled answers');
    await faults.selectOption('down');
    await page.waitForFunction(() => document.body.dataset.faults === 'down');
    try {
      // Its refused run brought nothing: Run now is offered beside, as for a run missed while paused.
      await resume.click();
      await expect
        .poll(() => said.textContent(), { timeout: 30_000 })
        .toMatch(
          /^Resumed, though your API key could not be checked: Assembled had a server error \(HTTP 5\d\d\) while reading roles\. If Assembled still does not accept it, the next run pauses this refresh again\. Its last run, due [\d-]+ [\d:]+, failed\. Run now to bring it up to date, or it next runs [\d-]+ [\d:]+\.$/,
        );
      expect(await card.getByRole('button', { name: /^Pause: / }).isVisible()).toBe(true);
    } finally {
      await faults.selectOption('none');
      await page.waitForFunction(() => document.body.dataset.faults === 'none');
      await paused.restore();
    }
  });
});
