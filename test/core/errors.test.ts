import { describe, expect, it } from 'vitest';
import { type AssembledError, base64Encode, causeOf } from '../../src/core/assembled';
import { shortCause } from '../../src/core/assembled/errors';
import { caught } from './caught';
import { KEY, reply, setup } from './fake-http';

function everyTextOf(error: AssembledError): string {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error.toJSON()),
  ].join('\n');
}

const WINDOW = { start_time: Date.UTC(2026, 4, 1), end_time: Date.UTC(2026, 4, 2) };

describe('errors a spreadsheet user can act on', () => {
  it('401 names the key and where to set it', () => {
    const { client } = setup(() => reply(401, 'Unauthorized'));
    const error = caught(() => client.listPeople());
    expect(error).toMatchObject({ kind: 'auth', status: 401, endpoint: 'GET /v0/people' });
    expect(error.message).toMatch(/API key: it is mistyped, or no longer valid \(revoked\)/);
    expect(error.message).toContain('Extensions ▸ Assembled for Google Sheets ▸ Settings…');
  });

  it('400 shows the service message as it came and the offending field', () => {
    const { client } = setup(() => reply(400, 'Missing required field priority_order'));
    const error = caught(() => client.getCondensedTimeline(WINDOW));
    expect(error).toMatchObject({
      kind: 'bad_request',
      status: 400,
      field: 'priority_order',
      detail: 'Missing required field priority_order',
    });
    expect(error.message).toContain('Missing required field priority_order');
  });

  it('400 reads a JSON error body too', () => {
    const { client } = setup(() =>
      reply(400, { error: 'end_time must be after start_time', field: 'end_time' }),
    );
    expect(caught(() => client.getAgentStates(WINDOW))).toMatchObject({
      detail: 'end_time must be after start_time',
      field: 'end_time',
    });
  });

  it("401, 403 and 404 keep the add-on's words and add the service's own, as it came, on one line", () => {
    const revoked = caught(() => setup(() => reply(401, 'API key has been revoked')).client.listPeople());
    expect(revoked).toMatchObject({ kind: 'auth', detail: 'API key has been revoked' });
    expect(revoked.message).toBe(
      'Assembled did not accept the API key: it is mistyped, or no longer valid (revoked). Open Extensions ▸ Assembled for Google Sheets ▸ Settings… and set a valid key. Assembled said: "API key has been revoked".',
    );
    const missing = caught(() => setup(() => reply(404, 'Person p9 not found.')).client.getPerson('p9'));
    expect(missing.message).toBe(
      'Assembled found nothing while reading a person: the id may be wrong or the record deleted. Assembled said: "Person p9 not found".',
    );
    const denied = caught(() =>
      setup(() => reply(403, { error: { message: 'Role lacks\n  reports:read' } })).client.listRoles(),
    );
    expect(denied.message).toMatch(/then open .* and set it\. Assembled said: "Role lacks reports:read"\.$/);
    // Nothing said, or a proxy's page rather than the service's words: the add-on's alone.
    for (const body of ['', '<!DOCTYPE html><html><body>Not Found</body></html>']) {
      const plain = caught(() => setup(() => reply(404, body)).client.getPerson('p9'));
      expect(plain.message).toMatch(/the record deleted\.$/);
      expect(plain.detail).toBeUndefined();
    }
    const long = caught(() => setup(() => reply(401, 'x'.repeat(2000))).client.listRoles());
    expect(long.detail).toBe(`${'x'.repeat(500)}…`);
  });

  it('404 and 403 have their own kinds', () => {
    expect(caught(() => setup(() => reply(404, 'nope')).client.getPerson('p9')).kind).toBe('not_found');
    expect(caught(() => setup(() => reply(403, 'no')).client.listRoles())).toMatchObject({
      kind: 'auth',
      status: 403,
    });
  });

  it('keeps the cause and drops the advice to try again by hand, for words said while the add-on retries', () => {
    const failures: [() => unknown, RegExp][] = [
      [
        () => setup(() => reply(503, 'down')).client.listTeams(),
        /^Assembled had a server error \(HTTP 503\) while reading teams$/,
      ],
      [
        () => setup(() => reply(429, 'slow')).client.listTeams(),
        /^Assembled's rate limit was hit while reading teams$/,
      ],
      [
        () => setup(() => 'network').client.listTeams(),
        /^Could not reach Assembled while reading teams: no response arrived$/,
      ],
    ];
    for (const [call, cause] of failures) {
      const { message } = caught(call);
      expect(message).toMatch(/try again( in a few minutes)?\.$/);
      expect(causeOf(message)).toMatch(cause);
    }
    // A failure that carries no such advice is left whole, bar its full stop.
    const refused = caught(() => setup(() => reply(401, 'no')).client.listTeams()).message;
    expect(causeOf(refused)).toBe(refused.replace(/\.$/, ''));
  });

  it("says a failure's cause in short, for a card to show in view: its first sentence, cut", () => {
    expect(
      shortCause(
        'Assembled had a server error (HTTP 502) while starting the report. The add-on gave up after 3 attempts.',
      ),
    ).toBe('Assembled had a server error (HTTP 502) while starting the report');
    const long = `Nothing was written to "Adherence": ${'its rows were kept as they were, '.repeat(10)}and so on.`;
    expect(shortCause(long)).toBe(`${long.slice(0, 90)}…`);
  });

  it('names the call and the field when a reply fits neither dialect', () => {
    const people = [{ id: 'p0' }, { id: 'p1' }, { id: 'p2' }, { id: 42 }];
    const error = caught(() => setup(() => reply(200, { people, total: 4 })).client.listPeople());
    expect(error).toMatchObject({ kind: 'unexpected_response', field: 'people[3].id', status: 200 });
    expect(error.message).toContain('could not read while reading people: people[3].id expected a string');

    const missing = caught(() => setup(() => reply(200, { data: [] })).client.getAgentStates(WINDOW));
    expect(missing.message).toContain(
      'could not read while reading agent states: states is missing (expected states or agent_states)',
    );

    const badTime = caught(() =>
      setup(() =>
        reply(200, { agent_states: [{ agent_id: 'a', state: 'x', start_time: 'soon' }] }),
      ).client.getAgentStates(WINDOW),
    );
    expect(badTime.field).toBe('agent_states[0].start_time');
  });
});

describe('the API key never leaks', () => {
  const forms = [KEY, base64Encode(`${KEY}:`), encodeURIComponent(KEY)];
  const scenarios: [string, () => AssembledError][] = [
    [
      'a 400 that echoes the key',
      () => caught(() => setup(() => reply(400, `Invalid key ${KEY} for field ${KEY}`)).client.listRoles()),
    ],
    ['a 401', () => caught(() => setup(() => reply(401, `bad key ${KEY}`)).client.listRoles())],
    [
      'a 403 echoing the Authorization header',
      () =>
        caught(() =>
          setup((request) => reply(403, `no access for ${request.headers.Authorization}`)).client.listRoles(),
        ),
    ],
    [
      'a 404 echoing the key URL-encoded in JSON',
      () =>
        caught(() =>
          setup(() => reply(404, { message: `no person ${encodeURIComponent(KEY)}` })).client.getPerson('x'),
        ),
    ],
    ['a key pasted as an id', () => caught(() => setup(() => reply(404, '')).client.getPerson(KEY))],
    [
      'a malformed reply quoting the key',
      () => caught(() => setup(() => reply(200, { roles: { [KEY]: { id: 5 } } })).client.listRoles()),
    ],
    ['a lost POST', () => caught(() => setup(() => 'network').client.cancelTimeOff(KEY))],
    [
      'a network failure',
      () => caught(() => setup(() => 'network', { retry: { maxAttempts: 1 } }).client.listRoles()),
    ],
    [
      'rate limiting',
      () => caught(() => setup(() => reply(429, KEY), { retry: { maxAttempts: 1 } }).client.listRoles()),
    ],
  ];
  it.each(scenarios)('%s', (_, make) => {
    const error = make();
    const text = everyTextOf(error);
    for (const form of forms) expect(text).not.toContain(form);
  });

  it.each([401, 403, 404])(
    'a %i echoing a part of the key or of its Basic token shows it masked',
    (status) => {
      const token = base64Encode(`${KEY}:`);
      const body = `key ${KEY.slice(0, 16)}… (token ${token.slice(0, 14)}…) refused`;
      const error = caught(() => setup(() => reply(status, body)).client.listRoles());
      expect(error.detail).toBe('key [redacted]… (token [redacted]…) refused');
      const text = everyTextOf(error);
      for (const part of [KEY.slice(0, 16), token.slice(0, 14)]) expect(text).not.toContain(part);
    },
  );

  it('is kept out of every outcome of a batch', () => {
    const { client } = setup((_, i) => (i % 2 ? reply(400, `key ${KEY} rejected`) : 'network'));
    const outcomes = client.cancelTimeOffMany(['a', 'b', 'c']);
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expect(JSON.stringify(outcomes)).not.toContain(KEY);
  });
});
