import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { activityStore } from '../../dev/simulator/schedules';
import { sheetFields } from '../support/sheet-fields';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `sched-key-${String(++keys).padStart(6, '0')}`;

const pull = (rt: LocalRuntime, spec: object) => pullToEnd(rt, spec, key());

// Autumn 2026: Europe/London leaves summer time on 25 October, America/New_York on 1 November.
// Each week below holds that zone's 25-hour day; the window is midnight to midnight in the zone.
const WEEKS = [
  {
    timezone: 'America/New_York',
    from: '2026-10-26',
    to: '2026-11-01',
    start: Date.UTC(2026, 9, 26, 4),
    end: Date.UTC(2026, 10, 2, 5),
  },
  {
    timezone: 'Europe/London',
    from: '2026-10-19',
    to: '2026-10-25',
    start: Date.UTC(2026, 9, 18, 23),
    end: Date.UTC(2026, 9, 26, 0),
  },
] as const;

describe.each(['seed', 'live'] as const)('Activities pull, %s dialect', (dialect) => {
  it.each(WEEKS)(
    'a DST week in $timezone: every activity of the local week, readable, once',
    async (week) => {
      const { rt, sim } = await startLocalAddon({
        dialect,
        timezone: week.timezone,
        now: '2026-11-05T12:00:00Z',
      });
      const spec = {
        source: { kind: 'resource', resource: 'activities' },
        range: { kind: 'absolute', from: week.from, to: week.to },
        target: { kind: 'new_sheet', name: 'Schedule' },
        mode: 'merge',
      };
      const job = await pull(rt, spec);
      expect(job.state).toBe('done');
      const expected = [...activityStore(sim.admin.org).values()].filter(
        (a) => a.start_time * 1000 < week.end && a.end_time * 1000 > week.start,
      );
      expect(expected.length).toBeGreaterThan(100);
      const byId = new Map(expected.map((a) => [a.id, a]));
      const values = rt.workbook.values('Schedule');
      const header = sheetFields(rt, 'Schedule');
      for (const name of [
        'agent_name',
        'agent_email',
        'activity_type',
        'short_name',
        'productive',
        'time_off',
        'start',
        'end',
        'duration',
        'description',
        'activity_id',
        'occurrence_id',
      ])
        expect(header).toContain(name);
      const at = (name: string) => header.indexOf(name);
      const rows = values.slice(1);
      const shown = rt.workbook.displayValues('Schedule').slice(1);
      expect(rows.length).toBe(expected.length);
      expect(new Set(rows.map((r) => r[at('occurrence_id')])).size).toBe(rows.length);
      rows.forEach((r, i) => {
        const start = r[at('start')] as Date;
        const end = r[at('end')] as Date;
        expect(Object.prototype.toString.call(start)).toBe('[object Date]');
        expect(start.getTime() < week.end && end.getTime() > week.start).toBe(true);
        // Elapsed time under a duration format (hours:minutes), not seconds; real elapsed time even
        // where the local clock went back (the start and end cells show wall time).
        const source = byId.get(String(r[at('activity_id')]));
        const minutes = Math.round(((source?.end_time ?? 0) - (source?.start_time ?? 0)) / 60);
        expect(shown[i]?.[at('duration')]).toBe(
          `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:00`,
        );
        expect(String(r[at('agent_name')]).length).toBeGreaterThan(0);
        expect(String(r[at('agent_email')])).toContain('@');
        expect(String(r[at('short_name')]).length).toBeGreaterThan(0);
      });
      const formats = rt.workbook.numberFormats('Schedule');
      expect(formats[1]?.[at('duration')]).toBe('[h]:mm:ss');
      expect(formats[1]?.[at('start')]).toBe('yyyy-mm-dd hh:mm:ss');
      expect(rows.some((r) => r[at('productive')] === true)).toBe(true);

      // Merge on the activity id plus its start: a second pull updates rows, it adds none.
      const again = await pull(rt, spec);
      expect(again.state).toBe('done');
      expect(rt.workbook.values('Schedule').length).toBe(rows.length + 1);
    },
  );

  it('filters by agents', async () => {
    const { rt, sim } = await startLocalAddon({ dialect, now: '2026-11-05T12:00:00Z' });
    const agents = sim.admin.org.people.filter((p) => p.staffable && !p.deleted).slice(0, 2);
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'activities' },
      range: { kind: 'absolute', from: '2026-10-26', to: '2026-11-01' },
      filters: { agent_ids: agents.map((p) => p.agent_id) },
      target: { kind: 'new_sheet', name: 'Two' },
      mode: 'replace',
    });
    expect(job.state).toBe('done');
    const values = rt.workbook.values('Two');
    const emailAt = sheetFields(rt, 'Two').indexOf('agent_email');
    expect(values.length).toBeGreaterThan(1);
    expect(new Set(values.slice(1).map((r) => r[emailAt]))).toEqual(
      new Set(agents.filter((p) => values.slice(1).some((r) => r[emailAt] === p.email)).map((p) => p.email)),
    );
    expect(values.slice(1).every((r) => agents.some((p) => p.email === r[emailAt]))).toBe(true);
  });

  it('filters by teams, whether Assembled reads its team parameter as an id or a name', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect, now: '2026-11-05T12:00:00Z' });
    const org = sim.admin.org;
    const sent: string[] = [];
    rt.setHttp((req) => {
      sent.push(req.url);
      return backend.http(req);
    });
    const withAgents = org.teams.filter((t) => org.people.some((p) => p.staffable && p.teams.includes(t.id)));
    const teams = withAgents.slice(0, 2);
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'activities' },
      range: { kind: 'absolute', from: '2026-10-27', to: '2026-10-28' },
      filters: { team_ids: teams.map((t) => t.id) },
      target: { kind: 'new_sheet', name: 'Teams' },
      mode: 'replace',
    });
    expect(job.state).toBe('done');
    const members = new Set(
      org.people.filter((p) => p.teams.some((t) => teams.some((x) => x.id === t))).map((p) => p.agent_id),
    );
    const from = Date.UTC(2026, 9, 27, 4) / 1000;
    const to = Date.UTC(2026, 9, 29, 4) / 1000;
    const expected = [...activityStore(org).values()].filter(
      (a) =>
        a.schedule_id === 'sch_master' && members.has(a.agent_id) && a.start_time < to && a.end_time > from,
    );
    expect(expected.length).toBeGreaterThan(0);
    const ids = sheetFields(rt, 'Teams').indexOf('activity_id');
    const pulled = rt.workbook
      .values('Teams')
      .slice(1)
      .map((r) => String(r[ids]));
    expect(new Set(pulled)).toEqual(new Set(expected.map((a) => a.id)));
    // The team is never asked of Assembled by id or name: its reading of `team` is not documented.
    expect(sent.filter((u) => /\/v0\/activities\?/.test(u) && /[?&]team=/.test(u))).toEqual([]);
  });

  it('filters by channel, activity types and schedule, activities and grid alike', async () => {
    const { rt, sim } = await startLocalAddon({ dialect, now: '2026-11-05T12:00:00Z' });
    const org = sim.admin.org;
    const range = { kind: 'absolute', from: '2026-10-27', to: '2026-10-27' };
    const rows = async (filters: object, name: string, resource = 'activities') => {
      const job = await pull(rt, {
        source: { kind: 'resource', resource },
        range,
        filters,
        target: { kind: 'new_sheet', name },
        mode: 'replace',
      });
      expect(job.state === 'done' ? 'done' : `${name}: ${job.message}`).toBe('done');
      const [, ...body] = rt.workbook.values(name);
      const header = sheetFields(rt, name);
      const at = (column: string) => header.indexOf(column);
      return body.map((r) => ({
        email: r[at('agent_email')],
        type: r[at('type_id')],
        id: r[at('activity_id')],
      }));
    };
    // Two types, sent as the key repeated: Assembled's live API reads a list so.
    const types = await rows({ activity_type_ids: ['at_break', 'at_lunch'] }, 'Breaks');
    expect(new Set(types.map((r) => r.type))).toEqual(new Set(['at_break', 'at_lunch']));
    const phone = await rows({ channel: 'phone' }, 'Phone');
    const phoneEmails = new Set(org.people.filter((p) => p.channels.includes('phone')).map((p) => p.email));
    expect(phone.length).toBeGreaterThan(0);
    expect(phone.every((r) => phoneEmails.has(r.email as string))).toBe(true);
    // The channel picks agents, whose breaks come too: the note says so, not "channel phone".
    expect(new Set(phone.map((r) => r.type))).toContain('at_break');
    expect(rt.workbook.notes('Phone')[0]?.[0]).toContain('\nFilters: agents on channel phone\n');
    expect(phone.length).toBeLessThan((await rows({}, 'All')).length);
    // An activity on the draft schedule is seen only when that schedule is asked for.
    const master = [...activityStore(org).values()].find(
      (a) => a.start_time >= Date.UTC(2026, 9, 27, 12) / 1000,
    );
    activityStore(org).set('act_draft_1', {
      ...(master as NonNullable<typeof master>),
      id: 'act_draft_1',
      schedule_id: 'sch_draft',
    });
    expect((await rows({ schedule_id: 'sch_draft' }, 'Draft')).map((r) => r.id)).toEqual(['act_draft_1']);
    expect((await rows({}, 'Master')).map((r) => r.id)).not.toContain('act_draft_1');
    // The grid takes the same filters: one agent's row for the draft schedule.
    await rows({ schedule_id: 'sch_draft' }, 'Draft grid', 'schedule_grid');
    const grid = rt.workbook.values('Draft grid');
    expect(grid.slice(2).filter((r) => r[1] !== '')).toHaveLength(1);
  });

  it('activity types and requirement types as reference data', async () => {
    const { rt } = await startLocalAddon({ dialect });
    for (const resource of ['activity_types', 'requirement_types']) {
      const job = await pull(rt, {
        source: { kind: 'resource', resource },
        target: { kind: 'new_sheet', name: resource },
        mode: 'replace',
      });
      expect(job.state).toBe('done');
      expect(job.rows).toBeGreaterThan(2);
    }
    const types = rt.workbook.values('activity_types');
    const header = sheetFields(rt, 'activity_types');
    for (const name of [
      'id',
      'name',
      'short_name',
      'background_color',
      'font_color',
      'productive',
      'timeoff',
    ])
      expect(header).toContain(name);
    expect(
      types.slice(1).every((r) => /^#[0-9a-f]{6}$/.test(String(r[header.indexOf('background_color')]))),
    ).toBe(true);
  });
});

describe('the Pull data sidebar', () => {
  it('offers the schedule sources with the range and filters they take', async () => {
    const { rt } = await startLocalAddon();
    const options = await rt.callFromSidebar<{
      sources: Array<{ id: string; range: string; filters: string[] }>;
    }>('getPullOptions');
    const byId = new Map(options.sources.map((s) => [s.id, s]));
    const filters = ['agent_ids', 'team_ids', 'channel', 'activity_type_ids', 'schedule_id'];
    expect(byId.get('activities')).toMatchObject({ range: 'required', filters });
    expect(byId.get('schedule_grid')).toMatchObject({ range: 'required', filters });
    expect(byId.get('coverage')).toMatchObject({ range: 'required' });
    expect(byId.get('activity_types')).toMatchObject({ range: 'none' });
    expect(byId.get('requirement_types')).toMatchObject({ range: 'none' });
  });
});
