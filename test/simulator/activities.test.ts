import { describe, expect, it } from 'vitest';
import { atLocal } from '../../dev/simulator/time';
import { DAY, setup, T0_SEC } from './helpers';

const iso = (sec: number) => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
const HOUR = 3600;

function firstAgent(s: ReturnType<typeof setup>): string {
  return (
    s.sim.admin.org.people.find(
      (p) => p.staffable && !p.deleted && (s.sim.admin.org.schedules.get(p.agent_id)?.length ?? 0) > 0,
    )?.agent_id ?? ''
  );
}

describe('GET /v0/activities', () => {
  it('live: unix seconds, maps keyed by id, agents and activity types included on request', () => {
    const s = setup({ dialect: 'live' });
    const from = T0_SEC - 2 * DAY;
    const r = s.get(
      `/v0/activities?start_time=${from}&end_time=${T0_SEC}&include_agents=true&include_activity_types=true`,
    );
    expect(r.status).toBe(200);
    const body = r.json();
    const list = Object.values(body.activities) as Array<Record<string, unknown>>;
    expect(list.length).toBeGreaterThan(50);
    const [first] = list;
    expect(body.activities[String(first?.id)]).toEqual(first);
    expect(first).toMatchObject({
      start_time: expect.any(Number),
      end_time: expect.any(Number),
      type_id: expect.any(String),
    });
    const person = s.sim.admin.org.people.find((p) => p.agent_id === first?.agent_id);
    // As the Go client's Agent: teams, queues, skills and site by id, never by name.
    expect(body.agents[String(first?.agent_id)]).toMatchObject({
      name: expect.any(String),
      email: expect.stringContaining('@'),
      teams: person?.teams,
      queues: person?.queues,
      skills: person?.skills,
      site: person?.site,
    });
    expect(person?.teams.length).toBeGreaterThan(0);
    expect(body.activity_types[String(first?.type_id)]).toMatchObject({
      short_name: expect.any(String),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    for (const a of list) expect(Number(a.end_time) > from && Number(a.start_time) < T0_SEC).toBe(true);
  });

  it('seed: ISO times and arrays; without include_* no agents or types', () => {
    const s = setup();
    const body = s.get(`/v0/activities?start_time=${iso(T0_SEC - DAY)}&end_time=${iso(T0_SEC)}`).json();
    expect(Array.isArray(body.activities)).toBe(true);
    expect(body.activities[0].start_time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.agents).toBeUndefined();
    expect(body.activity_types).toBeUndefined();
  });

  it('requires the window, refuses unix seconds in the seed dialect, unknown agents, types, teams and schedules', () => {
    const s = setup();
    const w = `start_time=${iso(T0_SEC - DAY)}&end_time=${iso(T0_SEC)}`;
    expect(s.get('/v0/activities').body).toBe('Missing required field start_time');
    expect(s.get(`/v0/activities?start_time=${T0_SEC - DAY}&end_time=${T0_SEC}`).body).toMatch(
      /start_time: must be a date-time/,
    );
    expect(s.get(`/v0/activities?${w}&agents=nobody`).body).toBe('agents: unknown agent nobody');
    expect(s.get(`/v0/activities?${w}&types=at_nothing`).body).toBe(
      'types: unknown activity type at_nothing',
    );
    expect(s.get(`/v0/activities?${w}&team=No team`).body).toBe('team: unknown team No team');
    expect(s.get(`/v0/activities?${w}&schedule_id=nope`).body).toBe('schedule_id: unknown schedule nope');
    expect(s.get(`/v0/activities?start_time=${iso(T0_SEC - 40 * DAY)}&end_time=${iso(T0_SEC)}`).body).toMatch(
      /at most 31 days/,
    );
  });

  it('filters by repeated agents (comma-separated only in the seed dialect) and by types', () => {
    const s = setup({ dialect: 'live' });
    const agents = s.sim.admin.org.people
      .filter((p) => p.staffable && !p.deleted)
      .slice(0, 3)
      .map((p) => p.agent_id);
    const w = `start_time=${T0_SEC - 7 * DAY}&end_time=${T0_SEC}`;
    const repeated = Object.values(
      s.get(`/v0/activities?${w}&agents=${agents[0]}&agents=${agents[1]}`).json().activities,
    ) as Array<{ agent_id: string }>;
    // The live API reads a list as the key repeated (API-FACTS): "a,b" is one id, unknown there.
    expect(s.get(`/v0/activities?${w}&agents=${agents[0]},${agents[1]}`).body).toBe(
      `agents: unknown agent ${agents[0]},${agents[1]}`,
    );
    const seed = setup();
    const sw = `start_time=${iso(T0_SEC - 7 * DAY)}&end_time=${iso(T0_SEC)}`;
    const ids = (query: string) =>
      seed
        .get(`/v0/activities?${sw}&${query}`)
        .json()
        .activities.map((a: { id: string }) => a.id);
    expect(ids(`agents=${agents[0]},${agents[1]}`)).toEqual(ids(`agents=${agents[0]}&agents=${agents[1]}`));
    expect(repeated.length).toBeGreaterThan(0);
    expect(new Set(repeated.map((a) => a.agent_id))).toEqual(
      new Set(agents.slice(0, 2).filter((id) => repeated.some((a) => a.agent_id === id))),
    );
    const breaks = Object.values(s.get(`/v0/activities?${w}&types=at_break`).json().activities) as Array<{
      type_id: string;
    }>;
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.every((a) => a.type_id === 'at_break')).toBe(true);
  });

  it('filters by team name; live refuses a team id (the stricter reading), seed takes either', () => {
    const s = setup({ dialect: 'live' });
    const org = s.sim.admin.org;
    const team = org.teams.find((t) => org.people.some((p) => p.staffable && p.teams.includes(t.id)));
    if (!team) throw new Error('no team with agents');
    const w = `start_time=${T0_SEC - 2 * DAY}&end_time=${T0_SEC}`;
    const members = new Set(org.people.filter((p) => p.teams.includes(team.id)).map((p) => p.agent_id));
    const byName = Object.values(
      s.get(`/v0/activities?${w}&team=${encodeURIComponent(team.name)}`).json().activities,
    ) as Array<{ agent_id: string }>;
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((a) => members.has(a.agent_id))).toBe(true);
    expect(s.get(`/v0/activities?${w}&team=${team.id}`).body).toBe(`team: unknown team ${team.id}`);
    const seed = setup();
    const sw = `start_time=${iso(T0_SEC - 2 * DAY)}&end_time=${iso(T0_SEC)}`;
    expect(seed.get(`/v0/activities?${sw}&team=${team.id}`).json().activities).toEqual(
      seed.get(`/v0/activities?${sw}&team=${encodeURIComponent(team.name)}`).json().activities,
    );
  });

  it('agrees with the agent states: no busy or available state outside a scheduled productive activity by more than the jitter', () => {
    const s = setup({ dialect: 'live' });
    const agent = firstAgent(s);
    const w = `start_time=${T0_SEC - 7 * DAY}&end_time=${T0_SEC}`;
    const acts = Object.values(s.get(`/v0/activities?${w}&agents=${agent}`).json().activities) as Array<{
      type_id: string;
      start_time: number;
      end_time: number;
    }>;
    const states = s.sim.admin.org.states.get(agent) ?? [];
    const working = states.filter(
      (st) =>
        (st.state === 'busy' || st.state === 'available') &&
        st.start_time >= T0_SEC - 7 * DAY &&
        st.end_time !== null &&
        st.end_time <= T0_SEC,
    );
    expect(working.length).toBeGreaterThan(0);
    for (const st of working) {
      const covering = acts.some(
        (a) =>
          a.start_time - 20 * 60 <= st.start_time &&
          a.end_time + 20 * 60 >= (st.end_time ?? 0) &&
          ['at_phone', 'at_chat', 'at_email'].includes(a.type_id),
      );
      expect(covering).toBe(true);
    }
  });
});

describe('activity types and requirement types', () => {
  it('live maps and seed arrays of the same records', () => {
    const live = setup({ dialect: 'live' });
    const seed = setup();
    const liveTypes = live.get('/v0/activity_types').json().activity_types;
    const seedTypes = seed.get('/v0/activity_types').json().activity_types;
    expect(Object.values(liveTypes)).toEqual(seedTypes);
    for (const t of seedTypes) expect(t.productive && t.timeoff).toBe(false);
    expect(seedTypes.some((t: { timeoff: boolean }) => t.timeoff)).toBe(true);
    const liveReq = live.get('/v0/requirement_types').json().requirement_types;
    expect(Object.values(liveReq)).toEqual(seed.get('/v0/requirement_types').json().requirement_types);
    for (const t of Object.values(liveReq) as Array<{ activity_type_ids: string[] }>)
      for (const id of t.activity_type_ids) expect(liveTypes[id]).toBeDefined();
  });
});

describe('GET /v0/requirements: required vs scheduled per requirement type', () => {
  it('carries requirement_type_id, required and scheduled; filters by requirement_types', () => {
    const s = setup({ dialect: 'live' });
    const types = Object.keys(s.get('/v0/requirement_types').json().requirement_types);
    const day = Math.floor(T0_SEC / DAY) * DAY - 2 * DAY;
    const all = s.get(`/v0/requirements?start_time=${day}&end_time=${day + DAY}`).json().requirements;
    expect(all[0]).toMatchObject({
      requirement_type_id: expect.any(String),
      required: expect.any(Number),
      scheduled: expect.any(Number),
      start_time: expect.any(Number),
    });
    expect(all.some((r: { scheduled: number }) => r.scheduled > 0)).toBe(true);
    const one = s
      .get(`/v0/requirements?start_time=${day}&end_time=${day + DAY}&requirement_types=${types[0]}`)
      .json().requirements;
    expect(one.length).toBe(48);
    expect(one.every((r: { requirement_type_id: string }) => r.requirement_type_id === types[0])).toBe(true);
    expect(
      s.get(`/v0/requirements?start_time=${day}&end_time=${day + DAY}&requirement_types=rt_nope`).body,
    ).toBe('requirement_types: unknown requirement type rt_nope');
    // Without its range: refused, the stricter reading of what Assembled does not document.
    const rangeless = s.get(`/v0/requirements?requirement_types=${types[0]}`);
    expect([rangeless.status, rangeless.body]).toEqual([400, 'Missing required field start_time']);
    expect(s.get(`/v0/requirements?start_time=${day}`).body).toBe('Missing required field end_time');
  });

  it('scheduled moves when an activity is added beside the shift (allow_conflicts)', () => {
    const s = setup({ dialect: 'live' });
    const org = s.sim.admin.org;
    const rt = Object.values(s.get('/v0/requirement_types').json().requirement_types)[0] as {
      id: string;
      activity_type_ids: string[];
    };
    const queueId = rt.id.replace(/^rt_/, '');
    const agent = org.people.find((p) => p.staffable && !p.deleted && p.queues.includes(queueId));
    const t = Math.floor(T0_SEC / DAY) * DAY + 3 * DAY + 2 * HOUR;
    const q = `/v0/requirements?start_time=${t}&end_time=${t + 1800}&requirement_types=${rt.id}`;
    const before = s.get(q).json().requirements[0].scheduled;
    const created = s.post('/v0/activities', {
      agent_id: agent?.agent_id,
      type_id: rt.activity_type_ids[0],
      start_time: t,
      end_time: t + 1800,
      allow_conflicts: true,
    });
    expect(created.status).toBe(200);
    expect(s.get(q).json().requirements[0].scheduled).toBe(before + 1);
  });
});

describe('POST /v0/activities/bulk: one transaction', () => {
  it('creates, updates and deletes; answers the touched activities keyed by id (live)', () => {
    const s = setup({ dialect: 'live' });
    const agent = firstAgent(s);
    const t = T0_SEC + 10 * DAY;
    const r = s.post('/v0/activities/bulk', {
      activities: [
        {
          action: 'create',
          activity: {
            agent_id: agent,
            type_id: 'at_meeting',
            start_time: t,
            end_time: t + HOUR,
            description: 'Weekly sync',
          },
        },
        {
          action: 'create',
          activity: { agent_id: agent, type_id: 'at_training', start_time: t + HOUR, end_time: t + 2 * HOUR },
        },
      ],
    });
    expect(r.status).toBe(200);
    const made = Object.values(r.json().activities) as Array<{ id: string; type_id: string }>;
    expect(made.map((a) => a.type_id)).toEqual(['at_meeting', 'at_training']);
    const [meeting, training] = made;
    const u = s.post('/v0/activities/bulk', {
      activities: [
        { action: 'update', activity: { id: meeting?.id, description: 'Moved', end_time: t + 30 * 60 } },
        { action: 'delete', activity: { id: training?.id } },
      ],
    });
    expect(u.status).toBe(200);
    const list = s
      .get(`/v0/activities?start_time=${t}&end_time=${t + 2 * HOUR}&agents=${agent}`)
      .json().activities;
    expect(Object.values(list)).toEqual([
      expect.objectContaining({ id: meeting?.id, description: 'Moved', end_time: t + 30 * 60 }),
    ]);
  });

  it('a bad item refuses the batch with a 400 naming it, and nothing changes', () => {
    const s = setup({ dialect: 'live' });
    const agent = firstAgent(s);
    const t = T0_SEC + 11 * DAY;
    const window = `/v0/activities?start_time=${t - DAY}&end_time=${t + DAY}&agents=${agent}`;
    const before = s.get(window).body;
    const statsBefore = s.sim.admin.org.people.length;
    const bad = s.post('/v0/activities/bulk', {
      activities: [
        {
          action: 'create',
          activity: { agent_id: agent, type_id: 'at_meeting', start_time: t, end_time: t + HOUR },
        },
        {
          action: 'create',
          activity: { agent_id: agent, type_id: 'at_nope', start_time: t + HOUR, end_time: t + 2 * HOUR },
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toBe('activities[1].activity.type_id: unknown activity type at_nope');
    expect(s.get(window).body).toBe(before);
    expect(s.sim.admin.org.people.length).toBe(statsBefore);
    const backwards = s.post('/v0/activities/bulk', {
      activities: [
        {
          action: 'create',
          activity: { agent_id: agent, type_id: 'at_meeting', start_time: t + HOUR, end_time: t },
        },
      ],
    });
    expect(backwards.body).toBe(
      'activities[0].activity.end_time: must be after activities[0].activity.start_time',
    );
    expect(
      s.post('/v0/activities/bulk', { activities: [{ action: 'delete', activity: { id: 'act_missing' } }] })
        .body,
    ).toBe('activities[0].activity.id: unknown activity act_missing in schedule sch_master');
    expect(
      s.post('/v0/activities/bulk', {
        activities: [
          { action: 'create', activity: { agent_id: agent, type_id: 'at_meeting', start_time: t } },
        ],
      }).body,
    ).toBe('Missing required field activities[0].activity.end_time');
    expect(s.post('/v0/activities/bulk', { activities: [{ action: 'move', activity: {} }] }).body).toMatch(
      /activities\[0\]\.action: must be one of/,
    );
    const many = Array.from({ length: 501 }, () => ({ action: 'delete', activity: { id: 'x' } }));
    expect(s.post('/v0/activities/bulk', { activities: many }).body).toBe(
      'activities: at most 500 items per request',
    );
  });

  it('ignores allow_conflicts (per item or at the top): every create and update clears what it overlaps', () => {
    const s = setup({ dialect: 'live' });
    const agent = firstAgent(s);
    const shift = (from: number) =>
      Object.values(
        s.get(`/v0/activities?start_time=${from}&end_time=${from + 7 * DAY}&agents=${agent}`).json()
          .activities,
      ) as Array<{ id: string; type_id: string; start_time: number; end_time: number }>;
    const [target, other] = shift(T0_SEC);
    if (!target || !other) throw new Error('no activity');
    const w = (a: { start_time: number; end_time: number }) =>
      `/v0/activities?start_time=${a.start_time}&end_time=${a.end_time}&agents=${agent}`;
    const mid = target.start_time + 60;
    // The Go client's bulk items have no allow_conflicts: sent anyway, it keeps nothing.
    const made = s.post('/v0/activities/bulk', {
      allow_conflicts: true,
      activities: [
        {
          action: 'create',
          activity: {
            agent_id: agent,
            type_id: 'at_meeting',
            start_time: mid,
            end_time: mid + 60,
            allow_conflicts: true,
          },
        },
      ],
    });
    expect(made.status).toBe(200);
    const meeting = Object.values(made.json().activities)[0] as { id: string };
    expect(
      (Object.values(s.get(w(target)).json().activities) as Array<{ type_id: string }>).map((a) => a.type_id),
    ).toEqual(['at_meeting']);
    // An update moving an activity clears its new place too (the stricter reading of the beta update).
    s.post('/v0/activities/bulk', {
      activities: [
        {
          action: 'update',
          activity: {
            id: meeting.id,
            start_time: other.start_time,
            end_time: other.start_time + 60,
            allow_conflicts: true,
          },
        },
      ],
    });
    expect(Object.keys(s.get(w(other)).json().activities)).toEqual([meeting.id]);
  });

  it('POST /v0/activities keeps what it overlaps with allow_conflicts, and deletes it without', () => {
    const s = setup({ dialect: 'live' });
    const agent = firstAgent(s);
    const shift = Object.values(
      s.get(`/v0/activities?start_time=${T0_SEC}&end_time=${T0_SEC + 7 * DAY}&agents=${agent}`).json()
        .activities,
    ) as Array<{ id: string; start_time: number; end_time: number }>;
    const target = shift[0];
    if (!target) throw new Error('no activity');
    const mid = target.start_time + 60;
    const w = `/v0/activities?start_time=${target.start_time}&end_time=${target.end_time}&agents=${agent}`;
    const kept = s.post('/v0/activities', {
      agent_id: agent,
      type_id: 'at_meeting',
      start_time: mid,
      end_time: mid + 60,
      description: 'Kept beside',
      allow_conflicts: true,
    });
    // The activity itself, live: unix seconds.
    expect([kept.status, kept.json()]).toEqual([
      200,
      expect.objectContaining({
        id: expect.any(String),
        type_id: 'at_meeting',
        start_time: mid,
        end_time: mid + 60,
      }),
    ]);
    expect(Object.keys(s.get(w).json().activities)).toContain(target.id);
    s.post('/v0/activities', {
      agent_id: agent,
      type_id: 'at_training',
      start_time: mid,
      end_time: mid + 60,
    });
    const after = Object.values(s.get(w).json().activities) as Array<{ type_id: string }>;
    expect(after.map((a) => a.type_id)).toEqual(['at_training']);
    // Invalid ids and times are a 400 naming the field; ISO times are refused live.
    const bad = (body: object) =>
      s.post('/v0/activities', {
        agent_id: agent,
        type_id: 'at_meeting',
        start_time: mid,
        end_time: mid + 60,
        ...body,
      }).body;
    expect(bad({ agent_id: 'ghost' })).toBe('agent_id: unknown agent ghost');
    expect(bad({ type_id: 'at_nope' })).toBe('type_id: unknown activity type at_nope');
    expect(bad({ schedule_id: 'nope' })).toBe('schedule_id: unknown schedule nope');
    expect(bad({ end_time: mid })).toBe('end_time: must be after start_time');
    expect(bad({ start_time: iso(mid) })).toMatch(/^start_time: must be unix seconds/);
    expect(s.post('/v0/activities', { agent_id: agent, type_id: 'at_meeting', start_time: mid }).body).toBe(
      'Missing required field end_time',
    );
  });

  it('seed dialect takes ISO times and answers arrays', () => {
    const s = setup();
    const agent = firstAgent(s);
    const t = T0_SEC + 12 * DAY;
    const r = s.post('/v0/activities/bulk', {
      activities: [
        {
          action: 'create',
          activity: { agent_id: agent, type_id: 'at_meeting', start_time: iso(t), end_time: iso(t + HOUR) },
        },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.json().activities).toEqual([
      expect.objectContaining({ start_time: iso(t), end_time: iso(t + HOUR) }),
    ]);
    expect(
      s.post('/v0/activities/bulk', {
        activities: [
          {
            action: 'create',
            activity: { agent_id: agent, type_id: 'at_meeting', start_time: t, end_time: t + HOUR },
          },
        ],
      }).body,
    ).toMatch(/start_time: must be a date-time/);
  });
});

describe('DELETE /v0/activities: clear a window', () => {
  it('deletes inside the window and cuts activities that straddle it', () => {
    const s = setup({ dialect: 'live' });
    const agent = firstAgent(s);
    const t = T0_SEC + 13 * DAY;
    s.post('/v0/activities/bulk', {
      activities: [
        {
          action: 'create',
          activity: {
            agent_id: agent,
            type_id: 'at_meeting',
            start_time: t,
            end_time: t + 4 * HOUR,
            description: 'Long',
          },
        },
        {
          action: 'create',
          activity: {
            agent_id: agent,
            type_id: 'at_training',
            start_time: t + 4 * HOUR,
            end_time: t + 5 * HOUR,
          },
        },
      ],
    });
    const del = s.call('DELETE', '/v0/activities', {
      agent_ids: [agent],
      start_time: t + HOUR,
      end_time: t + 2 * HOUR,
    });
    expect(del.status).toBe(200);
    const left = Object.values(
      s.get(`/v0/activities?start_time=${t}&end_time=${t + 5 * HOUR}&agents=${agent}`).json().activities,
    ) as Array<{ type_id: string; start_time: number; end_time: number; description: string }>;
    expect(left.map((a) => [a.type_id, a.start_time - t, a.end_time - t, a.description])).toEqual([
      ['at_meeting', 0, HOUR, 'Long'],
      ['at_meeting', 2 * HOUR, 4 * HOUR, 'Long'],
      ['at_training', 4 * HOUR, 5 * HOUR, ''],
    ]);
    s.call('DELETE', '/v0/activities', {
      agent_ids: [agent],
      start_time: t + 3 * HOUR,
      end_time: t + 6 * HOUR,
    });
    const cut = Object.values(
      s.get(`/v0/activities?start_time=${t}&end_time=${t + 6 * HOUR}&agents=${agent}`).json().activities,
    ) as Array<{ start_time: number; end_time: number }>;
    expect(cut.map((a) => [a.start_time - t, a.end_time - t])).toEqual([
      [0, HOUR],
      [2 * HOUR, 3 * HOUR],
    ]);
  });

  it('names a missing field, an unknown agent and a backwards window', () => {
    const s = setup({ dialect: 'live' });
    expect(s.call('DELETE', '/v0/activities', { start_time: T0_SEC, end_time: T0_SEC + 60 }).body).toBe(
      'Missing required field agent_ids',
    );
    expect(
      s.call('DELETE', '/v0/activities', { agent_ids: ['ghost'], start_time: T0_SEC, end_time: T0_SEC + 60 })
        .body,
    ).toBe('agent_ids[0]: unknown agent ghost');
    expect(
      s.call('DELETE', '/v0/activities', { agent_ids: [firstAgent(s)], start_time: T0_SEC, end_time: T0_SEC })
        .body,
    ).toBe('end_time: must be after start_time');
  });
});

describe('activities as the org lives on', () => {
  it('a store read once takes in the shifts scheduled later; writes through the API stay', () => {
    const s = setup({ dialect: 'live' });
    const org = s.sim.admin.org;
    const agent = firstAgent(s);
    const list = (from: number, to: number, query = '') =>
      Object.values(
        s.get(`/v0/activities?start_time=${from}&end_time=${to}${query}`).json().activities,
      ) as Array<{
        id: string;
        agent_id: string;
        type_id: string;
        start_time: number;
        end_time: number;
      }>;
    const later = Math.floor(T0_SEC / DAY) * DAY + 38 * DAY; // Wednesday 1 July 2026, past the first horizon
    expect(list(later, later + DAY)).toEqual([]);
    // Before the jump: a meeting where this agent has no shift yet, one that replaces a shift's start,
    // and a shift segment deleted.
    const own = list(T0_SEC + 2 * DAY, T0_SEC + 5 * DAY, `&agents=${agent}`);
    const [gone, replaced] = [own[0], own[own.length - 1]];
    const meeting = (start: number) =>
      s
        .post('/v0/activities', {
          agent_id: agent,
          type_id: 'at_meeting',
          start_time: start,
          end_time: start + HOUR,
        })
        .json().id as string;
    // An hour into the shift the agent's plan will work on its first working day from `later`.
    const plan = org.plans.get(agent);
    const zone = org.people.find((p) => p.agent_id === agent)?.timezone ?? '';
    let workday = later;
    while (!plan?.weekdays.includes(new Date(workday * 1000).getUTCDay())) workday += DAY;
    const hour = atLocal(workday, (plan?.startHour ?? 0) + 1, zone);
    const ahead = meeting(hour);
    const near = meeting(replaced?.start_time ?? 0);
    expect(
      s.post('/v0/activities/bulk', { activities: [{ action: 'delete', activity: { id: gone?.id } }] })
        .status,
    ).toBe(200);

    s.advance(30 * DAY * 1000);
    const day = list(later, later + DAY);
    expect(new Set(day.map((a) => a.agent_id)).size).toBeGreaterThan(10);
    expect(day.some((a) => a.type_id === 'at_lunch')).toBe(true);
    const ids = new Set(list(T0_SEC, T0_SEC + 31 * DAY).map((a) => a.id));
    expect(ids.has(near)).toBe(true);
    expect(ids.has(String(gone?.id))).toBe(false);
    // The meeting written ahead of the schedule keeps its hour: the shift scheduled later leaves it clear.
    const mine = list(workday - DAY, workday + 2 * DAY, `&agents=${agent}`);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.filter((a) => a.start_time < hour + HOUR && a.end_time > hour).map((a) => a.id)).toEqual([
      ahead,
    ]);
    // The org's own schedule did plan work there.
    expect((org.schedules.get(agent) ?? []).some((x) => x.start <= hour && x.end > hour)).toBe(true);
    // Coverage reads the same store.
    const reqs = s
      .get(`/v0/requirements?start_time=${later + 15 * HOUR}&end_time=${later + 16 * HOUR}`)
      .json();
    expect(reqs.requirements.some((r: { scheduled: number }) => r.scheduled > 0)).toBe(true);
  });
});
