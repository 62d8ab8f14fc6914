// Validate and a push read what Assembled holds agent by agent (up to 5 agents). A list of an
// agent's states carries no total, so a first page shorter than asked may be the last or all the
// server puts in a page: each agent's read asked the next offset too, two requests an agent. The
// client now remembers, for the execution, the longest page the endpoint has given (and once
// asks everyone's states, a wider list, to learn it): a shorter first page is the last, one request.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

type Agent = { email: string; agent_id: string };
const state = (who: Agent, name: string, start: string, end: string) => [
  who.email,
  name,
  '',
  start,
  end,
  'kustomer',
];

describe.skipIf(!built)('agent states read agent by agent', () => {
  it('five agents cost Validate and the push one request each, and one for everyone, not two each', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email).slice(0, 5);
    expect(agents).toHaveLength(5);
    const reads = () => sim.stats().byRoute['GET /v0/agents/state'] ?? 0;
    const rows = agents.map((a, i) => state(a, 'available', `2026-05-2${i} 09:00`, `2026-05-2${i} 10:00`));
    await template(rt, 'agent_states', rows);

    const before = reads();
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 5, errors: 0 });
    // Each agent's first page (1 state in its hour, short of the 500 asked), and everyone's states
    // over the first agent's hour, longer: that page size is the server's, so the shorter pages were
    // the last (10 before: each agent's page and the next offset).
    expect(reads() - before).toBe(6);

    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'page-size-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 5 });
    expect(reads() - before).toBe(12);
  });

  it("with the server's page size below the limit (pageMax), no state is missed: one past the first page is found", async () => {
    const pageMax = 3;
    const { rt, sim } = await startLocalAddon({ dialect: 'live', simulator: { pageMax } });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    // b's day, one state an hour, pushed first: Assembled then holds more of b's states that day
    // than a page.
    const day = Array.from({ length: 8 }, (_, i) =>
      state(b, 'available', `2026-05-24 ${9 + i}:00`, `2026-05-24 ${10 + i}:00`),
    );
    await template(rt, 'agent_states', day);
    const first = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'page-max-1'),
    );
    expect(first).toMatchObject({ state: 'done', succeeded: 8 });
    const held = (sim.admin.org.states.get(b.agent_id) ?? []).filter(
      (s) =>
        s.start_time < Date.parse('2026-05-24T21:00:00Z') / 1000 &&
        (s.end_time ?? 0) > Date.parse('2026-05-24T13:00:00Z') / 1000,
    );
    expect(held.length).toBeGreaterThan(pageMax);

    // a's one state in an hour comes first: its page is short, and ends its list. Then b's first row
    // and the last of b's day again, which Assembled holds past the first page b's read gets.
    const again = [
      state(a, 'available', '2026-05-23 09:00', '2026-05-23 10:00'),
      state(b, 'meeting', '2026-05-24 08:00', '2026-05-24 09:00'),
      day[7] as unknown[],
    ];
    await template(rt, 'agent_states', again);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 2, errors: 1 });
    expect(check.problems).toEqual([expect.stringMatching(/^Row 4: Already in Assembled: not sent/)]);
  });
});
