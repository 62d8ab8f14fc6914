import { describe, expect, it } from 'vitest';
import { type AssembledClient, causeOf } from '../../src/core/assembled';
import { type AssembledErrorKind, failedWith, userMessage } from '../../src/core/assembled/errors';
import { caught } from './caught';
import { KEY, reply, setup } from './fake-http';

const T0 = Date.UTC(2026, 4, 1);
const T1 = Date.UTC(2026, 4, 2);

const server = (endpoint: string) => userMessage('server', endpoint, 503);
const said = (words: string) =>
  `Assembled had a server error (HTTP 503) while ${words}; try again in a few minutes.`;

describe('a failure names the call in words, not as method and path', () => {
  it.each([
    ['POST /v0/reports/adherence', 'starting the report'],
    ['GET /v0/reports/82d99731-3256-47d1-9945-1ab03396ef9d', 'reading the report'],
    ['GET /v0/people', 'reading people'],
    ['GET /v0/people/p9', 'reading a person'],
    ['GET /v0/roles', 'reading roles'],
    ['GET /v0/teams', 'reading teams'],
    ['GET /v0/sites', 'reading sites'],
    ['GET /v0/queues', 'reading queues'],
    ['GET /v0/skills', 'reading skills'],
    ['GET /v0/requirements', 'reading requirements'],
    ['GET /v0/requirement_types', 'reading requirement types'],
    ['GET /v0/assist/conversations', 'reading assist conversations'],
    ['GET /v0/agents/state', 'reading agent states'],
    ['GET /v0/agents/state/condensed_timeline', 'reading the agent-state timeline'],
    ['GET /v0/agents/state/edit/history', 'reading agent-state edit history'],
    ['POST /v0/agents/state/bulk', 'sending agent states'],
    ['POST /v0/agents/state/edit', 'editing agent states'],
    ['POST /v0/agents/associations', 'sending agent associations'],
    ['GET /v0/activities', 'reading activities'],
    ['POST /v0/activities/bulk', 'sending activities'],
    ['DELETE /v0/activities', 'clearing activities'],
    ['GET /v0/activity_types', 'reading activity types'],
    ['POST /v0/time_off', 'creating time off'],
    ['POST /v0/time_off/to%201%2Fx/cancel', 'cancelling time off'],
    ['GET /v0/time_off/requests', 'reading time-off requests'],
    ['GET /v0/time_off/updates', 'reading time-off updates'],
    // Ids match by pattern, whatever they are; a query string is no part of the call.
    ['GET /v0/reports/r1?offset=100', 'reading the report'],
    ['POST /v0/time_off/[redacted]/cancel', 'cancelling time off'],
    // A call with no line of its own: reading or sending, by its method.
    ['GET /v0/payroll', 'reading data'],
    ['GET /v0/people/p9/notes', 'reading data'],
    ['POST /v0/payroll', 'sending data'],
    ['DELETE /v0/time_off/to1', 'sending data'],
  ])('%s: "%s"', (endpoint, words) => {
    expect(server(endpoint)).toBe(said(words));
  });

  it('reads as a sentence in every kind, with the status where it was said, and no method, path or id', () => {
    const endpoint = 'GET /v0/reports/82d99731-3256-47d1-9945-1ab03396ef9d';
    const words: [AssembledErrorKind, number, string | undefined, string][] = [
      [
        'auth',
        403,
        undefined,
        'Assembled refused access while reading the report: the API key has no permission for that. Ask an Assembled admin for a key with access, then open Extensions ▸ Assembled for Google Sheets ▸ Settings… and set it.',
      ],
      [
        'auth',
        401,
        undefined,
        'Assembled did not accept the API key: it is mistyped, or no longer valid (revoked). Open Extensions ▸ Assembled for Google Sheets ▸ Settings… and set a valid key.',
      ],
      [
        'bad_request',
        400,
        'end_time must be after start_time',
        'Assembled rejected the request while reading the report: end_time must be after start_time',
      ],
      ['bad_request', 422, undefined, 'Assembled rejected the request while reading the report: HTTP 422'],
      [
        'not_found',
        404,
        undefined,
        'Assembled found nothing while reading the report: the id may be wrong or the record deleted.',
      ],
      [
        'rate_limited',
        429,
        undefined,
        "Assembled's rate limit was hit while reading the report and the add-on's retries ran out for now; wait a minute and try again.",
      ],
      [
        'server',
        502,
        undefined,
        'Assembled had a server error (HTTP 502) while reading the report; try again in a few minutes.',
      ],
      [
        'network',
        0,
        undefined,
        'Could not reach Assembled while reading the report: no response arrived. Check the connection and try again.',
      ],
      [
        'outcome_unknown',
        503,
        undefined,
        'Assembled gave no clear answer while reading the report (HTTP 503), so it is not known whether the request took effect; it was not sent again, to avoid a duplicate. Check in Assembled before resending.',
      ],
      [
        'outcome_unknown',
        0,
        undefined,
        'Assembled gave no clear answer while reading the report (no response), so it is not known whether the request took effect; it was not sent again, to avoid a duplicate. Check in Assembled before resending.',
      ],
      [
        'unexpected_response',
        200,
        'rows[1] expected an object',
        'Assembled sent a reply the add-on could not read while reading the report: rows[1] expected an object',
      ],
    ];
    for (const [kind, status, detail, sentence] of words) {
      const message = userMessage(kind, endpoint, status, detail);
      expect(message).toBe(sentence);
      expect(message).not.toMatch(/GET|\/v0|82d99731/);
    }
  });

  it('keeps the cause alone for words said while the add-on tries again', () => {
    expect(causeOf(server('GET /v0/people'))).toBe(
      'Assembled had a server error (HTTP 503) while reading people',
    );
    expect(causeOf(userMessage('network', 'GET /v0/teams', 0))).toBe(
      'Could not reach Assembled while reading teams: no response arrived',
    );
    expect(causeOf(userMessage('rate_limited', 'GET /v0/sites', 429))).toBe(
      "Assembled's rate limit was hit while reading sites",
    );
  });

  it('tells a failure the add-on goes on after with its cause after a colon, one level of brackets', () => {
    expect(failedWith('A request to Assembled failed', userMessage('server', 'GET /v0/people', 504))).toBe(
      'A request to Assembled failed: Assembled had a server error (HTTP 504) while reading people.',
    );
    expect(
      failedWith('Assembled has failed for 3 min', userMessage('outcome_unknown', 'GET /v0/teams', 0)),
    ).toBe(
      'Assembled has failed for 3 min: Assembled gave no clear answer while reading teams (no response), so it is not known whether the request took effect; it was not sent again, to avoid a duplicate. Check in Assembled before resending.',
    );
  });

  it('has its own words for every call the client makes', () => {
    const { client, http } = setup(() => reply(404, ''));
    const calls: ((c: AssembledClient) => unknown)[] = [
      (c) => c.startReport('adherence', { start_time: T0, end_time: T1 }),
      (c) => c.getReport('r1'),
      (c) => c.pollReport('r1'),
      (c) => c.getAgentStates({ start_time: T0, end_time: T1 }),
      (c) => c.getCondensedTimeline({ start_time: T0, end_time: T1 }),
      (c) => c.getEditHistory({ start_time: T0 }),
      (c) => c.bulkUpdateAgentStates([{ agent_id: 'a', state: 'available', start_time: T0 }]),
      (c) => c.editAgentStates({ deletes: ['s1'] }),
      (c) => c.createAgentAssociations([{ agent_id: 'a', platform: 'zendesk', platform_id: 'z1' }]),
      (c) => c.createTimeOff({ agent_id: 'a', start_time: T0, end_time: T1 }),
      (c) => c.listTimeOffRequests(),
      (c) => c.cancelTimeOff(KEY),
      (c) => c.listTimeOffUpdates(T0),
      (c) => c.listPeople(),
      (c) => c.getPerson('p9'),
      (c) => c.listRoles(),
      (c) => c.listTeams(),
      (c) => c.listSites(),
      (c) => c.listQueues(),
      (c) => c.listSkills(),
      (c) => c.listRequirements({ start_time: T0, end_time: T1 }),
      (c) => c.listAssistConversations(),
      (c) => c.listActivities({ start_time: T0, end_time: T1 }),
      (c) => c.listActivityTypes(),
      (c) => c.listRequirementTypes(),
      (c) => c.bulkActivities([{ action: 'delete', activity: { id: 'x1' } }]),
      (c) => {
        const [sent] = c.createActivities([
          { agent_id: 'a', type_id: 't', start_time: T0, end_time: T1, allow_conflicts: true },
        ]);
        if (sent && !sent.ok) throw sent.error;
      },
      (c) => c.clearActivities({ agent_ids: ['a'], start_time: T0, end_time: T1 }),
    ];
    const messages = calls.map((call) => caught(() => call(client)).message);
    // Each call sent its own path: none was left out by a slip in this list.
    expect(
      new Set(http.sent.map((r) => `${r.method} ${r.url.split('?')[0]?.replace(/^.*\/v0\//, '')}`)).size,
    ).toBe(
      calls.length - 1, // pollReport reads what getReport reads
    );
    for (const message of messages) {
      expect(message).toMatch(
        /^Assembled found nothing while (reading|starting|sending|editing|clearing|creating|cancelling) [a-z]/,
      );
      expect(message).not.toMatch(/ (reading|sending) data:|\/v0|GET|POST|DELETE|p9|r1/);
      expect(message).not.toContain(KEY);
    }
  });

  it('names the call in words too where a list is too long to read, or a time cannot be sent', () => {
    const tooMany = setup(() => reply(200, { people: [{ id: 'p0' }], total: 3_000_000 }));
    expect(caught(() => tooMany.client.listPeople()).message).toMatch(
      /^Assembled's answer could not be read to the end while reading people: it holds 3,000,000 records/,
    );
    const notSent = setup(() => reply(200, { states: [] }));
    expect(caught(() => notSent.client.getAgentStates({ start_time: 'soon', end_time: T1 })).message).toBe(
      'start_time is not a date and time the add-on can read (for reading agent states); nothing was sent.',
    );
    expect(notSent.http.sent).toHaveLength(0);
  });
});
