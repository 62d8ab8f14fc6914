// An agent state's Source is a platform, sent as Assembled spells it, as an association's is
// (platforms.ts): as its people hold IDs on it, in a push's later runs too. The simulator keeps a
// state's platform as written, so "AirCall" would be another platform than "aircall".
import { describe, expect, it } from 'vitest';
import { advancePush, startPush, validateSheet } from '../../src/core/push/run-push';
import { drive, pushSetup } from './support';

const HEADER = ['Agent', 'State', 'Start', 'End', 'Source'];

describe("an agent state's Source", () => {
  it("is sent as Assembled's people spell the platform, whatever case the row is in", () => {
    const s = pushSetup({ dialect: 'live' });
    const [agent, holder] = s.agents;
    if (!agent || !holder) throw new Error('no agents');
    holder.platforms.aircall = 'ac-1';
    const at = (hour: number) => `2026-05-25 0${hour}:00`;
    const row = (hour: number, source: string) => [agent.email, 'busy', at(hour), at(hour + 1), source];
    const sources = () =>
      (s.org.states.get(agent.agent_id ?? '') ?? [])
        .filter((st) => /aircall/i.test(st.source))
        .map((st) => st.source);

    const ref = s.addSheet('States', [HEADER, row(6, 'AirCall')]);
    expect(validateSheet(s.deps, 'agent_states', ref)).toMatchObject({ ok: 1, errors: 0 });
    const id = startPush(s.deps, 'agent_states', ref, 'state-source-1').id;
    // A first run with no time left fixes the rows and sends none; a later one sends it.
    expect(advancePush(s.deps, id, s.clock.now() + 1)).toMatchObject({ state: 'running', done: 0 });
    expect(drive(s, id).job).toMatchObject({ state: 'done', succeeded: 1 });
    expect(sources()).toEqual(['aircall']);

    // The same state in another case is the one Assembled holds: found, and not sent again.
    const again = s.addSheet('Again', [HEADER, row(6, 'AIRCALL')]);
    expect(validateSheet(s.deps, 'agent_states', again)).toMatchObject({
      ok: 0,
      errors: 1,
      problems: [expect.stringMatching(/^Row 2: Already in Assembled: not sent\./)],
    });
  });
});
