// A key Assembled refused is said at the top of every sidebar as it opens, Push rows' as Pull
// data's, in the same words, once anything asked Assembled with it: Settings' check before Save
// anyway, a list, a push. Only the caller's own key: another editor's sidebar says nothing of it.
// A key saved since, or an answer that takes the key, puts the notice away.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PullOptions } from '../../src/core/pull/pull-view';
import type { PushOptions } from '../../src/core/push/push-view';
import type { KeyNotice } from '../../src/core/settings';

const REFUSED =
  'Assembled did not accept the API key: it is mistyped, or no longer valid (revoked). Open Extensions ▸ Assembled for Google Sheets ▸ Settings… and set a valid key.';
const SAM_KEY = 'sk_live_test_sam_notice';

describe('a key Assembled refused', () => {
  it('is said as Push rows, Pull data and Scheduled refreshes open, to its owner alone, until a key that works is saved', async () => {
    const { rt, sim, backend, key } = await startLocalAddon({ dialect: 'live' });
    sim.issueKey(SAM_KEY);
    const sam = rt.asUser('sam@example.com');
    const settings = (apiKey: string) => ({ apiKey, timeFormat: backend.timeFormat, apiVersion: '' });
    await sam.callFromSidebar('saveSettings', settings(SAM_KEY));
    const notices = async (who = rt) => [
      (await who.callFromSidebar<PushOptions>('getPushOptions')).keyMissing,
      (await who.callFromSidebar<PullOptions>('getPullOptions')).keyMissing,
      (await who.callFromSidebar<KeyNotice>('getKeyNotice')).keyMissing,
    ];
    expect(await notices()).toEqual([undefined, undefined, undefined]);
    // Settings' check of a typed key refuses it, and the person saves it anyway.
    const wrong = 'sk_live_test_revoked_9f2c1';
    const check = await rt.callFromSidebar<{ keyRefused: boolean }>('checkSettings', settings(wrong));
    expect(check.keyRefused).toBe(true);
    await rt.callFromSidebar('saveSettings', settings(wrong));
    expect(await notices()).toEqual([REFUSED, REFUSED, REFUSED]);
    expect(await notices(sam)).toEqual([undefined, undefined, undefined]);
    // The working key saved again: nothing to say, before anything is asked of Assembled.
    await rt.callFromSidebar('saveSettings', settings(key));
    expect(await notices()).toEqual([undefined, undefined, undefined]);
    // Revoked in Assembled: heard at the next answer (a list of Pull data's), said at the next open.
    sim.revokeKey(key);
    await expect(rt.callFromSidebar('listChoices', 'teams')).rejects.toThrow(/did not accept the API key/);
    expect(await notices()).toEqual([REFUSED, REFUSED, REFUSED]);
    // Taken again (issued anew): its next answer puts the notice away.
    sim.issueKey(key);
    await rt.callFromSidebar('listChoices', 'teams');
    expect(await notices()).toEqual([undefined, undefined, undefined]);
  });
});
