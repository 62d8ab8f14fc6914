// Which kind the Push sidebar proposes for the sheet in front: one whose header it reads, never a
// sheet of Assembled's own data that a pull wrote (agent states pulled would pass for states to
// ingest, header and all).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushOptions } from '../../src/core/push/push-view';
import { pullToEnd } from './pull-to-end';

/** Agent states pulled into a sheet: header and all, they would pass for states to ingest. */
const STATES_PULL = {
  source: { kind: 'resource', resource: 'agent_states' },
  range: { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' },
  target: { kind: 'new_sheet', name: 'States' },
  mode: 'replace',
};

describe('the kind the Push sidebar proposes', () => {
  it('is none for a pulled sheet, and the header for the same columns typed by hand', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    expect(await pullToEnd(rt, STATES_PULL, 'detect-pull-1')).toMatchObject({ state: 'done' });
    rt.workbook.select("'States'!A1");
    const pulled = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(pulled).toMatchObject({ sheet: 'States', pulled: 'Agent states' });
    expect(pulled.detected).toBeUndefined();

    const header = rt.workbook.values('States')[0] ?? [];
    rt.workbook.write('Typed', [header]);
    rt.workbook.select("'Typed'!A1");
    const typed = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(typed).toMatchObject({ sheet: 'Typed', detected: 'agent_states' });
    expect(typed.pulled).toBeUndefined();
  });
});

describe('a pulled time-off list pushed as "Time off to cancel"', () => {
  it('is refused before anything is sent, by Validate and by Push; the same ids typed in a sheet of their own are not', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'resource', resource: 'time_off_requests' },
      target: { kind: 'new_sheet', name: 'Leave' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, spec, 'cancel-pulled-1')).toMatchObject({ state: 'done' });
    const statuses = () => sim.admin.org.timeOff.map((t) => t.status).join();
    const before = statuses();
    rt.workbook.select("'Leave'!A1");
    const refused = /cancel every request it lists.*Nothing was sent/;
    await expect(rt.callFromSidebar('validatePush', 'time_off_cancel')).rejects.toThrow(refused);
    const view = await rt.callFromSidebar<{ state: string; message: string }>(
      'startPush',
      'time_off_cancel',
      'cancel-pulled-2',
    );
    expect(view).toMatchObject({ state: 'failed', message: expect.stringMatching(refused) });
    expect(statuses()).toBe(before);

    const [header = [], ...rows] = rt.workbook.values('Leave');
    rt.workbook.write('To cancel', [
      ['Request ID'],
      ...rows.slice(0, 2).map((r) => [r[header.indexOf('ID')]]),
    ]);
    rt.workbook.select("'To cancel'!A1");
    await expect(rt.callFromSidebar('validatePush', 'time_off_cancel')).resolves.toMatchObject({ ok: 2 });
  });
});

describe('the kind a sheet was last validated or pushed as', () => {
  // Agent states with the team's own columns: more of them than the kind reads, so the header
  // alone proposes nothing.
  const HEADER = ['Agent', 'State', 'Start', 'Team', 'Shift lead', 'Site', 'Week', 'Comment'];

  it('is proposed again, to every editor, through a rename, while the header still has its columns', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    rt.workbook.write('Floor', [
      HEADER,
      [agent?.email, 'ready', '2026-05-20 09:00', 'T1', 'Sam', 'Lisbon', 21, ''],
    ]);
    rt.workbook.select("'Floor'!A1");
    const proposed = async (who = rt) => (await who.callFromSidebar<PushOptions>('getPushOptions')).detected;
    expect(await proposed()).toBeUndefined();
    await rt.callFromSidebar('validatePush', 'agent_states');
    expect(await proposed()).toBe('agent_states');
    // It is the sheet's, not the user's: another editor sees it too, and it survives a rename.
    const ops = rt.asUser('ops@example.com');
    await ops.callFromSidebar('saveSettings', {
      apiKey: addon.key,
      timeFormat: addon.backend.timeFormat,
      apiVersion: '',
    });
    rt.workbook.renameSheet('Floor', 'Floor (May)');
    ops.workbook.select("'Floor (May)'!A1");
    expect(await proposed(ops)).toBe('agent_states');
    // A header that has lost the kind's columns is proposed nothing rather than a kind it cannot be.
    rt.workbook.write('Floor (May)', [['Agent', 'Status', 'Begins']]);
    expect(await proposed(ops)).toBeUndefined();
  });

  it('is not proposed for a table a pull wrote, even after it was validated as that kind once', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    expect(await pullToEnd(rt, STATES_PULL, 'detect-pull-2')).toMatchObject({ state: 'done' });
    rt.workbook.select("'States'!A1");
    await rt.callFromSidebar('validatePush', 'agent_states');
    const options = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.pulled).toBe('Agent states');
    expect(options.detected).toBeUndefined();
  });

  it('is left unsaid when the header row is protected, and Validate still marks the rows', async () => {
    const addon = await startLocalAddon({ dialect: 'live', mode: 'bound' });
    const { rt, sim } = addon;
    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    rt.workbook.write('Floor', [
      [...HEADER, 'Push status', 'Assembled ID', 'Push message', 'Pushed at'],
      [agent?.email, 'ready', '2026-05-20 09:00', 'T1', 'Sam', 'Lisbon', 21, ''],
    ]);
    // The owner protects the header; an editor validates.
    rt.workbook.protect('Floor!A1:Z1');
    const ops = rt.asUser('ops@example.com');
    await ops.callFromSidebar('saveSettings', {
      apiKey: addon.key,
      timeFormat: addon.backend.timeFormat,
      apiVersion: '',
    });
    ops.workbook.select("'Floor'!A1");
    expect(await ops.callFromSidebar('validatePush', 'agent_states')).toMatchObject({ ok: 1, errors: 0 });
    expect(rt.workbook.values('Floor')[1]?.[8]).toBe('OK');
    expect((await ops.callFromSidebar<PushOptions>('getPushOptions')).detected).toBeUndefined();
  });
});
