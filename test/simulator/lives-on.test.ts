// The demo org goes on working as the clock moves: a weekly refresh a week after the simulator
// started reads a week of states and tickets, not an org frozen at its creation.
import { describe, expect, it } from 'vitest';
import type { AgentState, Org } from '../../dev/simulator/model';
import { DAY, runReport, setup, T0_SEC } from './helpers';

const HOUR = 3_600;
// biome-ignore lint/suspicious/noExplicitAny: report rows
const sum = (rows: any[], field: string) => rows.reduce((n, r) => n + Number(r[field] ?? 0), 0);
const day = (date: string, next: string) => ({
  start_time: `${date}T00:00:00Z`,
  end_time: `${next}T00:00:00Z`,
  granularity: 'day',
});
const worked = (org: Org) => [...org.states].filter(([agent]) => org.plans.has(agent));

describe('the demo organisation as time goes on', () => {
  it('works its schedules on the days after its creation: states, tickets and reports', () => {
    const s = setup();
    expect(sum(runReport(s, 'handle_time', day('2026-05-26', '2026-05-27')).rows, 'handled')).toBe(0);
    s.advance(3 * DAY * 1000);
    const now = Math.floor(s.now() / 1000);
    const handled = sum(runReport(s, 'handle_time', day('2026-05-26', '2026-05-27')).rows, 'handled');
    expect(handled).toBeGreaterThan(200);
    const org = s.sim.admin.org;
    expect(org.activityUntil).toBeGreaterThanOrEqual(now);
    for (const [agent, states] of worked(org)) {
      // One line of states per agent, each beginning where the last ended, the last one open.
      const open = states.filter((x) => x.end_time === null);
      expect(open, agent).toHaveLength(1);
      expect(states[states.length - 1]).toBe(open[0]);
      for (let i = 1; i < states.length; i++)
        expect(states[i]?.start_time, agent).toBe(states[i - 1]?.end_time);
      // No seam where one step of time ended and the next began.
      for (let i = 1; i < states.length; i++) {
        const [a, b] = [states[i - 1] as AgentState, states[i] as AgentState];
        if (!a.ticket_id && !b.ticket_id)
          expect(`${b.state}:${b.sub_state}`).not.toBe(`${a.state}:${a.sub_state}`);
      }
      // Schedules reach two weeks past now, as at creation.
      const segments = org.schedules.get(agent) ?? [];
      expect(Math.max(...segments.map((x) => x.end)), agent).toBeGreaterThan(now + 13 * DAY);
    }
    // A ticket is open only while its agent is still busy on it.
    const busyNow = new Set(
      worked(org).flatMap(([, states]) => states.filter((x) => x.end_time === null).map((x) => x.ticket_id)),
    );
    for (const t of org.tickets) if (t.agent_id && t.solved_at === null) expect(busyNow.has(t.id)).toBe(true);
  });

  it('leaves what happened alone: states and tickets made earlier stay as they were', () => {
    const s = setup();
    const org = s.sim.admin.org;
    s.advance(2 * HOUR * 1000);
    s.get('/v0/people?limit=1');
    const until = org.activityUntil;
    const ended = new Map(
      worked(org).flatMap(([, states]) =>
        states.filter((x) => x.end_time !== null).map((x) => [x.id, JSON.stringify(x)] as const),
      ),
    );
    const solved = JSON.stringify(org.tickets.filter((t) => t.solved_at !== null && t.solved_at < until));
    const createdIds = () => JSON.stringify(org.tickets.filter((t) => t.created_at < until).map((t) => t.id));
    const created = createdIds();
    s.advance(2 * DAY * 1000);
    s.get('/v0/people?limit=1');
    expect(org.activityUntil).toBeGreaterThan(until + DAY);
    const now = new Map(
      worked(org).flatMap(([, states]) => states.map((x) => [x.id, JSON.stringify(x)] as const)),
    );
    const changed = [...ended].filter(([id, json]) => now.get(id) !== json);
    expect(changed).toEqual([]);
    // Tickets solved stay solved as they were, and none is backdated into the hours already read.
    expect(JSON.stringify(org.tickets.filter((t) => t.solved_at !== null && t.solved_at < until))).toBe(
      solved,
    );
    expect(createdIds()).toBe(created);
  });

  it('goes on in steps of an hour or more when its activity is next read; the same reads give the same org', () => {
    const a = setup();
    const b = setup();
    const MINUTE = 60;
    // A request sets the simulator's present; reading the activity brings the org up to it.
    const read = (s: typeof a, seconds: number) => {
      s.advance(seconds * 1000);
      s.get('/v0/people?limit=1');
      return s.sim.admin.org.activityUntil;
    };
    for (const s of [a, b]) {
      expect(read(s, 30 * MINUTE)).toBe(T0_SEC);
      expect(read(s, 26 * HOUR)).toBe(T0_SEC + 30 * MINUTE + 26 * HOUR);
      expect(read(s, 59 * MINUTE)).toBe(T0_SEC + 30 * MINUTE + 26 * HOUR);
      expect(read(s, MINUTE)).toBe(T0_SEC + 30 * MINUTE + 27 * HOUR);
    }
    const states = (s: typeof a) => JSON.stringify(worked(s.sim.admin.org).slice(0, 5));
    expect(states(a)).toBe(states(b));
  });
});
