import { describe, expect, it } from 'vitest';
import { setup, T0_SEC } from './helpers';

const agentOf = (s: ReturnType<typeof setup>, index = 30) => s.sim.admin.org.people[index]?.agent_id ?? '';

describe('time off', () => {
  it('create -> 201 pending record, then visible in the list and the update stream', () => {
    const s = setup();
    const agent = agentOf(s);
    const r = s.post('/v0/time_off', {
      agent_id: agent,
      type: 'sick',
      start_time: '2026-06-01T00:00:00Z',
      end_time: '2026-06-02T00:00:00Z',
      all_day: true,
      notes: 'flu',
    });
    expect(r.status).toBe(201);
    const created = r.json();
    expect(created).toMatchObject({
      agent_id: agent,
      status: 'pending',
      type: 'sick',
      created_at: '2026-05-24T15:30:00Z',
    });
    const mine = s.get(`/v0/time_off/requests?agent_id=${agent}&status=pending`).json().requests;
    expect(mine.map((t: { id: string }) => t.id)).toContain(created.id);
    const updates = s.get('/v0/time_off/updates?since=2026-05-24T15:30:00Z').json().updates;
    expect(updates).toEqual([
      { request_id: created.id, change_type: 'created', updated_at: '2026-05-24T15:30:00Z' },
    ]);
  });

  it("refuses a type that is not one of the account's time-off types (400), takes one by name or short name", () => {
    const s = setup();
    const day = { start_time: '2026-06-01T00:00:00Z', end_time: '2026-06-02T00:00:00Z' };
    for (const type of ['<script>alert(1)</script>', 'holiday', 'Phones', 7]) {
      const r = s.post('/v0/time_off', { agent_id: agentOf(s), type, ...day });
      expect(r.status).toBe(400);
      expect(r.body).toContain('type');
    }
    for (const type of ['PTO', 'paid time off', 'Sick', 'at_personal'])
      expect(s.post('/v0/time_off', { agent_id: agentOf(s), type, ...day }).status).toBe(201);
  });

  it('cancel -> cancelled; cancelling again -> 400', () => {
    const s = setup();
    const id = s
      .post('/v0/time_off', {
        agent_id: agentOf(s),
        start_time: '2026-06-01T00:00:00Z',
        end_time: '2026-06-03T00:00:00Z',
      })
      .json().id;
    s.advance(60_000);
    const cancelled = s.post(`/v0/time_off/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const again = s.post(`/v0/time_off/${id}/cancel`);
    expect(again.status).toBe(400);
    expect(again.body).toBe(`Time off request ${id} is already cancelled`);
    const since = s.get('/v0/time_off/updates?since=2026-05-24T15:31:00Z').json().updates;
    expect(since).toEqual([{ request_id: id, change_type: 'cancelled', updated_at: '2026-05-24T15:31:00Z' }]);
  });

  it('lists a cancelled request unless the list hides cancelled ones, which status=cancelled still finds', () => {
    for (const hides of [false, true]) {
      const s = setup({ listHidesCancelledTimeOff: hides });
      const day = { start_time: '2026-06-01T00:00:00Z', end_time: '2026-06-02T00:00:00Z' };
      const id = s.post('/v0/time_off', { agent_id: agentOf(s), ...day }).json().id;
      s.post(`/v0/time_off/${id}/cancel`);
      const ids = (url: string) =>
        s
          .get(url)
          .json()
          .requests.map((t: { id: string }) => t.id);
      expect(ids('/v0/time_off/requests').includes(id)).toBe(!hides);
      expect(ids('/v0/time_off/requests?status=cancelled')).toContain(id);
    }
  });

  it("a manager's change or deletion in Assembled (admin) shows in the list and the update stream", () => {
    const s = setup();
    const day = { start_time: '2026-06-01T09:00:00Z', end_time: '2026-06-01T17:00:00Z' };
    const [changed, deleted] = [1, 2].map(
      () => s.post('/v0/time_off', { agent_id: agentOf(s), ...day }).json().id,
    );
    s.advance(60_000);
    s.sim.admin.changeTimeOff(changed, {
      start_time: Date.parse('2026-06-01T10:00:00Z') / 1000,
      type: 'sick',
    });
    s.sim.admin.deleteTimeOff(deleted);
    expect(() => s.sim.admin.changeTimeOff(changed, { end_time: T0_SEC })).toThrow(/after/);
    const listed = (url: string) => s.get(url).json().requests;
    const all = listed('/v0/time_off/requests');
    expect(all.find((t: { id: string }) => t.id === changed)).toMatchObject({
      start_time: '2026-06-01T10:00:00Z',
      end_time: '2026-06-01T17:00:00Z',
      type: 'sick',
      updated_at: '2026-05-24T15:31:00Z',
    });
    for (const url of ['/v0/time_off/requests', '/v0/time_off/requests?status=cancelled'])
      expect(listed(url).map((t: { id: string }) => t.id)).not.toContain(deleted);
    expect(s.get('/v0/time_off/updates?since=2026-05-24T15:31:00Z').json().updates).toEqual([
      { request_id: changed, change_type: 'updated', updated_at: '2026-05-24T15:31:00Z' },
      { request_id: deleted, change_type: 'deleted', updated_at: '2026-05-24T15:31:00Z' },
    ]);
  });

  it('a manager decides through admin.decideTimeOff; approval frees the schedule', () => {
    const s = setup();
    const agent = agentOf(s);
    const day = { start_time: '2026-05-26T00:00:00Z', end_time: '2026-05-29T00:00:00Z' };
    const id = s.post('/v0/time_off', { agent_id: agent, ...day }).json().id;
    const scheduled = () =>
      (s.sim.admin.org.schedules.get(agent) ?? []).filter(
        (seg) => seg.end > Date.parse(day.start_time) / 1000 && seg.start < Date.parse(day.end_time) / 1000,
      ).length;
    expect(scheduled()).toBeGreaterThan(0);
    s.sim.admin.decideTimeOff(id, 'approved');
    expect(scheduled()).toBe(0);
    const record = s
      .get(`/v0/time_off/requests?agent_id=${agent}&status=approved`)
      .json()
      .requests.find((t: { id: string }) => t.id === id);
    expect(record.approver_id).toEqual(expect.any(String));
    expect(() => s.sim.admin.decideTimeOff(id, 'denied')).toThrow(/not pending/);
    const denied = s.sim.admin.org.timeOff.find((t) => t.status === 'denied');
    expect(s.post(`/v0/time_off/${denied?.id}/cancel`).status).toBe(400);
  });

  it("a manager cancels through admin.cancelTimeOff by the API's rules, and the update stream says so", () => {
    const s = setup();
    const made = (day: string) =>
      s
        .post('/v0/time_off', {
          agent_id: agentOf(s),
          start_time: `2026-06-${day}T09:00:00Z`,
          end_time: `2026-06-${day}T17:00:00Z`,
        })
        .json().id as string;
    const [pending, approved, denied] = [made('01'), made('02'), made('03')];
    s.sim.admin.decideTimeOff(approved, 'approved');
    s.sim.admin.decideTimeOff(denied, 'denied');
    s.advance(60_000);
    s.sim.admin.cancelTimeOff(pending);
    s.sim.admin.cancelTimeOff(approved);
    const status = (id: string) => s.sim.admin.timeOff().find((t) => t.id === id)?.status;
    expect([pending, approved, denied].map(status)).toEqual(['cancelled', 'cancelled', 'denied']);
    expect(() => s.sim.admin.cancelTimeOff(pending)).toThrow(
      `Time off request ${pending} is already cancelled`,
    );
    expect(() => s.sim.admin.cancelTimeOff(denied)).toThrow(/was denied and cannot be cancelled/);
    expect(s.get('/v0/time_off/updates?since=2026-05-24T15:31:00Z').json().updates).toEqual([
      { request_id: pending, change_type: 'cancelled', updated_at: '2026-05-24T15:31:00Z' },
      { request_id: approved, change_type: 'cancelled', updated_at: '2026-05-24T15:31:00Z' },
    ]);
  });

  it('with managersDecideAfterMs, a manager in the UI finds decided what the managers have decided by now', () => {
    const HOUR = 3_600_000;
    const s = setup({ managersDecideAfterMs: 4 * HOUR });
    const times = { start_time: '2026-06-01T09:00:00Z', end_time: '2026-06-01T17:00:00Z' };
    const ids = [20, 21, 22].map(
      (i) => s.post('/v0/time_off', { agent_id: agentOf(s, i), ...times }).json().id as string,
    );
    const status = (id: string) => s.sim.admin.timeOff().find((t) => t.id === id)?.status;
    expect(ids.map(status)).toEqual(['pending', 'pending', 'pending']);
    // Read by nothing since they were made, each was decided four hours after: a manager sees that,
    // and cannot decide one again.
    s.advance(5 * HOUR);
    expect(ids.map(status)).not.toContain('pending');
    const late = s.post('/v0/time_off', { agent_id: agentOf(s, 23), ...times }).json().id as string;
    s.advance(5 * HOUR);
    expect(() => s.sim.admin.decideTimeOff(late, 'approved')).toThrow(/not pending/);
  });

  it('approved time off is a time-off activity on every local day it covers, whatever hour it starts', () => {
    // Approved before and after the schedule was first read.
    for (const readFirst of [false, true]) {
      const s = setup();
      const dublin = s.sim.admin.org.people.find(
        (p) => p.timezone === 'Europe/Dublin' && p.staffable && !p.deleted,
      );
      const agent = dublin?.agent_id ?? '';
      const window = `start_time=2026-06-01T00:00:00Z&end_time=2026-06-06T00:00:00Z&agents=${agent}`;
      const read = (): { type_id: string; start_time: string; end_time: string }[] =>
        s.get(`/v0/activities?${window}`).json().activities;
      if (readFirst) expect(read().length).toBeGreaterThan(0);
      // 13:00 UTC to 13:00 UTC two days on; Dublin keeps summer time in June (UTC+1), so its
      // working day 9:00-17:00 is 08:00-16:00 UTC.
      const times = { start_time: '2026-06-02T13:00:00Z', end_time: '2026-06-04T13:00:00Z', all_day: true };
      s.sim.admin.decideTimeOff(s.post('/v0/time_off', { agent_id: agent, ...times }).json().id, 'approved');
      const under = read().filter((a) => a.end_time > times.start_time && a.start_time < times.end_time);
      expect(
        under.map((a) => `${a.type_id} ${a.start_time} ${a.end_time}`).sort(),
        String(readFirst),
      ).toEqual([
        'at_pto 2026-06-02T13:00:00Z 2026-06-02T16:00:00Z',
        'at_pto 2026-06-03T08:00:00Z 2026-06-03T16:00:00Z',
        'at_pto 2026-06-04T08:00:00Z 2026-06-04T13:00:00Z',
      ]);
    }
  });

  it('with managersDecideAfterMs, a request still pending that long after it was made is decided then', () => {
    const HOUR = 3_600_000;
    for (const decides of [true, false]) {
      const s = setup(decides ? { managersDecideAfterMs: 4 * HOUR } : {});
      const ids = Array.from({ length: 20 }, (_, i) => {
        const day = `2026-06-${String(1 + i).padStart(2, '0')}`;
        const times = { start_time: `${day}T09:00:00Z`, end_time: `${day}T10:00:00Z` };
        return s.post('/v0/time_off', { agent_id: agentOf(s, 20 + i), ...times }).json().id as string;
      });
      const statuses = () => {
        const all = s.get('/v0/time_off/requests').json().requests as { id: string; status: string }[];
        return ids.map((id) => all.find((t) => t.id === id)?.status);
      };
      s.advance(4 * HOUR - 60_000);
      expect(new Set(statuses())).toEqual(new Set(['pending']));
      s.advance(2 * 60_000);
      if (!decides) {
        expect(new Set(statuses())).toEqual(new Set(['pending']));
        continue;
      }
      const decided = statuses();
      expect(decided.filter((x) => x === 'approved').length).toBeGreaterThan(10);
      expect(decided.filter((x) => x === 'denied').length).toBeGreaterThan(0);
      expect(decided).not.toContain('pending');
      // The stream says when: four hours after each request was made.
      const updates = s.get('/v0/time_off/updates?since=2026-05-24T19:29:00Z').json().updates;
      expect(updates.filter((u: { request_id: string }) => ids.includes(u.request_id))).toHaveLength(20);
      for (const u of updates) expect(u.updated_at).toBe('2026-05-24T19:30:00Z');
    }
  });
});

describe('agent states', () => {
  const window = (from: number, to: number, agent: string) =>
    `/v0/agents/state?start_time=${new Date(from * 1000).toISOString()}&end_time=${new Date(to * 1000).toISOString()}&agent_ids=${agent}`;

  it('bulk ingest -> 202, and the states show in GET; the open state is closed at the new start', () => {
    const s = setup();
    const agent = agentOf(s);
    const at = T0_SEC + 60;
    s.advance(120_000);
    const r = s.post('/v0/agents/state/bulk', {
      states: [
        {
          agent_id: agent,
          state: 'available',
          sub_state: 'chat',
          start_time: new Date(at * 1000).toISOString(),
          source: 'intercom',
        },
      ],
    });
    expect(r.status).toBe(202);
    expect(r.json()).toEqual({ accepted: 1 });
    const states = s.get(window(T0_SEC - 600, T0_SEC + 600, agent)).json().states;
    const last = states[states.length - 1];
    expect(last).toMatchObject({ state: 'available', sub_state: 'chat', source: 'intercom', end_time: null });
    expect(states[states.length - 2].end_time).toBe(new Date(at * 1000).toISOString().replace('.000Z', 'Z'));
  });

  it('a bulk batch with one bad record changes nothing', () => {
    const s = setup();
    const before = s.get(window(T0_SEC - 600, T0_SEC + 600, agentOf(s))).body;
    const r = s.post('/v0/agents/state/bulk', {
      states: [
        { agent_id: agentOf(s), state: 'available', start_time: '2026-05-24T15:31:00Z' },
        { agent_id: 'ghost', state: 'available', start_time: '2026-05-24T15:31:00Z' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body).toBe('states[1].agent_id: unknown agent ghost');
    expect(s.get(window(T0_SEC - 600, T0_SEC + 600, agentOf(s))).body).toBe(before);
  });

  it('the same state ingested twice is kept twice (nothing says the service de-duplicates)', () => {
    const s = setup();
    const agent = agentOf(s);
    const state = {
      agent_id: agent,
      state: 'available',
      start_time: '2026-05-24T14:00:00Z',
      end_time: '2026-05-24T15:00:00Z',
      source: 'kustomer',
    };
    for (let i = 0; i < 2; i++) expect(s.post('/v0/agents/state/bulk', { states: [state] }).status).toBe(202);
    const states = s.get(window(T0_SEC - 7_200, T0_SEC, agent)).json().states;
    const same = states.filter((x: { source: string; start_time: string }) => x.source === 'kustomer');
    expect(same).toHaveLength(2);
    expect(same[0]).toMatchObject({ state: 'available', end_time: '2026-05-24T15:00:00Z' });
    expect(same[1]).toMatchObject({ state: 'available', end_time: '2026-05-24T15:00:00Z' });
  });

  it('the deprecated single POST still ingests', () => {
    const s = setup({ dialect: 'live' });
    const r = s.post('/v0/agents/state', { agent_id: agentOf(s), state: 'busy', start_time: T0_SEC - 30 });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ state: 'busy', start_time: T0_SEC - 30, end_time: null });
  });

  it('edit inserts, updates and deletes, each in the history, and adherence sees them', () => {
    const s = setup();
    const agent = agentOf(s);
    const yesterday = s.get(window(T0_SEC - 86_400, T0_SEC, agent)).json().states;
    const [victim, changed] = [yesterday[1], yesterday[2]];
    s.advance(5_000);
    const r = s.post('/v0/agents/state/edit', {
      inserts: [
        {
          agent_id: agent,
          state: 'training',
          start_time: '2026-05-24T15:00:00Z',
          end_time: '2026-05-24T15:10:00Z',
        },
      ],
      updates: [{ ...changed, id: changed.id, state: 'meeting', end_time: changed.end_time }],
      deletes: [victim.id],
    });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ updated: 1, deleted: 1, inserted: [expect.any(String)] });
    const after = s.get(window(T0_SEC - 86_400, T0_SEC, agent)).json().states;
    expect(after.map((x: { id: string }) => x.id)).not.toContain(victim.id);
    expect(after.find((x: { id: string }) => x.id === changed.id).state).toBe('meeting');
    expect(after.some((x: { state: string }) => x.state === 'training')).toBe(true);

    const history = s.get('/v0/agents/state/edit/history?start_time=2026-05-24T15:30:00Z').json().edits;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['insert', 'update', 'delete']);
    expect(history[1].before.state).toBe(changed.state);
    expect(history[1].after.state).toBe('meeting');
    expect(history[2]).toMatchObject({ state_id: victim.id, after: null, edited_at: '2026-05-24T15:30:05Z' });
    expect(s.get('/v0/agents/state/edit/history?end_time=2026-05-24T15:30:00Z').json().edits).toEqual([]);
  });

  it('an update must name an existing record', () => {
    const s = setup();
    const r = s.post('/v0/agents/state/edit', {
      updates: [{ agent_id: agentOf(s), state: 'x', start_time: '2026-05-24T15:00:00Z' }],
    });
    expect(r.body).toBe('Missing required field updates[0].id');
    expect(s.post('/v0/agents/state/edit', { deletes: ['nope'] }).body).toBe(
      'deletes[0]: unknown state nope',
    );
  });

  it('edits change adherence: deleting a day of states drops its adherent seconds to zero', () => {
    const s = setup();
    const agent = agentOf(s);
    const range = {
      start_time: '2026-05-20T00:00:00Z',
      end_time: '2026-05-23T00:00:00Z',
      agent_ids: [agent],
    };
    const report = () => {
      const id = s.post('/v0/reports/adherence', range).json().reportID;
      s.advance(20_000);
      return s.get(`/v0/reports/${id}`).json().rows;
    };
    const before = report();
    expect(before.some((r: { adherent_seconds: number }) => r.adherent_seconds > 0)).toBe(true);
    const ids = s
      .get(window(Date.parse(range.start_time) / 1000, Date.parse(range.end_time) / 1000, agent))
      .json()
      .states.map((x: { id: string }) => x.id);
    expect(s.post('/v0/agents/state/edit', { deletes: ids }).status).toBe(200);
    const after = report();
    expect(after.map((r: { scheduled_seconds: number }) => r.scheduled_seconds)).toEqual(
      before.map((r: { scheduled_seconds: number }) => r.scheduled_seconds),
    );
    expect(after.every((r: { adherent_seconds: number }) => r.adherent_seconds === 0)).toBe(true);
  });
});

describe('associations', () => {
  it('set a platform id on the person', () => {
    const s = setup();
    const person = s.sim.admin.org.people[40];
    const r = s.post('/v0/agents/associations', {
      associations: [{ agent_id: person?.agent_id, platform: 'salesforce', platform_id: '005XYZ' }],
    });
    expect(r.status).toBe(201);
    expect(s.get(`/v0/people/${person?.id}`).json().platforms.salesforce).toBe('005XYZ');
  });

  it('a second id replaces the first; two for one agent on one platform in one request are refused whole', () => {
    const s = setup();
    const person = s.sim.admin.org.people[40];
    const link = (platform_id: string, platform = 'salesforce') => ({
      agent_id: person?.agent_id,
      platform,
      platform_id,
    });
    expect(s.post('/v0/agents/associations', { associations: [link('005A')] }).status).toBe(201);
    expect(s.post('/v0/agents/associations', { associations: [link('005B')] }).status).toBe(201);
    const held = () => s.get(`/v0/people/${person?.id}`).json().platforms;
    expect(held().salesforce).toBe('005B');
    const both = s.post('/v0/agents/associations', {
      associations: [link('kust-1', 'kustomer'), link('005C'), link('005D')],
    });
    expect(both.status).toBe(400);
    expect(both.body).toContain('associations[2] gives agent');
    expect(held()).toMatchObject({ salesforce: '005B' });
    expect(held().kustomer).toBeUndefined();
    // The same id twice is one association.
    expect(s.post('/v0/agents/associations', { associations: [link('005E'), link('005E')] }).status).toBe(
      201,
    );
  });
});
