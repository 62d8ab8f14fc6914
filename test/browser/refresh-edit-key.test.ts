// Save of an Edit on the card of a refresh paused for its owner's refused key: Assembled is asked
// about the key first, as Resume asks, and the card says the pause is kept, not a plain "Saved."
// over a refresh resumed only to fail again.
import { describe, expect, it } from 'vitest';
import { pausedForRefusedKey, refreshCard, reset, useBench } from './support';

describe('Edit of a refresh paused for a refused key', () => {
  const bench = useBench();

  it('saves the edit and keeps the pause while Assembled refuses the key, saying so on the card', async () => {
    const { page } = bench();
    await reset(page);
    const paused = await pausedForRefusedKey(bench(), 'Teams edited');
    try {
      const { sb, card } = await refreshCard(page, 'Teams edited');
      await card.getByRole('button', { name: /^Edit: / }).click();
      await sb.getByLabel('At (America/New_York time)').selectOption('9');
      await card.getByRole('button', { name: /^Save: / }).click();
      await expect
        .poll(() => card.locator('.said').textContent())
        .toBe(
          'Saved, but still paused: Assembled still does not accept your API key. Save a working key in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.',
        );
      expect(await card.getByRole('button', { name: /^Resume: / }).isVisible()).toBe(true);
      expect(await card.locator('dt:text-is("Frequency") + dd').textContent()).toBe(
        'Daily at 09:00 America/New_York',
      );
    } finally {
      await paused.restore();
    }
  });
});
