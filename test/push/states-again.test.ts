// Agent states pushed again from a second sheet (yesterday's import re-run from a copy), through the
// built bundle: a row the very same as a state Assembled holds is not sent, and says so, in Validate
// and Push (what a row leaves out, an End or a Source, matching anything); Assembled is asked once
// per agent a push or a Validate ingests states for, and once for everyone's states over the first
// agent's span, whose longer page shows the agents' shorter pages were the last (paging.ts); or, past
// a few agents, once for everyone (a page shorter than asked, and the next offset, to be sure).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { MAX_AGENT_QUERIES } from '../../src/core/push/agent-reads';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('agent states Assembled holds already', () => {
  it('are not ingested again from another sheet, and Validate says so first', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    const state = (who: typeof a, name: string, hour: number, source = 'kustomer') => [
      who.email,
      name,
      '',
      `2026-05-24 ${hour}:00`,
      `2026-05-24 ${hour + 1}:00`,
      source,
    ];
    const first = [
      state(a, 'available', 9),
      state(a, 'break', 10),
      state(b, 'available', 11),
      state(b, 'lunch', 12),
    ];
    const reads = () => sim.stats().byRoute['GET /v0/agents/state'] ?? 0;
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    await template(rt, 'agent_states', first);
    expect(await push('states-again-1')).toMatchObject({ state: 'done', succeeded: 4 });

    // Two of the same rows in a sheet of their own, with a new one and one from another source.
    const again = [first[0], first[3], state(a, 'meeting', 14), state(b, 'lunch', 12, 'zendesk')];
    const sheet = await template(rt, 'agent_states', again as unknown[][]);
    const said = (row: number) =>
      `Row ${row}: Already in Assembled: not sent. Assembled holds this very state already (the same agent, State, Start, End and Source), ingested or placed by a state edit; sent again, it would be kept twice and the agent's time counted twice. Delete this row.`;
    const before = reads();
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 2, errors: 2, problems: [said(2), said(3)] });
    // One read for each of the two agents, and one of everyone's over the first agent's span.
    expect(reads() - before).toBe(3);

    const pushed = await push('states-again-2');
    expect(pushed).toMatchObject({ state: 'done', succeeded: 2, invalid: 2 });
    expect(reads() - before).toBe(6);
    expect(column(rt, sheet, 'Push status')).toEqual(['error', 'error', 'ingested', 'ingested']);
    expect(column(rt, sheet, 'Push message')[0]).toBe(said(2).replace('Row 2: ', ''));
    // Assembled holds each state once.
    const held = (agent: string, start: string) =>
      (sim.admin.org.states.get(agent) ?? []).filter(
        (s) => s.start_time === Date.parse(start) / 1000 && s.source === 'kustomer',
      ).length;
    expect(held(a.agent_id, '2026-05-24T13:00:00Z')).toBe(1);
    expect(held(b.agent_id, '2026-05-24T16:00:00Z')).toBe(1);
  });

  it('past a few agents, are looked for in one read of everyone, however many agents there are', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people
      .filter((p) => !p.deleted && p.staffable && p.email)
      .slice(0, MAX_AGENT_QUERIES * 4);
    if (agents.length < MAX_AGENT_QUERIES * 4) throw new Error('too few agents');
    const state = (who: (typeof agents)[number], name: string, hour: number) => [
      who.email,
      name,
      '',
      `2026-05-24 ${hour}:00`,
      `2026-05-24 ${hour + 1}:00`,
      'kustomer',
    ];
    const reads = () => sim.stats().byRoute['GET /v0/agents/state'] ?? 0;
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    const first = agents.map((a) => state(a, 'available', 9));
    await template(rt, 'agent_states', first);
    expect(await push('states-many-1')).toMatchObject({ state: 'done', succeeded: agents.length });

    // Each agent's state again, and a new one each.
    const again = [...first, ...agents.map((a) => state(a, 'meeting', 14))];
    const sheet = await template(rt, 'agent_states', again);
    // Everyone's states over the span the rows cover (9:00 to 15:00 in New York): pages of the 500
    // asked up to one short of it, and the next offset, asked to be sure it was the last.
    const [from, to] = [Date.parse('2026-05-24T13:00:00Z') / 1000, Date.parse('2026-05-24T19:00:01Z') / 1000];
    const overlapping = [...sim.admin.org.states.values()]
      .flat()
      .filter((s) => s.start_time < to && (s.end_time === null || s.end_time > from)).length;
    expect(overlapping).toBeGreaterThan(agents.length);
    const requests = Math.floor(overlapping / 500) + 2;
    expect(requests).toBeLessThan(agents.length);
    const before = reads();
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: agents.length, errors: agents.length });
    expect(reads() - before).toBe(requests);

    const pushed = await push('states-many-2');
    expect(pushed).toMatchObject({ state: 'done', succeeded: agents.length, invalid: agents.length });
    expect(reads() - before).toBe(2 * requests);
    const status = column(rt, sheet, 'Push status');
    expect(status.slice(0, agents.length).every((s) => s === 'error')).toBe(true);
    expect(status.slice(agents.length).every((s) => s === 'ingested')).toBe(true);
  });

  it('what a row leaves out matches anything: an open state (looked for over a second) and no Source', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b || !c) throw new Error('no agents');
    const row = (who: typeof a, name: string, start: string, end: string, source = 'kustomer') => [
      who.email,
      name,
      '',
      `2026-05-24 ${start}`,
      end && `2026-05-24 ${end}`,
      source,
    ];
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    const validate = async (rows: unknown[][]) => {
      await template(rt, 'agent_states', rows);
      return rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    };
    const said = (row: number) =>
      expect.stringMatching(new RegExp(`^Row ${row}: Already in Assembled: not sent.`));
    await template(rt, 'agent_states', [
      // a's open state is closed at 10:00 by the next; b's stays open; c's is sent with no Source.
      row(a, 'available', '9:00', ''),
      row(a, 'break', '10:00', '11:00'),
      row(b, 'break', '8:00', '8:30'),
      row(b, 'available', '9:00', ''),
      row(c, 'available', '9:00', '10:00', ''),
    ]);
    expect(await push('states-open-1')).toMatchObject({ state: 'done', succeeded: 5 });
    const held = (who: typeof a) => sim.admin.org.states.get(who.agent_id) ?? [];
    expect(held(a).map((s) => s.end_time)).toContain(Date.parse('2026-05-24T14:00:00Z') / 1000);
    expect(held(b).map((s) => s.end_time)).toContain(null);
    expect(held(c).map((s) => s.source)).not.toContain('kustomer');

    // An open row is the state Assembled closed since (a's later row sets the span: no second needed).
    const closed = await validate([row(a, 'available', '9:00', ''), row(a, 'lunch', '12:00', '13:00')]);
    expect(closed).toMatchObject({ ok: 1, errors: 1, problems: [said(2)] });
    // b's open row alone: Assembled is asked over a second from its start, not an empty span.
    const open = await validate([row(b, 'available', '9:00', '')]);
    expect(open).toMatchObject({ ok: 0, errors: 1, problems: [said(2)] });
    // A row with no Source is the state Assembled gave one.
    const sourceless = await validate([row(c, 'available', '9:00', '10:00', '')]);
    expect(sourceless).toMatchObject({ ok: 0, errors: 1, problems: [said(2)] });
  });
});
