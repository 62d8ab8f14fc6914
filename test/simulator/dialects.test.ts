import { describe, expect, it } from 'vitest';
import { runReport, setup, T0_SEC } from './helpers';

const seed = setup();
const live = setup({ dialect: 'live' });
const people = seed.sim.admin.org.people;
const agent = people.find((p) => p.staffable)?.agent_id ?? '';

describe('people and the other collections', () => {
  it('seed answers an array, live a map keyed by id; both carry total, limit, offset', () => {
    const a = seed.get('/v0/people?limit=3').json();
    expect(Array.isArray(a.people)).toBe(true);
    expect(a).toMatchObject({ total: 100, limit: 3, offset: 0 });
    const b = live.get('/v0/people?limit=3').json();
    expect(Array.isArray(b.people)).toBe(false);
    expect(Object.keys(b.people)).toEqual(a.people.map((p: { id: string }) => p.id));
    for (const [id, p] of Object.entries<{ id: string }>(b.people)) expect(p.id).toBe(id);
  });

  it('default page is 100, max 500', () => {
    expect(seed.get('/v0/people').json().limit).toBe(100);
    expect(seed.get('/v0/people').json().people).toHaveLength(100);
    expect(seed.get('/v0/people?limit=500').json().people).toHaveLength(100);
  });

  it.each(['seed', 'live'] as const)(
    'paging to the end returns every person exactly once (%s)',
    (dialect) => {
      const s = dialect === 'seed' ? seed : live;
      const seen: string[] = [];
      let total = Number.POSITIVE_INFINITY;
      for (let offset = 0; offset < total; offset += 7) {
        const page = s.get(`/v0/people?limit=7&offset=${offset}`).json();
        total = page.total;
        seen.push(
          ...(Array.isArray(page.people) ? page.people : Object.values(page.people)).map(
            (p: { id: string }) => p.id,
          ),
        );
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(seed.get(`/v0/people?offset=${total}`).json().people).toEqual([]);
    },
  );

  it.each(['teams', 'sites', 'queues', 'skills'])(
    'live %s are {id, name, parent_id, created_at, updated_at} maps',
    (key) => {
      const b = live.get(`/v0/${key}?limit=500`).json();
      const records = Object.entries<Record<string, unknown>>(b[key]);
      expect(records.length).toBeGreaterThan(2);
      for (const [id, r] of records) {
        expect(r.id).toBe(id);
        expect(Object.keys(r).sort()).toEqual(['created_at', 'id', 'name', 'parent_id', 'updated_at']);
        expect(typeof r.created_at).toBe('number');
      }
    },
  );

  it.each(['teams', 'sites', 'queues', 'roles', 'skills'])(
    '%s: array in seed, map in live, paged; total where API-FACTS says the live service sends it',
    (key) => {
      const a = seed.get(`/v0/${key}?limit=2&offset=1`).json();
      const b = live.get(`/v0/${key}?limit=2&offset=1`).json();
      expect(a[key]).toHaveLength(2);
      expect(Object.keys(b[key])).toEqual(a[key].map((r: { id: string }) => r.id));
      expect(a.total).toBeGreaterThan(2);
      // API-FACTS names people, roles, teams, queues and sites; nothing says skills carry a total.
      if (key === 'skills') expect(Object.keys(b)).toEqual(['skills']);
      else expect(b).toMatchObject({ total: a.total, limit: 2, offset: 1 });
    },
  );

  it('times are ISO in seed and unix seconds in live', () => {
    const id = people[0]?.id;
    expect(seed.get(`/v0/people/${id}`).json().created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(typeof live.get(`/v0/people/${id}`).json().created_at).toBe('number');
  });
});

describe('a time before 1970 (a time typed without a date, sent as 1899)', () => {
  const dayZero = -2209021200; // 1899-12-30 09:00 in New York
  const refused = (field: string, value: string | number) =>
    `${field}: ${value} is before 1970-01-01T00:00:00Z, the earliest time taken`;

  it('is refused for what it is in both dialects, in a body or a query: not for its form', () => {
    const agent_id = live.sim.admin.org.people[30]?.agent_id;
    for (const [s, start_time, end_time] of [
      [live, dayZero, dayZero + 8 * 3600],
      [seed, '1899-12-30T14:00:00Z', '1899-12-30T22:00:00Z'],
    ] as const) {
      const r = s.post('/v0/time_off', { agent_id, type: 'pto', start_time, end_time });
      expect(r).toMatchObject({ status: 400, body: refused('start_time', start_time) });
      const q = s.get(`/v0/agents/state?start_time=${start_time}&end_time=${T0_SEC}`);
      expect(q).toMatchObject({ status: 400, body: refused('start_time', start_time) });
    }
    // Deep in a batch, named by its place.
    const states = [{ agent_id: agent, state: 'available', start_time: T0_SEC - 3600, end_time: dayZero }];
    expect(live.post('/v0/agents/state/bulk', { states }).body).toBe(refused('states[0].end_time', dayZero));
  });

  it('from 1970 on is unix seconds like any other, however small', () => {
    const r = live.get('/v0/agents/state?start_time=0&end_time=60');
    expect(r.status).toBe(200);
    expect(r.json().agent_states).toEqual([]);
  });
});

describe('a server whose page size is below the limit asked (pageMax)', () => {
  const capped = setup({ dialect: 'live', pageMax: 30 });
  const q = `start_time=${T0_SEC - 86_400}&end_time=${T0_SEC}`;

  it('answers at most pageMax a page; only a reply with total says more follow', () => {
    const people = capped.get('/v0/people?limit=500').json();
    expect(Object.keys(people.people)).toHaveLength(30);
    expect(people).toMatchObject({ total: 100, limit: 30, offset: 0 });
    // No total and no limit: nothing in these replies tells a short page from the last one.
    const states = capped.get(`/v0/agents/state?${q}&limit=500`).json();
    expect(states.agent_states).toHaveLength(30);
    expect(Object.keys(states)).toEqual(['agent_states']);
    expect(Object.keys(capped.get('/v0/skills?limit=500').json().skills)).toHaveLength(9);
    expect(capped.get('/v0/assist/conversations?limit=500').json()).toHaveLength(30);
    expect(capped.get('/v0/assist/conversations?limit=500&offset=30').json()).toHaveLength(10);
    // A smaller limit is answered as asked.
    expect(capped.get(`/v0/agents/state?${q}&limit=7`).json().agent_states).toHaveLength(7);
  });

  it('pages on past the short page: the next offset holds the records after it', () => {
    const page = (offset: number) =>
      capped
        .get(`/v0/agents/state?${q}&limit=500&offset=${offset}`)
        .json()
        .agent_states.map((r: { agent_id: string; start_time: number }) => `${r.agent_id} ${r.start_time}`);
    const all = live
      .get(`/v0/agents/state?${q}&limit=60`)
      .json()
      .agent_states.map((r: { agent_id: string; start_time: number }) => `${r.agent_id} ${r.start_time}`);
    expect([...page(0), ...page(30)]).toEqual(all);
  });
});

describe('a server whose page size varies (firstPageMax)', () => {
  it('answers a short first page and longer pages after it, which overlap the offset its length gives', () => {
    const varying = setup({ dialect: 'live', pageMax: 30, faults: { firstPageMax: 10 } });
    const ids = (offset: number) =>
      Object.keys(varying.get(`/v0/people?limit=500&offset=${offset}`).json().people);
    const first = varying.get('/v0/people?limit=500').json();
    expect(Object.keys(first.people)).toHaveLength(10);
    expect(first).toMatchObject({ total: 100, limit: 10, offset: 0 });
    // The page after the first's 10 holds 30: its last 20 are the next page's first 20.
    expect(ids(10)).toHaveLength(30);
    expect(ids(10).slice(10)).toEqual(ids(20).slice(0, 20));
    const states = `/v0/agents/state?start_time=${T0_SEC - 86_400}&end_time=${T0_SEC}&limit=500`;
    expect(varying.get(states).json().agent_states).toHaveLength(10);
    expect(varying.get(`${states}&offset=10`).json().agent_states).toHaveLength(30);
    // Off, the first page is as long as the rest.
    varying.sim.setFaults({});
    expect(ids(0)).toHaveLength(30);
  });
});

describe('agent states', () => {
  it('list key is states in seed and agent_states in live', () => {
    const a = seed.get(
      `/v0/agents/state?start_time=2026-05-23T00:00:00Z&end_time=2026-05-24T00:00:00Z&agent_ids=${agent}`,
    );
    const b = live.get(
      `/v0/agents/state?start_time=${T0_SEC - 2 * 86_400 + 12 * 3600}&end_time=${T0_SEC}&agent_ids=${agent}`,
    );
    expect(a.json()).toHaveProperty('states');
    expect(a.json()).not.toHaveProperty('agent_states');
    expect(b.json()).toHaveProperty('agent_states');
    expect(typeof b.json().agent_states[0].start_time).toBe('number');
    expect(typeof a.json().states[0].start_time).toBe('string');
  });

  it('live rows carry platform (not source) and no id, paged by limit/offset up to 500 with no total', () => {
    const q = `start_time=${T0_SEC - 86_400}&end_time=${T0_SEC}`;
    const seedRow = seed
      .get(`/v0/agents/state?start_time=2026-05-23T15:30:00Z&end_time=2026-05-24T15:30:00Z`)
      .json().states[0];
    expect(seedRow).toHaveProperty('id');
    expect(seedRow).toHaveProperty('source');
    const first = live.get(`/v0/agents/state?${q}&limit=500`).json();
    // No source says the live agent-state list carries total (or echoes limit and offset).
    expect(Object.keys(first)).toEqual(['agent_states']);
    expect(first.agent_states).toHaveLength(500);
    const row = first.agent_states[0];
    expect(row).not.toHaveProperty('id');
    expect(row).not.toHaveProperty('source');
    expect(Object.keys(row).sort()).toEqual(
      ['agent_id', 'end_time', 'platform', 'start_time', 'state', 'sub_state'].sort(),
    );
    expect(live.get(`/v0/agents/state?${q}`).json().agent_states).toHaveLength(100);
    expect(live.get(`/v0/agents/state?${q}&limit=501`).status).toBe(400);
    // Read on while pages come back full: the short page is the last.
    const seen: string[] = [];
    let page: { agent_states: Array<{ agent_id: string; start_time: number }> } = first;
    for (let offset = 0; page.agent_states.length === 500; offset += 500) {
      page = live.get(`/v0/agents/state?${q}&limit=500&offset=${offset}`).json();
      seen.push(...page.agent_states.map((r) => `${r.agent_id} ${r.start_time}`));
    }
    const all = [...live.sim.admin.org.states.values()]
      .flat()
      .filter((s) => s.start_time < T0_SEC && (s.end_time === null || s.end_time > T0_SEC - 86_400));
    expect(seen.length).toBeGreaterThan(500);
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
  });

  it("live filters by agent_id, as public code does; agent_ids is the YAML's", () => {
    const q = `start_time=${T0_SEC - 86_400}&end_time=${T0_SEC}&limit=500`;
    const mine = live.get(`/v0/agents/state?${q}&agent_id=${agent}`).json();
    expect(mine.agent_states.length).toBeGreaterThan(0);
    expect(mine.agent_states.every((r: { agent_id: string }) => r.agent_id === agent)).toBe(true);
    const ignored = live.get(`/v0/agents/state?${q}&agent_ids=${agent}`).json();
    expect(ignored.agent_states.length).toBeGreaterThan(mine.agent_states.length);
  });

  it('live agent_id is one id: a comma list is refused, as the live activities filter refuses one', () => {
    const other = people.filter((p) => p.staffable)[1]?.agent_id;
    const q = `start_time=${T0_SEC - 86_400}&end_time=${T0_SEC}`;
    const both = live.get(`/v0/agents/state?${q}&agent_id=${agent},${other}`);
    expect(both.status).toBe(400);
    expect(both.body).toBe(`agent_id: unknown agent ${agent},${other}`);
    // The seed dialect keeps the YAML's comma-separated agent_ids.
    const iso = 'start_time=2026-05-23T00:00:00Z&end_time=2026-05-24T00:00:00Z';
    const seeded = seed.get(`/v0/agents/state?${iso}&agent_ids=${agent},${other}`).json().states;
    expect(new Set(seeded.map((r: { agent_id: string }) => r.agent_id))).toEqual(new Set([agent, other]));
  });

  it('the live condensed timeline answers {agent_states} with the fields public code reads', () => {
    const q = `start_time=${T0_SEC - 86_400}&end_time=${T0_SEC}&priority_order=five9,zendesk,intercom`;
    const body = live.get(`/v0/agents/state/condensed_timeline?${q}`).json();
    expect(body).not.toHaveProperty('timeline');
    const pieces = body.agent_states;
    expect(pieces.length).toBeGreaterThan(0);
    const fields = [
      'agent_id',
      'agent_name',
      'agent_email',
      'platform',
      'agent_platform_id',
      'state',
      'start_time',
      'end_time',
      'modified_at',
      'external_id',
      'ticket_id',
      'ticket_status',
    ];
    for (const p of pieces) expect(Object.keys(p).sort()).toEqual([...fields].sort());
    const busy = pieces.find(
      (p: { state: string; end_time: number }) => p.state === 'busy' && p.end_time < T0_SEC,
    );
    const person = live.sim.admin.org.people.find((p) => p.agent_id === busy.agent_id);
    expect(busy).toMatchObject({
      agent_name: `${person?.first_name} ${person?.last_name}`,
      agent_email: person?.email,
      agent_platform_id: person?.platforms[busy.platform],
      ticket_id: expect.any(String),
      ticket_status: 'solved',
    });
    const iso = 'start_time=2026-05-24T14:30:00Z&end_time=2026-05-24T15:30:00Z';
    expect(seed.get(`/v0/agents/state/condensed_timeline?${iso}`).json()).toHaveProperty('timeline');
  });

  it('the condensed timeline needs priority_order in live only', () => {
    const q = `start_time=${T0_SEC - 3600}&end_time=${T0_SEC}`;
    expect(live.get(`/v0/agents/state/condensed_timeline?${q}`).body).toBe(
      'Missing required field priority_order',
    );
    expect(live.get(`/v0/agents/state/condensed_timeline?${q}&priority_order=five9,zendesk`).status).toBe(
      200,
    );
    const iso = 'start_time=2026-05-24T14:30:00Z&end_time=2026-05-24T15:30:00Z';
    expect(seed.get(`/v0/agents/state/condensed_timeline?${iso}`).status).toBe(200);
  });

  it('the condensed timeline does not overlap and prefers the first source in priority_order', () => {
    const s = setup({ dialect: 'live' });
    const from = T0_SEC - 4 * 3600;
    // Two overlapping records from two platforms over the same hour (live names it platform).
    s.post('/v0/agents/state/edit', {
      inserts: [
        { agent_id: agent, state: 'busy', platform: 'zendesk', start_time: from, end_time: from + 3600 },
        { agent_id: agent, state: 'available', platform: 'five9', start_time: from, end_time: from + 3600 },
      ],
    });
    const get = (order: string) =>
      s
        .get(
          `/v0/agents/state/condensed_timeline?start_time=${from}&end_time=${from + 3600}&agent_ids=${agent}&priority_order=${order}`,
        )
        .json().agent_states;
    expect(get('five9,zendesk')).toMatchObject([
      { state: 'available', platform: 'five9', start_time: from, end_time: from + 3600 },
    ]);
    expect(get('zendesk,five9')).toMatchObject([{ state: 'busy', platform: 'zendesk' }]);
    const day = get('five9');
    for (let i = 1; i < day.length; i++)
      expect(day[i].start_time).toBeGreaterThanOrEqual(day[i - 1].end_time);
  });
});

describe('reports', () => {
  it('seed: {reportID, status: pending} then pending -> running -> complete with rows', () => {
    const s = setup({ reportDelayMs: 30_000 });
    const started = s.post('/v0/reports/handle_time', {
      start_time: '2026-05-20T00:00:00Z',
      end_time: '2026-05-24T00:00:00Z',
    });
    expect(started.status).toBe(202);
    const { reportID, ...rest } = started.json();
    expect(rest).toEqual({ status: 'pending' });
    const poll = () => s.get(`/v0/reports/${reportID}`).json();
    expect(poll()).toMatchObject({
      reportID,
      status: 'pending',
      reportType: 'handle_time',
      generated_at: null,
      rows: [],
    });
    s.advance(9_999);
    expect(poll().status).toBe('pending');
    s.advance(1);
    expect(poll()).toMatchObject({ status: 'running', rows: [] });
    s.advance(20_000);
    const done = poll();
    expect(done.status).toBe('complete');
    expect(done.generated_at).toBe('2026-05-24T15:30:30Z');
    expect(done.rows.length).toBeGreaterThan(0);
    expect(Object.keys(done.rows[0]).sort()).toEqual(
      [
        'agent_id',
        'average_handle_seconds',
        'end_time',
        'handled',
        'start_time',
        'total_handle_seconds',
      ].sort(),
    );
  });

  it('live: {report_id}, in_progress while running, then metrics with total_metric_count', () => {
    const s = setup({ dialect: 'live' });
    const started = s.post('/v0/reports/adherence', { start_time: T0_SEC - 86_400, end_time: T0_SEC });
    expect(Object.keys(started.json())).toEqual(['report_id']);
    const id = started.json().report_id;
    expect(s.get(`/v0/reports/${id}`).json()).toMatchObject({
      status: 'pending',
      metrics: [],
      total_metric_count: 0,
    });
    s.advance(10_000);
    expect(s.get(`/v0/reports/${id}`).json().status).toBe('in_progress');
    s.advance(10_000);
    const done = s.get(`/v0/reports/${id}?limit=3`).json();
    expect(done.status).toBe('complete');
    expect(done.metrics).toHaveLength(3);
    expect(done.metrics[0]).toEqual({
      name: 'scheduled_seconds',
      value: expect.any(Number),
      attributes: {
        agent_id: expect.any(String),
        type: 'day',
        start_time: expect.any(Number),
        end_time: expect.any(Number),
      },
    });
  });

  /** Every metric of a live report, paged 500 at a time to the end. */
  function liveMetrics(body: Record<string, unknown>) {
    const s = setup({ dialect: 'live' });
    const unix = {
      ...body,
      start_time: Date.parse(String(body.start_time)) / 1000,
      end_time: Date.parse(String(body.end_time)) / 1000,
    };
    const id = s.post('/v0/reports/ticket_stats', unix).json().report_id;
    s.advance(20_000);
    const metrics: Array<{ name: string; value: number; attributes: Record<string, unknown> }> = [];
    let total = Number.POSITIVE_INFINITY;
    for (let offset = 0; offset < total; offset += 500) {
      const page = s.get(`/v0/reports/${id}?limit=500&offset=${offset}`).json();
      total = page.total_metric_count;
      metrics.push(...page.metrics);
    }
    expect(metrics).toHaveLength(total);
    return metrics;
  }
  const week = { start_time: '2026-05-18T00:00:00Z', end_time: '2026-05-24T00:00:00Z', granularity: 'day' };

  it('ticket_stats metrics paged to the end are the seed rows, with no queue_id (the stricter reading)', () => {
    const rows = runReport(setup(), 'ticket_stats', week).rows;
    const metrics = liveMetrics(week);
    expect(metrics).toHaveLength(rows.length * 4);
    const solvedLive = metrics.filter((m) => m.name === 'solved').reduce((n, m) => n + m.value, 0);
    const solvedSeed = rows.reduce((n: number, r: { solved: number }) => n + r.solved, 0);
    expect(solvedLive).toBe(solvedSeed);
    for (const m of metrics)
      expect(Object.keys(m.attributes).sort()).toEqual(['agent_id', 'end_time', 'start_time', 'type']);
    // Several queues: each name repeats under one bucket's attributes, once per queue.
    const queues = new Set(rows.map((r: { queue_id: string }) => r.queue_id)).size;
    const keys = new Set(metrics.map((m) => `${m.name} ${m.attributes.start_time}`));
    expect(keys.size).toBe(metrics.length / queues);
  });

  it("ticket_stats asked for one queue gives that queue's figures", () => {
    const rows: Array<Record<string, number | string>> = runReport(setup(), 'ticket_stats', week).rows;
    const queue = String(rows.find((r) => Number(r.solved) > 0)?.queue_id);
    const metrics = liveMetrics({ ...week, queue_ids: [queue] });
    const mine = rows.filter((r) => r.queue_id === queue);
    expect(metrics).toHaveLength(mine.length * 4);
    for (const m of metrics) {
      const row = mine.find((r) => Date.parse(String(r.start_time)) / 1000 === m.attributes.start_time);
      expect(m.value).toBe(row?.[m.name]);
    }
  });

  it('the dialect can be switched at run time', () => {
    const s = setup();
    expect(Array.isArray(s.get('/v0/sites').json().sites)).toBe(true);
    s.sim.setDialect('live');
    expect(s.sim.admin.dialect()).toBe('live');
    expect(Array.isArray(s.get('/v0/sites').json().sites)).toBe(false);
  });
});
