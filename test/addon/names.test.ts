// Issue 14 item 10: names, not ids. Every id a pulled sheet carries has its name right beside it,
// each list of names read once per pull; the agent picker tells apart people who share a name.
import { beforeAll, describe, expect, it } from 'vitest';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { Choice } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `names-key-${String(++keys).padStart(6, '0')}`;

describe('names beside ids', () => {
  let addon: LocalAddon;
  beforeAll(async () => {
    addon = await startLocalAddon({ dialect: 'live' });
  });

  async function pull(resource: string, range = false) {
    const { rt, sim } = addon;
    const before = { ...sim.stats().byRoute };
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource },
        ...(range ? { range: { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' } } : {}),
        target: { kind: 'new_sheet', name: resource },
        mode: 'replace',
      },
      key(),
    );
    expect(job.state).toBe('done');
    const [header = [], ...rows] = rt.workbook.values(resource) as string[][];
    const reads = (route: string) => (sim.stats().byRoute[route] ?? 0) - (before[route] ?? 0);
    return { header, rows, reads, at: (h: string) => header.indexOf(h) };
  }

  it("people: each of a person's role, site, teams and queues is named beside its ids, people read once", async () => {
    const { rows, reads, at } = await pull('people');
    const { org } = addon.sim.admin;
    const nameOf = new Map(
      [...org.roles, ...org.sites, ...org.teams, ...org.queues].map((x) => [x.id, x.name] as const),
    );
    for (const [ids, names] of [
      ['Role ID', 'Role name'],
      ['Role IDs', 'Role names'],
      ['Site ID', 'Site name'],
      ['Team IDs', 'Team names'],
      ['Queue IDs', 'Queue names'],
    ]) {
      expect(at(names as string)).toBe(at(ids as string) + 1);
      for (const r of rows) {
        const expected = String(r[at(ids as string)])
          .split(', ')
          .filter(Boolean)
          .map((id) => nameOf.get(id) ?? '')
          .join(', ');
        expect(r[at(names as string)]).toBe(expected);
      }
    }
    expect(rows.some((r) => r[at('Team names')] !== '')).toBe(true);
    // The people list is read once, though both the rows and their agents' names come from it.
    expect(reads('GET /v0/people')).toBe(1);
  });

  it('agent states and time off: agent and approver named beside their ids', async () => {
    const states = await pull('agent_states', true);
    expect(states.header.slice(0, 2)).toEqual(['Agent ID', 'Agent name']);
    expect(states.rows.every((r) => String(r[1]).length > 0)).toBe(true);
    const timeOff = await pull('time_off_requests');
    expect(timeOff.at('Agent name')).toBe(timeOff.at('Agent ID') + 1);
    expect(timeOff.at('Approver name')).toBe(timeOff.at('Approver ID') + 1);
    const approved = timeOff.rows.filter((r) => r[timeOff.at('Approver ID')] !== '');
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.every((r) => String(r[timeOff.at('Approver name')]).length > 0)).toBe(true);
  });

  it('requirements and requirement types: their types named beside the ids', async () => {
    const req = await pull('requirements', true);
    expect(req.at('Requirement type name')).toBe(req.at('Requirement type ID') + 1);
    // The range asked for, in the sheet's days (New York), not the UTC day Assembled answers unasked.
    const starts = req.rows.map((r) => (r[req.at('Start')] as unknown as Date).getTime());
    expect(new Date(Math.min(...starts)).toISOString()).toBe('2026-05-22T04:00:00.000Z');
    expect(Math.max(...starts)).toBeLessThan(Date.parse('2026-05-23T04:00:00Z'));
    expect(req.rows.every((r) => String(r[req.at('Requirement type name')]).length > 0)).toBe(true);
    const types = await pull('requirement_types');
    expect(types.at('Activity type names')).toBe(types.at('Activity type IDs') + 1);
    expect(types.rows.every((r) => String(r[types.at('Activity type names')]).length > 0)).toBe(true);
  });

  it("the header note marks each name column as the add-on's, looked up from its ids, and tells a person's two role columns apart", async () => {
    const { rt } = addon;
    const columns = (sheet: string) => (rt.workbook.notes(sheet)[0]?.[0] ?? '').split('\n');
    await pull('people');
    expect(columns('people')).toEqual(
      expect.arrayContaining([
        'Role ID = role',
        'Role name = name of role, looked up by the add-on',
        'Role IDs = roles',
        'Role names = names of roles, looked up by the add-on',
        'Site name = name of site, looked up by the add-on',
        'Team names = names of teams, looked up by the add-on',
        'Queue names = names of queues, looked up by the add-on',
        "Role ID and Role name are Assembled's role field, a single role; Role IDs and Role names are its roles field, every role the person has. A person with several roles has one in Role ID and all of them in Role IDs: to find everyone with a role, look in Role IDs.",
      ]),
    );
    await pull('time_off_requests');
    expect(columns('time_off_requests')).toEqual(
      expect.arrayContaining([
        'Agent name = name of agent_id, looked up by the add-on',
        'Approver name = name of approver_id, looked up by the add-on',
      ]),
    );
    await pull('teams');
    expect(columns('teams')).toContain('Parent name = name of parent_id, looked up by the add-on');
    await pull('activities', true);
    expect(columns('activities')).toEqual(
      expect.arrayContaining([
        'Agent name = name of agent_id, looked up by the add-on',
        'Activity type = name of type_id, looked up by the add-on',
      ]),
    );
    // The live timeline names its agents itself; the add-on looks a name up only where a reply has none.
    await pull('condensed_timeline', true);
    expect(columns('condensed_timeline')).toContain(
      'Agent name = agent_name, as Assembled sends it (where a reply has none, the name of agent_id, looked up by the add-on)',
    );
    for (const sheet of ['people', 'time_off_requests', 'teams', 'activities', 'condensed_timeline'])
      expect(
        columns(sheet).filter((line) =>
          / = ((agent|approver|site|team|queue|role|parent)_names?|activity_type)$/.test(line),
        ),
      ).toEqual([]);
  });

  it('the agent picker tells apart people who share a name by their email', async () => {
    const { rt, sim } = addon;
    const choices = await rt.callFromSidebar<Choice[]>('listChoices', 'agents');
    const people = sim.admin.org.people;
    const full = (p: (typeof people)[number]) => `${p.first_name} ${p.last_name}`;
    const shared = people.filter((p) => people.filter((q) => full(q) === full(p)).length > 1);
    expect(shared.length).toBeGreaterThan(1);
    for (const p of shared) {
      expect(choices.find((c) => c.id === p.agent_id)?.name).toBe(`${full(p)} (${p.email})`);
    }
    // Every label is one person's: no two choices read alike.
    expect(new Set(choices.map((c) => c.name)).size).toBe(choices.length);
    const alone = people.find((p) => !shared.includes(p) && p.agent_id);
    expect(choices.find((c) => c.id === alone?.agent_id)?.name).toBe(full(alone as (typeof people)[number]));
  });
  it('the team, site and queue pickers know which each sits under', async () => {
    const { rt, sim } = addon;
    for (const [kind, list] of [
      ['teams', sim.admin.org.teams],
      ['sites', sim.admin.org.sites],
      ['queues', sim.admin.org.queues],
    ] as const) {
      const choices = await rt.callFromSidebar<Choice[]>('listChoices', kind);
      expect(choices.some((c) => c.parent)).toBe(true);
      for (const x of list) expect(choices.find((c) => c.id === x.id)?.parent).toBe(x.parent_id ?? undefined);
    }
  });
});
