import { describe, expect, it } from 'vitest';
import { checkConnection, createAssembledClient } from '../../src/core/assembled';
import {
  checkSummary,
  failedCount,
  notRun,
  outageWords,
  untoldWhy,
} from '../../src/core/assembled/check-words';
import type { HttpRequest } from '../../src/core/ports';
import { simSetup } from './sim';

describe('checkConnection', () => {
  it.each(['seed', 'live'] as const)('reads each read-only operation, starts a report (%s)', (dialect) => {
    const { client, sim } = simSetup(dialect);
    const results = checkConnection(client);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.operation)).toEqual([
      'timeFormat',
      'listPeople',
      'getPerson',
      'listRoles',
      'listTeams',
      'listSites',
      'listQueues',
      'listSkills',
      'listRequirements',
      'listActivityTypes',
      'listRequirementTypes',
      'listActivities',
      'getAgentStates',
      'getCondensedTimeline',
      'getEditHistory',
      'listTimeOffRequests',
      'listTimeOffUpdates',
      'listAssistConversations',
      'startReport',
      'getReport',
    ]);
    const people = results[1];
    expect(people).toMatchObject({
      endpoint: 'GET /v0/people',
      status: 200,
      records: sim.admin.org.people.length,
    });
    expect(people?.ms).toBeGreaterThan(0);
    expect(sim.stats().byRoute['POST /v0/time_off']).toBeUndefined();
    // Its one POST starts a report in Assembled, and its row says so rather than a bare "started".
    const started = results.find((r) => r.operation === 'startReport');
    expect(started?.endpoint).toBe('POST /v0/reports/adherence');
    expect(started && checkSummary(started)).toBe(
      'one small adherence report (the last day) started in Assembled, which changes no data',
    );
    // The live service requires priority_order: it goes with the first request, not after a 400.
    expect(sim.stats().byRoute['GET /v0/agents/state/condensed_timeline']).toBe(1);
  });

  it('says which way of sending times Assembled takes, and goes on in that way', () => {
    const unixOnLive = checkConnection(simSetup('live', {}, { timeFormat: 'unix' }).client);
    expect(unixOnLive[0]).toMatchObject({
      operation: 'timeFormat',
      ok: true,
      note: 'Assembled takes times sent as Unix seconds',
    });
    const isoOnLive = checkConnection(simSetup('live', {}, { timeFormat: 'iso' }).client);
    expect(isoOnLive[0]).toMatchObject({
      operation: 'timeFormat',
      ok: false,
      note: 'Assembled refused times sent as ISO 8601 dates and took them as Unix seconds: choose Unix seconds under Send times as (the other checks sent times that way)',
    });
    expect(isoOnLive.slice(1).filter((r) => !r.ok)).toEqual([]);
    const unixOnSeed = checkConnection(simSetup('seed', {}, { timeFormat: 'unix' }).client);
    expect(unixOnSeed[0]).toMatchObject({
      ok: false,
      note: expect.stringContaining('refused times sent as Unix seconds and took them as ISO 8601 dates'),
    });
  });

  it('runs only the groups asked for (a mock of one YAML file has no other routes)', () => {
    const { client, sim } = simSetup('live');
    const results = checkConnection(client, { only: ['agent-state'] });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.operation)).toEqual([
      'timeFormat',
      'getAgentStates',
      'getCondensedTimeline',
      'getEditHistory',
    ]);
    expect(sim.stats().byRoute['GET /v0/people']).toBeUndefined();
  });

  it('with write: creates a time-off request and cancels it', () => {
    const { client, sim } = simSetup('live');
    const before = sim.admin.org.timeOff.length;
    const results = checkConnection(client, { write: true });
    expect(results.slice(-2).map((r) => [r.operation, r.status, r.ok])).toEqual([
      ['createTimeOff', 201, true],
      ['cancelTimeOff', 200, true],
    ]);
    const created = sim.admin.org.timeOff.slice(before);
    expect(created.map((t) => t.status)).toEqual(['cancelled']);
  });

  it('reports each failure with its kind and a message, never the key', () => {
    const { client, sim, key } = simSetup('seed');
    sim.revokeKey(key);
    const results = checkConnection(client, { write: true });
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results[0]).toMatchObject({ status: 401, error: { kind: 'auth' } });
    expect(JSON.stringify(results)).not.toContain(key);
  });

  it('stops at a refused key (401), but not at a call the key has no permission for (403)', () => {
    const { client, sim, key } = simSetup('live');
    sim.revokeKey(key);
    const refused = checkConnection(client);
    expect(refused).toHaveLength(20);
    expect(refused[0]).toMatchObject({ status: 401, error: { kind: 'auth' } });
    expect(
      refused.slice(1).every((r) => notRun(r) && checkSummary(r) === 'not run (the API key was refused)'),
    ).toBe(true);
    expect(sim.stats().total).toBe(1);

    // A key without permission for the roles: only that check fails.
    const roles = simSetup('live');
    const forbidden = (r: HttpRequest) => new URL(r.url).pathname === '/v0/roles';
    const denied = { status: 403, headers: {}, body: '{"error":"forbidden"}' };
    const http = {
      fetch: (r: HttpRequest) => (forbidden(r) ? denied : roles.http.fetch(r)),
      fetchAll: (rs: HttpRequest[]) => rs.map((r) => (forbidden(r) ? denied : roles.http.fetch(r))),
    };
    const partly = checkConnection(
      createAssembledClient({ http, clock: roles.clock, apiKey: roles.key, timeFormat: 'unix' }),
    );
    expect(partly.filter((r) => !r.ok).map((r) => [r.operation, r.status])).toEqual([['listRoles', 403]]);
  });

  it('leaves the timeline unasked when no platform is known, rather than sending what the live service refuses', () => {
    const { client, sim } = simSetup('live');
    for (const p of sim.admin.org.people) p.platforms = {};
    sim.admin.org.states.clear();
    const results = checkConnection(client);
    expect(results.find((r) => r.operation === 'listPeople')).toMatchObject({ ok: true });
    const timeline = results.find((r) => r.operation === 'getCondensedTimeline');
    expect(timeline && notRun(timeline)).toBe(true);
    expect(timeline && checkSummary(timeline)).toBe(
      'not run (no one in Assembled holds a platform ID, and the timeline is read by platform)',
    );
    expect(sim.stats().byRoute['GET /v0/agents/state/condensed_timeline']).toBeUndefined();
    expect(results.filter((r) => !r.ok && !notRun(r))).toEqual([]);
  });

  it('says Assembled is down once, counting the checks not run apart from those that failed', () => {
    const { client, sim } = simSetup('live');
    sim.setFaults({ errorRate: 1 });
    const results = checkConnection(client);
    expect(results).toHaveLength(20);
    // What the people, their platforms and the report would have given was never there to read.
    expect(results.filter(notRun).map((r) => [r.operation, checkSummary(r)])).toEqual([
      ['getPerson', 'not run (no person to read)'],
      [
        'getCondensedTimeline',
        'not run (it needs the platforms people are on, and the People and Agent states checks failed)',
      ],
      ['getReport', 'not run (no report was started)'],
    ]);
    expect(outageWords(results)).toBe(
      'Assembled is not answering (a server error on every check: 17 failed, 3 not run): try again in a few minutes.',
    );
    // Not when Assembled answers some checks, or refuses the key.
    sim.setFaults({ failFromOffset: 1 });
    expect(outageWords(checkConnection(client))).toBeUndefined();
    sim.setFaults({});
    sim.revokeKey(sim.admin.sampleKey);
    expect(outageWords(checkConnection(client))).toBeUndefined();
    expect(failedCount([{ ok: true }, { ok: false }, { ok: false, notRun: true }])).toBe(
      '1 failed, 1 not run',
    );
  });

  it('says when no check got as far as the key, so it is not known whether Assembled takes it', () => {
    const { client, sim } = simSetup('live');
    sim.setFaults({ errorRate: 1 });
    expect(untoldWhy(checkConnection(client))).toBe('a server error on every check');
    sim.setFaults({ force429: 10_000 });
    expect(untoldWhy(checkConnection(client))).toBe('its rate limit on every check');
    // One check answered is the key taken; one refused, the key known bad: neither is untold.
    sim.setFaults({ failFromOffset: 1 });
    expect(untoldWhy(checkConnection(client))).toBeUndefined();
    sim.setFaults({});
    sim.revokeKey(sim.admin.sampleKey);
    expect(untoldWhy(checkConnection(client))).toBeUndefined();
  });
});
