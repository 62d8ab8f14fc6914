// Saving an Edit of a refresh paused for its owner's key resumes it only as Resume would: QA found
// an edit of one paused because Assembled refused the key resumed it with no check, so its next run
// failed, paused it again and e-mailed its owner once more.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams, pausedForRefusedKey } from './hourly-teams';

const edit = {
  spec: {
    source: { kind: 'resource', resource: 'teams' },
    target: { kind: 'sheet', name: 'Teams' },
    mode: 'replace',
  },
  frequency: { kind: 'every_hours', hours: 2 },
  notifyByEmail: true,
};

const STILL_REFUSED =
  'Saved, but still paused: Assembled still does not accept your API key. Save a working key in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.';

describe("an edit of a refresh paused for its owner's key", () => {
  it('keeps the pause while Assembled refuses the key, asking it once; resumes it with Assembled down, saying so, and once the key is taken', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const { id, sam, settings, card, paused } = await pausedForRefusedKey(addon, 'refresh-edit-key');
    const sent = () => sim.stats().total;

    // Another editor cannot edit it, and nothing is asked of Assembled for their try.
    const before = sent();
    await expect(sam.callFromSidebar('saveRefresh', edit, id)).rejects.toThrow(
      /belongs to analyst@example\.com/,
    );
    expect(sent()).toBe(before);

    // Its owner, the key unchanged: saved, asked once, still paused, and said so.
    const [saved] = await rt.callFromSidebar<RefreshView[]>('saveRefresh', edit, id);
    expect(sent()).toBe(before + 1);
    expect(sim.stats().byRoute['GET /v0/roles']).toBe(1);
    expect(saved).toMatchObject({
      paused: true,
      frequencyLabel: 'Every 2 hours',
      pausedReason: paused?.pausedReason,
      saved: STILL_REFUSED,
    });
    expect(await card()).not.toHaveProperty('saved');
    const logged = rt.workbook.values('Assembled log').length;
    await rt.clock.advanceAsync(3 * HOUR);
    expect(rt.workbook.values('Assembled log')).toHaveLength(logged);
    expect(rt.mail).toHaveLength(1);

    // Assembled down, the key is not known bad: resumed, saying it could not be checked, and the runs
    // it missed while paused.
    sim.setFaults({ errorRate: 1 });
    const [unchecked] = await rt.callFromSidebar<RefreshView[]>('saveRefresh', edit, id);
    expect(unchecked).toMatchObject({
      paused: false,
      saved: expect.stringMatching(
        /^Saved and resumed, though your API key could not be checked: Assembled had a server error \(HTTP 5\d\d\) while reading roles\. If Assembled still does not accept it, the next run pauses this refresh again\. It missed 2 runs, the last due 2026-05-25 12:00, while paused\. Run now to bring it up to date, or it next runs 2026-05-25 14:00\.$/,
      ),
    });
    sim.setFaults({});
    await rt.clock.advanceAsync(2 * HOUR);
    expect(await card()).toMatchObject({ paused: true, pausedReason: paused?.pausedReason });

    // A working key saved, it is taken: the edit resumes it, offering Run now for the refused run
    // that paused it again (its sheet is as far behind), and its next run is done.
    await rt.callFromSidebar('saveSettings', settings(addon.key));
    const [taken] = await rt.callFromSidebar<RefreshView[]>('saveRefresh', edit, id);
    expect(taken).toMatchObject({
      paused: false,
      pausedReason: '',
      saved:
        'Saved and resumed. Its last run, due 2026-05-25 14:00, failed. Run now to bring it up to date, or it next runs 2026-05-25 16:00.',
    });
    await rt.clock.advanceAsync(2 * HOUR);
    expect((await card())?.lastRun?.status).toBe('done');
  });

  it('paused for want of a key, keeps the pause and says so, asking Assembled nothing', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-edit-no-key');
    await rt.callFromSidebar('clearApiKey');
    const before = sim.stats().total;
    const [saved] = await rt.callFromSidebar<RefreshView[]>('saveRefresh', edit, id);
    expect(sim.stats().total).toBe(before);
    expect(saved).toMatchObject({
      paused: true,
      saved:
        'Saved, but still paused: no Assembled API key is saved for you, and this refresh runs with yours. Save your API key in Extensions ▸ Assembled for Google Sheets ▸ Settings… first, then Resume.',
    });
  });
});
