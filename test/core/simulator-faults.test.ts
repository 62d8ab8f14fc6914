// Retry and rate-limit behaviour under the simulator's own limiter and fault injection.
import { describe, expect, it } from 'vitest';
import type { AssembledError } from '../../src/core/assembled';
import { caught } from './caught';
import { simSetup } from './sim';

const DAY = 86_400_000;

function timeOff(agent: string, now: number, n: number) {
  const start = Math.floor(now / DAY) * DAY + (40 + n) * DAY;
  return { agent_id: agent, start_time: start, end_time: start + DAY / 2, notes: `row ${n}` };
}

describe.each(['seed', 'live'] as const)('simulator faults (%s dialect)', (dialect) => {
  it('paces itself: hundreds of requests and not one 429 from the simulator', () => {
    const { client, sim, clock, http } = simSetup(dialect);
    const start = clock.now();
    const agent = client.listPeople().find((p) => p.agent_id && !p.deleted)?.agent_id ?? '';
    for (let i = 0; i < 40; i++) client.listRoles();
    const outcomes = client.createTimeOffMany(
      Array.from({ length: 150 }, (_, n) => timeOff(agent, clock.now(), n)),
    );
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(http.sent).toHaveLength(191);
    expect(sim.stats().rejected429).toBe(0);
    // 191 requests: a burst of 20, then 5 a second.
    expect(clock.now() - start).toBeGreaterThanOrEqual(((191 - 20) / 5) * 1000);
  });

  it('rides out a 429 storm honouring Retry-After', () => {
    const { client, sim, clock, http } = simSetup(dialect, { faults: { force429: 3 } });
    const start = clock.now();
    expect(client.listRoles().length).toBeGreaterThan(0);
    expect(http.sent).toHaveLength(4);
    expect(sim.stats().rejected429).toBe(3);
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000); // Retry-After: 1, three times
  });

  it('backs off exponentially when the 429s carry no Retry-After', () => {
    const { client, http } = simSetup(
      dialect,
      { faults: { force429: 4 }, retryAfter: false },
      { retry: { random: () => 0.5 } },
    );
    expect(client.listTeams().length).toBeGreaterThan(0);
    expect(http.sent).toHaveLength(5);
  });

  it('gives up on a long storm with rate_limited, within the attempt budget', () => {
    const { client, http } = simSetup(dialect, { faults: { force429: 50 } });
    expect(caught(() => client.listSites()).kind).toBe('rate_limited');
    expect(http.sent).toHaveLength(5);
  });

  it('retries 5xx on reads; a POST is sent once and reported outcome_unknown unless safe', () => {
    const read = simSetup(dialect, { faults: { force5xx: 2 } });
    expect(read.client.listQueues().length).toBeGreaterThan(0);
    expect(read.http.sent).toHaveLength(3);

    const write = simSetup(dialect);
    const agent = write.client.listPeople().find((p) => p.agent_id)?.agent_id ?? '';
    write.sim.setFaults({ force5xx: 1 });
    const before = write.http.sent.length;
    const error = caught(() => write.client.createTimeOff(timeOff(agent, write.clock.now(), 1)));
    expect(error).toMatchObject({ kind: 'outcome_unknown', status: 503 });
    expect(write.http.sent.length - before).toBe(1);

    write.sim.setFaults({ force5xx: 2 });
    const job = write.client.startReport(
      'adherence',
      { start_time: write.clock.now() - DAY, end_time: write.clock.now() },
      { safeToRetry: true },
    );
    expect(job.status).toBe('pending');
    expect(write.http.sent.length - before).toBe(1 + 3);
  });

  it('retries timeouts on reads and reports a lost POST as outcome_unknown', () => {
    const { client, sim, http, clock } = simSetup(dialect);
    const agent = client.listPeople().find((p) => p.agent_id)?.agent_id ?? '';
    sim.setFaults({ timeoutRate: 1 });
    const sentBefore = http.sent.length;
    expect(caught(() => client.listRoles())).toMatchObject({ kind: 'network', status: 0 });
    expect(http.sent.length - sentBefore).toBe(5);
    const outcomes = client.createTimeOffMany([1, 2].map((n) => timeOff(agent, clock.now(), n)));
    expect(outcomes.map((o) => !o.ok && o.error.kind)).toEqual(['outcome_unknown', 'outcome_unknown']);
    expect(http.sent.length - sentBefore).toBe(5 + 2);
  });

  it('reads a cut-short body again, and says so when it never comes whole', () => {
    const flaky = simSetup(dialect, { faults: { malformedRate: 0.5 } });
    for (let i = 0; i < 10; i++) expect(flaky.client.listSites().length).toBeGreaterThan(0);
    expect(flaky.http.sent.length).toBeGreaterThan(10);

    const broken = simSetup(dialect, { faults: { malformedRate: 1 } });
    expect(caught(() => broken.client.listSites())).toMatchObject({
      kind: 'unexpected_response',
      status: 200,
    });
    expect(broken.http.sent).toHaveLength(5);
  });

  it('keeps the API key out of every error, however it failed', () => {
    const errors: AssembledError[] = [];
    const { client, sim, key } = simSetup(dialect);
    for (const faults of [{ force429: 9 }, { force5xx: 9 }, { timeoutRate: 1 }, { malformedRate: 1 }]) {
      sim.setFaults(faults);
      errors.push(caught(() => client.listRoles()));
      errors.push(caught(() => client.cancelTimeOff('nope')));
    }
    sim.setFaults({});
    errors.push(caught(() => client.getPerson(key)));
    sim.revokeKey(key);
    errors.push(caught(() => client.listRoles()));
    expect(errors.at(-1)).toMatchObject({ kind: 'auth', status: 401 });
    expect(errors.map((e) => e.kind)).toContain('outcome_unknown');
    for (const error of errors) {
      expect(error.message).not.toContain(key);
      expect(JSON.stringify(error)).not.toContain(key);
      expect(String(error.stack)).not.toContain(key);
    }
  });
});
