import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../dev/simulator/index';
import { createOrg } from '../../dev/simulator/org';
import { runReport, setup, T0 } from './helpers';

const s = setup();
const org = s.sim.admin.org;

describe('the demo organisation', () => {
  it('has 3-4 sites, ~8 teams and ~6 queues forming trees', () => {
    expect(org.sites.length).toBeGreaterThanOrEqual(3);
    expect(org.sites.length).toBeLessThanOrEqual(4);
    expect(org.teams.length).toBe(8);
    expect(org.queues.length).toBeGreaterThanOrEqual(6);
    for (const nodes of [org.sites, org.teams, org.queues]) {
      const ids = new Set(nodes.map((n) => n.id));
      const children = nodes.filter((n) => n.parent_id !== null);
      expect(children.length).toBeGreaterThan(0);
      for (const child of children) expect(ids.has(child.parent_id ?? '')).toBe(true);
    }
  });

  it('has 100 people with the live fields, agent_id distinct from id', () => {
    const people = s.get('/v0/people?limit=500').json().people;
    expect(people).toHaveLength(100);
    for (const p of people) {
      expect(p.agent_id).not.toBe(p.id);
      expect(Object.keys(p).sort()).toEqual(
        [
          'agent_id',
          'channels',
          'created_at',
          'deleted',
          'email',
          'end_date',
          'first_name',
          'id',
          'imported_id',
          'last_name',
          'platforms',
          'queues',
          'role',
          'roles',
          'site',
          'skills',
          'staffable',
          'start_date',
          'teams',
          'timezone',
        ].sort(),
      );
    }
    expect(people.some((p: { deleted: boolean }) => p.deleted)).toBe(true);
    expect(people.some((p: { staffable: boolean }) => !p.staffable)).toBe(true);
    expect(
      people.some((p: { platforms: Record<string, string> }) => p.platforms.five9 && p.platforms.zendesk),
    ).toBe(true);
  });

  it('holds the awkward records that spreadsheet-safety tests need', () => {
    const people = s.get('/v0/people?limit=500').json().people;
    const names = people.flatMap((p: { first_name: string; last_name: string }) => [
      p.first_name,
      p.last_name,
    ]);
    expect(names).toContain('=IMPORTXML("http://x","//a")');
    expect(names).toContain('+1 555 0100');
    expect(names).toContain('@support');
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(people.map((p: { imported_id: string }) => p.imported_id)).toContain('007');
  });

  it('has time off in every status, 30 days of states ending at now, and assist conversations', () => {
    const statuses = new Set(
      s
        .get('/v0/time_off/requests')
        .json()
        .requests.map((r: { status: string }) => r.status),
    );
    expect([...statuses].sort()).toEqual(['approved', 'cancelled', 'denied', 'pending']);
    const all = s
      .get('/v0/agents/state?start_time=2026-04-24T00:00:00Z&end_time=2026-05-24T15:30:00Z')
      .json().states;
    const kinds = new Set(all.map((x: { state: string }) => x.state));
    expect([...kinds].sort()).toEqual(['available', 'break', 'busy', 'lunch', 'offline']);
    expect(all.some((x: { end_time: string | null }) => x.end_time === null)).toBe(true);
    expect(all.every((x: { start_time: string }) => Date.parse(x.start_time) < T0)).toBe(true);
    expect(
      s.get('/v0/agents/state?start_time=2026-04-23T00:00:00Z&end_time=2026-04-24T00:00:00Z').json().states,
    ).toEqual([]);
    expect(s.get('/v0/assist/conversations').json().length).toBeGreaterThan(10);
  });

  it('is deterministic: same seed, same org and same report numbers; another seed differs', () => {
    const again = setup();
    expect(again.get('/v0/people?limit=500').body).toBe(s.get('/v0/people?limit=500').body);
    const body = { start_time: '2026-05-10T00:00:00Z', end_time: '2026-05-24T00:00:00Z', granularity: 'day' };
    expect(runReport(again, 'adherence', body).rows).toEqual(runReport(setup(), 'adherence', body).rows);
    const other = createSimulator({ seed: 8, now: () => T0 });
    expect(other.admin.org.people[0]?.id).not.toBe(org.people[0]?.id);
  });

  it('made again from the same seed and instant (its activity kept, not generated again): the same records and next ids, and no org sees another’s changes', () => {
    const activity = (o: typeof org) => ({
      states: [...o.states],
      schedules: [...o.schedules],
      rest: [o.tickets, o.timeOff, o.timeOffUpdates, o.edits, o.conversations],
    });
    // A seed and instant no other test uses: the first org generates its activity.
    const generated = createOrg(424_242, T0 + 86_400_000);
    const copied = createOrg(424_242, T0 + 86_400_000);
    expect(activity(copied)).toEqual(activity(generated));
    expect(copied.tickets.length).toBeGreaterThan(1000);
    expect([copied.newId(), copied.newId()]).toEqual([generated.newId(), generated.newId()]);

    const [agent, states] = [...copied.states][0] ?? [];
    if (!agent || !states?.[0]) throw new Error('no states');
    states[0].state = 'changed';
    copied.tickets.length = 0;
    const third = createOrg(424_242, T0 + 86_400_000);
    expect(third.states.get(agent)?.[0]?.state).toBe(generated.states.get(agent)?.[0]?.state);
    expect(third.states.get(agent)?.[0]?.state).not.toBe('changed');
    expect(third.tickets).toEqual(generated.tickets);
  });
});

describe('reports agree with the data', () => {
  const range = { start_time: '2026-05-17T00:00:00Z', end_time: '2026-05-24T00:00:00Z' };
  const sum = (rows: Array<Record<string, number>>, field: string) =>
    rows.reduce((n, r) => n + (r[field] ?? 0), 0);

  it('handle_time: handled summed over agents = busy states that ended in range = ticket_stats solved', () => {
    const handled = sum(runReport(s, 'handle_time', range).rows, 'handled');
    const states = s
      .get(`/v0/agents/state?start_time=2026-05-16T00:00:00Z&end_time=2026-05-24T00:00:00Z`)
      .json().states;
    const busyEnded = states.filter(
      (x: { state: string; end_time: string | null }) =>
        x.state === 'busy' &&
        x.end_time !== null &&
        x.end_time >= range.start_time &&
        x.end_time < range.end_time,
    ).length;
    expect(handled).toBeGreaterThan(1000);
    expect(handled).toBe(busyEnded);
    // A parent queue's figures count its children's tickets: each ticket once, under the top-level queues.
    const top = new Set(org.queues.filter((q) => q.parent_id === null).map((q) => q.id));
    const topRows = runReport(s, 'ticket_stats', range).rows.filter((r: { queue_id: string }) =>
      top.has(r.queue_id),
    );
    expect(sum(topRows, 'solved')).toBe(handled);
  });

  it.each(['interval', 'week', 'month'])('totals at granularity %s equal the daily totals', (granularity) => {
    const daily = runReport(s, 'handle_time', { ...range, granularity: 'day' }).rows;
    const other = runReport(s, 'handle_time', { ...range, granularity }).rows;
    expect(sum(other, 'handled')).toBe(sum(daily, 'handled'));
    expect(sum(other, 'total_handle_seconds')).toBe(sum(daily, 'total_handle_seconds'));
    const adherenceDaily = runReport(s, 'adherence', { ...range, granularity: 'day' }).rows;
    expect(sum(runReport(s, 'adherence', { ...range, granularity }).rows, 'scheduled_seconds')).toBe(
      sum(adherenceDaily, 'scheduled_seconds'),
    );
  });

  it.each(['ticket_stats', 'adherence', 'handle_time'])(
    '%s: day buckets of a range that starts mid-day never overlap (New York week)',
    (type) => {
      // A New York analyst's week: 2026-05-17 00:00 to 2026-05-24 00:00 at UTC-4.
      const ny = { start_time: '2026-05-17T04:00:00Z', end_time: '2026-05-24T04:00:00Z', granularity: 'day' };
      const rows: Array<{ queue_id?: string; agent_id?: string; start_time: string; end_time: string }> =
        runReport(s, type, ny).rows;
      expect(rows.length).toBeGreaterThan(0);
      const byKey = new Map<string, Array<[number, number]>>();
      for (const r of rows) {
        const key = r.queue_id ?? r.agent_id ?? '';
        const list = byKey.get(key) ?? [];
        list.push([Date.parse(r.start_time), Date.parse(r.end_time)]);
        byKey.set(key, list);
      }
      for (const spans of byKey.values()) {
        spans.sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < spans.length; i++)
          expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
        for (const [a, b] of spans) {
          expect(a).toBeGreaterThanOrEqual(Date.parse(ny.start_time));
          expect(b).toBeLessThanOrEqual(Date.parse(ny.end_time));
        }
      }
    },
  );

  it('interval rows are 30 minutes; adherence stays within what was scheduled', () => {
    const rows = runReport(s, 'adherence', {
      start_time: '2026-05-22T00:00:00Z',
      end_time: '2026-05-23T00:00:00Z',
      granularity: 'interval',
    }).rows;
    for (const r of rows) {
      expect(Date.parse(r.end_time) - Date.parse(r.start_time)).toBe(30 * 60 * 1000);
      expect(r.scheduled_seconds).toBeLessThanOrEqual(1800);
      expect(r.adherent_seconds).toBeLessThanOrEqual(r.scheduled_seconds);
      expect(r.adherence_percent).toBeCloseTo((100 * r.adherent_seconds) / r.scheduled_seconds, 1);
    }
    const mean = sum(rows, 'adherent_seconds') / sum(rows, 'scheduled_seconds');
    expect(mean).toBeGreaterThan(0.6);
    expect(mean).toBeLessThan(1);
  });

  it('filters narrow the rows to the team, site, queue or agents asked for', () => {
    const team = org.teams.find((t) => t.name === 'Tier 1 EMEA');
    const members = new Set(
      org.people.filter((p) => p.teams.includes(team?.id ?? '')).map((p) => p.agent_id),
    );
    const byTeam = runReport(s, 'handle_time', { ...range, team_ids: [team?.id] }).rows;
    expect(byTeam.length).toBeGreaterThan(0);
    expect(byTeam.every((r: { agent_id: string }) => members.has(r.agent_id))).toBe(true);
    const agent = org.people.find((p) => members.has(p.agent_id) && p.staffable && !p.deleted)?.agent_id;
    const byAgent = runReport(s, 'adherence', { ...range, agent_ids: [agent] }).rows;
    expect(new Set(byAgent.map((r: { agent_id: string }) => r.agent_id))).toEqual(new Set([agent]));
    const queue = org.queues.find((q) => q.name === 'Billing');
    const children = org.queues.filter((q) => q.parent_id === queue?.id).map((q) => q.id);
    const byQueue = runReport(s, 'ticket_stats', { ...range, queue_ids: [queue?.id, ...children] }).rows;
    expect(new Set(byQueue.map((r: { queue_id: string }) => r.queue_id))).toEqual(
      new Set([queue?.id, ...children]),
    );
    const site = org.sites.find((x) => x.name === 'Manila');
    const bySite = runReport(s, 'handle_time', { ...range, site_ids: [site?.id] }).rows;
    const manila = new Set(org.people.filter((p) => p.site === site?.id).map((p) => p.agent_id));
    expect(bySite.length).toBeGreaterThan(0);
    expect(bySite.every((r: { agent_id: string }) => manila.has(r.agent_id))).toBe(true);
  });

  it('a filter takes in only the teams, sites and queues it names, not those under them', () => {
    // The stricter reading of an open question: the add-on must name every sub-team it means.
    const named = (list: { id: string; name: string }[], name: string) =>
      list.find((x) => x.name === name)?.id;
    const tier2 = named(org.teams, 'Tier 2');
    const billing = named(org.teams, 'Billing Specialists');
    const agentsOn = (team: string | undefined) =>
      new Set(org.people.filter((p) => p.teams.includes(team ?? '')).map((p) => p.agent_id));
    const [direct, below] = [agentsOn(tier2), agentsOn(billing)];
    expect(below.size).toBeGreaterThan(0);
    const byParent = runReport(s, 'handle_time', { ...range, team_ids: [tier2] }).rows;
    expect(byParent.length).toBeGreaterThan(0);
    expect(byParent.every((r: { agent_id: string }) => direct.has(r.agent_id))).toBe(true);
    const both = runReport(s, 'handle_time', { ...range, team_ids: [tier2, billing] }).rows;
    expect(both.some((r: { agent_id: string }) => below.has(r.agent_id))).toBe(true);
    const austin = named(org.sites, 'Austin');
    const bySf = runReport(s, 'handle_time', {
      ...range,
      site_ids: [named(org.sites, 'San Francisco')],
    }).rows;
    const inAustin = new Set(org.people.filter((p) => p.site === austin).map((p) => p.agent_id));
    expect(bySf.some((r: { agent_id: string }) => inAustin.has(r.agent_id))).toBe(false);
    const parentQueue = runReport(s, 'ticket_stats', { ...range, queue_ids: [named(org.queues, 'Billing')] });
    expect(new Set(parentQueue.rows.map((r: { queue_id: string }) => r.queue_id))).toEqual(
      new Set([named(org.queues, 'Billing')]),
    );
  });

  it("a parent queue's tickets are its child queues' too, asked alone or with every queue (Assembled's nested queues)", () => {
    type Row = { queue_id: string; start_time: string; created: number; solved: number; backlog: number };
    /** Each day's created, solved and backlog summed over `ids`' rows. */
    const ofQueues = (rows: Row[], ids: string[]) => {
      const byDay = new Map<string, number[]>();
      for (const r of rows.filter((x) => ids.includes(x.queue_id))) {
        const [created = 0, solved = 0, backlog = 0] = byDay.get(r.start_time) ?? [];
        byDay.set(r.start_time, [created + r.created, solved + r.solved, backlog + r.backlog]);
      }
      return byDay;
    };
    const day = { ...range, granularity: 'day' };
    const every: Row[] = runReport(s, 'ticket_stats', day).rows;
    for (const parent of org.queues.filter((q) => org.queues.some((c) => c.parent_id === q.id))) {
      const children = org.queues.filter((q) => q.parent_id === parent.id).map((q) => q.id);
      const alone: Row[] = runReport(s, 'ticket_stats', { ...day, queue_ids: [parent.id] }).rows;
      const summed = ofQueues(every, children);
      expect(
        alone.reduce((n, r) => n + r.created, 0),
        parent.name,
      ).toBeGreaterThan(0);
      expect(ofQueues(alone, [parent.id]), parent.name).toEqual(summed);
      expect(ofQueues(every, [parent.id]), parent.name).toEqual(summed);
      const handled = (queue_ids: string[]) =>
        sum(runReport(s, 'handle_time', { ...range, queue_ids }).rows, 'handled');
      expect(handled([parent.id]), parent.name).toBe(handled(children));
    }
  });

  it.each([
    [
      'a range over 92 days',
      { start_time: '2026-01-01T00:00:00Z', end_time: '2026-05-01T00:00:00Z' },
      'Report range exceeds 92 days',
    ],
    [
      'interval granularity over 31 days',
      { start_time: '2026-03-01T00:00:00Z', end_time: '2026-05-01T00:00:00Z', granularity: 'interval' },
      'interval granularity is limited to ranges of 31 days',
    ],
    ['an unknown queue id', { queue_ids: ['no-such-queue'] }, 'Unknown queue_id no-such-queue'],
  ])('%s fails with a reason once the job has run', (_, body, reason) => {
    const t = setup();
    const id = t.post('/v0/reports/ticket_stats', body).json().reportID;
    expect(t.get(`/v0/reports/${id}`).json().status).toBe('pending');
    t.advance(20_000);
    expect(t.get(`/v0/reports/${id}`).json()).toMatchObject({ status: 'failed', reason, rows: [] });
  });

  it('adherence covers the 30 days of history, schedules and states alike', () => {
    const body = { start_time: '2026-04-20T00:00:00Z', end_time: '2026-05-24T00:00:00Z', granularity: 'day' };
    const rows = runReport(s, 'adherence', body).rows;
    const days = new Set(rows.map((r: { start_time: string }) => r.start_time));
    expect(days.size).toBe(30);
    expect([...days].sort()[0]).toBe('2026-04-24T00:00:00Z');
    const firstDay = rows.filter((r: { start_time: string }) => r.start_time === '2026-04-24T00:00:00Z');
    expect(sum(firstDay, 'adherent_seconds') / sum(firstDay, 'scheduled_seconds')).toBeGreaterThan(0.6);
  });

  it('reaches as far back as historyDays says, states and tickets alike', () => {
    const longer = setup({ historyDays: 62 });
    const states = (from: string, to: string) =>
      longer.get(`/v0/agents/state?start_time=${from}T00:00:00Z&end_time=${to}T00:00:00Z`).json().states;
    expect(states('2026-03-23', '2026-03-24').length).toBeGreaterThan(100);
    expect(states('2026-03-22', '2026-03-23')).toEqual([]);
    const body = {
      start_time: '2026-03-01T00:00:00Z',
      end_time: '2026-04-01T00:00:00Z',
      granularity: 'month',
    };
    const created = (sim: typeof s) => sum(runReport(sim, 'ticket_stats', body).rows, 'created');
    expect(created(longer)).toBeGreaterThan(1000);
    expect(created(s)).toBe(0);
  });

  it('refuses a history that is not a whole number of days from 1 to 366, naming the value', () => {
    for (const historyDays of [0, 1.5, 367])
      expect(() => createOrg(7, T0, historyDays)).toThrow(`from 1 to 366, not ${historyDays}`);
    expect(createOrg(7, T0, 366).historyDays).toBe(366);
  });
});

describe('a queue deleted (admin.deleteQueue, as an admin deletes one in Assembled)', () => {
  it('leaves the queues list and its agents, and reports refuse its id; a queue with others under it is refused', () => {
    const d = setup();
    const named = (name: string) => d.sim.admin.org.queues.find((q) => q.name === name)?.id ?? '';
    const [chat, billing] = [named('Chat Support'), named('Billing')];
    expect(() => d.sim.admin.deleteQueue(billing)).toThrow(`Queue ${billing} has queues under it`);
    d.sim.admin.deleteQueue(chat);
    expect(() => d.sim.admin.deleteQueue(chat)).toThrow(`No queue ${chat}`);
    expect(
      d
        .get('/v0/queues')
        .json()
        .queues.map((q: { id: string }) => q.id),
    ).not.toContain(chat);
    const people = d.get('/v0/people?limit=500').json().people as { queues: string[] }[];
    expect(people.some((p) => p.queues.includes(chat))).toBe(false);
    const range = { start_time: '2026-05-17T00:00:00Z', end_time: '2026-05-24T00:00:00Z' };
    const report = runReport(d, 'ticket_stats', { ...range, queue_ids: [chat] });
    expect(report.status).toBe('failed');
    expect(report.reason).toBe(`Unknown queue_id ${chat}`);
    expect(
      runReport(d, 'ticket_stats', range).rows.some((r: { queue_id: string }) => r.queue_id === chat),
    ).toBe(false);
  });
});
