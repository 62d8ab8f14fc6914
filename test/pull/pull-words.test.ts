import { describe, expect, it } from 'vitest';
import { filterWords } from '../../src/core/pull/pull-words';

describe("a pull's filters in words", () => {
  it('counts each list and names each choice; nothing without filters', () => {
    expect(filterWords({})).toBe('');
    expect(filterWords({ team_ids: [] })).toBe('');
    expect(
      filterWords({ queue_ids: ['q1', 'q2'], team_ids: ['t1'], channel: 'email', schedule_id: 'sch_master' }),
    ).toBe('filtered: 2 queues, 1 team, channel email, schedule sch_master');
    expect(filterWords({ agent_ids: ['a'], status: 'approved', priority_order: 'five9,zendesk' })).toBe(
      'filtered: 1 agent, status approved, platforms five9,zendesk',
    );
  });
});

describe('filter lists named as the sidebar listed them', () => {
  it('names a list with a name for each id, in the order chosen', () => {
    expect(filterWords({ team_ids: ['t1'] }, { team_ids: ['Tier 2'] })).toBe('filtered: team "Tier 2"');
    expect(
      filterWords(
        { queue_ids: ['q1', 'q2', 'q3'], agent_ids: ['a1', 'a2'] },
        { queue_ids: ['Email', 'Chat', 'Phone'], agent_ids: ['Ava Smith', 'Bo Li'] },
      ),
    ).toBe('filtered: queues "Email", "Chat" and "Phone", agents "Ava Smith" and "Bo Li"');
  });

  it('counts a list longer than a card names, though its names were kept (the header note says them)', () => {
    const ids = ['t1', 't2', 't3', 't4'];
    expect(filterWords({ team_ids: ids }, { team_ids: ['A', 'B', 'C', 'D'] })).toBe('filtered: 4 teams');
  });

  it('counts a list whose names do not match its ids one for one', () => {
    // Names saved for fewer ids (a list changed by hand, or too long to name) say nothing wrong.
    expect(filterWords({ team_ids: ['t1', 't2'] }, { team_ids: ['Tier 2'] })).toBe('filtered: 2 teams');
    expect(filterWords({ team_ids: ['t1'] }, { site_ids: ['Austin'] })).toBe('filtered: 1 team');
  });
});
