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

  it('is asked to change their refresh by another editor, who cannot; its owner is sent to Scheduled refreshes', async () => {
    const { rt, key } = await startLocalAddon({ dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    await sam.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    rt.workbook.addSheet('Teams');
    const spec = { ...teams, target: { kind: 'sheet', name: 'Teams' } };
    const frequency = { kind: 'hourly' };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'owner-ask-refresh');
    const sites = { ...spec, source: { kind: 'resource', resource: 'sites' } };
    const appended = { ...spec, mode: 'append' };
    const menu = 'Extensions ▸ Assembled for Google Sheets ▸ Scheduled refreshes…';
    // Another editor cannot change or delete it: they are told whom to ask, never to do it themselves.
    await expect(sam.callFromSidebar('startPull', sites, 'owner-ask-pull-1')).rejects.toThrow(
      /Pull into another sheet, or ask analyst@example\.com to change or delete it\.$/,
    );
    await expect(sam.callFromSidebar('startPull', appended, 'owner-ask-pull-2')).rejects.toThrow(
      /Pull into another sheet, or ask analyst@example\.com to change it to append or merge\.$/,
    );
    await expect(
      sam.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'owner-ask-refresh-2'),
    ).rejects.toThrow(/Rather than add a second, ask analyst@example\.com to change it\.$/);
    // Its owner can, where refreshes are changed.
    await expect(rt.callFromSidebar('startPull', sites, 'owner-ask-pull-3')).rejects.toThrow(
      `Pull into another sheet, or change or delete that refresh in ${menu}`,
    );
    await expect(rt.callFromSidebar('startPull', appended, 'owner-ask-pull-4')).rejects.toThrow(
      `Pull into another sheet, or change that refresh to append or merge in ${menu}`,
    );
  });
});
