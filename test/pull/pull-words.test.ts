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
