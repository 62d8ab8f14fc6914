// A refresh the add-on pauses for its owner's key (Remove key, none saved when it ran, one Assembled
// refused) has a "paused" row in the Assembled log, once per pause, saying why: every editor reads
// the log, and its runs stop there until the "resumed" row. No row holds the key.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyRefresh, hourlyTeams, pausedForRefusedKey } from './hourly-teams';

/** The log's rows as [Who, Target, Status, Message]. */
function logged(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  const [head = [], ...rows] = rt.workbook.displayValues('Assembled log');
  return rows.map((r) => ['Who', 'Target', 'Status', 'Message'].map((h) => r[head.indexOf(h)] ?? ''));
}

const statuses = (rt: LocalRuntime) => logged(rt).map(([, , status]) => status);

describe("a refresh paused for its owner's key, in the log", () => {
  it("Remove key logs a pause of its owner's refresh, not of another editor's, once", async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, key, backend } = addon;
    const settings = (apiKey: string) => ({ apiKey, timeFormat: backend.timeFormat, apiVersion: '' });
    const sam = rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', settings(key));
    const teams = await hourlyTeams(rt, 'refresh-pause-logged-teams');
    // Sam's own refresh: his key is not the one removed.
    await hourlyRefresh(rt, 'people', 'People', 'refresh-pause-logged-people', sam);
    await rt.callFromSidebar('clearApiKey');
    const paused = [
      'analyst@example.com',
      'Teams',
      'paused',
      'Paused before its next run: its owner, analyst@example.com, removed their Assembled API key.',
    ];
    expect(logged(rt)).toEqual([paused]);
    // Its runs stop there: the hours after add no row of it. Sam's runs go on, logged as runs.
    await rt.clock.advanceAsync(3 * HOUR);
    expect(logged(rt).filter(([, target]) => target === 'Teams')).toEqual([paused]);
    expect(
      logged(rt)
        .filter(([, target]) => target === 'People')
        .map(([, , status]) => status),
    ).toEqual(['done', 'done', 'done']);
    expect(
      (await sam.callFromSidebar<RefreshView[]>('listRefreshes')).find((r) => r.target.includes('People')),
    ).toMatchObject({ paused: false });
    // A key saved and Resume pressed: the pause's row and the resume's, nothing in between.
    await rt.callFromSidebar('saveSettings', settings(key));
    await rt.callFromSidebar('resumeRefresh', teams);
    const rows = logged(rt).filter(([, target]) => target === 'Teams');
    expect(rows.map(([, , status]) => status)).toEqual(['paused', 'resumed']);
    expect(JSON.stringify(logged(rt))).not.toContain(key);
  });

  it('a run with no key saved logs its failure, then the pause it made, once', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    await hourlyTeams(rt, 'refresh-pause-logged-missing');
    // Removed in another spreadsheet: this one's refresh finds it gone as it runs.
    await rt.newSpreadsheet().callFromSidebar('clearApiKey');
    await rt.clock.advanceAsync(HOUR);
    expect(logged(rt)).toEqual([
      [
        'analyst@example.com',
        'Teams',
        'failed',
        'Its owner, analyst@example.com, had no Assembled API key saved.',
      ],
      [
        'analyst@example.com',
        'Teams',
        'paused',
        'Paused as its run failed: its owner, analyst@example.com, had no Assembled API key saved when it ran.',
      ],
    ]);
    await rt.clock.advanceAsync(3 * HOUR);
    expect(statuses(rt)).toEqual(['failed', 'paused']);
  });

  it("a run whose owner's key Assembled refused logs the pause, once per pause, never the key", async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt } = addon;
    const { id, settings } = await pausedForRefusedKey(addon, 'refresh-pause-logged-refused');
    const refused = [
      'analyst@example.com',
      'Teams',
      'paused',
      'Paused as its run failed: Assembled did not accept the API key of its owner, analyst@example.com.',
    ];
    expect(logged(rt).at(-1)).toEqual(refused);
    expect(statuses(rt)).toEqual(['failed', 'paused']);
    // Run now on the paused card, refused again: no second pause, as it was paused already.
    await rt.callFromSidebar('runRefreshNow', id);
    expect(statuses(rt)).toEqual(['failed', 'paused', 'failed']);
    // Resumed with a working key, and refused again later: a pause of its own, logged again.
    await rt.callFromSidebar('saveSettings', settings(addon.key));
    await rt.callFromSidebar('resumeRefresh', id);
    await rt.callFromSidebar('saveSettings', settings('sk_live_test_never_issued_key'));
    await rt.clock.advanceAsync(HOUR);
    expect(statuses(rt)).toEqual(['failed', 'paused', 'failed', 'resumed', 'failed', 'paused']);
    expect(logged(rt).at(-1)).toEqual(refused);
    expect(JSON.stringify(logged(rt))).not.toContain('sk_live_test_never_issued_key');
    expect(JSON.stringify(logged(rt))).not.toContain(addon.key);
  });
});
