import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { responseValidator, setup, T0_SEC } from './helpers';

const s = setup();
const agent = s.sim.admin.org.people.find((p) => p.staffable)?.agent_id ?? '';

describe('requests that break the contract get 400 naming the field', () => {
  it.each([
    [
      'missing required body field',
      'POST',
      '/v0/time_off',
      { start_time: '2026-06-01T00:00:00Z', end_time: '2026-06-02T00:00:00Z' },
      'Missing required field agent_id',
    ],
    [
      'missing required field in an array item',
      'POST',
      '/v0/agents/state/bulk',
      { states: [{ state: 'available', start_time: '2026-05-24T10:00:00Z' }] },
      'Missing required field states[0].agent_id',
    ],
    [
      'missing required query parameter',
      'GET',
      '/v0/agents/state?start_time=2026-05-24T10:00:00Z',
      undefined,
      'Missing required field end_time',
    ],
    [
      'wrong enum in the body',
      'POST',
      '/v0/reports/adherence',
      { granularity: 'hour' },
      'granularity: must be one of interval, day, week, month',
    ],
    [
      'wrong enum in the query',
      'GET',
      '/v0/time_off/requests?status=maybe',
      undefined,
      'status: must be one of pending, approved, denied, cancelled',
    ],
    [
      'bad date-time in the query',
      'GET',
      '/v0/agents/state?start_time=yesterday&end_time=2026-05-24T10:00:00Z',
      undefined,
      'start_time: must be a date-time',
    ],
    [
      'bad date-time in the body',
      'POST',
      '/v0/reports/handle_time',
      { start_time: '2026-05-24 10:00' },
      'start_time: must be a date-time',
    ],
    [
      'bad reportType',
      'POST',
      '/v0/reports/revenue',
      {},
      'reportType: must be one of adherence, ticket_stats, handle_time',
    ],
    ['wrong type', 'POST', '/v0/reports/adherence', { queue_ids: 'abc' }, 'queue_ids: must be an array'],
    ['limit over 500', 'GET', '/v0/people?limit=501', undefined, 'limit: must be <= 500'],
    ['a body that is not JSON', 'POST', '/v0/time_off', '{"agent_id":', 'Request body is not valid JSON'],
    [
      'a required body that is missing',
      'POST',
      '/v0/reports/adherence',
      undefined,
      'Request body is required',
    ],
  ])('%s', (_, method, url, body, message) => {
    const r = s.call(method, url, body);
    expect(r.status).toBe(400);
    expect(r.body).toBe(message);
  });

  it('seed takes only ISO date-times; live only unix seconds, refusing ISO with a 400', () => {
    const live = setup({ dialect: 'live' });
    const url = `/v0/agents/state?start_time=${T0_SEC - 3600}&end_time=${T0_SEC}&agent_ids=${agent}`;
    expect(s.get(url).body).toBe('start_time: must be a date-time');
    expect(s.post('/v0/reports/adherence', { start_time: T0_SEC }).body).toBe(
      'start_time: must be a date-time',
    );
    expect(live.get(url).status).toBe(200);
    expect(live.post('/v0/reports/adherence', { start_time: T0_SEC - 86_400, end_time: T0_SEC }).status).toBe(
      202,
    );
    const notUnix = 'start_time: must be unix seconds (an integer), not an ISO 8601 string';
    expect(live.post('/v0/reports/adherence', { start_time: 'soon' }).body).toBe(notUnix);
    const iso = live.post('/v0/reports/adherence', {
      start_time: '2026-05-23T00:00:00Z',
      end_time: '2026-05-24T00:00:00Z',
    });
    expect([iso.status, iso.body]).toEqual([400, notUnix]);
    const isoQuery = live.get(
      '/v0/agents/state?start_time=2026-05-23T00:00:00Z&end_time=2026-05-24T00:00:00Z',
    );
    expect([isoQuery.status, isoQuery.body]).toEqual([400, notUnix]);
    const body = live.post('/v0/agents/state/bulk', {
      states: [{ agent_id: agent, state: 'available', start_time: T0_SEC, end_time: '2026-05-24T16:00:00Z' }],
    });
    expect([body.status, body.body]).toEqual([
      400,
      'states[0].end_time: must be unix seconds (an integer), not an ISO 8601 string',
    ]);
  });
});

describe('semantic rules beyond the YAML', () => {
  it('end_time must be after start_time', () => {
    const r = s.get('/v0/agents/state?start_time=2026-05-24T10:00:00Z&end_time=2026-05-24T09:00:00Z');
    expect(r.status).toBe(400);
    expect(r.body).toBe('end_time: must be after start_time');
  });

  it('an unknown agent_id is a 400 naming the field; a person id is called out', () => {
    const body = { start_time: '2026-06-01T00:00:00Z', end_time: '2026-06-02T00:00:00Z' };
    expect(s.post('/v0/time_off', { ...body, agent_id: 'nobody' }).body).toBe(
      'agent_id: unknown agent nobody',
    );
    const personId = s.sim.admin.org.people[20]?.id;
    const r = s.post('/v0/time_off', { ...body, agent_id: personId });
    expect(r.status).toBe(400);
    expect(r.body).toContain('is a person id');
  });

  it('association items need agent_id, platform and platform_id', () => {
    const r = s.post('/v0/agents/associations', { associations: [{ agent_id: agent, platform: 'zendesk' }] });
    expect(r.status).toBe(400);
    expect(r.body).toBe('Missing required field associations[0].platform_id');
  });
});

describe('routing', () => {
  it('routes every operation of the vendored YAML files (an unknown id may 404, the route may not)', () => {
    const dir = new URL('../../dev/simulator/openapi/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.startsWith('assembled-'));
    expect(files).toHaveLength(3);
    let count = 0;
    for (const file of files) {
      const doc = parse(readFileSync(new URL(file, dir), 'utf8'));
      for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
        for (const method of Object.keys(item)) {
          const url = path.replace('{reportType}', 'adherence').replace(/\{\w+\}/, 'x');
          const r = s.call(method.toUpperCase(), url, method === 'post' ? {} : undefined);
          expect(r.status, `${method} ${path}`).not.toBe(405);
          expect(r.body, `${method} ${path}`).not.toMatch(/^Not found:/);
          count++;
        }
      }
    }
    expect(count).toBe(13);
  });

  it.each([
    '/v0/people',
    '/v0/roles',
    '/v0/teams',
    '/v0/sites',
    '/v0/queues',
    '/v0/requirements?start_time=2026-05-25T00:00:00Z&end_time=2026-05-26T00:00:00Z',
    '/v0/assist/conversations',
  ])('serves the catalogue resource %s', (url) => {
    expect(s.get(url).status).toBe(200);
  });

  it('unknown path -> 404, wrong method -> 405, unknown id -> 404', () => {
    expect(s.get('/v0/payroll').status).toBe(404);
    expect(s.get('/v0/payroll').body).toBe('Not found: GET /v0/payroll');
    expect(s.call('DELETE', '/v0/people').status).toBe(405);
    expect(s.get('/v0/people/not-a-person').status).toBe(404);
    expect(s.get('/v0/reports/not-a-report').status).toBe(404);
    expect(s.post('/v0/time_off/not-a-request/cancel').status).toBe(404);
  });

  it('takes absolute URLs as well as paths', () => {
    expect(s.get('https://api.assembledhq.com/v0/sites').status).toBe(200);
  });
});

describe('seed answers match the YAML response schemas', () => {
  it('agent states, time off requests, report start and report result', () => {
    const states = s.get(`/v0/agents/state?start_time=2026-05-23T00:00:00Z&end_time=2026-05-24T00:00:00Z`);
    const statesOk = responseValidator('assembled-agent-state.yml', '/v0/agents/state', 'get', '200');
    expect(statesOk(states.json()), JSON.stringify(statesOk.errors)).toBe(true);
    expect(states.json().states.length).toBeGreaterThan(100);

    const requests = responseValidator('assembled-time-off.yml', '/v0/time_off/requests', 'get', '200');
    expect(requests(s.get('/v0/time_off/requests').json())).toBe(true);

    const started = s.post('/v0/reports/handle_time', {});
    expect(
      responseValidator('assembled-reports.yml', '/v0/reports/{reportType}', 'post', '202')(started.json()),
    ).toBe(true);
    s.advance(20_000);
    const result = s.get(`/v0/reports/${started.json().reportID}`).json();
    expect(responseValidator('assembled-reports.yml', '/v0/reports/{reportID}', 'get', '200')(result)).toBe(
      true,
    );
  });

  it('the same schemas reject the live dialect (unix times), so the check can fail', () => {
    const live = setup({ dialect: 'live' });
    const body = live.get(`/v0/agents/state?start_time=${T0_SEC - 3600}&end_time=${T0_SEC}`).json();
    const asSeed = { states: body.agent_states };
    expect(responseValidator('assembled-agent-state.yml', '/v0/agents/state', 'get', '200')(asSeed)).toBe(
      false,
    );
  });
});
