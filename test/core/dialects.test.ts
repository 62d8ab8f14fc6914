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
    expect(asArray).toEqual([{ id: 't1', name: 'Support', parent_id: null, site_id: null }]);
  });

  it('agent states under states or agent_states', () => {
    const state = {
      id: 's1',
      agent_id: 'a1',
      state: 'available',
      start_time: ISO,
      end_time: null,
      source: 'zendesk',
    };
    const seed = read({ states: [state] }, (c) => c.getAgentStates(WINDOW));
    const live = read({ agent_states: [{ ...state, start_time: SECS }] }, (c) => c.getAgentStates(WINDOW));
    expect(live).toEqual(seed);
    expect(seed).toEqual([{ ...state, start_time: MS, sub_state: null }]);
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
});
