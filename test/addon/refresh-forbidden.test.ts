// A refresh's run refused with HTTP 403: its owner's key is taken, but has no permission for the
// pull. Said as that (not as a refused key) on the cards, in the sheet's note and in the e-mail;
// Resume, whose key check reads roles and cannot tell, says the permission was not checked. Its
// owner's Remove key leaves it wanting a key first, and says so; the run itself says what happened,
// with no advice that the card's reason could contradict.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

const SETTINGS = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';

describe("a refresh run refused for its owner's key's permission (403)", () => {
  it('is paused saying so, and resumed saying the permission was not checked', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const key = 'sk_live_test_no_teams';
    sim.issueKey(key, ['GET /v0/teams']);
    await rt.callFromSidebar('saveSettings', { apiKey: key, timeFormat: backend.timeFormat, apiVersion: '' });
    const id = await hourlyTeams(rt, 'refresh-forbidden');
    await rt.clock.advanceAsync(HOUR);

    const card = async (viewer = rt) => (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    const yours =
      'Paused: Assembled refused this pull with your API key (HTTP 403: no permission for reading teams). Ask your Assembled admin for a key with that permission, save it in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then Resume.';
    expect(await card()).toMatchObject({ paused: true, pausedReason: yours });
    expect(await card(rt.asUser('sam@example.com'))).toMatchObject({
      paused: true,
      pausedReason:
        'Paused: Assembled refused this pull with the API key of its owner, analyst@example.com (HTTP 403: no permission for reading teams); they need to get a key with that permission from their Assembled admin, save it in Extensions ▸ Assembled for Google Sheets ▸ Settings… and resume it.',
    });
    expect(rt.mail).toHaveLength(1);
    // Read far from the card, the e-mail says where Resume is.
    const onItsCard = ' on its card in Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes….';
    expect(rt.mail[0]?.body).toContain(`\n\n${yours.replace(/\.$/, onItsCard)}\n`);
    const all = JSON.stringify([await card(), rt.mail, rt.workbook.values('Assembled log')]);
    expect(all).not.toMatch(/did not accept|set a valid key/i);
    expect(all).not.toContain(key);

    // Resume cannot tell the permission by its read of roles: it resumes, saying so.
    const [resumed] = await rt.callFromSidebar<RefreshView[]>('resumeRefresh', id);
    expect(resumed).toMatchObject({
      paused: false,
      keyUnchecked:
        'Resumed, though whether your API key has permission for reading teams was not checked: if Assembled still refuses it, the next run pauses this refresh again.',
    });
    // Given that permission, its next run is done.
    sim.issueKey(key);
    await rt.clock.advanceAsync(HOUR);
    expect((await card())?.lastRun?.status).toBe('done');
  });

  it("is paused for a missing key once its owner removes theirs, and another's is left as it was", async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    const settings = (apiKey: string) => ({ apiKey, timeFormat: backend.timeFormat, apiVersion: '' });
    sim.issueKey('sk_live_test_mine_no_teams', ['GET /v0/teams']);
    sim.issueKey('sk_live_test_sams_no_teams', ['GET /v0/teams']);
    await rt.callFromSidebar('saveSettings', settings('sk_live_test_mine_no_teams'));
    await sam.callFromSidebar('saveSettings', settings('sk_live_test_sams_no_teams'));
    const mine = await hourlyTeams(rt, 'refresh-forbidden-mine');
    rt.workbook.addSheet('Sam teams');
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Sam teams' },
      mode: 'replace',
    };
    await sam.callFromSidebar(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: false },
      'refresh-forbidden-sam',
    );
    await rt.clock.advanceAsync(HOUR);
    const cards = async (viewer = rt) => await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
    const forbidden = /HTTP 403: no permission for reading teams/;
    for (const viewer of [rt, sam])
      for (const card of await cards(viewer))
        expect(card).toMatchObject({ paused: true, pausedReason: expect.stringMatching(forbidden) });
    const samsBefore = (await cards(sam)).find((c) => c.id !== mine);

    await rt.callFromSidebar('clearApiKey');
    const [yours, samsSeenByMe] = await cards();
    // Its owner is told to set a key, and so is every editor; the run says only what happened.
    expect(yours).toMatchObject({
      id: mine,
      paused: true,
      pausedReason: `Paused: no Assembled API key is saved for you. Save one in ${SETTINGS}, then Resume.`,
      lastRun: {
        status: 'failed',
        message: 'Assembled refused this pull with your API key (HTTP 403: no permission for reading teams).',
      },
    });
    const [minesSeenBySam, samsNow] = await cards(sam);
    expect(minesSeenBySam).toMatchObject({
      paused: true,
      pausedReason: `Paused: its owner, analyst@example.com, removed their Assembled API key; they need to save one in ${SETTINGS} and resume it.`,
      lastRun: {
        message:
          'Assembled refused this pull with the API key of its owner, analyst@example.com (HTTP 403: no permission for reading teams).',
      },
    });
    const words = JSON.stringify([yours, minesSeenBySam]);
    expect(words).not.toMatch(/permission from their|Ask your Assembled admin|open .* and set it/);
    // Sam's, paused for his key's permission, is as it was, to him and to me.
    expect(samsNow).toEqual(samsBefore);
    expect(samsSeenByMe).toMatchObject({ paused: true, pausedReason: expect.stringMatching(forbidden) });
    expect(JSON.stringify(await cards(sam))).not.toContain('sk_live_test_');
  });
});
