// Stop pressed as the check under way finishes the pull: the server says the Stop came too late,
// and that answer, though it lands first, is not drawn over by the check's older plain "Done"
// (google.script.run answers in no set order).
import { describe, expect, it } from 'vitest';
import { menu, sidebar, useBench } from './support';

describe('Stop heard once the pull is done', () => {
  const bench = useBench();

  it("keeps Stop's too-late words when the check that finished the pull answers after them", async () => {
    const { page, running } = bench();
    const sim = running.workbench.session.backend.simulator;
    await menu(page, 'Pull data…');
    const sb = await sidebar(page, 'Pull data from Assembled');
    await sb.getByLabel('Data', { exact: true }).selectOption({ label: 'Teams' });
    // An outage keeps the pull running past its start; the checks end it once Assembled is back.
    sim?.setFaults({ errorRate: 1 });
    let deliver: () => void = () => undefined;
    const delivered = new Promise<void>((done) => {
      deliver = done;
    });
    let held = false;
    try {
      await page.route('**/api/run', async (route) => {
        if (route.request().postDataJSON()?.fn !== 'pollPull' || held) return route.continue();
        sim?.setFaults({});
        const answer = await route.fetch();
        const { value } = (await answer.json()) as { value?: { nextPollInMs?: number } };
        if (value?.nextPollInMs !== 0) return route.fulfill({ response: answer });
        // The check that finished the pull: its answer held on its way back.
        held = true;
        await delivered;
        return route.fulfill({ response: answer });
      });
      await sb.getByRole('button', { name: 'Pull data' }).click();
      await expect.poll(() => held, { timeout: 60_000 }).toBe(true);
      await sb.getByRole('button', { name: 'Stop this pull' }).click();
      const late = sb.getByText(/^Stopped too late: the pull was already done\./);
      await late.first().waitFor();
      deliver();
      await page.waitForEvent('requestfinished', (r) => r.postDataJSON()?.fn === 'pollPull');
      // Taken in before it is looked at.
      await sb.locator(':root').evaluate(() => new Promise((done) => setTimeout(done, 300)));
      expect(await late.count()).toBeGreaterThan(0);
    } finally {
      deliver();
      await page.unrouteAll({ behavior: 'wait' });
      sim?.setFaults({});
    }
  });
});
