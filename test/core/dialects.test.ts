// Canned replies in both dialects (shapes from the YAML and API-FACTS) read into one model.
import { describe, expect, it } from 'vitest';
import { reply, setup } from './fake-http';

const ISO = '2026-05-01T08:00:00Z';
const MS = Date.UTC(2026, 4, 1, 8);
const SECS = MS / 1000;
const WINDOW = { start_time: MS, end_time: MS + 3_600_000 };

function read<T>(body: unknown, call: (c: ReturnType<typeof setup>['client']) => T): T {
  return call(setup(() => reply(200, body)).client);
}

describe('both dialects, one model', () => {
  it('people: array with ISO times, or id-keyed map with unix seconds', () => {
    const seed = read(
      {
        people: [
          {
            id: 'p1',
            agent_id: 'a1',
            first_name: 'Zoë',
            created_at: ISO,
            platforms: { zendesk: '77' },
            teams: ['t1'],
          },
        ],
        total: 1,
      },
      (c) => c.listPeople(),
    );
    const live = read(
      {
        people: {
          p1: {
            agent_id: 'a1',
            first_name: 'Zoë',
            created_at: SECS,
            platforms: { zendesk: 77 },
            teams: ['t1'],
          },
        },
        total: 1,
      },
      (c) => c.listPeople(),
    );
    expect(live).toEqual(seed);
    expect(seed[0]).toMatchObject({
      id: 'p1',
      created_at: MS,
      platforms: { zendesk: '77' },
      roles: [],
      end_date: null,
    });
  });

  it('teams, sites, queues and roles as maps or arrays', () => {
    const asArray = read({ teams: [{ id: 't1', name: 'Support', parent_id: null }] }, (c) => c.listTeams());
    const asMap = read({ teams: { t1: { name: 'Support' } }, total: 1 }, (c) => c.listTeams());
    expect(asMap).toEqual(asArray);
    expect(asArray).toEqual([{ id: 't1', name: 'Support', parent_id: null }]);
  });

  it('tree nodes read the live {id, name, parent_id, created_at, updated_at}; other fields only when sent', () => {
    const node = { id: 'q1', name: 'Chat', parent_id: 'q0', created_at: SECS, updated_at: SECS };
    expect(read({ queues: { q1: node } }, (c) => c.listQueues())).toEqual([
      { ...node, created_at: MS, updated_at: MS },
    ]);
    expect(read({ skills: { q1: node } }, (c) => c.listSkills())).toEqual([
      { ...node, created_at: MS, updated_at: MS },
    ]);
    const sites = read({ sites: [{ id: 's1', name: 'Dublin', timezone: 'Europe/Dublin' }] }, (c) =>
      c.listSites(),
    );
    expect(sites).toEqual([{ id: 's1', name: 'Dublin', parent_id: null, timezone: 'Europe/Dublin' }]);
    const teams = read({ teams: { t1: { name: 'Support' } } }, (c) => c.listTeams());
    expect(teams[0]).not.toHaveProperty('site_id');
  });

  it('agent states under states (source, id) or agent_states (platform, no id): one model', () => {
    const state = {
      id: 's1',
      agent_id: 'a1',
      state: 'available',
      start_time: ISO,
      end_time: null,
      source: 'zendesk',
    };
    const seed = read({ states: [state] }, (c) => c.getAgentStates(WINDOW));
    expect(seed).toEqual([
      { id: 's1', agent_id: 'a1', state: 'available', start_time: MS, end_time: null, platform: 'zendesk' },
    ]);
    const { id: _id, source: _source, ...rest } = state;
    const live = read({ agent_states: [{ ...rest, platform: 'zendesk', start_time: SECS }], total: 1 }, (c) =>
      c.getAgentStates(WINDOW),
    );
    expect(live).toEqual([
      { agent_id: 'a1', state: 'available', start_time: MS, end_time: null, platform: 'zendesk' },
    ]);
  });

  it('the condensed timeline under timeline (YAML) or agent_states (live), with the live fields', () => {
    const piece = {
      agent_id: 'a1',
      agent_name: 'Zoë Ng',
      agent_email: 'zoe@example.com',
      platform: 'zendesk',
      agent_platform_id: 77,
      state: 'busy',
      start_time: SECS,
      end_time: SECS + 600,
      modified_at: SECS + 600,
      external_id: 'z-1',
      ticket_id: 4411,
      ticket_status: 'solved',
    };
    const live = read({ agent_states: [piece] }, (c) => c.getCondensedTimeline(WINDOW));
    expect(live).toEqual([
      {
        ...piece,
        agent_platform_id: '77',
        ticket_id: '4411',
        start_time: MS,
        end_time: MS + 600_000,
        modified_at: MS + 600_000,
      },
    ]);
    const yaml = read(
      { timeline: [{ agent_id: 'a1', state: 'busy', start_time: ISO, source: 'five9' }] },
      (c) => c.getCondensedTimeline(WINDOW),
    );
    expect(yaml).toEqual([
      { agent_id: 'a1', state: 'busy', start_time: MS, end_time: null, platform: 'five9' },
    ]);
  });

  it('edit history with no content (the YAML 200 has none) is no edits', () => {
    const { client } = setup(() => ({ status: 200, headers: {}, body: '' }));
    expect(client.getEditHistory()).toEqual([]);
  });

  it('a report start whose status is an unknown word (a free string in the YAML) is pending', () => {
    expect(read({ reportID: 'r1', status: 'queued' }, (c) => c.startReport('adherence', WINDOW))).toEqual({
      id: 'r1',
      status: 'pending',
    });
  });

  it('report start: {reportID, status} or {report_id}', () => {
    const seed = read({ reportID: 'r1', status: 'pending' }, (c) => c.startReport('adherence', WINDOW));
    const live = read({ report_id: 'r1' }, (c) => c.startReport('adherence', WINDOW));
    expect(live).toEqual(seed);
    expect(seed).toEqual({ id: 'r1', status: 'pending' });
  });

  it('report status in_progress reads as running; the poll says to wait', () => {
    const poll = read({ report_id: 'r1', status: 'in_progress' }, (c) => c.pollReport('r1'));
    expect(poll).toEqual({ done: false, status: 'running', suggestedWaitMs: 10_000 });
  });

  it('report rows, or metrics turned into one row per agent and bucket with a column per metric', () => {
    const seed = read(
      {
        reportID: 'r1',
        status: 'complete',
        reportType: 'adherence',
        generated_at: ISO,
        rows: [
          { agent_id: 'a1', start_time: ISO, end_time: ISO, adherence: 0.9, scheduled_minutes: 480 },
          { agent_id: 'a2', start_time: ISO, end_time: ISO, adherence: 0.8, scheduled_minutes: 240 },
        ],
      },
      (c) => c.getReport('r1'),
    );
    const attrs = (agent: string) => ({ agent_id: agent, start_time: SECS, end_time: SECS });
    const live = read(
      {
        report_id: 'r1',
        status: 'complete',
        report_type: 'adherence',
        generated_at: SECS,
        metrics: [
          { name: 'adherence', value: 0.9, attributes: attrs('a1') },
          { name: 'adherence', value: 0.8, attributes: attrs('a2') },
          { name: 'scheduled_minutes', value: 480, attributes: attrs('a1') },
          { name: 'scheduled_minutes', value: 240, attributes: attrs('a2') },
        ],
        total_metric_count: 4,
      },
      (c) => c.getReport('r1'),
    );
    expect(live).toEqual(seed);
    expect(seed.rows[0]).toEqual({
      agent_id: 'a1',
      start_time: MS,
      end_time: MS,
      adherence: 0.9,
      scheduled_minutes: 480,
    });
  });

  it('keeps every metric attribute as a column and leaves null ones out', () => {
    const attributes = { agent_id: null, queue_id: 'q1', type: 'day', start_time: SECS, end_time: SECS };
    const report = read(
      {
        report_id: 'r1',
        status: 'complete',
        metrics: [
          { name: 'tickets', value: 12, attributes },
          { name: 'solved', value: 10, attributes },
        ],
        total_metric_count: 2,
      },
      (c) => c.getReport('r1'),
    );
    expect(report.rows).toEqual([
      { queue_id: 'q1', type: 'day', start_time: MS, end_time: MS, tickets: 12, solved: 10 },
    ]);
  });

  it('refuses a metric name repeated under the same attributes, rather than keep one of the figures', () => {
    const attributes = { agent_id: null, type: 'day', start_time: SECS, end_time: SECS };
    const body = {
      report_id: 'r1',
      status: 'complete',
      metrics: [
        { name: 'solved', value: 10, attributes },
        { name: 'solved', value: 3, attributes },
      ],
      total_metric_count: 2,
    };
    expect(() => read(body, (c) => c.getReport('r1'))).toThrow(
      /^Assembled's report gave "solved" more than once for the same type, start_time, end_time/,
    );
  });

  it('time off with ISO or seconds, and the US spelling of cancelled', () => {
    const base = { id: 'to1', agent_id: 'a1', type: 'pto', all_day: true, approver_id: null };
    const seed = read({ requests: [{ ...base, status: 'cancelled', start_time: ISO, end_time: ISO }] }, (c) =>
      c.listTimeOffRequests(),
    );
    const live = read(
      { requests: [{ ...base, status: 'canceled', start_time: SECS, end_time: SECS }] },
      (c) => c.listTimeOffRequests(),
    );
    expect(live).toEqual(seed);
    expect(seed[0]?.status).toBe('cancelled');
  });

  it('refuses a status outside the YAML enum, naming it', () => {
    const { client } = setup(() => reply(200, { reportID: 'r1', status: 'done' }));
    expect(() => client.getReport('r1')).toThrow(
      /status expected one of pending, running, in_progress, complete, failed/,
    );
  });

  it('people platforms: ids as text or numbers, read as text; anything else named by its field', () => {
    const people = read({ people: [{ id: 'p1', platforms: { five9: 7, zendesk: '077' } }] }, (c) =>
      c.listPeople(),
    );
    expect(people[0]?.platforms).toEqual({ five9: '7', zendesk: '077' });
    const { client } = setup(() => reply(200, { people: [{ id: 'p1', platforms: { zendesk: { id: 1 } } }] }));
    expect(() => client.listPeople()).toThrow(
      /people\[0\]\.platforms\.zendesk expected a string or a number/,
    );
    const list = setup(() => reply(200, { people: [{ id: 'p1', platforms: ['zendesk'] }] })).client;
    expect(() => list.listPeople()).toThrow(/people\[0\]\.platforms expected an object/);
  });

  it('report rows must be objects: a row that is a list is refused, naming it', () => {
    const { client } = setup(() =>
      reply(200, { id: 'r1', status: 'complete', rows: [{ agent_id: 'a1' }, ['a2']] }),
    );
    expect(() => client.getReport('r1')).toThrow(/rows\[1\] expected an object/);
  });
});
