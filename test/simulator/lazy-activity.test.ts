// The demo org's activity is generated when first needed, yet it is the activity of the org as it
// was created: what happened to the org before (people changed, ids drawn) does not change it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOrg } from '../../dev/simulator/org';

const T0 = Date.parse('2026-05-25T12:00:00Z');

/** A digest of the activity: comparing 150,000 records directly makes a failure's diff take minutes. */
function activity(org: ReturnType<typeof createOrg>): Record<string, string> {
  const parts = {
    states: [...org.states.entries()],
    schedules: [...org.schedules.entries()],
    tickets: org.tickets,
    timeOff: org.timeOff,
    timeOffUpdates: org.timeOffUpdates,
    conversations: org.conversations,
  };
  return Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, createHash('sha256').update(JSON.stringify(v)).digest('hex')]),
  );
}

describe('the demo org’s activity', () => {
  it('is the same when people change before it is first read', () => {
    const untouched = activity(createOrg(3, T0));
    const changed = createOrg(3, T0);
    const [first, second] = changed.people.filter((p) => p.staffable && !p.deleted);
    if (!first || !second) throw new Error('The demo org has no agents');
    changed.people.push({ ...first, id: 'twin', agent_id: 'twin-agent', email: 'twin@example.com' });
    second.deleted = true;
    second.channels.push('phone');
    changed.queues.reverse();
    expect(activity(changed)).toEqual(untouched);
  });

  it('keeps its ids when a new id was drawn first, and the new id differs from all of them', () => {
    const untouched = activity(createOrg(3, T0));
    const drawn = createOrg(3, T0);
    const id = drawn.newId();
    expect(activity(drawn)).toEqual(untouched);
    expect(drawn.tickets.some((t) => t.id === id)).toBe(false);
    expect(drawn.states.size).toBeGreaterThan(50);
    expect(drawn.newId()).not.toBe(id);
  });
});
