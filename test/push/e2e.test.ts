// End to end through the built bundle (npm run build first) in the local Apps Script runtime,
// against the simulator: the sidebar's calls, the dispatcher trigger, the 6-minute kill.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../dev/gas/index.js';
import { createSimulator } from '../../dev/simulator';
import type { Simulator } from '../../dev/simulator/api';
import { againWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { TIME_OFF_HEADER } from '../support/time-off-template';
import { column, follow, validateTemplate } from './in-runtime';
import { agentMidnight } from './support';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

function setup(options: { executionLimitMs?: number } = {}) {
  let sim: Simulator | undefined;
  const rt = createRuntime({
    now: '2026-05-25T12:00:00Z',
    http: (req) => (sim as Simulator).handle(req),
    ...options,
  });
  // The live dialect: what the add-on's default settings (unix seconds) are made for.
  sim = createSimulator({ seed: 7, dialect: 'live', now: () => rt.clock.now() });
  rt.properties.user.set('assembled.apiKey', JSON.stringify(sim.admin.sampleKey));
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
  return { rt, sim, agents };
}

describe.skipIf(!built)('push in the local Apps Script runtime', () => {
  it('inserts a template without a key: the Type dropdown falls back to common types', async () => {
    const { rt, sim } = setup();
    rt.properties.user.delete('assembled.apiKey');
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    rt.workbook.write(sheet, [['someone@example.com']], { row: 2 });
    expect(rt.workbook.dataValidations(sheet)[1]?.[4]).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: [['pto', 'sick', 'personal', 'vacation'], true],
    });
    expect(rt.workbook.notes(sheet)[0]?.[4]).toMatch(/e\.g\. pto, sick or personal/);
    expect(sim.stats().total).toBe(0);
  });

  it('inserts a template, validates and pushes it from the sidebar', async () => {
    const { rt, sim, agents } = setup();
    rt.runAsTrigger('onOpen', { authMode: 'NONE' });
    expect(rt.ui.menus.flatMap((m) => m.items.map((i) => ('caption' in i ? i.caption : '')))).toContain(
      'Push rows…',
    );
    rt.ui.click('Push rows…');
    expect(rt.ui.sidebar?.title).toBe('Push rows to Assembled');

    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    expect(sheet).toBe('Time off to create');
    expect(rt.workbook.values(sheet)[0]).toEqual(TIME_OFF_HEADER);
    expect(rt.workbook.frozenRows(sheet)).toBe(1);
    expect(rt.workbook.notes(sheet)[0]?.every((n) => String(n).length > 10)).toBe(true);
    expect(rt.workbook.fontWeights(sheet)[0]?.[0]).toBe('bold');
    // Wide enough to read what is typed: an email in Agent, a time in Start, a uuid in Assembled ID.
    expect(Object.values(rt.workbook.columnWidths(sheet))).toEqual([
      220, 150, 150, 80, 130, 180, 110, 280, 320, 150,
    ]);

    const [a, b] = agents;
    rt.workbook.write(
      sheet,
      [
        [a?.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', "'=literal"],
        [`${b?.first_name} ${b?.last_name}`, '2026-07-02', '2026-07-03', 'TRUE', 'sick', ''],
        ['ghost@example.com', '2026-07-01 09:00', '2026-07-01 17:00', '', '', ''],
      ],
      { row: 2 },
    );
    const rules = rt.workbook.dataValidations(sheet)[1] ?? [];
    expect(rules[3]?.criteria).toBe('CHECKBOX');
    expect(rules[1]?.criteria).toBe('DATE_IS_VALID_DATE');
    // The Type dropdown offers the account's own time-off types (not fixed guesses), loosely.
    expect(rules[4]).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: [['Paid time off', 'Sick', 'Personal', 'Vacation'], true],
      allowInvalid: true,
    });
    // Its note speaks of those, not of the fallback's pto and sick.
    expect(rt.workbook.notes(sheet)[0]?.[4]).toMatch(
      /^Optional\. The type of time off: one of the account's types in the dropdown/,
    );
    rt.workbook.select(`'${sheet}'!A1`);
    const options = await rt.callFromSidebar<{ sheet: string; detected: string }>('getPushOptions');
    expect(options).toMatchObject({ sheet, detected: 'time_off' });

    const v = await rt.callFromSidebar<{ ok: number; errors: number }>('validatePush', 'time_off');
    expect(v).toMatchObject({ ok: 2, errors: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['OK', 'OK', 'error']);
    expect(sim.stats().byRoute['POST /v0/time_off'] ?? 0).toBe(0);

    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'e2e-push-0001'),
    );
    expect(done).toMatchObject({ state: 'done', done: 2, total: 2, invalid: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'created', 'error']);
    // Times typed read to the minute, as typed; when the add-on pushed them, to the second.
    const shown = rt.workbook.displayValues(sheet);
    const at = (h: string) => (shown[0] ?? []).indexOf(h);
    expect(shown[1]?.[at('Start')]).toBe('2026-07-01 09:00');
    // A row never sent (its cells have problems) has no time there: Validate and Push only marked it.
    expect(shown.slice(1, 4).map((r) => r[at('Pushed at')])).toEqual([
      ...Array(2).fill(expect.stringMatching(/^2026-05-25 \d\d:\d\d:\d\d$/)),
      '',
    ]);
    const ids = column(rt, sheet, 'Assembled ID').slice(0, 2);
    const made = ids.map((id) => sim.admin.org.timeOff.find((t) => t.id === id));
    expect(made[0]).toMatchObject({
      agent_id: a?.agent_id,
      start_time: Date.parse('2026-07-01T13:00:00Z') / 1000,
    });
    // The agent's own days, 2 and 3 July.
    expect(made[1]).toMatchObject({ all_day: true, end_time: agentMidnight(b, '2026-07-04') });
    // Notes are kept literal, even one that looks like a formula.
    expect(made[0]?.notes).toBe('=literal');

    // Pushing again sends nothing.
    const again = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'e2e-push-0002'),
    );
    expect(again).toMatchObject({ state: 'done', total: 0, skipped: 2 });
    expect(sim.stats().byRoute['POST /v0/time_off']).toBe(2);
  });

  it('keeps a platform ID typed with leading zeros as typed, in the sheet and in Assembled', async () => {
    const { rt, sim, agents } = setup();
    const [agent] = agents;
    if (!agent) throw new Error('no agents');
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'associations');
    // Typed as a person would: the template's Platform ID column is plain text, as Sheets keeps it.
    rt.workbook.write(sheet, [[agent.email, 'zendesk', '007123']], { row: 2 });
    expect(rt.workbook.values(sheet)[1]?.slice(0, 3)).toEqual([agent.email, 'zendesk', '007123']);
    rt.workbook.select(`'${sheet}'!A1`);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'assoc-zeros-1'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 1 });
    expect(sim.admin.org.people.find((p) => p.id === agent.id)?.platforms.zendesk).toBe('007123');
    // Its status cleared, it has no word of a second one: an association is set, not made, and
    // the agent has it already, so there is nothing to send.
    rt.workbook.write(sheet, [['']], { row: 2, column: 4 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 0, inAssembled: 1, again: 0 });
    expect(column(rt, sheet, 'Push message')[0]).toBe(
      'The agent has this ID in Assembled already: nothing needs sending, so Push does not send it.',
    );
  });

  it('holds back agent states that overlap on one platform, or lie in the future', async () => {
    const { rt, agents } = setup();
    const [a, b] = agents;
    if (!a || !b) throw new Error('no agents');
    // Runtime now: 2026-05-25 08:00 in New York.
    const { check } = await validateTemplate(rt, 'agent_states', [
      [a.email, 'available', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
      [a.email, 'break', '', '2026-05-25 06:30', '2026-05-25 06:45', 'Five9'],
      // Another platform, and an open state: neither overlaps.
      [a.email, 'busy', '', '2026-05-25 06:30', '2026-05-25 06:45', 'zendesk'],
      [a.email, 'lunch', '', '2026-05-25 05:00', '', 'five9'],
      // Touching ends do not overlap.
      [b.email, 'available', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
      [b.email, 'busy', '', '2026-05-25 07:00', '2026-05-25 08:00', 'five9'],
      [b.email, 'busy', '', '2026-05-26 09:00', '', 'five9'],
      [b.email, 'busy', '', '2026-05-25 07:30', '2026-05-25 08:30', 'zendesk'],
      // An open state that starts inside a closed one, and one that starts with it: both clash.
      [a.email, 'offline', '', '2026-05-25 06:40', '', 'zendesk'],
      [b.email, 'offline', '', '2026-05-25 06:00', '', 'five9'],
    ]);
    // Named by the field that reaches into the other: an End run past its start, or a Start inside it.
    const clash = (row: number, other: number, field = 'Start') =>
      `Row ${row}: ${field}: overlaps row ${other}, a state of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong, or delete a row typed twice.`;
    expect(check.problems).toEqual([
      clash(2, 3, 'End'),
      clash(3, 2),
      clash(4, 10, 'End'),
      clash(6, 11),
      'Row 8: Start: 2026-05-26 09:00 is in the future (it is 2026-05-25 08:00 in America/New_York): agent states record what happened. Check the date and time.',
      "… and 3 more rows to fix: each one's Push message says what.",
    ]);
    expect(check).toMatchObject({ ok: 2, errors: 8 });
    // Pushed, the same rows are listed once it is over: the Push message column may be out of sight.
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'clash-push-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', invalid: 8, problems: check.problems });
  });

  it('says which pushed rows were changed since, and sends none of them again', async () => {
    const { rt, sim, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    const { sheet, check } = await validateTemplate(rt, 'agent_states', [
      [a.email, 'available', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
      [a.email, 'break', '', '2026-05-25 07:00', '2026-05-25 07:15', 'five9'],
    ]);
    expect(check).toMatchObject({ ok: 2, errors: 0 });
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    expect(await push('states-changed-1')).toMatchObject({ state: 'done', succeeded: 2 });
    const posts = () =>
      Object.entries(sim.stats().byRoute)
        .filter(([route]) => route.startsWith('POST'))
        .reduce((n, [, count]) => n + count, 0);
    const sent = posts();
    const [taken] = column(rt, sheet, 'Push message');
    const pushedAt = column(rt, sheet, 'Pushed at');
    // What was pushed, in words a person can read: each filled column and its value.
    expect(rt.workbook.notes(sheet)[2]?.[6]).toBe(
      `The row as it was pushed:\nAgent: ${a.email}\nState: break\nStart: 2026-05-25 07:00\nEnd: 2026-05-25 07:15\nSource: five9\nIf the row is changed after it was pushed, Validate and Push say so. Sent while the spreadsheet's time zone was America/New_York.\nPushed by ${rt.user}.`,
    );

    // Retyped after the push: the break ran five minutes longer.
    rt.workbook.write(sheet, [['2026-05-25 07:20']], { row: 3, column: 5 });
    const changed =
      "Changed since it was pushed: End was 2026-05-25 07:15 when pushed; not sent again, so Assembled still has it as it was. Pushed again, it would add a second state. Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself. Assembled's last word on it: Accepted by Assembled for ingestion.";
    const again = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(again).toMatchObject({
      ok: 0,
      errors: 0,
      skipped: 2,
      changed: 1,
      problems: [`Row 3: ${changed}`],
    });
    const view = await push('states-changed-2');
    expect(view).toMatchObject({ state: 'done', succeeded: 0, skipped: 2 });
    expect(view.message).toContain(
      '2 already done and skipped, one of them changed since it was pushed (not sent: an ingested state can only be changed in Assembled itself, as its Push message says)',
    );
    expect(posts()).toBe(sent);
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested']);
    expect(column(rt, sheet, 'Push message')).toEqual([taken, changed]);
    // When they reached Assembled stays as it was: nothing was sent since.
    expect(column(rt, sheet, 'Pushed at')).toEqual(pushedAt);

    // Typed back as it was sent: nothing changed, and the row says again what it said then.
    rt.workbook.write(sheet, [['2026-05-25 07:15']], { row: 3, column: 5 });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states')).toMatchObject({
      skipped: 2,
      changed: 0,
      problems: [],
    });
    expect(column(rt, sheet, 'Push message')).toEqual([taken, taken]);
    // Changed and put back again between two pushes: Push says so the same way.
    rt.workbook.write(sheet, [['2026-05-25 07:25']], { row: 3, column: 5 });
    await push('states-changed-3');
    expect(column(rt, sheet, 'Push message')).toEqual([taken, changed]);
    rt.workbook.write(sheet, [['2026-05-25 07:15']], { row: 3, column: 5 });
    await push('states-changed-4');
    expect(column(rt, sheet, 'Push message')).toEqual([taken, taken]);
    expect(column(rt, sheet, 'Pushed at')).toEqual(pushedAt);
    expect(posts()).toBe(sent);
  });

  it('counts pushed rows changed since in words that agree with the count: it for one, they for more', async () => {
    const { rt, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    const { sheet } = await validateTemplate(rt, 'agent_states', [
      [a.email, 'available', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
      [a.email, 'break', '', '2026-05-25 07:00', '2026-05-25 07:15', 'five9'],
      [a.email, 'available', '', '2026-05-25 07:15', '2026-05-25 08:00', 'five9'],
    ]);
    const push = async (key: string) =>
      (await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key))).message;
    await push('states-counted-1');
    // The End cells from row 2 down, retyped after the push.
    const ends = (...at: string[]) =>
      rt.workbook.write(
        sheet,
        at.map((end) => [end]),
        { row: 2, column: 5 },
      );
    ends('2026-05-25 07:00', '2026-05-25 07:10');
    expect(await push('states-counted-2')).toContain(
      '3 already done and skipped, one of them changed since it was pushed (not sent: an ingested state can only be changed in Assembled itself, as its Push message says).',
    );
    ends('2026-05-25 06:55', '2026-05-25 07:10');
    expect(await push('states-counted-3')).toContain(
      '3 already done and skipped, 2 of them changed since they were pushed (not sent: ingested states can only be changed in Assembled itself, as their Push messages say).',
    );
    ends('2026-05-25 06:55', '2026-05-25 07:10', '2026-05-25 07:55');
    expect(await push('states-counted-4')).toContain(
      '3 already done and skipped, all of them changed since they were pushed (not sent: ingested states can only be changed in Assembled itself, as their Push messages say).',
    );
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested', 'ingested']);
  });

  it('tells a changed inserted state record to be sent as an update, not inserted again', async () => {
    const { rt, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    const { sheet, check } = await validateTemplate(rt, 'state_edits', [
      ['insert', '', a.email, 'lunch', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
    ]);
    expect(check).toMatchObject({ ok: 1, errors: 0 });
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'edits-changed-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 1 });
    rt.workbook.write(sheet, [['break']], { row: 2, column: 4 });
    const again = await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits');
    expect(again.problems).toEqual([
      "Row 2: Changed since it was pushed: State was lunch when pushed; not sent again, so Assembled still has it as it was. To send the change, put update in Action (and the Assembled ID in State ID if it is empty), then clear Push status and Assembled ID. Assembled's last word on it: State record inserted.",
    ]);
  });

  it('says plainly that no state has the id an edit names, and sends the rest', async () => {
    const { rt, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    const { sheet, check } = await validateTemplate(rt, 'state_edits', [
      ['delete', 'bogus-state-id'],
      ['insert', '', a.email, 'lunch', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
    ]);
    expect(check).toMatchObject({ ok: 2, errors: 0 });
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'edits-unknown-1'),
    );
    const unknown = `Assembled holds no state with the id "bogus-state-id": it may have been deleted since, or the id is mistyped. Clear this row's Action, then pull the Agent-state edit history again to see what Assembled holds.`;
    expect(pushed).toMatchObject({ state: 'done', succeeded: 1, failed: 1, problems: [`Row 2: ${unknown}`] });
    expect(column(rt, sheet, 'Push status')).toEqual(['error', 'inserted']);
    expect(column(rt, sheet, 'Push message')[0]).toBe(unknown);

    // Validate keeps Assembled's answer while the row stands as it was sent...
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits')).toMatchObject({
      ok: 0,
      errors: 1,
      problems: [`Row 2: Refused by Assembled when last pushed, and not changed since: ${unknown}`],
    });
    expect(column(rt, sheet, 'Push status')).toEqual(['error', 'inserted']);
    expect(column(rt, sheet, 'Push message')[0]).toBe(unknown);
    // ...and checks it afresh once it is changed.
    rt.workbook.write(sheet, [['another-state-id']], { row: 2, column: 2 });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits')).toMatchObject({
      ok: 1,
      errors: 0,
    });
    expect(column(rt, sheet, 'Push status')).toEqual(['OK', 'inserted']);
    // Typed back, Validate has said "Ready to push" since: Assembled is asked again, not quoted.
    rt.workbook.write(sheet, [['bogus-state-id']], { row: 2, column: 2 });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits')).toMatchObject({
      ok: 1,
      errors: 0,
    });
  });

  it("keeps only Assembled's refusal: a row Validate marked, now right with nothing in it changed, is ready", async () => {
    const { rt, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    // Two states of one agent from one platform at once: Validate marks both.
    const { sheet, check } = await validateTemplate(rt, 'agent_states', [
      [a.email, 'available', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
      [a.email, 'break', '', '2026-05-25 06:30', '2026-05-25 06:45', 'five9'],
    ]);
    expect(check).toMatchObject({ ok: 0, errors: 2 });
    rt.workbook.write(sheet, [['', '', '', '', '', '']], { row: 3 });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states')).toMatchObject({
      ok: 1,
      errors: 0,
    });
    expect(column(rt, sheet, 'Push status')[0]).toBe('OK');
  });

  it('holds back new agent states that overlap states already pushed from the sheet', async () => {
    const { rt, sim, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    const { sheet } = await validateTemplate(rt, 'agent_states', [
      [a.email, 'available', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9'],
    ]);
    const first = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'held-0001'),
    );
    expect(first).toMatchObject({ state: 'done', succeeded: 1 });
    // With no new row, the rows pushed are not read for their times (which needs the people list).
    const peopleReads = () => sim.stats().byRoute['GET /v0/people'] ?? 0;
    const before = peopleReads();
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(peopleReads()).toBe(before);
    rt.workbook.write(
      sheet,
      [
        // Starts inside the state pushed in row 2; the next one starts after it ends.
        [a.email, 'break', '', '2026-05-25 06:30', '', 'five9'],
        [a.email, 'busy', '', '2026-05-25 07:00', '2026-05-25 07:30', 'five9'],
      ],
      { row: 3 },
    );
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 1, errors: 1 });
    expect(check.problems).toEqual([
      'Row 3: Start: overlaps row 2, a state of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong, or delete a row typed twice.',
    ]);
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'error', 'OK']);
  });

  it('holds back time off that overlaps other time off of the same agent in the sheet', async () => {
    const { rt, agents } = setup();
    const [a, b] = agents;
    if (!a || !b) throw new Error('no agents');
    const { check } = await validateTemplate(rt, 'time_off', [
      [a.email, '2026-07-01', '', 'TRUE'],
      [a.email, '2026-07-01 09:00', '2026-07-01 12:00', 'FALSE'],
      // The next day, another agent the same day: neither overlaps.
      [a.email, '2026-07-02', '', 'TRUE'],
      [b.email, '2026-07-01', '', 'TRUE'],
    ]);
    // Row 2's day runs past row 3's start, but it has no End to change: its Start is named.
    expect(check.problems).toEqual([
      'Row 2: Start: overlaps row 3, time off for the same agent: two requests over the same time. Delete the row typed twice, or correct its dates.',
      'Row 3: Start: overlaps row 2, time off for the same agent: two requests over the same time. Delete the row typed twice, or correct its dates.',
    ]);
    expect(check).toMatchObject({ ok: 2, errors: 2 });
  });

  it('holds back only the later copy of a time-off row typed twice: the first is sent', async () => {
    const { rt, sim, agents } = setup();
    const [a, b] = agents;
    if (!a || !b) throw new Error('no agents');
    const typed = [a.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', 'Dentist'];
    const { sheet, check } = await validateTemplate(rt, 'time_off', [
      typed,
      [b.email, '2026-07-01', '', 'TRUE'],
      typed,
    ]);
    expect(check).toMatchObject({ ok: 2, errors: 1 });
    expect(check.problems).toEqual(['Row 4: The same time off as row 2, typed twice: delete this row.']);
    const posts = () => sim.stats().byRoute['POST /v0/time_off'] ?? 0;
    const before = posts();
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'twice-0001'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 2, invalid: 1 });
    expect(posts()).toBe(before + 2);
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'created', 'error']);
  });

  it('holds back time off typed again after the first was pushed: it would be a second request', async () => {
    const { rt, sim, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    const typed = [a.email, '2026-07-01 09:00', '2026-07-01 17:00', 'FALSE', 'pto', 'Dentist'];
    const { sheet } = await validateTemplate(rt, 'time_off', [typed]);
    const first = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'again-0001'));
    expect(first).toMatchObject({ state: 'done', succeeded: 1 });
    // The same request typed again below, and one two days on (the agent's own day 2 July may
    // begin during 1 July's 09:00 to 17:00 in the sheet's zone).
    rt.workbook.write(sheet, [typed, [a.email, '2026-07-03', '', 'TRUE', 'pto', 'Later']], { row: 3 });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 1, errors: 1 });
    // The very same request: said so, not as an overlap whose words would have the first cancelled.
    expect(check.problems).toEqual(['Row 3: The same time off as row 2, pushed already: delete this row.']);
    const posts = () => sim.stats().byRoute['POST /v0/time_off'] ?? 0;
    const before = posts();
    const second = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'again-0002'),
    );
    expect(second).toMatchObject({ state: 'done', succeeded: 1, invalid: 1 });
    expect(posts()).toBe(before + 1);
    // The first request cancelled (as Sync time off writes it), the time is free again.
    const status = (column(rt, sheet, 'Push status') as string[]).map((s) => [s]);
    status[0] = ['cancelled'];
    const at = (rt.workbook.values(sheet)[0] ?? []).indexOf('Push status') + 1;
    rt.workbook.write(sheet, status, { row: 2, column: at });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      ok: 1,
      errors: 0,
    });
  });

  it('says a row pushed before, whose Push status and Assembled ID were cleared, would be made twice', async () => {
    const { rt, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    const typed = [a.email, '2026-07-01', '', 'TRUE', 'pto', 'Cleared'];
    const { sheet } = await validateTemplate(rt, 'time_off', [typed]);
    const first = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'cleared-0001'),
    );
    expect(first).toMatchObject({ state: 'done', succeeded: 1 });
    const at = (rt.workbook.values(sheet)[0] ?? []).indexOf('Push status') + 1;
    const [id] = column(rt, sheet, 'Assembled ID');
    rt.workbook.write(sheet, [['', '']], { row: 2, column: at });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 1, errors: 0, again: 1 });
    expect(againWords(check.again)).toMatch(/^1 OK row was pushed before as it stands/);
    expect(column(rt, sheet, 'Push message')[0]).toMatch(
      /^Ready to push\. It was pushed as it stands before, and its Push status and Assembled ID were cleared since: pushed again, it is made a second time in Assembled/,
    );
    // Its status and ID typed back, it is done again, and says so, not that it is to be sent.
    rt.workbook.write(sheet, [['created', String(id)]], { row: 2, column: at });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({ ok: 0 });
    expect(column(rt, sheet, 'Push message')[0]).toBe('Done: the row is as it was sent.');
    // Changed, it is a new row like any other, its Pushed at still the first push's, as it says.
    rt.workbook.write(sheet, [['', '']], { row: 2, column: at });
    rt.workbook.write(sheet, [['Changed']], { row: 2, column: 6 });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      ok: 1,
      again: 0,
    });
    expect(column(rt, sheet, 'Push message')[0]).toBe(
      'Ready to push. Its Pushed at is the time of an earlier push: Push puts the new time there when it sends the row.',
    );
  });

  it('sends each type the dropdown offers, in any case, as Assembled’s id for it; an account’s own type as typed', async () => {
    const { rt, sim, agents } = setup();
    const [a] = agents;
    if (!a) throw new Error('no agents');
    // What was sent, read from the requests: Assembled keeps a type under its own name.
    const posted: Record<string, string> = {};
    rt.setHttp((req) => {
      if (req.method === 'POST' && req.url.endsWith('/v0/time_off')) {
        const body = JSON.parse(req.body ?? '{}');
        posted[body.notes] = body.type;
      }
      return sim.handle(req);
    });
    // The dropdown's words (the account's type names), one typed in capitals, a short name of the
    // account's own, one no type has, and one misspelt.
    const types = ['Paid time off', 'PAID TIME OFF', 'Vacation', 'SCK', 'Holiday', 'vaction'];
    const { sheet, check } = await validateTemplate(
      rt,
      'time_off',
      types.map((type, i) => [a.email, `2026-07-0${i + 1}`, '', 'TRUE', type, `type ${i}`]),
    );
    expect(check).toMatchObject({ ok: 4, errors: 2 });
    // Said in the dropdown's names, the ones people pick and type.
    expect(check.problems).toEqual([
      `Row 6: Type: "Holiday" is not one of your Assembled account's time-off types: Paid time off, Sick, Personal or Vacation.`,
      `Row 7: Type: "vaction" is not one of your Assembled account's time-off types; did you mean "Vacation"?`,
    ]);
    const done = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'e2e-types'));
    expect(done).toMatchObject({ state: 'done', succeeded: 4, invalid: 2 });
    expect(column(rt, sheet, 'Push status').slice(0, 4)).toEqual(Array(4).fill('created'));
    expect([0, 1, 2, 3].map((i) => posted[`type ${i}`])).toEqual(['pto', 'pto', 'vacation', 'SCK']);
  });

  it('cancels time off: an ID typed twice is a row to fix, and the count tells cancelled from already so', async () => {
    const { rt, sim } = setup();
    const requests = sim.admin.org.timeOff;
    const live = requests.filter((t) => t.status === 'pending' || t.status === 'approved').slice(0, 4);
    const denied = requests.find((t) => t.status === 'denied');
    const cancelled = requests.find((t) => t.status === 'cancelled');
    if (live.length < 4 || !denied || !cancelled) throw new Error('the demo organisation lacks requests');
    const ids = [...live.map((t) => t.id), denied.id, cancelled.id, live[0]?.id, 'abc-123'];
    const { sheet, check } = await validateTemplate(
      rt,
      'time_off_cancel',
      ids.map((id) => [id]),
    );
    expect(check).toMatchObject({ ok: 6, errors: 2 });
    expect(check.problems).toEqual([
      `Row 8: Request ID ${live[0]?.id} is also on row 2: delete the row typed twice.`,
      // Looked up at Validate, in one list of the account's requests.
      'Row 9: No time-off request has the id "abc-123". Check the Request ID column.',
    ]);
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off_cancel', 'e2e-cancel'),
    );
    expect(done.message).toBe(
      'Finished: 4 cancelled, 2 already cancelled or denied, 2 with problems to fix. See the Push status column.',
    );
    expect(column(rt, sheet, 'Push status')).toEqual([
      ...Array(4).fill('cancelled'),
      'denied',
      'cancelled',
      'error',
      'error',
    ]);
    expect(live.map((t) => t.status)).toEqual(Array(4).fill('cancelled'));
    // Neither the row typed twice nor the unknown id was sent: each request was asked to cancel once.
    expect(sim.stats().byRoute['POST /v0/time_off/{id}/cancel']).toBe(6);
  });

  it('names both clashes of a row that gives its agent a second ID and another agent’s ID', async () => {
    const { rt, agents } = setup();
    const [, , c, d] = agents;
    if (!c || !d) throw new Error('no agents');
    const { check } = await validateTemplate(rt, 'associations', [
      [d.email, 'five9', '77'],
      [d.email, 'five9', '78'],
      [c.email, 'five9', '78'],
    ]);
    expect(check).toMatchObject({ ok: 0, errors: 3 });
    expect(check.problems[1]).toBe(
      'Row 3: Platform ID: the same agent gets another five9 ID (77) in row 2. A person has one five9 ID in Assembled, and a second would replace the first: keep the row that is right. Platform ID: five9 ID 78 is also given to another agent in row 4. A platform ID belongs to one agent: correct the row that is wrong.',
    );
  });

  it('holds back rows that give one platform ID to two agents, or one agent two IDs on a platform', async () => {
    const { rt, sim, agents } = setup();
    const [a, b, c, d] = agents;
    if (!a || !b || !c || !d) throw new Error('no agents');
    const { check } = await validateTemplate(rt, 'associations', [
      [a.email, 'zendesk', '007123'],
      [b.email, 'five9', '55'],
      [c.email, 'Zendesk', '007123'],
      [d.email, 'five9', '77'],
      [d.email, 'five9', '78'],
      // The same link typed twice is not a clash: it is sent once, the copy pointed at the first.
      [b.email, 'five9', '55'],
    ]);
    expect(check).toMatchObject({ ok: 1, errors: 5 });
    expect(check.problems).toEqual([
      'Row 2: Platform ID: zendesk ID 007123 is also given to another agent in row 4. A platform ID belongs to one agent: correct the row that is wrong.',
      'Row 4: Platform ID: zendesk ID 007123 is also given to another agent in row 2. A platform ID belongs to one agent: correct the row that is wrong.',
      'Row 5: Platform ID: the same agent gets another five9 ID (78) in row 6. A person has one five9 ID in Assembled, and a second would replace the first: keep the row that is right.',
      'Row 6: Platform ID: the same agent gets another five9 ID (77) in row 5. A person has one five9 ID in Assembled, and a second would replace the first: keep the row that is right.',
      'Row 7: Platform ID: the same association as row 3, typed twice: delete this row.',
    ]);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'assoc-shared-1'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 1, invalid: 5 });
    const person = (id: string) => sim.admin.org.people.find((p) => p.id === id)?.platforms ?? {};
    expect(person(d.id).five9).not.toMatch(/^7[78]$/);
    expect(person(b.id).five9).toBe('55');
    expect(person(a.id).zendesk).not.toBe('007123');
    expect(person(c.id).zendesk).not.toBe('007123');
  });

  it("writes Pushed at in the add-on's date-time format on a sheet the user made", async () => {
    const { rt, agents } = setup();
    rt.workbook.write('Sheet1', [
      ['Agent', 'Start', 'End', 'All day', 'Type', 'Notes'],
      [agents[0]?.email, '2026-07-01 09:00', '2026-07-01 17:00', '', 'pto', ''],
    ]);
    rt.workbook.select('Sheet1!A1');
    await rt.callFromSidebar('validatePush', 'time_off');
    const at = (rt.workbook.displayValues('Sheet1')[0] ?? []).indexOf('Pushed at');
    expect(at).toBeGreaterThan(0);
    // Validate sends nothing: Pushed at stays empty until the row is sent.
    expect(rt.workbook.displayValues('Sheet1')[1]?.[at]).toBe('');
    await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'pushed-at-0001'));
    expect(rt.workbook.displayValues('Sheet1')[1]?.[at]).toMatch(/^2026-05-25 \d\d:\d\d:\d\d$/);
  });

  it('2,000 rows: the dispatcher carries the push across killed executions with no duplicate', async () => {
    // Executions die at 4 minutes, inside the dispatcher's 5-minute budget: each is killed mid-batch.
    const { rt, sim, agents } = setup({ executionLimitMs: 4 * 60_000 });
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const day = 3 + Math.floor(i / agents.length);
      return [
        agents[i % agents.length]?.email,
        `2026-08-${String(day).padStart(2, '0')} 09:00`,
        `2026-08-${String(day).padStart(2, '0')} 17:00`,
        '',
        'pto',
        `e2e ${i}`,
      ];
    });
    rt.workbook.write('Sheet1', [['Agent', 'Start', 'End', 'All day', 'Type', 'Notes'], ...rows]);
    rt.workbook.select('Sheet1!A1');
    sim.setFaults({ force429: 12 });
    const first = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'e2e-push-2000');
    expect(first.state).toBe('running');
    // The sidebar is closed: the dispatcher trigger does the rest, hour by hour (add-on triggers).
    for (let hour = 0; hour < 24; hour++) {
      if (hour === 2) sim.setFaults({ force429: 30 });
      await rt.clock.advanceAsync(60 * 60_000);
      const doc = rt.properties.document.get(`assembled.push.${first.id}`);
      if (doc && JSON.parse(doc).state !== 'running') break;
    }
    const job = JSON.parse(rt.properties.document.get(`assembled.push.${first.id}`) ?? '{}');
    expect(job).toMatchObject({ state: 'done', total: 2000, done: 2000, succeeded: 2000 });
    expect(rt.counters.snapshot().executions.killed).toBeGreaterThanOrEqual(1);
    const made = sim.admin.org.timeOff.filter((t) => t.notes.startsWith('e2e '));
    expect(made).toHaveLength(2000);
    expect(new Set(made.map((t) => t.notes)).size).toBe(2000);
    const status = column(rt, 'Sheet1', 'Push status');
    expect(status.filter((s) => s === 'created')).toHaveLength(2000);
    // The trigger is removed once there is no work.
    expect(rt.triggers()).toHaveLength(0);
  });
});

describe.skipIf(!built)('a long Retry-After', () => {
  it('never sleeps past what Utilities.sleep or the execution allows: the push waits in later runs', async () => {
    const { rt, sim, agents } = setup();
    let limited = 0;
    rt.setHttp((req) => {
      // The first time-off request is refused for ten minutes, as a busy Assembled may.
      if (req.method === 'POST' && limited === 0) {
        limited++;
        return {
          status: 429,
          headers: { 'retry-after': '600' },
          body: '{"error":"rate limited"}',
          delayMs: 0,
        };
      }
      return sim.handle(req);
    });
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    const rows = agents
      .slice(0, 30)
      .map((p, i) => [
        p.email,
        `2026-08-${String((i % 28) + 1).padStart(2, '0')}`,
        '',
        'TRUE',
        'pto',
        `r${i}`,
      ]);
    rt.workbook.write(sheet, rows, { row: 2 });
    rt.workbook.select(`'${sheet}'!A1`);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'retry-after-push'),
    );
    expect(view.state).toBe('done');
    expect(rt.executions.filter((e) => e.error).map((e) => e.error?.message)).toEqual([]);
    expect(column(rt, sheet, 'Push status').filter((s) => s === 'created')).toHaveLength(30);
  });
});
