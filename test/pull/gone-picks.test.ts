import { describe, expect, it } from 'vitest';
import type { AssembledClient } from '../../src/core/assembled/client';
import { findGone, goneWords, inForce } from '../../src/core/pull/gone-picks';

const spec = {
  filters: { queue_ids: ['q1', 'q2', 'q3'], agent_ids: ['a1', 'a2'], channel: 'chat' as const },
  filterNames: { queue_ids: ['VIP', 'Billing', 'Chat'], agent_ids: ['Ana', 'Bo'] },
};

describe('picks Assembled no longer has', () => {
  it('are found in the lists picked from, and only those lists are read', () => {
    const read: string[] = [];
    const list = (name: string, items: object[]) => () => {
      read.push(name);
      return items;
    };
    const client = {
      listQueues: list('queues', [{ id: 'q2' }, { id: 'q3' }]),
      listPeople: list('people', [{ agent_id: 'a1' }, { agent_id: null }, { agent_id: 'a2' }]),
      listTeams: list('teams', []),
    } as unknown as AssembledClient;
    expect(findGone(client, spec.filters)).toEqual({ queue_ids: ['q1'] });
    expect(read).toEqual(['queues', 'people']);
  });

  it('are left out with their names; a list left with none matches nothing', () => {
    expect(inForce(spec, { queue_ids: ['q1', 'q3'] })).toEqual({
      filters: { ...spec.filters, queue_ids: ['q2'] },
      filterNames: { ...spec.filterNames, queue_ids: ['Billing'] },
    });
    expect(inForce(spec, {})).toEqual(spec);
    expect(inForce(spec, { agent_ids: ['a2', 'a1'] })).toBeUndefined();
    // Names not kept for every id are not paired up by position.
    const unnamed = { ...spec, filterNames: { queue_ids: ['VIP'] } };
    expect(inForce(unnamed, { queue_ids: ['q1'] })?.filterNames).toEqual({});
  });

  it('are said by name, or by id where no name was kept, a sentence a list', () => {
    expect(goneWords(spec, { queue_ids: ['q1'] })).toBe(
      'The queue "VIP" picked under Filters is no longer in Assembled: no rows for it.',
    );
    expect(goneWords(spec, { queue_ids: ['q1', 'q3'], agent_ids: ['a2'] }, true)).toBe(
      `The queues "VIP" and "Chat" in the refresh's filters are no longer in Assembled: no rows for them. The agent "Bo" in the refresh's filters is no longer in Assembled: no rows for them.`,
    );
    const many = { filters: { team_ids: ['t1', 't2', 't3', 't4', 't5'] } };
    expect(goneWords(many, { team_ids: ['t1', 't2', 't3', 't4', 't5'] })).toBe(
      'The teams ID t1, ID t2, ID t3 and 2 more picked under Filters are no longer in Assembled: no rows for them.',
    );
    expect(goneWords(spec, {})).toBe('');
  });
});
