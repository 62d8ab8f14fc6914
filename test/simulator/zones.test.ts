// The demo org keeps its people's hours by their zones' real rules, daylight saving included, as a
// real rota does: a Dublin shift at 8:00 stays at 8:00 local when Irish summer time begins, and
// all-day time off runs from the agent's local midnight, not from a fixed offset's.
import { describe, expect, it } from 'vitest';
import { setup } from './helpers';

const formats = new Map<string, Intl.DateTimeFormat>();

/** What the wall clock in the zone shows at the instant: '2027-03-22 08:00'. */
function wall(sec: number, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    const fields = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    } as const;
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, hourCycle: 'h23', ...fields });
    formats.set(timeZone, format);
  }
  return format.format(sec * 1000);
}
const hourOf = (sec: number, timeZone: string) => Number(wall(sec, timeZone).slice(11, 13));

interface Activity {
  agent_id: string;
  type_id: string;
  start_time: string;
  end_time: string;
}

describe('the demo org across daylight saving', () => {
  // Made before the US clocks change (14 March 2027) and living on past Ireland's (28 March).
  let now = Date.parse('2027-03-10T12:00:00Z');
  const s = setup({ now: () => now });
  void s.sim.admin.org.states;
  now = Date.parse('2027-03-31T12:00:00Z');
  s.get('/v0/people?limit=1');
  const org = s.sim.admin.org;
  const zoneOf = new Map(org.people.map((p) => [p.agent_id, p.timezone]));

  it('starts every shift at its plan’s local hour, before and after the clocks change', () => {
    let shifts = 0;
    for (const [agent, plan] of org.plans) {
      const zone = zoneOf.get(agent) ?? '';
      const segments = org.schedules.get(agent) ?? [];
      segments.forEach((seg, i) => {
        if (segments[i - 1]?.end === seg.start) return;
        shifts++;
        const hour = `${String(plan.startHour).padStart(2, '0')}:00`;
        expect(wall(seg.start, zone).slice(11), `${agent} ${zone} ${wall(seg.start, zone)}`).toBe(hour);
      });
    }
    expect(shifts).toBeGreaterThan(2000);
  });

  it('shows a Dublin agent’s Monday shift at the same local hour on 22 March and 5 April 2027, an hour earlier in UTC', () => {
    const dublin = org.people.filter((p) => p.timezone === 'Europe/Dublin' && org.plans.has(p.agent_id));
    const firstOn = (date: string) => {
      const list: Activity[] = s
        .get(`/v0/activities?start_time=${date}T00:00:00Z&end_time=${date}T23:59:00Z`)
        .json().activities;
      return new Map(
        dublin.flatMap((p) => {
          const first = list.find((a) => a.agent_id === p.agent_id);
          return first && !['at_pto', 'at_sick'].includes(first.type_id) ? [[p.agent_id, first]] : [];
        }),
      );
    };
    const before = firstOn('2027-03-22');
    const after = firstOn('2027-04-05');
    const both = [...before.keys()].filter((agent) => after.has(agent));
    expect(both.length).toBeGreaterThan(0);
    for (const agent of both) {
      const [a, b] = [before.get(agent) as Activity, after.get(agent) as Activity];
      const [hourA, hourB] = [a, b].map((x) => hourOf(Date.parse(x.start_time) / 1000, 'Europe/Dublin'));
      expect(hourB, agent).toBe(hourA);
      expect(Date.parse(b.start_time) - Date.parse(a.start_time), agent).toBe((14 * 24 - 1) * 3_600_000);
    }
  });

  it('shows approved all-day time off at 9:00-17:00 local on each day, across the night the clocks go forward', () => {
    const la = org.people.find(
      (p) =>
        p.timezone === 'America/Los_Angeles' &&
        org.plans.has(p.agent_id) &&
        !org.timeOff.some((t) => t.agent_id === p.agent_id),
    );
    const agent = la?.agent_id ?? '';
    // Saturday to Monday in Los Angeles: 08:00 UTC is midnight in winter, 07:00 UTC in summer.
    const times = { start_time: '2027-03-13T08:00:00Z', end_time: '2027-03-16T07:00:00Z', all_day: true };
    const id = s.post('/v0/time_off', { agent_id: agent, ...times }).json().id;
    s.sim.admin.decideTimeOff(id, 'approved');
    const list: Activity[] = s
      .get(`/v0/activities?start_time=2027-03-13T00:00:00Z&end_time=2027-03-17T00:00:00Z&agents=${agent}`)
      .json().activities;
    // 9:00-17:00 in Los Angeles on each day, whichever offset is in force.
    const under = list.filter((a) => a.start_time < times.end_time && a.end_time > times.start_time);
    expect(under.map((a) => `${a.type_id} ${a.start_time} ${a.end_time}`)).toEqual([
      'at_pto 2027-03-13T17:00:00Z 2027-03-14T01:00:00Z',
      'at_pto 2027-03-14T16:00:00Z 2027-03-15T00:00:00Z',
      'at_pto 2027-03-15T16:00:00Z 2027-03-16T00:00:00Z',
    ]);
  });
});

describe('the demo org’s all-day time off in summer', () => {
  const s = setup({ now: () => Date.parse('2026-07-15T12:00:00Z') });
  const org = s.sim.admin.org;
  const zoneOf = new Map(org.people.map((p) => [p.agent_id, p.timezone]));
  const allDay = org.timeOff.filter((t) => t.all_day);

  it('starts and ends at the agent’s local midnight: 07:00 UTC in Los Angeles in July', () => {
    expect(allDay.length).toBeGreaterThan(10);
    for (const t of allDay) {
      const zone = zoneOf.get(t.agent_id) ?? '';
      expect(`${t.id} ${wall(t.start_time, zone).slice(11)} ${wall(t.end_time, zone).slice(11)}`).toBe(
        `${t.id} 00:00 00:00`,
      );
    }
    const la = allDay.filter((t) => zoneOf.get(t.agent_id) === 'America/Los_Angeles');
    expect(la.length).toBeGreaterThan(0);
    for (const t of la) expect(new Date(t.start_time * 1000).getUTCHours()).toBe(7);
  });

  it('shows approved all-day time off as 9:00-17:00 on each local day, by the zone’s summer offset', () => {
    const approved = allDay.filter((t) => t.status === 'approved');
    const activities: Activity[] = s
      .get(
        '/v0/activities?start_time=2026-06-20T00:00:00Z&end_time=2026-07-20T00:00:00Z&types=at_pto,at_sick',
      )
      .json().activities;
    let seen = 0;
    for (const a of activities) {
      const zone = zoneOf.get(a.agent_id) ?? '';
      if (!approved.some((t) => t.agent_id === a.agent_id)) continue;
      seen++;
      const [start, end] = [a.start_time, a.end_time].map((x) => wall(Date.parse(x) / 1000, zone).slice(11));
      expect(`${a.agent_id} ${start}-${end}`).toBe(`${a.agent_id} 09:00-17:00`);
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('the demo org’s part-day time off', () => {
  /** The one part-day request of an org made at `now` from `seed`, in its agent's zone. */
  function partDay(seed: number, now: string) {
    const org = setup({ seed, now: () => Date.parse(now) }).sim.admin.org;
    const requests = org.timeOff.filter((t) => !t.all_day);
    expect(requests.length).toBe(1);
    const [t] = requests;
    const zone = org.people.find((p) => p.agent_id === t?.agent_id)?.timezone ?? '';
    return { zone, start: wall(t?.start_time ?? 0, zone), end: wall(t?.end_time ?? 0, zone) };
  }

  it('is an afternoon appointment on the agent’s own wall clock, two days after creation', () => {
    // Seed 7's is a Los Angeles agent's: 15:00 PDT is 22:00 UTC, not 15:00 UTC (08:00 there).
    expect(partDay(7, '2026-05-24T15:30:00Z')).toEqual({
      zone: 'America/Los_Angeles',
      start: '2026-05-26 15:00',
      end: '2026-05-26 17:00',
    });
    expect(partDay(1, '2026-05-24T15:30:00Z')).toEqual({
      zone: 'Asia/Manila',
      start: '2026-05-26 15:00',
      end: '2026-05-26 17:00',
    });
  });

  it('keeps its local hours on the day the clocks change', () => {
    // Irish summer time begins 2027-03-28 at 01:00 UTC: that afternoon 15:00 is 14:00 UTC.
    expect(partDay(6, '2027-03-26T12:00:00Z')).toEqual({
      zone: 'Europe/Dublin',
      start: '2027-03-28 15:00',
      end: '2027-03-28 17:00',
    });
  });
});
