// A refresh paused because its owner had no API key saved, seen by its owner and by another
// editor: what Resume does, and what each card says, while no key is saved and once one is. Remove
// key pauses the owner's refreshes in its spreadsheet at once; one in another spreadsheet finds the
// key missing at its next run.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR, hourlyTeams } from './hourly-teams';

const SETTINGS = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';

/** Sam, an editor with a key, owns an hourly refresh of teams into "Teams" that e-mails on failure. */
async function samsRefresh(addon: LocalAddon): Promise<{ sam: LocalRuntime; id: string }> {
  const { rt, key, backend } = addon;
  const sam = rt.asUser('sam@example.com');
  await sam.callFromSidebar('saveSettings', { apiKey: key, timeFormat: backend.timeFormat, apiVersion: '' });
  return { sam, id: await hourlyTeams(rt, 'refresh-sam-nokey', sam) };
}

const card = async (viewer: LocalRuntime) =>
  (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

/** Removes the owner's key from another spreadsheet: this one's refreshes find it gone as they run. */
const removeKeyElsewhere = (owner: LocalRuntime) => owner.newSpreadsheet().callFromSidebar('clearApiKey');

describe('Remove key', () => {
  it("pauses its owner's refreshes in the spreadsheet at once, for every editor to see, and e-mails nothing", async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt } = addon;
    const { sam, id } = await samsRefresh(addon);
    const people = {
      spec: {
        source: { kind: 'resource', resource: 'people' },
        target: { kind: 'sheet', name: 'People' },
        mode: 'replace',
      },
      frequency: { kind: 'hourly' },
      notifyByEmail: true,
    };
    rt.workbook.addSheet('People');
    const [, byHand] = await sam.callFromSidebar<RefreshView[]>('saveRefresh', people, 'refresh-sam-people');
    await sam.callFromSidebar('pauseRefresh', byHand?.id);
    await sam.callFromSidebar('clearApiKey');
    // Before any run, both cards say so: paused, for want of the owner's key.
    const [mine, kept] = await sam.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(mine).toMatchObject({
      paused: true,
      runNow: false,
      nextRun: '',
      pausedReason: `Paused: no Assembled API key is saved for you. Save one in ${SETTINGS}, then Resume.`,
      lastRun: null,
    });
    // The one its owner paused is left paused as it was.
    expect(kept).toMatchObject({ paused: true, pausedReason: '' });
    expect(await card(rt)).toMatchObject({
      paused: true,
      pausedReason: `Paused: its owner, sam@example.com, removed their Assembled API key; they need to save one in ${SETTINGS} and resume it.`,
    });
    // Not run or e-mailed: its owner chose this. The log says it was paused, and why, once; not the
    // one its owner had paused already.
    await rt.clock.advanceAsync(3 * HOUR);
    const [head = [], ...rows] = rt.workbook.values('Assembled log');
    expect(
      rows.map((r) => [r[head.indexOf('Target')], r[head.indexOf('Status')], r[head.indexOf('Message')]]),
    ).toEqual([
      [
        'Teams',
        'paused',
        'Paused before its next run: its owner, sam@example.com, removed their Assembled API key.',
      ],
    ]);
    expect(rt.mail).toEqual([]);
    // A key saved again: Settings counts it among those to resume, and Resume runs it.
    const saved = await sam.callFromSidebar<{ pausedForKey?: number }>('saveSettings', {
      apiKey: addon.key,
      timeFormat: 'unix',
      apiVersion: '',
    });
    expect(saved.pausedForKey).toBe(1);
    expect((await sam.callFromSidebar<RefreshView[]>('resumeRefresh', id))[0]).toMatchObject({
      paused: false,
      pausedReason: '',
    });
    await rt.clock.advanceAsync(HOUR);
    expect((await card(rt))?.lastRun?.status).toBe('done');
  });
});

describe('a refresh paused because its owner had no API key saved', () => {
  it('is not resumed while its owner still has none, though another editor has one', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt } = addon;
    const { sam, id } = await samsRefresh(addon);
    await removeKeyElsewhere(sam);
    await rt.clock.advanceAsync(HOUR);
    expect(rt.mail.map((m) => m.to)).toEqual(['sam@example.com']);
    const before = await card(sam);
    expect(before).toMatchObject({ paused: true, nextRun: '' });
    await expect(sam.callFromSidebar('resumeRefresh', id)).rejects.toThrow(
      `Not resumed: no Assembled API key is saved for you, and this refresh runs with yours. Save your API key in ${SETTINGS} first, then Resume.`,
    );
    // Nothing changed: still paused, for the same reason, and not run (nor e-mailed) again.
    expect(await card(sam)).toEqual(before);
    const logged = rt.workbook.values('Assembled log').length;
    await rt.clock.advanceAsync(3 * HOUR);
    expect(rt.workbook.values('Assembled log')).toHaveLength(logged);
    expect(rt.mail).toHaveLength(1);
    // Run now is refused at the keyboard, with nothing run, logged or e-mailed.
    await expect(sam.callFromSidebar('runRefreshNow', id)).rejects.toThrow(
      `Nothing was run: no Assembled API key is saved for you, and this refresh runs with yours. Save your API key in ${SETTINGS} first.`,
    );
    expect(rt.workbook.values('Assembled log')).toHaveLength(logged);
    expect(rt.mail).toHaveLength(1);
    // An edit saved meanwhile keeps its pause and its reason: it would only fail again.
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'replace',
    };
    const daily = { spec, frequency: { kind: 'daily', hour: 6 }, notifyByEmail: true };
    expect((await sam.callFromSidebar<RefreshView[]>('saveRefresh', daily, id))[0]).toMatchObject({
      paused: true,
      pausedReason: before?.pausedReason,
      nextRun: '',
    });
    // With a key saved again, Resume works.
    await sam.callFromSidebar('saveSettings', { apiKey: addon.key, timeFormat: 'unix', apiVersion: '' });
    expect((await sam.callFromSidebar<RefreshView[]>('resumeRefresh', id))[0]).toMatchObject({
      paused: false,
      pausedReason: '',
    });
  });

  it('says to its owner, once they save one, that only Resume is left; to another editor, that its owner is to resume it', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt } = addon;
    const { sam } = await samsRefresh(addon);
    await removeKeyElsewhere(sam);
    await rt.clock.advanceAsync(HOUR);
    // Run now is not offered to its owner: it could only be refused. The reason line says what to do.
    expect(await card(sam)).toMatchObject({
      runNow: false,
      pausedReason: `Paused: no Assembled API key is saved for you. Save one in ${SETTINGS}, then Resume.`,
      lastRun: { status: 'failed', message: 'No Assembled API key was saved for you.' },
    });
    // Nor to another editor, who has a key but whose key it does not run with: they are told whom to ask.
    const theirs = await card(rt);
    expect(theirs).toMatchObject({
      mine: false,
      runNow: false,
      pausedReason: `Paused: its owner, sam@example.com, had no Assembled API key saved when it ran; they need to save one in ${SETTINGS} and resume it.`,
    });
    const saved = await sam.callFromSidebar<{ pausedForKey?: number }>('saveSettings', {
      apiKey: addon.key,
      timeFormat: 'unix',
      apiVersion: '',
    });
    expect(saved.pausedForKey).toBe(1);
    // With a key, Run now is offered again: it would run.
    expect(await card(sam)).toMatchObject({
      paused: true,
      runNow: true,
      pausedReason:
        'Paused while no Assembled API key was saved for you; your key is saved now: Resume to restart it.',
      lastRun: { status: 'failed', message: 'No Assembled API key was saved for you.' },
    });
    // The other editor cannot read Sam's key, but is told Sam saved one since: only Sam's Resume is left.
    const told = await card(rt);
    expect(told).toEqual({
      ...theirs,
      pausedReason:
        'Paused for the API key of its owner, sam@example.com, who has saved a key since: ask sam@example.com to resume it.',
    });
    expect(JSON.stringify(told)).not.toContain(addon.key);
  });
});
