// Sync time off and the sheets it touches (issue 14 item 13), through the built bundle: a sheet
// pushed from takes its requests' status now, user columns untouched; the synced list shows
// all-day requests as days, not as the hour the agent's midnight falls on in the sheet's zone. A
// request denied or cancelled there says what asks for its time off again, alike in the row's Push
// message and its Push status note, and doing so does.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { sheetFields } from '../support/sheet-fields';
import { column, follow, rowsInUse, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

const AGAIN =
  'To ask for this time off again, clear Push status and Assembled ID and push the row; if it is not wanted any more, delete the row.';
const CANCELLED = `Cancelled in Assembled: the time off is not booked there any more. ${AGAIN}`;

describe.skipIf(!built)('sync time off', () => {
  it('updates the status of rows created from the push sheet in front, and nothing else', async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    rt.workbook.write(sheet, [['My column']], { row: 1, column: 11 });
    rt.workbook.write(
      sheet,
      [
        [a?.email, '2026-07-01', '', 'TRUE', 'pto', 'approve me'],
        [b?.email, '2026-07-02 09:00', '2026-07-02 17:00', 'FALSE', 'sick', 'cancel me'],
        [c?.email, '2026-07-03 09:00', '2026-07-03 12:00', 'FALSE', '', 'leave me'],
      ],
      { row: 2 },
    );
    rt.workbook.write(sheet, [['mine 1'], ['mine 2'], ['mine 3']], { row: 2, column: 11 });
    rt.workbook.select(`'${sheet}'!A1`);
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-push-sheet-1');
    while (view.state === 'running') {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 3 });
    // The first row's note is retyped after it was pushed: Assembled holds it as it was sent.
    rt.workbook.write(sheet, [['approve me, please']], { row: 2, column: 6 });
    const before = rowsInUse(rt.workbook.values(sheet));
    const ids = before.slice(1).map((r) => String(r[7]));

    // In Assembled: a manager approves the first, the second is cancelled.
    await rt.clock.advanceAsync(60_000);
    sim.admin.decideTimeOff(ids[0] ?? '', 'approved');
    const cancelled = sim.handle({
      method: 'POST',
      url: `/v0/time_off/${ids[1]}/cancel`,
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    });
    expect(cancelled.status).toBe(200);

    const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(summary).toMatchObject({ sheet, updated: 2 });
    expect(summary.message).toBe(
      `2 of the 3 requests created from "${sheet}" changed in Assembled (1 approved, 1 cancelled); their Push status and message say how. 1 row was changed in the sheet since it was pushed; its Push message says what to do.`,
    );
    const after = rowsInUse(rt.workbook.values(sheet));
    const status = (rows: unknown[][]) => rows.slice(1).map((r) => [r[6], r[8]]);
    expect(status(after)).toEqual([
      // The new status does not hide that the row was changed since it was pushed.
      [
        'approved',
        expect.stringMatching(
          /^Changed since it was pushed: .*cancel the request.*\. Assembled's last word on it: Approved in Assembled\.$/,
        ),
      ],
      ['cancelled', CANCELLED],
      ['created', 'Created; pending approval in Assembled.'],
    ]);
    // Every other cell is as it was: the user's columns, the ids, Pushed at.
    const others = (rows: unknown[][]) => rows.map((r) => r.filter((_, i) => i !== 6 && i !== 8));
    expect(others(after)).toEqual(others(before));
    expect(rt.workbook.sheetNames()).not.toContain('Time off (Assembled)');

    // Validate says it once (the sync's words are not wrapped again); put back as it was pushed,
    // the row says Assembled's last word alone.
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(rt.workbook.values(sheet)[1]?.[8]).toBe(after[1]?.[8]);
    rt.workbook.write(sheet, [['approve me']], { row: 2, column: 6 });
    await rt.callFromSidebar('validatePush', 'time_off');
    expect(rt.workbook.values(sheet)[1]?.[8]).toBe('Approved in Assembled.');

    // A decided row is done: pushing again sends nothing.
    const again = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-push-sheet-2');
    expect(again).toMatchObject({ state: 'done', total: 0, skipped: 3 });
    expect(sim.stats().byRoute['POST /v0/time_off']).toBe(3);
  });

  it('says alike in the message and the note of a denied or cancelled row what asks for its time off again, and that does', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2027-05-03', '', 'TRUE', 'pto', 'to approve'],
      [b?.email, '2027-05-04', '', 'TRUE', 'pto', 'to deny'],
      [c?.email, '2027-05-05', '', 'TRUE', 'pto', 'to cancel'],
    ]);
    const header = rt.workbook.values(sheet)[0] ?? [];
    const at = header.indexOf('Push status');
    // The Push status header's note names every status a row can have, Sync's decisions too.
    expect(rt.workbook.notes(sheet)[0]?.[at]).toContain('; approved or denied after Sync time off');
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-words-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 3 });
    const ids = column(rt, sheet, 'Assembled ID').map(String);

    // A manager decides two and cancels the third, as in the workbench's Time off dialog.
    sim.admin.decideTimeOff(ids[0] ?? '', 'approved');
    sim.admin.decideTimeOff(ids[1] ?? '', 'denied');
    sim.admin.cancelTimeOff(ids[2] ?? '');
    const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(summary.message).toBe(
      `3 of the 3 requests created from "${sheet}" changed in Assembled (1 approved, 1 denied, 1 cancelled); their Push status and message say how.`,
    );
    expect(column(rt, sheet, 'Push status')).toEqual(['approved', 'denied', 'cancelled']);

    // One instruction, the same in the message and the note's last line, for both.
    const HOW =
      /To ask for this time off again, clear (.+) and push the row; if it is not wanted any more, delete the row\.$/;
    const messages = column(rt, sheet, 'Push message').map(String);
    const notes = rt.workbook
      .notes(sheet)
      .slice(2, 4)
      .map((r) => r[at] ?? '');
    const said = messages.slice(1).map((m) => HOW.exec(m)?.[0]);
    expect(said[0]).toBeDefined();
    expect(said).toEqual([said[0], said[0]]);
    expect(messages.slice(1)).toEqual([
      `Denied in Assembled: the time off is not booked there. ${said[0]}`,
      `Cancelled in Assembled: the time off is not booked there any more. ${said[0]}`,
    ]);
    expect(notes.map((n) => n.slice(n.lastIndexOf('\n') + 1))).toEqual([
      `Sync time off found the request denied in Assembled. ${said[0]}`,
      `Sync time off found the request cancelled in Assembled. ${said[0]}`,
    ]);

    // Push pressed as the rows stand sends nothing: they are done.
    const posts = () => sim.stats().byRoute['POST /v0/time_off'] ?? 0;
    const as = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-words-2');
    expect(as).toMatchObject({ state: 'done', total: 0, skipped: 3 });
    expect(posts()).toBe(3);

    // The cells the words name cleared on the denied and cancelled rows, Push asks for both again.
    const cells = HOW.exec(said[0] ?? '')?.[1]?.split(' and ') ?? [];
    expect(cells.length).toBeGreaterThan(0);
    for (const name of cells) {
      expect(header, name).toContain(name);
      rt.workbook.write(sheet, [[''], ['']], { row: 3, column: header.indexOf(name) + 1 });
    }
    const again = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sync-words-3'),
    );
    expect(again).toMatchObject({ state: 'done', succeeded: 2 });
    expect(posts()).toBe(5);
    const made = column(rt, sheet, 'Assembled ID').map(String);
    expect(made[0]).toBe(ids[0]);
    expect(made.slice(1).every((id) => id && !ids.includes(id))).toBe(true);
    expect(made.slice(1).map((id) => sim.admin.org.timeOff.find((t) => t.id === id)?.status)).toEqual([
      'pending',
      'pending',
    ]);
  });

  it('logs a sync that failed, with its reason and never the key', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.addSheet('Leave');
    rt.workbook.select('Leave!A1');
    rt.properties.user.set('assembled.apiKey', JSON.stringify('sk_live_test_not_issued'));
    await expect(rt.callFromSidebar('syncTimeOff')).rejects.toThrow(/API key/);
    const row = rt.workbook.values('Assembled log').at(-1) ?? [];
    expect(row.slice(2, 6)).toEqual(['Sync time off', 'Leave', 'failed', 0]);
    expect(String(row[7])).toMatch(/API key/);
    expect(JSON.stringify(rt.workbook.values('Assembled log'))).not.toContain('sk_live_test_not_issued');
  });

  it('lists all-day requests as their days, in the agents’ own calendar, and part-day ones with times', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.addSheet('Leave');
    rt.workbook.select('Leave!A1');
    const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(summary).toMatchObject({ sheet: 'Leave', full: true });
    // The run has its row in the log, as pulls and pushes do.
    expect(rt.workbook.values('Assembled log').at(-1)?.slice(1, 6)).toEqual([
      'analyst@example.com',
      'Sync time off',
      'Leave',
      'done',
      summary.changes,
    ]);
    const [, ...rows] = rt.workbook.displayValues('Leave');
    const header = sheetFields(rt, 'Leave');
    const col = (name: string) => {
      const at = header.indexOf(name);
      expect(at, name).toBeGreaterThanOrEqual(0);
      return at;
    };
    const byId = new Map(rows.map((r) => [r[col('id')], r]));
    const people = new Map(sim.admin.org.people.map((p) => [p.agent_id, p]));
    // The date an instant falls on in the zone (en-CA writes 2026-05-25), by the real zone rules.
    const day = (sec: number, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone }).format(sec * 1000);
    let manila = 0;
    for (const t of sim.admin.org.timeOff) {
      const row = byId.get(t.id) ?? [];
      if (t.all_day) {
        const zone = people.get(t.agent_id)?.timezone ?? '';
        if (zone === 'Asia/Manila') manila++;
        expect(row[col('first_day')]).toBe(day(t.start_time, zone));
        expect(row[col('last_day')]).toBe(day(t.end_time - 1, zone));
        expect(row[col('start_time')]).toBe('');
      } else {
        expect(row[col('start_time')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      }
    }
    // The sample has agents whose midnight is 11:00 or 12:00 the day before in New York.
    expect(manila).toBeGreaterThan(0);
  });

  // An agent-states sheet has an Agent, a Start and an End too: it was taken for a time-off push
  // sheet with no Assembled IDs, and told, in green, to push it first (it had been).
  it('takes a pushed agent-states sheet in front for no time-off push sheet: the time off is listed in its own sheet', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    const sheet = await template(rt, 'agent_states', [
      [a?.email, 'busy', '', '2026-05-24 9:00', '2026-05-24 9:20', 'zendesk'],
    ]);
    const view = await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'sync-states-1');
    expect(await follow(rt, view)).toMatchObject({ state: 'done', succeeded: 1 });
    rt.workbook.select(`'${sheet}'!A1`);
    const before = rt.workbook.values(sheet);
    const summary = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(summary.sheet).not.toBe(sheet);
    expect(summary.message).not.toMatch(/push it first/);
    expect(rt.workbook.values(sheet)).toEqual(before);
  });
});
