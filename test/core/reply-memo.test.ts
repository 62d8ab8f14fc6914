// A list read through a memo of its replies (staged-replies.ts) stops between batches when its
// time is up, and a later read over the same staging is answered from it, sending only the rest.
import { describe, expect, it } from 'vitest';
import { TurnOver } from '../../src/core/assembled/reply-memo';
import type { HttpRequest } from '../../src/core/ports';
import { StagedReplies } from '../../src/core/pull/staged-replies';
import { MemoryGrid } from '../sheet/memory-grid';
import { KEY, query, reply, setup } from './fake-http';

/** 2,345 people, 500 a page, with a total: the first page alone, then the rest in one batch. */
function people(request: HttpRequest) {
  const offset = Number(query(request).offset ?? 0);
  const page = Array.from({ length: Math.max(0, Math.min(500, 2345 - offset)) }, (_, i) => ({
    id: `p${offset + i}`,
  }));
  return reply(200, { people: page, total: 2345, limit: 500, offset });
}

/** Agent states, no total: the first page, then 2, 4, 8 at once to the first short one (1,800: 4 pages). */
function states(request: HttpRequest) {
  const offset = Number(query(request).offset ?? 0);
  const count = Math.max(0, Math.min(500, 1800 - offset));
  const agent_states = Array.from({ length: count }, (_, i) => ({
    agent_id: `a${(offset + i) % 7}`,
    state: 'available',
    start_time: 1_779_000_000 + offset + i,
    end_time: 1_779_000_060 + offset + i,
  }));
  return reply(200, { agent_states });
}

const window = { start_time: 1_779_000_000_000, end_time: 1_779_100_000_000 };

describe('a read through its staged replies', () => {
  it('stops at its deadline after its first batch, and the next read sends only what was not answered', () => {
    const { client, http, clock } = setup(states, {}, 1_000);
    const grid = new MemoryGrid();
    const first = new StagedReplies(grid, clock);
    first.begin(clock.now() + 1_500);
    expect(() => client.withMemo(first).getAgentStates(window)).toThrow(TurnOver);
    expect(http.sent.map((r) => query(r).offset)).toEqual(['0', '500', '1000']);
    // The next execution: a new memo over the same staging.
    const next = new StagedReplies(grid, clock);
    next.begin(Number.POSITIVE_INFINITY);
    const read = client.withMemo(next).getAgentStates(window);
    expect(read).toEqual(setup(states).client.getAgentStates(window));
    // The same offsets asked again, so the kept ones are answered from the staging.
    expect(http.sent.map((r) => query(r).offset)).toEqual([
      '0',
      '500',
      '1000',
      '1500',
      '2000',
      '2500',
      '3000',
    ]);
    expect(next.count).toBe(7);
    // Kept by the request alone: the key travels in a header, never into the staging.
    expect(JSON.stringify(grid.cells)).not.toContain(KEY);
  });

  it('lets one batch go whatever the time, so that every step moves the read on', () => {
    const { client, http, clock } = setup(people);
    const memo = new StagedReplies(new MemoryGrid(), clock);
    memo.begin(clock.now() - 1);
    expect(() => client.withMemo(memo).listPeople()).toThrow(TurnOver);
    expect(http.sent).toHaveLength(1);
    memo.begin(clock.now() - 1);
    // The first page is answered from the memo; the rest go as one batch.
    expect(client.withMemo(memo).listPeople()).toHaveLength(2345);
    expect(http.batches).toEqual([1, 4]);
  });

  it('keeps no reply it could not read, so a retry asks for it again', () => {
    let broken = true;
    const { client, http, clock } = setup((request) =>
      broken && query(request).offset === '500'
        ? reply(200, { agent_states: [{ state: 7 }] })
        : states(request),
    );
    const memo = new StagedReplies(new MemoryGrid(), clock);
    memo.begin(Number.POSITIVE_INFINITY);
    expect(() => client.withMemo(memo).getAgentStates(window)).toThrow(/agent_states/);
    broken = false;
    memo.begin(Number.POSITIVE_INFINITY);
    expect(client.withMemo(memo).getAgentStates(window)).toHaveLength(1800);
    // Page 1000, read beside the broken one, is kept: only 500 is asked again.
    expect(http.sent.map((r) => query(r).offset)).toEqual([
      '0',
      '500',
      '1000',
      '500',
      '1500',
      '2000',
      '2500',
      '3000',
    ]);
  });
});
