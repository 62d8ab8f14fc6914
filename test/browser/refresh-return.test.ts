// Coming back to the Scheduled refreshes sidebar reads the list at once. At the real clock rate
// (the other browser files run sidebars 10 times faster), so the sidebar's own minute cannot be
// what shows the run.
import { describe, expect, it } from 'vitest';
import { pullAndSchedule, refreshCard, reset, SKIP_MS, useBench } from './support';

describe('The Scheduled refreshes sidebar', () => {
  const bench = useBench({ clockRate: 1 });

  it('coming back to the sidebar shows runs that ended meanwhile, without Reload', async () => {
    const { page } = bench();
    await reset(page);
    await pullAndSchedule(page, 'Handle time report', 'AHT');
    const { sb, card } = await refreshCard(page, 'AHT');
    await expect.poll(() => card.textContent()).toMatch(/Not run yet/);
    // Away in the sheet while the week goes by and Monday's run is written.
    await page.getByRole('button', { name: 'Skip ahead 1 week' }).click();
    await expect
      .poll(() => page.locator('#clock').textContent(), { timeout: SKIP_MS })
      .toMatch(/^Mon 2026-06-01/);
    await page.getByRole('button', { name: 'Skip ahead 1 hour' }).click();
    await expect
      .poll(() => page.locator('#clock').textContent(), { timeout: SKIP_MS })
      .toMatch(/^Mon 2026-06-01 09/);
    // Back in the sidebar (not on a card): the list is read again at once, not at its next minute.
    await sb.getByRole('heading', { name: 'Scheduled refreshes' }).click();
    await expect
      .poll(() => card.textContent(), { timeout: 10_000 })
      .toMatch(/Last run\s*2026-06-01 0[78]:\d\d(:\d\d)?, \d{1,3}(,\d{3})* rows/);
  });
});
