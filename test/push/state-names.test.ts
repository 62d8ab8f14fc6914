// An agent state's platform and name, through the built bundle. An ingested state cannot be taken
// back, so a platform Assembled does not know is a row to fix, as an association's is, with a "did
// you mean" when near a known one ("Zendesk Support" for zendesk); new: sends it. A state's name
// near one Assembled knows is refused the same way (new: sends it too); any other is sent with a
// word that Assembled does not know it, naming the states it does: those it names most and those
// it holds for the rows' agents then.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { validatedWords } from '../../src/core/push/progress-words';
import { pushTone } from '../../src/core/push/push-tone';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** A row of the agent states template: `email`'s `state` on 24 May from `from` to `to` (twenty minutes on unless given). */
const stateRow = (
  email: string,
  state: string,
  from: string,
  source: string,
  to = from.replace(':00', ':20'),
) => [email, state, '', `2026-05-24 ${from}`, `2026-05-24 ${to}`, source];

type Sim = Awaited<ReturnType<typeof startLocalAddon>>['sim'];

/** 24 May's `hm` in New York, in unix seconds, as Assembled holds a state's times. */
const at = (hm: string) => Date.parse(`2026-05-24T${hm}:00-04:00`) / 1000;

/** Assembled holds a state for `agent` on 24 May (New York), from `from` to `to`, on `source`. */
function holdState(
  sim: Sim,
  agent: string,
  id: string,
  state: string,
  from: string,
  to: string,
  source: string,
) {
  const list = sim.admin.org.states.get(agent) ?? [];
  list.push({ id, agent_id: agent, state, sub_state: null, start_time: at(from), end_time: at(to), source });
  list.sort((x, y) => x.start_time - y.start_time);
  sim.admin.org.states.set(agent, list);
}

describe.skipIf(!built)("an agent state's platform and name", () => {
  it('are refused near a known one, and sent as written with a word otherwise', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    // Assembled holds an on_call state for b on acme within the rows' span: both are known.
    holdState(sim, b.agent_id, 'held-on-call', 'on_call', '09:30', '09:40', 'acme');
    const row = (who: typeof a, state: string, from: string, source: string) =>
      stateRow(who.email, state, from, source);
    const sheet = await template(rt, 'agent_states', [
      row(a, 'available', '9:00', 'Zendesk Chat'),
      row(a, 'available', '10:00', 'new: Zendesk Support'),
      row(a, 'ready', '11:00', 'kustomer'),
      row(b, 'on call', '9:00', 'kustomer'),
      row(b, 'on_call', '10:00', 'acme'),
      row(b, 'on call', '11:00', 'Five9 Voice'),
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 3, errors: 3 });
    // Sent as written, each with a word in its Push message alone: the summary says them too.
    expect(validatedWords(check)).toBe(
      `3 OK, one of them sends a platform Assembled does not know (row 3: zendesk support), one of them sends a state Assembled does not know (row 4: ready), 3 to fix, 0 already done, in "${sheet}". Nothing was sent.`,
    );
    expect(check.problems).toEqual([
      'Row 2: Source: "Zendesk Chat" is not a platform Assembled knows; did you mean "zendesk"? If it is a platform new to Assembled, write new: zendesk chat.',
      `Row 5: State: "on call" is not a state Assembled knows; did you mean "on_call"? Assembled counts time by the state's name. If it is a state new to Assembled, write new: on call.`,
      // Both its problems at once.
      `Row 7: Source: "Five9 Voice" is not a platform Assembled knows; did you mean "five9"? If it is a platform new to Assembled, write new: five9 voice. State: "on call" is not a state Assembled knows; did you mean "on_call"? Assembled counts time by the state's name. If it is a state new to Assembled, write new: on call.`,
    ]);
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages[1]).toBe(
      'Ready to push. Source: zendesk support is new to Assembled (written new: in the sheet): sent as written, as a platform of its own. Check it is spelled as the platform is.',
    );
    expect(messages[2]).toBe(
      `Ready to push. State: "ready" is not a state Assembled knows (it knows available, busy, break, lunch, offline, meeting, training or on_call): sent as written, as a state of its own. Check it is the state's name on the platform.`,
    );
    // A name and a platform Assembled holds states by are known: nothing to say.
    expect(messages[4]).toBe('Ready to push.');

    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'state-names-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 3, invalid: 3 });
    expect(column(rt, sheet, 'Push status')).toEqual([
      'error',
      'ingested',
      'ingested',
      'error',
      'ingested',
      'error',
    ]);
    const sources = (who: typeof a) =>
      (sim.admin.org.states.get(who.agent_id) ?? [])
        .filter((s) => s.start_time >= at('09:00'))
        .map((s) => `${s.state}@${s.source}`);
    expect(sources(a)).toEqual(expect.arrayContaining(['available@zendesk support', 'ready@kustomer']));
    expect(sources(a).some((s) => s.includes('Zendesk Support'))).toBe(false);
    // The word on a name or platform sent as written stays beside Assembled's answer once pushed:
    // it went in silently when Push was pressed with no Validate, or put Validate's word away.
    const sent = column(rt, sheet, 'Push message') as string[];
    expect(sent[1]).toBe(
      'Accepted by Assembled for ingestion. Source: zendesk support is new to Assembled (written new: in the sheet): sent as written, as a platform of its own. Check it is spelled as the platform is.',
    );
    expect(sent[2]).toBe(
      `Accepted by Assembled for ingestion. State: "ready" is not a state Assembled knows (it knows available, busy, break, lunch, offline, meeting, training or on_call): sent as written, as a state of its own. Check it is the state's name on the platform.`,
    );
    expect(sent[4]).toBe('Accepted by Assembled for ingestion.');
  });

  it("are said in Push's Finished summary when pushed without Validate, and it is not the all-clear", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    await template(rt, 'agent_states', [
      stateRow(a.email, 'available', '9:00', 'five9'),
      stateRow(a.email, 'tea', '10:00', 'five9'),
      stateRow(a.email, 'new: nap', '11:00', 'new: pillow'),
    ]);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'state-names-finish'),
    );
    // As Validate would count them, in the past tense: an ingested state cannot be taken back.
    expect(pushed).toMatchObject({
      state: 'done',
      succeeded: 3,
      message:
        'Finished: 3 ingested, one of them sent a platform Assembled does not know (row 4: pillow), 2 of them sent states Assembled does not know (rows 3 and 4: tea and nap). See the Push status column.',
    });
    expect(pushTone(pushed)).toBe('info');
  });

  it('are a row to fix when Assembled knows no such platform, or the name is a near miss, until new: sends them', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const row = (state: string, from: string, source: string) => stateRow(a.email, state, from, source);
    const sheet = await template(rt, 'agent_states', [
      row('available', '9:00', 'fivenine'),
      row('snoozing', '10:00', 'five9'),
      row('brek', '11:00', 'five9'),
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 1, errors: 2 });
    expect(check.problems).toEqual([
      'Row 2: Source: "fivenine" is not a platform Assembled knows, so it is taken for a typo: write it as Assembled names it, such as five9, intercom, zendesk or salesforce. If it is a platform new to Assembled, write new: fivenine.',
      'Row 4: State: "brek" is not a state Assembled knows; did you mean "break"? If it is a state new to Assembled, write new: brek.',
    ]);
    // A name far from every known state is a platform's own: sent, with a word.
    expect((column(rt, sheet, 'Push message') as string[])[1]).toMatch(
      /^Ready to push\. State: "snoozing" is not a state Assembled knows \(it knows available, busy/,
    );
    // new: sends each as written after it, with a word to check the spelling.
    rt.workbook.write(sheet, [['new: fivenine']], { row: 2, column: 6 });
    rt.workbook.write(sheet, [['new: brek']], { row: 4, column: 2 });
    const again = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(again).toMatchObject({ ok: 3, errors: 0 });
    expect(validatedWords(again)).toBe(
      `3 OK, one of them sends a platform Assembled does not know (row 2: fivenine), 2 of them send states Assembled does not know (rows 3 and 4: snoozing and brek), 0 to fix, 0 already done, in "${sheet}". Nothing was sent.`,
    );
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages[0]).toBe(
      'Ready to push. Source: fivenine is new to Assembled (written new: in the sheet): sent as written, as a platform of its own. Check it is spelled as the platform is.',
    );
    expect(messages[2]).toBe(
      `Ready to push. State: brek is new to Assembled (written new: in the sheet): sent as written, as a state of its own. Check it is the state's name on the platform.`,
    );
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'state-names-2'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 3 });
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested', 'ingested']);
    const at = Date.parse('2026-05-24T09:00:00-04:00') / 1000;
    const sent = (sim.admin.org.states.get(a.agent_id) ?? [])
      .filter((s) => [0, 1, 2].some((h) => s.start_time === at + h * 3600))
      .map((s) => `${s.state}@${s.source}`);
    expect(sent).toEqual(expect.arrayContaining(['available@fivenine', 'snoozing@five9', 'brek@five9']));
    expect(sent.some((s) => s.includes('new:'))).toBe(false);
  });

  it('say every problem of a row to fix at once: an overlap with a state Assembled holds, and the name and platform', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    holdState(sim, a.agent_id, 'held-five9', 'busy', '09:30', '09:40', 'five9');
    holdState(sim, a.agent_id, 'held-acme', 'busy', '09:30', '09:40', 'acme');
    const row = (state: string, from: string, to: string, source: string) =>
      stateRow(a.email, state, from, source, to);
    await template(rt, 'agent_states', [
      row('snoozing', '9:25', '9:45', 'five9'),
      row('snoozing', '9:25', '9:45', 'Five9 Voice'),
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 0, errors: 2 });
    const overlap =
      /^Row 2: Start and End: overlap a state Assembled holds for this agent on five9: busy from 2026-05-24 09:30 to 09:40\..* otherwise correct this row's times\. /;
    const snoozing = `State: "snoozing" is not a state Assembled knows (it knows available, busy, break, lunch, offline, meeting or training): once fixed, it is sent as written, as a state of its own. Check it is the state's name on the platform.`;
    expect(check.problems[0]).toMatch(overlap);
    expect(check.problems[0]?.endsWith(snoozing)).toBe(true);
    expect(check.problems[1]).toBe(
      `Row 3: Source: "Five9 Voice" is not a platform Assembled knows; did you mean "five9"? If it is a platform new to Assembled, write new: five9 voice. ${snoozing}`,
    );
  });

  it('say every problem of a row whose name is a near miss too: its platform, and overlaps', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    // Assembled holds a busy state for b on zendesk.
    holdState(sim, b.agent_id, 'held-zendesk', 'busy', '13:40', '13:55', 'zendesk');
    await template(rt, 'agent_states', [
      stateRow(a.email, 'brek', '10:00', 'fivenine', '10:15'),
      stateRow(b.email, 'brek', '13:45', 'zendesk', '13:50'),
      stateRow(a.email, 'available', '11:00', 'five9', '11:20'),
      stateRow(a.email, 'brek', '11:10', 'five9', '11:30'),
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 0, errors: 4 });
    const brek =
      'State: "brek" is not a state Assembled knows; did you mean "break"? If it is a state new to Assembled, write new: brek.';
    const [first, second, third, fourth] = check.problems;
    // Said once, with the platform's typo.
    expect(first).toBe(
      `Row 2: ${brek} Source: "fivenine" is not a platform Assembled knows, so it is taken for a typo: write it as Assembled names it, such as five9, intercom, zendesk or salesforce. If it is a platform new to Assembled, write new: fivenine.`,
    );
    expect(second).toMatch(
      /^Row 3: State: "brek" .*write new: brek\. Start and End: overlap a state Assembled holds for this agent on zendesk: busy from 2026-05-24 13:40 to 13:55\./,
    );
    expect(second?.split('did you mean')).toHaveLength(2);
    expect(third).toMatch(/^Row 4: End: overlaps row 5, a state of the same agent/);
    expect(fourth).toMatch(/^Row 5: State: "brek" .*write new: brek\. Start: overlaps row 4/);
  });

  it('name the row that writes a name new:, and take a near miss of it for a typo of it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const row = (state: string, from: string, source: string) => stateRow(a.email, state, from, source);
    const sheet = await template(rt, 'agent_states', [
      row('available', '9:00', 'new: acme'),
      row('available', '10:00', 'acme'),
      row('available', '11:00', 'acmee'),
      row('new: coffee', '12:00', 'five9'),
      row('coffee', '13:00', 'five9'),
      row('cofee', '14:00', 'five9'),
    ]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 4, errors: 2 });
    expect(check.problems).toEqual([
      'Row 4: Source: "acmee" is not a platform Assembled knows; did you mean "acme"? If it is a platform new to Assembled, write new: acmee.',
      `Row 7: State: "cofee" is not a state Assembled knows; did you mean "coffee"? Assembled counts time by the state's name. If it is a state new to Assembled, write new: cofee.`,
    ]);
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages[0]).toMatch(
      /^Ready to push\. Source: acme is new to Assembled \(written new: in the sheet\)/,
    );
    expect(messages[1]).toMatch(
      /^Ready to push\. Source: acme is new to Assembled \(row 2 writes new: acme\): sent/,
    );
    expect(messages[4]).toMatch(
      /^Ready to push\. State: coffee is new to Assembled \(row 5 writes new: coffee\): sent/,
    );
  });
});
