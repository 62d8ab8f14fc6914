import { describe, expect, it } from 'vitest';
import { basic, setup } from './helpers';

describe('auth', () => {
  const s = setup();
  const people = (headers: Record<string, string>) => s.call('GET', '/v0/people', undefined, headers);

  it.each([
    ['no Authorization header', {}],
    ['a bearer token', { Authorization: 'Bearer sk_live_abc' }],
    ['a key without the sk_live_ prefix', { Authorization: basic('sk_test_abc') }],
    ['a bare prefix', { Authorization: basic('sk_live_') }],
    ['a non-empty password', { Authorization: basic('sk_live_abc', 'secret') }],
  ])('%s -> 401', (_, headers) => {
    expect(people(headers).status).toBe(401);
  });

  it('the sample key with an empty password is accepted; header names in any case', () => {
    expect(people({ authorization: basic(s.key) }).status).toBe(200);
    expect(people({ AUTHORIZATION: basic(s.key) }).status).toBe(200);
  });

  it('a well-formed key the simulator never issued -> 401 until it is issued', () => {
    const unknown = people({ Authorization: basic('sk_live_test_never_issued') });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toBe('Invalid API key');
    s.sim.issueKey('sk_live_test_never_issued');
    expect(people({ Authorization: basic('sk_live_test_never_issued') }).status).toBe(200);
    const issued = setup({ keys: ['sk_live_test_from_options'] });
    expect(
      issued.call('GET', '/v0/people', undefined, { Authorization: basic('sk_live_test_from_options') })
        .status,
    ).toBe(200);
  });

  it('a revoked key -> 401, other keys unaffected', () => {
    s.sim.issueKey('sk_live_gone');
    s.sim.issueKey('sk_live_kept');
    s.sim.revokeKey('sk_live_gone');
    expect(people({ Authorization: basic('sk_live_gone') }).status).toBe(401);
    expect(people({ Authorization: basic('sk_live_gone') }).body).toBe('API key has been revoked');
    expect(people({ Authorization: basic('sk_live_kept') }).status).toBe(200);
  });

  it('a key issued without permission for a route -> 403 there, taken everywhere else', () => {
    s.sim.issueKey('sk_live_test_no_teams', ['GET /v0/teams']);
    const as = (path: string) =>
      s.call('GET', path, undefined, { Authorization: basic('sk_live_test_no_teams') });
    expect(as('/v0/teams')).toMatchObject({
      status: 403,
      body: 'This API key does not have permission for GET /v0/teams',
    });
    expect(as('/v0/roles').status).toBe(200);
    // Issued again with every permission, it is answered.
    s.sim.issueKey('sk_live_test_no_teams');
    expect(as('/v0/teams').status).toBe(200);
  });

  it('echoes API-Version and counts requests by the version they carried', () => {
    const fresh = setup();
    const ask = (headers: Record<string, string>) => fresh.call('GET', '/v0/people', undefined, headers);
    const r = ask({ Authorization: basic(fresh.key), 'API-Version': '2019-06-20' });
    expect(r.headers['api-version']).toBe('2019-06-20');
    ask({ Authorization: basic(fresh.key) });
    expect(fresh.sim.stats().byApiVersion).toEqual({ '2019-06-20': 1, '': 1 });
  });
});

describe('rate limit: 300 a minute, bursts of 20, per key', () => {
  it('21 requests at one instant -> the 21st is 429 with Retry-After; 200 ms later one more is allowed', () => {
    const s = setup({ rateLimit: true });
    const statuses = Array.from({ length: 21 }, () => s.get('/v0/sites').status);
    expect(statuses.slice(0, 20)).toEqual(new Array(20).fill(200));
    const limited = s.get('/v0/sites');
    expect(statuses[20]).toBe(429);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    s.advance(199);
    expect(s.get('/v0/sites').status).toBe(429);
    s.advance(1);
    expect(s.get('/v0/sites').status).toBe(200);
    expect(s.get('/v0/sites').status).toBe(429);
    expect(s.sim.stats().rejected429).toBe(4);
  });

  it('keys have separate buckets', () => {
    const s = setup({ rateLimit: true, keys: ['sk_live_other'] });
    for (let i = 0; i < 20; i++) s.get('/v0/sites');
    expect(s.get('/v0/sites').status).toBe(429);
    expect(s.call('GET', '/v0/sites', undefined, { Authorization: basic('sk_live_other') }).status).toBe(200);
  });

  it('a full minute sustains 300 requests after the burst', () => {
    const s = setup({ rateLimit: true });
    let ok = 0;
    for (let ms = 0; ms < 60_000; ms += 50) {
      if (s.get('/v0/sites').status === 200) ok++;
      s.advance(50);
    }
    expect(ok).toBe(20 + 300 - 1);
  });

  it('Retry-After can be switched off', () => {
    const s = setup({ rateLimit: true, retryAfter: false });
    for (let i = 0; i < 20; i++) s.get('/v0/sites');
    const r = s.get('/v0/sites');
    expect(r.status).toBe(429);
    expect(r.headers).not.toHaveProperty('retry-after');
  });

  it('rateLimit: false never answers 429', () => {
    const s = setup({ rateLimit: false });
    for (let i = 0; i < 50; i++) expect(s.get('/v0/sites').status).toBe(200);
  });
});
