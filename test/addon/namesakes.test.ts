// People who share a name are told apart by e-mail, "Ava Smith (ava.smith@example.com)", in every
// sheet that names them, as the People sheet and the agent picker do: a pivot by name would add
// their rows together.
import { beforeAll, describe, expect, it } from 'vitest';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { Choice } from '../../src/core/pull/pull-view';
import { sheetFields } from '../support/sheet-fields';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `namesake-key-${String(++keys).padStart(6, '0')}`;

describe('namesakes told apart by e-mail', () => {
  let addon: LocalAddon;
  beforeAll(async () => {
    addon = await startLocalAddon({ dialect: 'live' });
  });

  /** The org's namesakes: agents whose full name someone else has too. */
  function namesakes() {
    const people = addon.sim.admin.org.people.filter((p) => p.agent_id);
    const full = (p: (typeof people)[number]) => `${p.first_name} ${p.last_name}`;
    return people.filter((p) => people.some((q) => q !== p && full(q) === full(p)));
  }

  /** Each agent id's Agent names in the sheet pulled. */
  async function namesPulled(resource: string, filters: object = {}) {
    const { rt } = addon;
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource },
        range: { kind: 'absolute', from: '2026-05-18', to: '2026-05-22' },
        filters,
        target: { kind: 'new_sheet', name: resource },
        mode: 'replace',
      },
      key(),
    );
    expect(job.state).toBe('done');
    const fields = sheetFields(rt, resource);
    const [, ...rows] = rt.workbook.values(resource) as string[][];
    const names = new Map<string, Set<string>>();
    for (const r of rows) {
      const id = String(r[fields.indexOf('agent_id')]);
      names.set(id, (names.get(id) ?? new Set()).add(String(r[fields.indexOf('agent_name')])));
    }
    return names;
  }

  it.each(['activities', 'condensed_timeline'])(
    '%s: each namesake named with their e-mail, as the agent picker names them',
    async (resource) => {
      const choices = await addon.rt.callFromSidebar<Choice[]>('listChoices', 'agents');
      const label = (agentId: string) => choices.find((c) => c.id === agentId)?.name;
      const shared = namesakes();
      expect(shared.length).toBeGreaterThan(1);
      const names = await namesPulled(resource);
      const pulled = shared.filter((p) => names.has(p.agent_id as string));
      expect(pulled.length).toBeGreaterThan(1);
      for (const p of pulled) {
        expect(label(p.agent_id as string)).toBe(`${p.first_name} ${p.last_name} (${p.email})`);
        expect([...(names.get(p.agent_id as string) ?? [])]).toEqual([label(p.agent_id as string)]);
      }
      // No two agents share an Agent name, so a pivot by name keeps them apart.
      const all = [...names.values()].flatMap((n) => [...n]);
      expect(new Set(all).size).toBe(all.length);
      // One namesake picked alone is named as picked, though the other's rows are not pulled.
      const one = pulled[1] as (typeof pulled)[number];
      const alone = await namesPulled(resource, { agent_ids: [one.agent_id] });
      expect([...alone.entries()].map(([id, n]) => [id, [...n]])).toEqual([
        [one.agent_id, [label(one.agent_id as string)]],
      ]);
    },
  );

  it("the schedule grid: a namesake's row is named with their e-mail, as the picker names them", async () => {
    const { rt } = addon;
    const choices = await rt.callFromSidebar<Choice[]>('listChoices', 'agents');
    const label = (agentId: string) => choices.find((c) => c.id === agentId)?.name;
    const drawn = await namesPulled('activities');
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource: 'schedule_grid' },
        range: { kind: 'absolute', from: '2026-05-18', to: '2026-05-22' },
        target: { kind: 'new_sheet', name: 'Grid' },
        mode: 'replace',
        gridMinutes: 30,
      },
      key(),
    );
    expect(job.state).toBe('done');
    const agents = (rt.workbook.values('Grid') as string[][]).slice(2).map((r) => String(r[1]));
    expect(agents.length).toBe(drawn.size);
    const shared = namesakes().filter((p) => drawn.has(p.agent_id as string));
    expect(shared.length).toBeGreaterThan(1);
    for (const p of shared) expect(agents).toContain(label(p.agent_id as string));
    // One row per agent, and no two read alike.
    expect(new Set(agents).size).toBe(agents.length);
  });
});
