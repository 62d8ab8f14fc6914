// A scheduled refresh is named as its viewer reads it: "you" to its owner, the owner's e-mail to
// another editor, wherever it is named (Pull data beside its sheet, a pull refused there, its card).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PullOptions } from '../../src/core/pull/pull-view';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

const teams = {
  source: { kind: 'resource', resource: 'teams' },
  target: { kind: 'new_sheet', name: 'Teams' },
  mode: 'replace',
};

describe("a refresh's owner", () => {
  it('is "you" to them and their e-mail to another editor', async () => {
    const { rt, key } = await startLocalAddon({ dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    await pullToEnd(sam, teams, 'owner-words-pull-1');
    const spec = { ...teams, target: { kind: 'sheet', name: 'Teams' } };
    const [saved] = await sam.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: false },
      'owner-words-refresh',
    );
    await sam.callFromSidebar('pauseRefresh', saved?.id);
    const people = { ...spec, source: { kind: 'resource', resource: 'people' } };
    for (const [viewer, who, pullKey] of [
      [sam, 'you', 'owner-words-pull-sam'],
      [rt, 'sam@example.com', 'owner-words-pull-rt'],
    ] as const) {
      viewer.workbook.select('Teams!A1');
      const { again } = await viewer.callFromSidebar<PullOptions>('getPullOptions');
      expect(again?.scheduled).toBe(`every hour by ${who} (paused)`);
      const [card] = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      expect(card?.owner).toBe(who);
      await expect(viewer.callFromSidebar('startPull', people, pullKey)).rejects.toThrow(
        `"Teams" is refreshed every hour by ${who} (paused) with Teams:`,
      );
    }
    // A pull into its place says so when done.
    expect((await pullToEnd(sam, spec, 'owner-words-pull-2')).scheduled).toBe('every hour by you (paused)');
  });
});
