// A run its owner pressed Run now for is watched in the sidebar while it is open, which says how it
// ended: its failure there is not e-mailed, and leaves the scheduled runs' failing and e-mails as
// they were. Given up hours later by the owner's background check, the sidebar long closed, no one
// watched it end: it is e-mailed to its owner, from their own execution, as a scheduled run's is.
import { describe, expect, it } from 'vitest';
import { saveListRefresh } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';
import { editor } from './second-editor';

const card = async (rt: LocalRuntime) => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

/** The log's rows of the owner's refresh of Teams: what, and its status. */
const runs = (rt: LocalRuntime) => {
  const [head = [], ...rows] = rt.workbook.values('Assembled log');
  return rows
    .map((r) => `${r[head.indexOf('What')]} ${r[head.indexOf('Status')]}`)
    .filter((r) => r.includes(': Teams '));
};

describe('Run now that fails', () => {
  it("given up by its owner's background check is e-mailed to its owner alone, from their run", async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const id = await hourlyTeams(rt, 'refresh-run-now-mail');
    // Another editor with a refresh of their own: their hourly check ticks beside the owner's.
    const sam = await editor(addon, 'sam@example.com');
    sam.workbook.addSheet('Sites');
    await saveListRefresh(sam, {
      resource: 'sites',
      sheet: 'Sites',
      frequency: { kind: 'hourly' },
      key: 'refresh-run-now-mail-sam',
    });
    // Assembled down: every attempt fails. Run now pressed, the sidebar closed at once.
    sim.setFaults({ errorRate: 1 });
    await rt.callFromSidebar('runRefreshNow', id);
    for (let i = 0; i < 5 && (await card(rt))?.lastRun?.status !== 'failed'; i++) {
      await rt.clock.advanceAsync(HOUR);
      // Sam looks at the owner's card meanwhile: their sidebar neither carries the run on nor ends it.
      await sam.callFromSidebar('listRefreshes');
    }
    expect(await card(rt)).toMatchObject({ running: false, lastRun: { status: 'failed', gaveUp: true } });
    expect(runs(rt).at(-1)).toBe('Run now: Teams (Replace) failed');
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]).toMatchObject({ to: rt.user, from: rt.user });
    expect(rt.mail[0]?.body).toMatch(
      /\nYou started this run with Run now at \d{4}-\d\d-\d\d \d\d:\d\d \(America\/New_York\); it went on in the background\. .* gave up after 3 attempts\.\n/,
    );
    expect(rt.mail[0]?.body).toContain('If it goes on failing, this e-mail comes at most once a day');
    // The scheduled run after it fails too: not e-mailed again within the day, as that e-mail said.
    for (let i = 0; i < 6 && !runs(rt).at(-1)?.startsWith('Scheduled: Teams (Replace) failed'); i++)
      await rt.clock.advanceAsync(HOUR);
    expect(runs(rt).at(-1)).toBe('Scheduled: Teams (Replace) failed');
    expect(rt.mail).toHaveLength(1);
  });

  it("given up while its owner's sidebar carries it on is said there, not e-mailed", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-run-now-mail');
    sim.setFaults({ errorRate: 1 });
    let [shown] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', id);
    // The sidebar stays open, polling, till the run ends; no background check comes first.
    for (let i = 0; i < 60 && shown?.running; i++) {
      rt.clock.set(rt.clock.now() + 5 * 60_000);
      [shown] = await rt.callFromSidebar<RefreshView[]>('pollRefresh', id);
    }
    expect(shown).toMatchObject({ running: false, lastRun: { status: 'failed', gaveUp: true } });
    expect(runs(rt).at(-1)).toBe('Run now: Teams (Replace) failed');
    expect(rt.mail).toEqual([]);
    // The scheduled run after it fails too: e-mailed, as the first failure of a row.
    for (let i = 0; i < 6 && rt.mail.length === 0; i++) await rt.clock.advanceAsync(HOUR);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.body).toContain('If it goes on failing, this e-mail comes at most once a day');
  });

  it('with no key saved is refused at the keyboard: nothing run, paused, logged or e-mailed', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const id = await hourlyTeams(rt, 'refresh-run-now-mail');
    await rt.callFromSidebar('clearApiKey');
    const before = await card(rt);
    // Remove key's pause is logged; the refused Run now adds nothing to it.
    const logged = rt.workbook.values('Assembled log');
    await expect(rt.callFromSidebar('runRefreshNow', id)).rejects.toThrow(
      /^Nothing was run: no Assembled API key is saved for you/,
    );
    expect(await card(rt)).toEqual(before);
    expect(rt.workbook.values('Assembled log')).toEqual(logged);
    expect(rt.mail).toEqual([]);
  });
});
