import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../src/core/assembled';
import { simSetup } from './sim';

describe('checkConnection', () => {
  it.each(['seed', 'live'] as const)('reads every read-only operation once (%s)', (dialect) => {
    const { client, sim } = simSetup(dialect);
    const results = checkConnection(client);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.operation)).toEqual([
      'listPeople',
      'getPerson',
      'listRoles',
      'listTeams',
      'listSites',
      'listQueues',
      'listRequirements',
      'getAgentStates',
      'getCondensedTimeline',
      'getEditHistory',
      'listTimeOffRequests',
      'listTimeOffUpdates',
      'listAssistConversations',
      'startReport',
      'getReport',
    ]);
    const people = results[0];
    expect(people).toMatchObject({
      endpoint: 'GET /v0/people',
      status: 200,
      records: sim.admin.org.people.length,
    });
    expect(people?.ms).toBeGreaterThan(0);
    expect(sim.stats().byRoute['POST /v0/time_off']).toBeUndefined();
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
});
