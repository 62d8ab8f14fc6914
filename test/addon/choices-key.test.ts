// The pickers' lists are cached per user, and forgotten as the user's key is saved or removed: a
// list from the key before is no answer for the key now (another account's, or none), and a key
// removed or refused says so at the next list, not ten minutes later.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { Choice } from '../../src/core/pull/pull-view';

describe("the filter pickers' lists", () => {
  it('are asked of Assembled again once the key is removed or another saved, for that user alone', async () => {
    const { rt, sim, backend, key } = await startLocalAddon({ dialect: 'live' });
    const settings = (apiKey: string) => ({ apiKey, timeFormat: backend.timeFormat, apiVersion: '' });
    const samKey = 'sk_live_test_sam_choices';
    sim.issueKey(samKey);
    const sam = rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', settings(samKey));
    const teams = await rt.callFromSidebar<Choice[]>('listChoices', 'teams');
    expect(teams.length).toBeGreaterThan(0);
    expect(await sam.callFromSidebar<Choice[]>('listChoices', 'teams')).toEqual(teams);

    await rt.callFromSidebar('clearApiKey');
    await expect(rt.callFromSidebar('listChoices', 'teams')).rejects.toThrow(/No Assembled API key is set/);
    // Sam's cache is his own: his list stands.
    expect(await sam.callFromSidebar<Choice[]>('listChoices', 'teams')).toEqual(teams);

    // A key Assembled refuses, saved anyway: the list asks with it, and says so.
    await rt.callFromSidebar('saveSettings', settings(key));
    expect(await rt.callFromSidebar<Choice[]>('listChoices', 'teams')).toEqual(teams);
    await rt.callFromSidebar('saveSettings', settings('sk_live_test_never_issued_key'));
    await expect(rt.callFromSidebar('listChoices', 'teams')).rejects.toThrow(/did not accept the API key/);
  });
});
