// Which kind the Push sidebar proposes for the sheet in front: one whose header it reads, never a
// sheet of Assembled's own data that a pull wrote (agent states pulled would pass for states to
// ingest, header and all). A time-off list of Assembled's is neither cancelled wholesale nor asked
// for again.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushOptions, PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
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
    const refused = /cancel every request it lists.*Nothing was written or sent/;
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

describe('a pulled table beside the user\'s cells pushed as "Time off to cancel"', () => {
  // The workbench's layout: the user's own cells in A1:B3, Teams pulled at the active cell D1.
  const OWN = [
    ['keep', 'mine'],
    [1, 2],
    [3, 4],
  ];
  const atD1 = (resource: string) => ({
    source: { kind: 'resource', resource },
    target: { kind: 'cell', sheet: 'Sheet1', a1: 'D1' },
    mode: 'replace',
  });

  it('is refused by Validate and by Push before any column is written, in words naming the table and what to do', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.write('Sheet1', OWN);
    expect(await pullToEnd(rt, atD1('teams'), 'beside-teams-1')).toMatchObject({ state: 'done' });
    const before = rt.workbook.values('Sheet1');
    expect(before[0]?.[3]).toBe('ID');
    const cancels = () => sim.stats().byRoute['POST /v0/time_off/{id}/cancel'] ?? 0;
    rt.workbook.select("'Sheet1'!D1");
    const refused =
      /^The table at D1 is Assembled's Teams, written by a pull: it lists no time-off requests to cancel\. To cancel time off, put the ids of the requests in a sheet of their own \(Insert template for "Time off to cancel"\) and push that\. Nothing was written or sent\.$/;
    await expect(rt.callFromSidebar('validatePush', 'time_off_cancel')).rejects.toThrow(refused);
    const view = await rt.callFromSidebar<PushView>('startPush', 'time_off_cancel', 'beside-teams-2');
    expect(view).toMatchObject({ state: 'failed', message: expect.stringMatching(refused) });
    expect(rt.workbook.values('Sheet1')).toEqual(before);
    expect(cancels()).toBe(0);
  });

  it('is refused as a list whose every request it would cancel when the table is time off', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.write('Sheet1', OWN);
    expect(await pullToEnd(rt, atD1('time_off_requests'), 'beside-leave-1')).toMatchObject({ state: 'done' });
    const before = rt.workbook.values('Sheet1');
    rt.workbook.select("'Sheet1'!D1");
    await expect(rt.callFromSidebar('validatePush', 'time_off_cancel')).rejects.toThrow(
      /^The table at D1 is Assembled's Time-off requests, written by a pull: pushed as "Time off to cancel", it would cancel every request it lists\./,
    );
    expect(rt.workbook.values('Sheet1')).toEqual(before);
  });
});

describe("a pulled table beside the user's cells pushed as a kind whose columns it lacks", () => {
  // The same layout: the user's own cells in A1:B3, Teams pulled at D1. Told to add a column, the
  // user would be adding it to Assembled's Teams.
  const OWN = [
    ['keep', 'mine'],
    [1, 2],
    [3, 4],
  ];
  const TEAMS_AT_D1 = {
    source: { kind: 'resource', resource: 'teams' },
    target: { kind: 'cell', sheet: 'Sheet1', a1: 'D1' },
    mode: 'replace',
  };

  it.each([
    ['time_off', 'Time off to create', 'time off to create'],
    ['agent_states', 'Agent states to ingest', 'agent states to ingest'],
    ['associations', 'Platform-ID associations', 'platform-ID associations'],
  ])('as %s: Validate and Push name the table, and nothing is written', async (kind, label, rows) => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.write('Sheet1', OWN);
    expect(await pullToEnd(rt, TEAMS_AT_D1, `lacks-${kind}-1`)).toMatchObject({ state: 'done' });
    const before = rt.workbook.values('Sheet1');
    const posts = () => Object.entries(sim.stats().byRoute).filter(([route]) => route.startsWith('POST'));
    const postsBefore = posts();
    rt.workbook.select("'Sheet1'!D1");
    const words = `The table at D1 is Assembled's Teams, written by a pull, not rows of ${rows}: use Insert template for "${label}" to make a sheet for them. Nothing was written or sent.`;
    await expect(rt.callFromSidebar('validatePush', kind)).rejects.toThrow(words);
    const view = await rt.callFromSidebar<PushView>('startPush', kind, `lacks-${kind}-2`);
    expect(view).toMatchObject({ state: 'failed', message: words });
    expect(rt.workbook.values('Sheet1')).toEqual(before);
    expect(posts()).toEqual(postsBefore);
  });

  it('keeps its own words for the kind filled in on it: Activities pulled at D1, pushed as Activities', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live', now: '2026-11-05T12:00:00Z' });
    rt.workbook.write('Sheet1', OWN);
    const activities = {
      ...TEAMS_AT_D1,
      source: { kind: 'resource', resource: 'activities' },
      range: { kind: 'absolute', from: '2026-11-02', to: '2026-11-02' },
    };
    expect(await pullToEnd(rt, activities, 'reads-activities-1')).toMatchObject({ state: 'done' });
    rt.workbook.select("'Sheet1'!D1");
    await expect(rt.callFromSidebar('validatePush', 'activities')).rejects.toThrow(
      /^Row 1 needs a column named "Action" for "Activities to create, update or delete"/,
    );
    rt.workbook.write('Sheet1', [['Action']], { column: rt.workbook.size('Sheet1').lastColumn + 1 });
    const summary = await rt.callFromSidebar<ValidateSummary>('validatePush', 'activities');
    expect(summary.listed).toBeGreaterThan(0);
  });
});

describe('a time-off list pushed as "Time off to create"', () => {
  const LEAVE = {
    source: { kind: 'resource', resource: 'time_off_requests' },
    target: { kind: 'new_sheet', name: 'Leave' },
    mode: 'replace',
  };
  const HELD =
    /^ID: \S+ is a request already in Assembled, so it is not sent again\. To cancel it, put its ID in a "Time off to cancel" sheet \(Insert template\); to ask for it again as a new request, clear its ID\.$/;

  async function pushToEnd(rt: LocalRuntime, key: string): Promise<PushView> {
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', key);
    while (view.state === 'running') {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    return view;
  }

  it('marks each request the pulled sheet lists as already in Assembled, sends none, and sends a row whose ID was cleared', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    expect(await pullToEnd(rt, LEAVE, 'create-pulled-1')).toMatchObject({ state: 'done' });
    const count = sim.admin.org.timeOff.length;
    const created = () => sim.stats().byRoute['POST /v0/time_off'] ?? 0;
    rt.workbook.select("'Leave'!A1");
    const checked = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(checked).toMatchObject({ ok: 0, errors: count });
    const [header = [], ...rows] = rt.workbook.values('Leave');
    const at = (name: string) => header.indexOf(name);
    for (const r of rows) {
      expect(r[at('Push status')]).toBe('error');
      expect(r[at('Push message')]).toMatch(HELD);
      expect(r[at('Push message')]).toContain(String(r[at('ID')]));
    }
    expect(await pushToEnd(rt, 'create-pulled-2')).toMatchObject({
      state: 'done',
      succeeded: 0,
      invalid: count,
    });
    expect(created()).toBe(0);
    expect(sim.admin.org.timeOff.length).toBe(count);

    // A part-day request copied as a new one: its ID cleared, it goes.
    const copy = rows.findIndex((r) => r[at('All day')] === false);
    expect(copy).toBeGreaterThanOrEqual(0);
    rt.workbook.write('Leave', [['']], { row: copy + 2, column: at('ID') + 1 });
    expect(await rt.callFromSidebar('validatePush', 'time_off')).toMatchObject({ ok: 1, errors: count - 1 });
    expect(await pushToEnd(rt, 'create-pulled-3')).toMatchObject({ state: 'done', succeeded: 1 });
    expect(created()).toBe(1);
  });

  it('knows request ids by the header note, by a time-off list header, or by a column named for them; a plain ID elsewhere is none', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    expect(await pullToEnd(rt, LEAVE, 'create-pulled-4')).toMatchObject({ state: 'done' });
    const [header = [], ...rows] = rt.workbook.values('Leave');
    const validate = async (sheet: string) => {
      rt.workbook.select(`'${sheet}'!A1`);
      return rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    };
    // The pulled sheet with its Status column renamed: its header note still says what it holds.
    rt.workbook.write('Leave', [['Decision']], { row: 1, column: header.indexOf('Status') + 1 });
    expect(await validate('Leave')).toMatchObject({ ok: 0, errors: rows.length });
    // Its rows copied into a sheet of their own, header and all, with no note.
    rt.workbook.write('Copied', [header, ...rows]);
    expect(await validate('Copied')).toMatchObject({ ok: 0, errors: rows.length });
    expect(rt.workbook.values('Copied')[1]?.[header.length + 2]).toMatch(HELD);

    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email)?.email;
    const typed = [agent, '2026-07-01 09:00', '2026-07-01 12:00'];
    // A column named for request ids holds them, in any sheet.
    rt.workbook.write('Named', [
      ['Request ID', 'Agent', 'Start', 'End'],
      ['req-42', ...typed],
    ]);
    const named = await validate('Named');
    expect(named).toMatchObject({ ok: 0, errors: 1 });
    expect(named.problems[0]).toMatch(/^Row 2: Request ID: req-42 is a request already in Assembled/);
    // A plain ID in a sheet that is no time-off list is the team's own numbering.
    rt.workbook.write('Numbered', [
      ['ID', 'Agent', 'Start', 'End'],
      [1, ...typed],
    ]);
    expect(await validate('Numbered')).toMatchObject({ ok: 1, errors: 0 });
  });
});

describe.each([
  ['agent_states', 'Agent states'],
  ['condensed_timeline', 'Condensed agent-state timeline'],
])('a pull of %s pushed as "Agent states to ingest"', (resource, pulled) => {
  it('is refused once by Validate and by Push, as Agent-state edits are, with nothing written or sent; its Platform column is read in a copy', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const spec = { ...STATES_PULL, source: { kind: 'resource', resource } };
    expect(await pullToEnd(rt, spec, `ingest-pulled-${resource}`)).toMatchObject({ state: 'done' });
    const before = rt.workbook.values('States');
    const [header = [], ...rows] = before;
    expect(rows.length).toBeGreaterThan(0);
    const posts = () => Object.entries(sim.stats().byRoute).filter(([route]) => route.startsWith('POST'));
    const postsBefore = posts();
    rt.workbook.select("'States'!A1");
    const table = `The table at A1 is Assembled's ${pulled}, written by a pull`;
    // Both kinds are refused by the same words' start and end, the sheet left as the pull wrote it.
    for (const kind of ['state_edits', 'agent_states']) {
      await expect(rt.callFromSidebar('validatePush', kind)).rejects.toThrow(table);
      const view = await rt.callFromSidebar<PushView>('startPush', kind, `ingest-pulled-${resource}-${kind}`);
      expect(view).toMatchObject({
        state: 'failed',
        message: expect.stringMatching(/Nothing was written or sent\.$/),
      });
      expect(view.message.startsWith(table)).toBe(true);
    }
    await expect(rt.callFromSidebar('validatePush', 'agent_states')).rejects.toThrow(
      `${table}: Assembled holds its states already, so they are not ingested again. To change one, change it in Assembled itself, or, if an Agent-state edit history pull lists it, use "Agent-state edits" (Insert template) with its State ID; new states go in a sheet of their own (Insert template for "Agent states to ingest"). Nothing was written or sent.`,
    );
    expect(rt.workbook.values('States')).toEqual(before);
    expect(posts()).toEqual(postsBefore);

    // Copied into a sheet of its own (no header note), its Platform is the platform the states go as.
    expect(header).toContain('Platform');
    rt.workbook.write('Copied', [header, rows[0] ?? []]);
    rt.workbook.select("'Copied'!A1");
    const copied = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(copied.unread).not.toContain('Platform');
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
    // A time-off list validated as time off to create: its rows marked held, the kind noted. (A pull
    // of agent states validated as states to ingest is refused whole, noting nothing.)
    const leave = {
      source: { kind: 'resource', resource: 'time_off_requests' },
      target: { kind: 'new_sheet', name: 'Leave' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, leave, 'detect-pull-2')).toMatchObject({ state: 'done' });
    rt.workbook.select("'Leave'!A1");
    expect(await rt.callFromSidebar('validatePush', 'time_off')).toMatchObject({ ok: 0 });
    const options = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.pulled).toBe('Time-off requests');
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
