import { describe, expect, it } from 'vitest';
import { base64Encode } from '../../src/core/assembled';
import { KEY, path, query, reply, setup } from './fake-http';

const T0 = Date.UTC(2026, 4, 1, 8, 30);
const T1 = Date.UTC(2026, 4, 2, 8, 30);

describe('requests are built to the YAML', () => {
  it('authenticates with HTTP Basic: the key as username, empty password', () => {
    const { client, http } = setup(() => reply(200, { roles: [] }));
    client.listRoles();
    const auth = http.sent[0]?.headers.Authorization;
    expect(auth).toBe(`Basic ${base64Encode(`${KEY}:`)}`);
    expect(auth).toBe(`Basic c2tfbGl2ZV90ZXN0X2ZpeHR1cmVfZXJyb3JzOg==`);
  });

  it('encodes UTF-8 base64 like the platform encoders do', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'sk_live_x:', 'Zoë Łukasz ✓ 🚀']) {
      expect(base64Encode(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
  });

  it('uses an injected base64 encoder', () => {
    const { client, http } = setup(() => reply(200, { roles: [] }), { base64: (t) => `B64(${t.length})` });
    client.listRoles();
    expect(http.sent[0]?.headers.Authorization).toBe(`Basic B64(${KEY.length + 1})`);
  });

  it("sends API-Version 2019-06-20 unless told another, as Assembled's own client does", () => {
    const plain = setup(() => reply(200, { roles: [] }));
    plain.client.listRoles();
    expect(plain.http.sent[0]?.headers['API-Version']).toBe('2019-06-20');
    const pinned = setup(() => reply(200, { roles: [] }), { apiVersion: '2026-05-24' });
    pinned.client.listRoles();
    expect(pinned.http.sent[0]?.headers['API-Version']).toBe('2026-05-24');
    const none = setup(() => reply(200, { roles: [] }), { apiVersion: '' });
    none.client.listRoles();
    expect(Object.keys(none.http.sent[0]?.headers ?? {})).not.toContain('API-Version');
  });

  it("sends times as unix seconds by default (as Assembled's own client does) and ISO 8601 when asked", () => {
    const unix = setup(() => reply(200, { states: [] }));
    unix.client.getAgentStates({ start_time: '2026-05-01T08:30:00Z', end_time: T1 });
    expect(path(unix.http.sent[0])).toBe('/v0/agents/state');
    expect(query(unix.http.sent[0])).toEqual({
      start_time: String(T0 / 1000),
      end_time: String(T1 / 1000),
      limit: '500',
      offset: '0',
    });
    const iso = setup(() => reply(200, { states: [] }), { timeFormat: 'iso' });
    iso.client.getAgentStates({ start_time: T0, end_time: new Date(T1) });
    expect(query(iso.http.sent[0])).toMatchObject({
      start_time: '2026-05-01T08:30:00.000Z',
      end_time: '2026-05-02T08:30:00.000Z',
    });
  });

  it("asks for each agent's states on its own, by agent_id (live) and agent_ids (YAML)", () => {
    const { client, http } = setup(() => reply(200, { agent_states: [], total: 0 }));
    client.getAgentStates({ start_time: T0, end_time: T1, agent_ids: ['a1', 'a2'] });
    expect(http.sent.map((r) => [query(r).agent_id, query(r).agent_ids])).toEqual([
      ['a1', 'a1'],
      ['a2', 'a2'],
    ]);
  });

  it('sends JSON bodies with only the fields given', () => {
    const { client, http } = setup(() => reply(201, { id: 'to1' }), { timeFormat: 'unix' });
    client.createTimeOff({ agent_id: 'ag1', start_time: T0, end_time: T1, all_day: true });
    const sent = http.sent[0];
    expect(sent?.method).toBe('POST');
    expect(path(sent)).toBe('/v0/time_off');
    expect(sent?.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      agent_id: 'ag1',
      start_time: T0 / 1000,
      end_time: T1 / 1000,
      all_day: true,
    });
  });

  it('builds every operation on its YAML path', () => {
    const { client, http } = setup(
      (request) => {
        const p = new URL(request.url).pathname;
        if (p.startsWith('/v0/reports/adherence')) return reply(202, { reportID: 'r1', status: 'pending' });
        if (p.startsWith('/v0/reports/')) return reply(200, { reportID: 'r1', status: 'pending' });
        if (p === '/v0/agents/state/condensed_timeline') return reply(200, { timeline: [] });
        if (p === '/v0/agents/state/edit/history') return reply(200, { edits: [] });
        if (p === '/v0/time_off/requests') return reply(200, { requests: [] });
        if (p === '/v0/time_off/updates') return reply(200, { updates: [] });
        return reply(200, {});
      },
      { timeFormat: 'iso' },
    );
    const job = client.startReport('adherence', {
      start_time: T0,
      end_time: T1,
      team_ids: ['t1'],
      granularity: 'day',
    });
    client.pollReport(job.id);
    client.getCondensedTimeline({ start_time: T0, end_time: T1, priority_order: ['five9', 'zendesk'] });
    client.bulkUpdateAgentStates([{ agent_id: 'a', state: 'available', start_time: T0 }]);
    client.editAgentStates({ deletes: ['s1'] });
    client.getEditHistory({ start_time: T0 });
    client.createAgentAssociations([{ agent_id: 'a', platform: 'zendesk', platform_id: 'z1' }]);
    client.listTimeOffRequests({ status: 'approved', agent_id: 'a' });
    client.cancelTimeOff('to 1/x');
    client.listTimeOffUpdates(T0);
    expect(http.sent.map((r) => `${r.method} ${path(r)}`)).toEqual([
      'POST /v0/reports/adherence',
      'GET /v0/reports/r1',
      'GET /v0/agents/state/condensed_timeline',
      'POST /v0/agents/state/bulk',
      'POST /v0/agents/state/edit',
      'GET /v0/agents/state/edit/history',
      'POST /v0/agents/associations',
      'GET /v0/time_off/requests',
      'POST /v0/time_off/to%201%2Fx/cancel',
      'GET /v0/time_off/updates',
    ]);
    expect(JSON.parse(http.sent[0]?.body ?? '')).toEqual({
      start_time: '2026-05-01T08:30:00.000Z',
      end_time: '2026-05-02T08:30:00.000Z',
      team_ids: ['t1'],
      granularity: 'day',
    });
    expect(query(http.sent[2]).priority_order).toBe('five9,zendesk');
    expect(JSON.parse(http.sent[3]?.body ?? '')).toEqual({
      states: [{ agent_id: 'a', state: 'available', start_time: '2026-05-01T08:30:00.000Z' }],
    });
    expect(query(http.sent[7])).toEqual({ status: 'approved', agent_id: 'a' });
    expect(query(http.sent[9])).toEqual({ since: '2026-05-01T08:30:00.000Z' });
  });

  it('refuses an unreadable time before sending anything', () => {
    const { client, http } = setup(() => reply(200, { states: [] }));
    expect(() => client.getAgentStates({ start_time: 'next tuesday', end_time: T1 })).toThrow(
      expect.objectContaining({ kind: 'bad_request', field: 'start_time', status: 0 }),
    );
    expect(http.sent).toHaveLength(0);
  });

  it('sends nothing without a key and says where to set one', () => {
    const { client, http } = setup(() => reply(200, {}), { apiKey: '  ' });
    expect(() => client.listPeople()).toThrow(expect.objectContaining({ kind: 'auth', status: 0 }));
    expect(() => client.listPeople()).toThrow(/Extensions ▸ Assembled for Google Sheets ▸ Settings…/);
    expect(http.sent).toHaveLength(0);
  });
});
