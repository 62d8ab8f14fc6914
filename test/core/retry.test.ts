import { describe, expect, it } from 'vitest';
import { caught } from './caught';
import { reply, setup } from './fake-http';

// With its total, as Assembled answers roles (API-FACTS): one request reads the list.
const ROLES = { roles: [{ id: 'r1', name: 'Agent' }], total: 1 };
const TIME_OFF = { agent_id: 'a1', start_time: Date.UTC(2026, 5, 1), end_time: Date.UTC(2026, 5, 2) };

describe('retry policy', () => {
  it('retries a 429 with exponential backoff and full jitter when no Retry-After comes', () => {
    const draws: number[] = [];
    const { client, http } = setup((_, i) => (i < 3 ? reply(429, 'slow down') : reply(200, ROLES)), {
      retry: {
        baseDelayMs: 1000,
        random: () => {
          draws.push(0.5);
          return 0.5;
        },
      },
    });
    expect(client.listRoles()).toHaveLength(1);
    expect(http.sent).toHaveLength(4);
    expect(draws).toHaveLength(3);
    // Half of each ceiling (1 s, 2 s, 4 s), after the bucket was emptied by the 429.
    const gaps = http.sentAt.slice(1).map((t, i) => t - (http.sentAt[i] ?? 0));
    expect(gaps).toEqual([500, 1000, 2000]);
  });

  it('honours Retry-After in seconds and as an HTTP date', () => {
    const seconds = setup((_, i) => (i === 0 ? reply(429, '', { 'retry-after': '7' }) : reply(200, ROLES)));
    seconds.client.listRoles();
    expect((seconds.http.sentAt[1] ?? 0) - (seconds.http.sentAt[0] ?? 0)).toBe(7000);

    const dated = setup((_, i) =>
      i === 0
        ? reply(429, '', { 'retry-after': new Date(Date.UTC(2026, 4, 25, 12, 0, 12)).toUTCString() })
        : reply(200, ROLES),
    );
    dated.client.listRoles();
    expect((dated.http.sentAt[1] ?? 0) - dated.start).toBe(12_000);
  });

  it('gives up on 429s when the attempts run out, saying to wait a minute', () => {
    const { client, http } = setup(() => reply(429, ''), { retry: { maxAttempts: 3 } });
    const error = caught(() => client.listRoles());
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/rate limit was hit.*wait a minute and try again\.$/);
    expect(http.sent).toHaveLength(3);
  });

  it('gives up when the total wait would pass the budget', () => {
    const { client, http } = setup(() => reply(429, '', { 'retry-after': '30' }), {
      retry: { maxAttempts: 10, maxTotalWaitMs: 60_000 },
    });
    expect(caught(() => client.listRoles()).kind).toBe('rate_limited');
    expect(http.sent).toHaveLength(3); // waits 30 s + 30 s; a third wait would pass 60 s
  });

  it('retries 5xx and lost responses on reads', () => {
    const { client, http } = setup(
      (_, i) => [reply(503, 'busy'), 'network' as const, reply(200, ROLES)][i] ?? reply(500),
    );
    expect(client.listRoles()).toEqual([{ id: 'r1', name: 'Agent', permissions: [] }]);
    expect(http.sent).toHaveLength(3);
  });

  it('reports a server error or a network failure once the budget is spent', () => {
    const server = setup(() => reply(502, 'bad gateway'), { retry: { maxAttempts: 2 } });
    expect(caught(() => server.client.listRoles())).toMatchObject({ kind: 'server', status: 502 });
    const network = setup(() => 'network', { retry: { maxAttempts: 2 } });
    const error = caught(() => network.client.listRoles());
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(error.message).toMatch(/Could not reach Assembled/);
    expect(network.http.sent).toHaveLength(2);
  });

  it.each([400, 401, 403, 404])('never retries %i', (status) => {
    const { client, http } = setup(() => reply(status, 'no'));
    caught(() => client.listRoles());
    caught(() => client.createTimeOff(TIME_OFF, { safeToRetry: true }));
    expect(http.sent).toHaveLength(2);
  });

  it('retries a POST after a 429: the server did not process it', () => {
    const { client, http } = setup((_, i) => (i === 0 ? reply(429, '') : reply(201, { id: 'to1' })));
    expect(client.createTimeOff(TIME_OFF).id).toBe('to1');
    expect(http.sent).toHaveLength(2);
  });

  it('does not resend a POST after a 5xx or a lost response: the outcome is unknown', () => {
    for (const failure of [reply(500, 'oops'), 'network' as const]) {
      const { client, http } = setup(() => failure);
      const error = caught(() => client.createTimeOff(TIME_OFF));
      expect(error.kind).toBe('outcome_unknown');
      expect(error.status).toBe(failure === 'network' ? 0 : 500);
      expect(error.message).toMatch(
        /^Assembled gave no clear answer while creating time off \((HTTP 500|no response)\), so it is not known whether the request took effect/,
      );
      expect(http.sent).toHaveLength(1);
    }
  });

  it('resends a POST after a 5xx when the caller says it is safe', () => {
    const { client, http } = setup((_, i) => (i === 0 ? reply(503) : i === 1 ? 'network' : reply(200, {})));
    client.cancelTimeOff('to1', { safeToRetry: true });
    expect(http.sent).toHaveLength(3);
  });

  it('starts a report again after a 5xx or a lost answer: a report started twice changes no data', () => {
    const job = { report_id: 'r1' };
    const { client, http } = setup((_, i) => (i === 0 ? reply(500) : i === 1 ? 'network' : reply(200, job)));
    const window = { start_time: Date.UTC(2026, 4, 1), end_time: Date.UTC(2026, 4, 2) };
    expect(client.startReport('adherence', window)).toMatchObject({ id: 'r1' });
    expect(http.sent).toHaveLength(3);
  });

  it('reads a cut-short body again on a GET, but never re-sends a POST whose 2xx was unreadable', () => {
    const get = setup((_, i) => (i === 0 ? reply(200, '{"roles": [') : reply(200, ROLES)));
    expect(get.client.listRoles()).toHaveLength(1);
    expect(get.http.sent).toHaveLength(2);
    const post = setup(() => reply(201, '{"id": "to'));
    expect(caught(() => post.client.createTimeOff(TIME_OFF))).toMatchObject({
      kind: 'unexpected_response',
      status: 201,
    });
    expect(post.http.sent).toHaveLength(1);
  });

  it('does not retry a reply whose shape is wrong: it would be wrong again', () => {
    const { client, http } = setup(() => reply(200, { roles: [{ name: 'no id' }] }));
    expect(caught(() => client.listRoles()).kind).toBe('unexpected_response');
    expect(http.sent).toHaveLength(1);
  });
});
