// Scheduled refreshes opened by an editor with no API key says so at its top, as Pull data does;
// with other editors' refreshes listed under it, it says the key is for their own refreshes: the
// ones listed run with their owners' keys, and a red notice above healthy cards read as theirs broken.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { KeyNotice } from '../../src/core/settings';
import { hourlyRefresh, hourlyTeams } from './hourly-teams';

const NO_KEY =
  'No Assembled API key is set for you. Open Extensions ▸ Assembled for Google Sheets ▸ Settings… and paste your key.';
const SAM_KEY = 'sk_live_test_sam_refreshes_notice';

describe('the no-key notice of Scheduled refreshes', () => {
  it("says the key is for the viewer's own refreshes when others' are listed, and nothing more otherwise", async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    const notice = async () => (await sam.callFromSidebar<KeyNotice>('getKeyNotice')).keyMissing;
    expect(await notice()).toBe(NO_KEY);
    // Sam's own refresh, their key removed since: that is the notice's own matter.
    sim.issueKey(SAM_KEY);
    await sam.callFromSidebar('saveSettings', {
      apiKey: SAM_KEY,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    await hourlyTeams(rt, 'sams-own', sam);
    await sam.callFromSidebar('clearApiKey');
    expect(await notice()).toBe(NO_KEY);
    // Another editor's listed too: theirs runs with their key.
    await hourlyRefresh(rt, 'sites', 'Sites', 'analysts');
    expect(await notice()).toBe(
      `${NO_KEY} You need one to add or run refreshes of your own; the others here run with their owners' keys.`,
    );
    // Pull data says it in its own words, as before.
    expect((await sam.callFromSidebar<{ keyMissing?: string }>('getPullOptions')).keyMissing).toBe(NO_KEY);
  });
});
