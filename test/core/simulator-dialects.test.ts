// Every endpoint against the simulator in both dialects: the same organisation must read into
// the same model whether it came as YAML shapes or as the live service's.
import { describe, expect, it } from 'vitest';
import type { AssembledClient, ReportRow, TreeNode } from '../../src/core/assembled';
import { simSetup } from './sim';

const DAY = 86_400_000;

/** Runs the same calls against a seed and a live simulator built from the same seed and start time. */
function both<T>(calls: (client: AssembledClient, now: number) => T): { seed: T; live: T } {
  const seed = simSetup('seed');
  const live = simSetup('live');
  return { seed: calls(seed.client, seed.clock.now()), live: calls(live.client, live.clock.now()) };
}

const withoutType = (rows: ReportRow[]) => rows.map(({ type: _type, ...rest }) => rest);

/** The live tree nodes carry only {id, name, parent_id, created_at, updated_at}. */
const node = ({ id, name, parent_id, created_at, updated_at }: TreeNode) => ({
  id,
  name,
  parent_id,
  created_at,
  updated_at,
});
/** Live agent-state rows carry no id; the YAML's source is read as platform in both. */
const noId = <T extends { id?: unknown }>({ id: _id, ...rest }: T) => rest;

describe('simulator, both dialects read into one model', () => {
  it('people, one person, roles, teams, sites, queues', () => {
    const { seed, live } = both((c) => {
      const people = c.listPeople();
      const first = people[0];
      return {
        people,
        person: first ? c.getPerson(first.id) : undefined,
        roles: c.listRoles(),
        teams: c.listTeams().map(node),
        sites: c.listSites().map(node),
        queues: c.listQueues().map(node),
        skills: c.listSkills().map(node),
      };
    });
    expect(live).toEqual(seed);
    expect(seed.skills.length).toBeGreaterThan(0);
    expect(seed.people.length).toBeGreaterThan(50);
    expect(seed.person).toEqual(seed.people[0]);
    expect(typeof seed.people[0]?.created_at).toBe('number');
    expect(seed.teams.some((t) => t.parent_id !== null)).toBe(true);
  });

  it('agent states, the condensed timeline and requirements', () => {
    const { seed, live } = both((c, now) => {
      const window = { start_time: now - DAY, end_time: now };
      const agentIds = c
        .listPeople()
        .filter((p) => p.staffable && !p.deleted)
        .slice(0, 5)
        .map((p) => p.agent_id ?? '');
      return {
        states: c.getAgentStates({ ...window, agent_ids: agentIds }).map(noId),
        timeline: c
          .getCondensedTimeline({ ...window, priority_order: ['five9', 'zendesk'] })
          .map(({ agent_id, state, platform, start_time, end_time }) => ({
            agent_id,
            state,
            platform,
            start_time,
            end_time,
          })),
        // The live service sends a requirement without an id.
        requirements: c.listRequirements(window).map(noId),
      };
    });
    expect(live).toEqual(seed);
    expect(seed.states.length).toBeGreaterThan(0);
    expect(typeof seed.states[0]?.start_time).toBe('number');
    expect(seed.timeline.length).toBeGreaterThan(0);
    expect(seed.requirements[0]?.start_time).toEqual(expect.any(Number));
    const ids = both(
      (c, now) =>
        c.listRequirements({ start_time: now - DAY, end_time: now }).filter((r) => 'id' in r).length,
    );
    expect(ids.seed).toBeGreaterThan(0);
    expect(ids.live).toBe(0);
  });

  it('the live dialect refuses a timeline without priority_order, naming the field', () => {
    const { client, clock } = simSetup('live');
    expect(() =>
      client.getCondensedTimeline({ start_time: clock.now() - DAY, end_time: clock.now() }),
    ).toThrow(expect.objectContaining({ kind: 'bad_request', field: 'priority_order', status: 400 }));
  });

  it('time off: create, list, cancel, updates', () => {
    const { seed, live } = both((c, now) => {
      const agent = c.listPeople().find((p) => p.agent_id)?.agent_id ?? '';
      const start = Math.floor(now / DAY) * DAY + 30 * DAY;
      const created = c.createTimeOff({
        agent_id: agent,
        type: 'pto',
        start_time: start,
        end_time: start + DAY,
        all_day: true,
      });
      const many = c.createTimeOffMany(
        [1, 2, 3].map((n) => ({
          agent_id: agent,
          start_time: start + n * 2 * DAY,
          end_time: start + (n * 2 + 1) * DAY,
        })),
      );
      c.cancelTimeOff(created.id);
      return {
        created,
        many,
        requests: c.listTimeOffRequests({ agent_id: agent }),
        updates: c.listTimeOffUpdates(now - 30 * DAY),
      };
    });
    expect(live).toEqual(seed);
    expect(seed.created).toMatchObject({ status: 'pending', start_time: expect.any(Number) });
    expect(seed.many.every((o) => o.ok)).toBe(true);
    expect(seed.requests.find((r) => r.id === seed.created.id)?.status).toBe('cancelled');
  });

  it('agent-state writes and the edit history', () => {
    const { seed, live } = both((c, now) => {
      const agent = c.listPeople().find((p) => p.agent_id)?.agent_id ?? '';
      c.bulkUpdateAgentStates([
        { agent_id: agent, state: 'available', start_time: now - 60_000, source: 'zendesk' },
      ]);
      const edit = c.editAgentStates({
        inserts: [
          {
            agent_id: agent,
            state: 'break',
            start_time: now - 7_200_000,
            end_time: now - 6_600_000,
            source: 'five9',
          },
        ],
      });
      c.createAgentAssociations([{ agent_id: agent, platform: 'intercom', platform_id: 'ic-1' }]);
      return {
        edit,
        history: c.getEditHistory({ start_time: now - DAY }),
        person: c.listPeople().find((p) => p.agent_id === agent),
      };
    });
    expect(live).toEqual(seed);
    expect(seed.edit.inserted).toHaveLength(1);
    expect(seed.history.at(-1)).toMatchObject({
      action: 'insert',
      after: { state: 'break', start_time: expect.any(Number) },
    });
    expect(seed.person?.platforms.intercom).toBe('ic-1');
  });

  it('assist conversations', () => {
    const { seed, live } = both((c, now) =>
      c.listAssistConversations({ start_time: now - 7 * DAY, end_time: now }),
    );
    expect(live).toEqual(seed);
    expect(seed.length).toBeGreaterThan(0);
  });

  it('reports: start, one poll at a time, then every row; live metrics paged to the end', () => {
    const runs = (['seed', 'live'] as const).map((dialect) => {
      const { client, clock, sim } = simSetup(dialect);
      const now = clock.now();
      const job = client.startReport('adherence', {
        start_time: now - 7 * DAY,
        end_time: now,
        granularity: 'day',
      });
      const early = client.pollReport(job.id);
      clock.advance(20_000);
      const done = client.pollReport(job.id);
      return { job, early, done, reads: sim.stats().byRoute['GET /v0/reports/{reportID}'] ?? 0 };
    });
    const [seed, live] = runs;
    expect(seed?.early).toMatchObject({ done: false });
    expect(live?.early).toMatchObject({ done: false });
    if (!seed?.done.done || !live?.done.done) throw new Error('reports should be done after 20 s');
    expect(seed.done.report.status).toBe('complete');
    expect(seed.done.report.rows.length).toBeGreaterThan(0);
    expect(withoutType(live.done.report.rows)).toEqual(seed.done.report.rows);
    expect({ ...live.done.report, rows: [] }).toEqual({ ...seed.done.report, rows: [] });
    expect(live.reads).toBeGreaterThan(seed.reads); // the live metrics came in several pages
  });
});
