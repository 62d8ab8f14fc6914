import { describe, expect, it } from 'vitest';
import { joinFilters, namesOf, splitFilters } from '../../src/core/pull/left-filters';

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

  it("brings them back beside what was chosen since; a single value chosen since is the person's", () => {
    expect(
      joinFilters(
        { agent_ids: ['a9', 'a1'], queue_ids: ['q1'], status: 'denied' },
        { agent_ids: ['a1', 'a2'], status: 'approved' },
      ),
    ).toEqual({ agent_ids: ['a1', 'a2', 'a9'], queue_ids: ['q1'], status: 'denied' });
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
