import { describe, expect, it } from 'vitest';
import { namesOf, splitFilters, tickedAway } from '../../src/core/pull/left-filters';

describe("the filters of the sheet's pull, left behind for other Data", () => {
  const pulled = { agent_ids: ['a1', 'a2', 'a3', 'a4'], status: 'approved' as const };

  it("splits a list by id: the pull's ids left behind, those ticked since the person's own", () => {
    expect(splitFilters({ agent_ids: ['a1', 'a3', 'a9'], queue_ids: ['q1'] }, pulled)).toEqual({
      own: { agent_ids: ['a9'], queue_ids: ['q1'] },
      left: { agent_ids: ['a1', 'a3'] },
    });
  });

  it("leaves a single value behind only as the pull had it: another is the person's", () => {
    expect(splitFilters({ status: 'approved' }, pulled)).toEqual({ own: {}, left: { status: 'approved' } });
    expect(splitFilters({ status: 'denied' }, pulled)).toEqual({ own: { status: 'denied' }, left: {} });
  });

  it("back on the sheet's data, finds what was ticked for the other data that the sheet's data takes", () => {
    const had = { agent_ids: ['a1', 'a2', 'a9'] };
    const now = { agent_ids: ['a9', 'a5'], queue_ids: ['q1'], channel: 'email' as const };
    expect(tickedAway(now, had, ['agent_ids', 'queue_ids'])).toEqual({
      agent_ids: ['a5'],
      queue_ids: ['q1'],
    });
    expect(tickedAway({ agent_ids: ['a1'] }, had, ['agent_ids'])).toEqual({});
  });

  it('names the ids from whichever list knew them, or none for a list with one unknown', () => {
    const known = [
      { filters: { agent_ids: ['a9', 'a1'] }, names: { agent_ids: ['Nine', 'One'] } },
      { filters: pulled, names: { agent_ids: ['One', 'Two', 'Three', 'Four'] } },
    ];
    expect(namesOf({ agent_ids: ['a2', 'a9'] }, known)).toEqual({ agent_ids: ['Two', 'Nine'] });
    expect(namesOf({ agent_ids: ['a2', 'a7'] }, known)).toEqual({});
  });
});
