import { describe, expect, it } from 'vitest';
import { filtersNoted, filterWords, notedFilter } from '../../src/core/pull/pull-words';

describe("a pull's filters in words", () => {
  it('counts each list and names each choice; nothing without filters', () => {
    expect(filterWords({})).toBe('');
    expect(filterWords({ team_ids: [] })).toBe('');
    expect(
      filterWords({ queue_ids: ['q1', 'q2'], team_ids: ['t1'], channel: 'email', schedule_id: 'sch_master' }),
    ).toBe('filtered: 2 queues, 1 team, agents on channel email, schedule sch_master');
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

// QA: the note's line led with the raw key and id, Filters: team_ids=2796c04c-… ("Tier 1 EMEA").
describe("a pull's filters as its header note says them", () => {
  it('leads with the names a person knows, in the words of the log, then the ids', () => {
    const team = '2796c04c-7d1e-4d39-9b4a-5c1f0e2a9b11';
    expect(filtersNoted({ team_ids: [team] }, { team_ids: ['Tier 1 EMEA'] })).toEqual([
      `team "Tier 1 EMEA" (${team})`,
    ]);
    expect(
      filtersNoted(
        { queue_ids: ['q1', 'q2'], agent_ids: ['a1', 'a2'], channel: 'chat', schedule_id: 'sch_1' },
        { queue_ids: ['Billing', 'Returns'] },
      ),
    ).toEqual([
      'queues "Billing", "Returns" (q1,q2)',
      '2 agents (a1,a2)',
      'agents on channel chat',
      'schedule sch_1',
    ]);
    expect(filterWords({ team_ids: [team] }, { team_ids: ['Tier 1 EMEA'] })).toBe(
      'filtered: team "Tier 1 EMEA"',
    );
  });
});

// QA: "channel chat" read as the chat activities alone, beside Email, Break and Lunch rows: the
// channel picks the agents who work it, with all their activities.
describe('a channel picked', () => {
  it('is said as the agents on it, and read back from a note so or as notes said it before', () => {
    expect(filterWords({ channel: 'chat' })).toBe('filtered: agents on channel chat');
    expect(filtersNoted({ channel: 'chat' })).toEqual(['agents on channel chat']);
    expect(notedFilter('agents on channel chat')).toBe('channel');
    expect(notedFilter('channel chat')).toBe('channel');
    expect(notedFilter('agents "Ana" and "Bo" (a1,a2)')).toBe('agent_ids');
    expect(notedFilter('2 agents (a1,a2)')).toBe('agent_ids');
  });
});
