import { describe, expect, it } from 'vitest';
import type { AssembledClient } from '../../src/core/assembled';
import { READ_AHEAD_PAGES } from '../../src/core/assembled/paging';
import type { HttpRequest } from '../../src/core/ports';
import { query, reply, setup } from './fake-http';
import { simSetup } from './sim';

function peopleServer(count: number, maxPage: number) {
  return (request: HttpRequest) => {
    const q = query(request);
    const offset = Number(q.offset ?? 0);
    const limit = Math.min(Number(q.limit ?? 100), maxPage);
    const people = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => ({
      id: `p${offset + i}`,
    }));
    return reply(200, { people, total: count, limit, offset });
  };
}

describe('paging', () => {
  it('asks for 500 a page and follows total to the end, the remaining pages in batches', () => {
    const { client, http } = setup(peopleServer(1234, 500));
    const people = client.listPeople();
    expect(people.map((p) => p.id)).toEqual(Array.from({ length: 1234 }, (_, i) => `p${i}`));
    expect(http.sent.map((r) => query(r))).toEqual([
      { limit: '500', offset: '0' },
      { limit: '500', offset: '500' },
      { limit: '500', offset: '1000' },
    ]);
    expect(http.batches).toEqual([1, 2]);
  });

  it('after a batch is lost (fetchAll fails whole when one answer never comes), asks in halves, down to one at a time, for the rest of the read', () => {
    const server = peopleServer(40 * 100, 100);
    // The first request of each of the four batches after the first page gets no answer.
    const lost = new Set<number>();
    const { client, http } = setup(
      (request, i) => {
        const batch = http.batches.length;
        if (batch >= 2 && batch <= 5 && !lost.has(batch) && i > 0) {
          lost.add(batch);
          return 'network';
        }
        return server(request);
      },
      {},
      // A lost answer costs its timeout, a minute: the rate limit's bucket is full again after it.
      60_000,
    );
    expect(client.listPeople()).toHaveLength(4000);
    expect(http.batches.slice(0, 6)).toEqual([1, 20, 10, 5, 2, 1]);
    // 40 pages, the 37 lost asked again: no larger batch is risked meanwhile.
    expect(http.batches.slice(5).every((n) => n === 1)).toBe(true);
    expect(http.sent).toHaveLength(40 + 20 + 10 + 5 + 2);
  });

  it('steps by the page size the server actually returns', () => {
    const { client, http } = setup(peopleServer(250, 100));
    expect(client.listPeople()).toHaveLength(250);
    expect(http.sent.map((r) => query(r).offset)).toEqual(['0', '100', '200']);
  });

  it('a short page with no total: the next offset is asked, and the same page again ends it (offset ignored, every record sent)', () => {
    const { client, http } = setup(() => reply(200, { roles: [{ id: 'r1' }] }));
    expect(client.listRoles()).toHaveLength(1);
    expect(http.sent.map((r) => query(r).offset)).toEqual(['0', '1']);
  });

  it('stops when records vanish while paging', () => {
    const { client, http } = setup((request) =>
      query(request).offset === '0'
        ? reply(200, { people: [{ id: 'a' }], total: 3 })
        : reply(200, { people: [], total: 1 }),
    );
    expect(client.listPeople()).toHaveLength(1);
    expect(http.sent).toHaveLength(3);
  });

  it('fails whole, never partial, when a later page fails', () => {
    const { client } = setup((request) =>
      query(request).offset === '0' ? reply(200, { people: [{ id: 'a' }], total: 2 }) : reply(404, ''),
    );
    expect(() => client.listPeople()).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });

  it('a server claiming a total of 10^15 gets a clear error before anything is held, not an array of every offset', () => {
    const { client, http } = setup((request) => {
      const offset = Number(query(request).offset);
      return reply(200, { people: [{ id: `p${offset}` }], total: 1e15 });
    });
    const before = process.memoryUsage().heapUsed;
    expect(() => client.listPeople()).toThrow(
      expect.objectContaining({
        kind: 'unexpected_response',
        message: expect.stringMatching(/1,000,000,000,000,000 records, more than a sheet can hold/),
      }),
    );
    expect(http.sent).toHaveLength(1);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50_000_000);
  });

  it('a total just under the ceiling is read a batch of offsets at a time, and stops at the page ceiling', () => {
    // Pages of one record each: the page ceiling ends it long before 1,999,999 requests.
    const { client, http } = setup((request) => {
      const offset = Number(query(request).offset);
      return reply(200, { people: [{ id: `p${offset}` }], total: 1_999_999 });
    });
    expect(() => client.listPeople()).toThrow(/runs past 2,000 pages/);
    expect(http.sent.length).toBeLessThanOrEqual(2_001);
    expect(Math.max(...http.batches)).toBeLessThanOrEqual(20);
  });

  it('stops with a clear error when pages repeat (a server that ignores offset)', () => {
    const { client, http } = setup(() => reply(200, { people: [{ id: 'a' }, { id: 'b' }], total: 50 }));
    expect(() => client.listPeople()).toThrow(/page at offset 2 repeats the one before it/);
    expect(http.sent.length).toBeLessThanOrEqual(21);
  });

  it('stops with a clear error when a page comes back empty before the total', () => {
    const { client } = setup((request) =>
      query(request).offset === '0'
        ? reply(200, { people: [{ id: 'a' }], total: 3 })
        : reply(200, { people: [], total: 3 }),
    );
    expect(() => client.listPeople()).toThrow(/page at offset 1 came back empty though the total is 3/);
  });

  it('a first page empty though its total says there are records is an error, not an empty list', () => {
    const { client, http } = setup(() => reply(200, { people: [], total: 250 }));
    expect(() => client.listPeople()).toThrow(
      expect.objectContaining({
        kind: 'unexpected_response',
        message: expect.stringMatching(/the page at offset 0 came back empty though the total is 250/),
      }),
    );
    expect(http.sent).toHaveLength(1);
  });

  it('a bare list that keeps coming back full and the same stops with a clear error', () => {
    const { client, http } = setup(() =>
      reply(
        200,
        Array.from({ length: 500 }, (_, i) => ({ id: `c${i}` })),
      ),
    );
    expect(() => client.listAssistConversations()).toThrow(/page at offset 500 repeats the one before it/);
    // The first page, then the two read ahead of it.
    expect(http.sent).toHaveLength(3);
  });

  describe('a list without a total (live agent states)', () => {
    const window = { start_time: '2026-05-18T00:00:00Z', end_time: '2026-05-19T00:00:00Z' };
    /** `count` states; pages of at most `maxPage`, `limit` echoed only when `echo`. */
    function statesServer(count: number, maxPage = 500, echo = false) {
      return (request: HttpRequest) => {
        const q = query(request);
        const offset = Number(q.offset ?? 0);
        const limit = Math.min(Number(q.limit ?? 100), maxPage);
        const agent_states = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => ({
          agent_id: 'a1',
          state: 'ready',
          start_time: 1_779_000_000 + offset + i,
          end_time: null,
        }));
        return reply(200, echo ? { agent_states, limit, offset } : { agent_states });
      };
    }

    it.each([
      [1234, ['0', '500', '1000']],
      [1000, ['0', '500', '1000']],
      // Shorter than asked: the last page, or the server's own page size; the next offset tells.
      [499, ['0', '499']],
      [0, ['0']],
    ])('%i states: read while pages come back full, to the short or empty one', (count, offsets) => {
      const { client, http } = setup(statesServer(count));
      const states = client.getAgentStates(window);
      expect(states.map((s) => s.start_time / 1000)).toEqual(
        Array.from({ length: count }, (_, i) => 1_779_000_000 + i),
      );
      expect(http.sent.map((r) => query(r).offset)).toEqual(offsets);
      expect(http.sent.every((r) => query(r).limit === '500')).toBe(true);
    });

    it('20 pages read ahead a few at a time: 5 round trips, not 20, and 3 requests past the end', () => {
      // A second a round trip: the rate limit's bucket refills enough that no batch is split.
      const { client, http } = setup(statesServer(9_800), {}, 1_000);
      const states = client.getAgentStates(window);
      expect(states.map((s) => s.start_time / 1000)).toEqual(
        Array.from({ length: 9_800 }, (_, i) => 1_779_000_000 + i),
      );
      // The first page alone, then 2, 4, 8 and 8 at once; pages 20 to 22 are past the end.
      expect(http.batches).toEqual([1, 2, 4, 8, 8]);
      expect(http.sent.map((r) => Number(query(r).offset))).toEqual(
        Array.from({ length: 23 }, (_, i) => i * 500),
      );
    });

    it('a page past the end that fails costs nothing; records after a short page are an error, not skipped', () => {
      const states = statesServer(1_200);
      const past = setup((request) =>
        Number(query(request).offset) >= 1_500 ? reply(503, '') : states(request),
      );
      expect(past.client.getAgentStates(window)).toHaveLength(1_200);

      // Page 500 comes back short, yet page 1000 holds records: the 400 between would be lost.
      const gap = setup((request) =>
        query(request).offset === '500' ? reply(200, { agent_states: [] }) : states(request),
      );
      expect(() => gap.client.getAgentStates(window)).toThrow(
        /the page at offset 500 held 0 records where 500 were expected, so records would be missed/,
      );
    });

    it('a server whose page size is below the limit, saying nothing of it: every record, not the first page', () => {
      const { client, http } = setup(statesServer(250, 100));
      expect(client.getAgentStates(window).map((s) => s.start_time / 1000)).toEqual(
        Array.from({ length: 250 }, (_, i) => 1_779_000_000 + i),
      );
      // Page 100 is full again, so 100 is the server's page size: then read ahead at that step.
      expect(http.sent.map((r) => query(r).offset)).toEqual(['0', '100', '200', '300']);
    });

    it('pages of sizes that vary are followed from the records held, none skipped', () => {
      // 50 records first, then pages of 100: the first page's length was not the page size.
      const states = statesServer(330, 100);
      const { client, http } = setup((request) =>
        query(request).offset === '0'
          ? reply(200, { agent_states: JSON.parse(states(request).body).agent_states.slice(0, 50) })
          : states(request),
      );
      expect(client.getAgentStates(window).map((s) => s.start_time / 1000)).toEqual(
        Array.from({ length: 330 }, (_, i) => 1_779_000_000 + i),
      );
      expect(http.sent.map((r) => query(r).offset)).toEqual(['0', '50', '150', '250', '350']);
    });

    it('steps by the smaller page size the server says it used', () => {
      const { client, http } = setup(statesServer(250, 100, true));
      expect(client.getAgentStates(window)).toHaveLength(250);
      expect(http.sent.map((r) => query(r).offset)).toEqual(['0', '100', '200']);
    });

    it('a server that ignores offset (the same full page again) stops with a clear error, not a loop', () => {
      const first = statesServer(500);
      const { client, http } = setup((request) =>
        first({ ...request, url: request.url.replace(/offset=\d+/, 'offset=0') }),
      );
      expect(() => client.getAgentStates(window)).toThrow(
        expect.objectContaining({
          kind: 'unexpected_response',
          message: expect.stringMatching(
            /could not be read to the end while reading agent states: the page at offset 500 repeats the one before it \(the server seems to ignore offset\)/,
          ),
        }),
      );
      expect(http.sent).toHaveLength(3);
    });

    it("the YAML's {states}, which has no paging, is every record: one request, however long", () => {
      const states = Array.from({ length: 500 }, (_, i) => ({
        agent_id: 'a1',
        state: 'ready',
        start_time: '2026-05-18T00:00:00Z',
        end_time: null,
        id: `s${i}`,
      }));
      const { client, http } = setup(() => reply(200, { states }));
      expect(client.getAgentStates(window)).toHaveLength(500);
      expect(http.sent).toHaveLength(1);
    });

    it("each agent is read on its own, by one agent_id; everyone's states, once, show a short page was the last", () => {
      const held = { a1: 3, a2: 2 };
      const { client, http } = setup((request) => {
        const q = query(request);
        const count = q.agent_id ? held[q.agent_id as keyof typeof held] : held.a1 + held.a2;
        return statesServer(count)(request);
      });
      expect(client.getAgentStates({ ...window, agent_ids: ['a1', 'a2'] })).toHaveLength(5);
      // a1's 3 states are a page shorter than asked; everyone's over the window are 5, so the
      // server's page holds 5 at least and a1's was the last; a2's 2 are the last as well.
      expect(http.sent.map((r) => [query(r).agent_id, query(r).offset])).toEqual([
        ['a1', '0'],
        [undefined, '0'],
        ['a2', '0'],
      ]);
    });

    it("when everyone's states show nothing more (one agent active), the next offset is asked, and everyone's not again", () => {
      const { client, http } = setup(statesServer(3));
      client.getAgentStates({ ...window, agent_ids: ['a1', 'a2'] });
      expect(http.sent.map((r) => [query(r).agent_id, query(r).offset])).toEqual([
        ['a1', '0'],
        [undefined, '0'],
        ['a1', '3'],
        ['a2', '0'],
        ['a2', '3'],
      ]);
    });
  });

  describe('a server whose page size is below the 500 asked (simulator pageMax)', () => {
    const day = { start_time: Date.UTC(2026, 4, 20), end_time: Date.UTC(2026, 4, 21) };
    const uncapped = simSetup('live').client;

    it.each([
      ['agent states', (c: AssembledClient) => c.getAgentStates(day), 100],
      ['skills', (c: AssembledClient) => c.listSkills(), 4],
      ['assist conversations', (c: AssembledClient) => c.listAssistConversations(), 30],
      ['people (with a total)', (c: AssembledClient) => c.listPeople(), 30],
    ] as const)('%s: every record, though pages come back short of the limit', (_, read, pageMax) => {
      const every = read(uncapped);
      expect(every.length).toBeGreaterThan(pageMax);
      const { client, http } = simSetup('live', { pageMax });
      expect(read(client)).toEqual(every);
      // The pages, the one asked to learn the page size, and at most a read-ahead batch less one.
      expect(http.sent.length).toBeLessThanOrEqual(Math.ceil(every.length / pageMax) + READ_AHEAD_PAGES);
    });
  });

  describe('the page size a client has learned, by endpoint', () => {
    /** Conversations of each agent (agent_id), pages of at most `cap`, no total. */
    function conversations(counts: Record<string, number>, cap: number) {
      return (request: HttpRequest) => {
        const q = query(request);
        const offset = Number(q.offset ?? 0);
        const count = counts[q.agent_id ?? ''] ?? 0;
        const limit = Math.min(Number(q.limit), cap);
        return reply(
          200,
          Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => ({
            id: `${q.agent_id}-${offset + i}`,
          })),
        );
      };
    }
    const offsets = (http: { sent: HttpRequest[] }) =>
      http.sent.map((r) => [query(r).agent_id, query(r).offset]);

    it('a full page shows the server gives the limit asked: a later short first page is the last, one request', () => {
      const { client, http } = setup(conversations({ x: 600, y: 7 }, 500));
      expect(client.listAssistConversations({ agent_id: 'x' })).toHaveLength(600);
      http.sent.length = 0;
      expect(client.listAssistConversations({ agent_id: 'y' })).toHaveLength(7);
      expect(offsets(http)).toEqual([['y', '0']]);
    });

    it('a short page that ended its list shows only that pages hold as many: a longer first page is followed, none lost', () => {
      // The server's page size is 100, below the 500 asked.
      const { client, http } = setup(conversations({ x: 12, y: 150, z: 5 }, 100));
      expect(client.listAssistConversations({ agent_id: 'x' })).toHaveLength(12);
      expect(offsets(http)).toEqual([
        ['x', '0'],
        ['x', '12'],
      ]);
      http.sent.length = 0;
      // 100 is not shorter than the 12 seen: taken for the last, 50 would be lost.
      expect(client.listAssistConversations({ agent_id: 'y' })).toHaveLength(150);
      expect(offsets(http)).toEqual([
        ['y', '0'],
        ['y', '100'],
      ]);
      http.sent.length = 0;
      expect(client.listAssistConversations({ agent_id: 'z' })).toHaveLength(5);
      expect(offsets(http)).toEqual([['z', '0']]);
    });

    it('each client learns for itself: a new one asks again', () => {
      const first = setup(conversations({ x: 600, y: 7 }, 500));
      first.client.listAssistConversations({ agent_id: 'x' });
      const second = setup(conversations({ y: 7 }, 500));
      second.client.listAssistConversations({ agent_id: 'y' });
      expect(offsets(second.http)).toEqual([
        ['y', '0'],
        ['y', '7'],
      ]);
    });

    it('pages seen to vary in size teach nothing: a server whose first page is shorter than the rest loses no record', () => {
      // First pages of 10, later ones of 30 (simulator firstPageMax): after the first agent's read
      // has seen pages of 30, the next agent's first page of 10 is shorter, but only because the
      // server varies; taken for the last, that agent's other states would be lost.
      const days = { start_time: Date.UTC(2026, 4, 18), end_time: Date.UTC(2026, 4, 21) };
      const uncapped = simSetup('live').client;
      const agents = [...new Set(uncapped.getAgentStates(days).map((s) => s.agent_id))].slice(0, 3);
      const every = uncapped.getAgentStates({ ...days, agent_ids: agents });
      expect(every.length).toBeGreaterThan(3 * 70);
      const { client } = simSetup('live', { pageMax: 30, faults: { firstPageMax: 10 } });
      expect(client.getAgentStates({ ...days, agent_ids: agents })).toEqual(every);
    });
  });

  describe('a server whose page size varies, with a total (simulator firstPageMax)', () => {
    it('a later page longer than the first: every person once, none twice', () => {
      const every = simSetup('live').client.listPeople();
      const { client, http } = simSetup('live', { pageMax: 30, faults: { firstPageMax: 10 } });
      const people = client.listPeople();
      expect(people.map((p) => p.id)).toEqual(every.map((p) => p.id));
      // Offsets stay 10 apart, as the first page's length planned them: each page's own 10 are taken.
      expect(http.sent.map((r) => Number(query(r).offset))).toEqual(
        Array.from({ length: every.length / 10 }, (_, i) => i * 10),
      );
    });

    it("a report's metrics, paged by total_metric_count: each metric once", () => {
      const metric = (i: number) => ({ name: 'm', value: i, attributes: { agent_id: `a${i}` } });
      // 4 metrics first, then pages of 8: the page at 4 overlaps the one at 8.
      const { client } = setup((request) => {
        const offset = Number(query(request).offset);
        const metrics = Array.from({ length: Math.min(offset === 0 ? 4 : 8, 20 - offset) }, (_, i) =>
          metric(offset + i),
        );
        return reply(200, { report_id: 'r1', status: 'complete', metrics, total_metric_count: 20 });
      });
      expect(client.getReport('r1').rows.map((r) => r.m)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });
  });

  it('follows total_metric_count through a complete report', () => {
    const metric = (i: number) => ({
      name: `m${i % 3}`,
      value: i,
      attributes: { agent_id: `a${Math.floor(i / 3)}` },
    });
    const { client, http } = setup((request) => {
      const offset = Number(query(request).offset);
      const metrics = Array.from({ length: Math.min(4, 10 - offset) }, (_, i) => metric(offset + i));
      return reply(200, { report_id: 'r1', status: 'complete', metrics, total_metric_count: 10 });
    });
    const report = client.getReport('r1');
    expect(http.sent).toHaveLength(3);
    expect(report.rows).toHaveLength(4);
    expect(report.rows[3]).toEqual({ agent_id: 'a3', m0: 9 });
  });
});
