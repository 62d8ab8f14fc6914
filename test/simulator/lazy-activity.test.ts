// The demo org's activity is generated when first needed, yet it is the activity of the org as it
// was created: what happened to the org before (people changed, ids drawn) does not change it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../dev/simulator/org';

const T0 = Date.parse('2026-05-25T12:00:00Z');
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Enough of the activity to tell two generations apart (every id comes from the same stream, and
 * the draws follow the people): a direct comparison of 150,000 records is slow, and so is its diff.
 */
function fingerprint(org: ReturnType<typeof createOrg>) {
  const states = [...org.states.values()];
  return {
    timeOff: org.timeOff.map((t) => `${t.id} ${t.agent_id} ${t.start_time}`),
    tickets: [org.tickets.length, org.tickets[0]?.id, org.tickets.at(-1)?.id],
    states: [
      states.length,
      states.reduce((n, s) => n + s.length, 0),
      states[0]?.[0]?.id,
      states.at(-1)?.at(-1)?.id,
    ],
    schedules: [...org.schedules.entries()].map(([agent, s]) => `${agent} ${s.length} ${s[0]?.start}`),
    conversations: org.conversations.map((c) => c.id),
  };
}

describe('the demo org’s activity', () => {
  let untouched: ReturnType<typeof fingerprint>;
  beforeAll(async () => {
    untouched = fingerprint(createOrg(3, T0));
    await turn();
  });

  it('is the same when people change before it is first read', () => {
    const changed = createOrg(3, T0);
    const [first, second] = changed.people.filter((p) => p.staffable && !p.deleted);
    if (!first || !second) throw new Error('The demo org has no agents');
    changed.people.push({ ...first, id: 'twin', agent_id: 'twin-agent', email: 'twin@example.com' });
    second.deleted = true;
    second.channels.push('phone');
    changed.queues.reverse();
    expect(fingerprint(changed)).toEqual(untouched);
  });

  it('keeps its ids when a new id was drawn first, and the new id differs from all of them', () => {
    const drawn = createOrg(3, T0);
    const id = drawn.newId();
    expect(fingerprint(drawn)).toEqual(untouched);
    expect(drawn.tickets.some((t) => t.id === id)).toBe(false);
    expect(drawn.states.size).toBeGreaterThan(50);
  });
});
