// An ingested state whose Push status was cleared, as the associations' messages teach for sending
// a change ("clear its Push status"): an ingested state cannot be changed through the API, and sent
// again it is a second state beside the first. While the status note keeps what Assembled took, the
// status is put back and nothing is sent; with the note gone too, the row is held back as
// overlapping the state Assembled holds for the agent on that platform. A row Assembled refused,
// its status cleared, is still sent. Through the built bundle, with the cells cleared as a person
// clears them (Delete), which keeps a cell's note, as in Sheets.
// Its states are ones Assembled knows: one it does not is said beside Assembled's answer
// (state-names.test.ts).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('an ingested state whose Push status was cleared', () => {
  it('is put back, not sent a second time; with its note deleted too, it is held back as an overlap', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    const row = (who: typeof a, state: string, from: string, to: string) => [
      who.email,
      state,
      '',
      `2026-05-24 ${from}`,
      `2026-05-24 ${to}`,
      'kustomer',
    ];
    const sheet = await template(rt, 'agent_states', [
      row(a, 'busy', '9:00', '9:20'),
      row(b, 'busy', '9:00', '9:20'),
    ]);
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    const validate = () => rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(await push('cleared-states-1')).toMatchObject({ state: 'done', succeeded: 2 });
    const held = (who: typeof a) =>
      (sim.admin.org.states.get(who.agent_id) ?? []).filter((s) => s.source === 'kustomer');
    expect(held(a).map((s) => s.state)).toEqual(['busy']);
    const at = (header: string) => (rt.workbook.values(sheet)[0] ?? []).indexOf(header) + 1;
    const status = at('Push status');
    const noteOf = (r: number) => rt.workbook.notes(sheet)[r - 1]?.[status - 1] ?? '';
    const sent = noteOf(2);
    expect(sent).toMatch(/^The row as it was pushed:\nAgent: /);

    // a's State changed and Push status cleared; b's cleared as it stands. The notes stay.
    rt.workbook.write(sheet, [['available']], { row: 2, column: at('State') });
    rt.workbook.write(sheet, [[''], ['']], { row: 2, column: status });
    expect(column(rt, sheet, 'Push status')).toEqual(['', '']);
    expect(noteOf(2)).toBe(sent);

    const check = await validate();
    expect(check).toMatchObject({ ok: 0, errors: 0, skipped: 2, changed: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested']);
    const [changed, same] = column(rt, sheet, 'Push message') as string[];
    expect(changed).toBe(
      "Changed since it was pushed: State was busy when pushed; not sent again, so Assembled still has it as it was. Pushed again, it would add a second state. Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself. Its Push status was cleared since, and is put back: its note keeps what was ingested, so clearing it cannot send the change. Assembled's last word on it: Accepted by Assembled for ingestion.",
    );
    expect(same).toBe(
      "Its Push status was cleared, but Assembled holds this state as the row reads (its Push status note keeps what was ingested), so the status is put back rather than the state sent a second time, beside the first. Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself. Assembled's last word on it: Accepted by Assembled for ingestion.",
    );
    // Cleared again (Push pressed without Validate): nothing is sent, both are put back.
    rt.workbook.write(sheet, [[''], ['']], { row: 2, column: status });
    const posts = () => sim.stats().byRoute['POST /v0/agents/state/bulk'] ?? 0;
    const before = posts();
    expect(await push('cleared-states-2')).toMatchObject({ state: 'done', succeeded: 0, skipped: 2 });
    expect(posts()).toBe(before);
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested']);
    expect(held(a).map((s) => s.state)).toEqual(['busy']);
    expect(held(b).map((s) => s.state)).toEqual(['busy']);

    // The note deleted too: nothing in the sheet says it was sent, but Assembled holds the first.
    rt.workbook.write(sheet, [['']], { row: 2, column: status });
    rt.workbook.note(`'${sheet}'!${String.fromCharCode(64 + status)}2`, '');
    expect(await validate()).toMatchObject({
      ok: 0,
      errors: 1,
      problems: [
        "Row 2: Start and End: overlap a state Assembled holds for this agent on kustomer: busy from 2026-05-24 09:00 to 09:20. An agent is in one state at a time on a platform, and Assembled keeps both, so the agent's time would be counted twice: not sent. If this row corrects that state, change it in Assembled itself (an ingested state cannot be changed through the API); otherwise correct this row's times.",
      ],
    });
    expect(await push('cleared-states-3')).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    expect(posts()).toBe(before);
    expect(held(a).map((s) => s.state)).toEqual(['busy']);
  });

  it('is sent again when Assembled refused it: its note says so', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    // Assembled refuses the first push's record, as it would an agent gone since the rows were read.
    let refuse = true;
    rt.setHttp((req) => {
      if (refuse && req.method === 'POST' && req.url.includes('/v0/agents/state/bulk')) {
        refuse = false;
        const body = JSON.parse(req.body ?? '{}');
        body.states[0].agent_id = 'gone-agent';
        return sim.handle({ ...req, body: JSON.stringify(body) });
      }
      return sim.handle(req);
    });
    const sheet = await template(rt, 'agent_states', [
      [a.email, 'ready', '', '2026-05-24 9:00', '2026-05-24 9:20', 'zendesk'],
    ]);
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    expect(await push('refused-state-1')).toMatchObject({ state: 'done', succeeded: 0, failed: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['error']);
    const status = (rt.workbook.values(sheet)[0] ?? []).indexOf('Push status') + 1;
    expect(rt.workbook.notes(sheet)[1]?.[status - 1]).toMatch(
      /\nAssembled refused the row as it stood then, so it holds nothing of it\.$/,
    );

    // Its status and message cleared: not taken for a state Assembled holds.
    rt.workbook.write(sheet, [['', '', '']], { row: 2, column: status });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states')).toMatchObject({
      ok: 1,
      skipped: 0,
      again: 0,
    });
    expect(await push('refused-state-2')).toMatchObject({ state: 'done', succeeded: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested']);
    expect(
      (sim.admin.org.states.get(a.agent_id) ?? []).filter(
        (s) =>
          s.source === 'zendesk' &&
          s.state === 'ready' &&
          s.start_time === Date.parse('2026-05-24T13:00:00Z') / 1000,
      ),
    ).toHaveLength(1);
  });
});
