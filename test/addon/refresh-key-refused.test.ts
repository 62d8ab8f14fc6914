// A refresh whose owner's saved key Assembled refuses (saved with Save anyway): the log, which every
// editor reads, and another editor's card say whose key it was; its owner's card says it as theirs.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

describe("a refresh run with its owner's refused key", () => {
  it('is said in its owner\'s name to everyone but them, and as "your API key" to them', async () => {
    const { rt, backend } = await startLocalAddon({ dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    await hourlyTeams(rt, 'refresh-key-refused');
    // Save anyway: a well-formed key Assembled never issued.
    const wrong = 'sk_live_test_never_issued_key';
    await rt.callFromSidebar('saveSettings', {
      apiKey: wrong,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    await rt.clock.advanceAsync(HOUR);

    const theirs = 'Assembled did not accept the API key of its owner, analyst@example.com.';
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    expect(
      rows.map((r) => [r[head.indexOf('Who')], r[head.indexOf('Status')], r[head.indexOf('Message')]]),
    ).toEqual([['analyst@example.com', 'failed', theirs]]);
    const card = async (viewer = rt) => (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect(await card(sam)).toMatchObject({ lastRun: { status: 'failed', message: theirs } });
    expect(await card(rt)).toMatchObject({
      lastRun: { status: 'failed', message: 'Assembled did not accept your API key.' },
      pausedReason:
        'Paused: Assembled did not accept your API key. Set a valid key in Extensions ▸ Assembled for Google Sheets ▸ Settings…, then resume this refresh.',
    });
    // Nobody but the owner is told to set a key, and the key is never shown.
    const shared = JSON.stringify([rows, await card(sam)]);
    expect(shared).not.toMatch(/set a valid key\.|Open Extensions/);
    expect(JSON.stringify([rows, await card(sam), await card(rt), rt.mail])).not.toContain(wrong);
  });
});
