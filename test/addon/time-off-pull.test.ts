// Time-off requests pulled into a sheet, through the built bundle: an all-day request reads as its
// days in the agent's own calendar (Sync time off lists it so too), not as the hour the agent's
// midnight falls on in the sheet's zone; the rows stay keyed on their id for append and merge.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { sheetFields } from '../support/sheet-fields';
import { pullToEnd } from './pull-to-end';

const SPEC = {
  source: { kind: 'resource', resource: 'time_off_requests' },
  target: { kind: 'sheet', name: 'Leave' },
  mode: 'replace',
};

describe('a pull of time-off requests', () => {
  it('shows each request as its first and last day, as Sync time off does; a part-day one keeps its times', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.addSheet('Leave');
    expect(await pullToEnd(rt, SPEC, 'time-off-days-1')).toMatchObject({ state: 'done' });
    const fields = sheetFields(rt, 'Leave');
    const col = (field: string) => {
      const at = fields.indexOf(field);
      expect(at, field).toBeGreaterThanOrEqual(0);
      return at;
    };
    const [header = [], ...rows] = rt.workbook.displayValues('Leave');
    expect(header[col('first_day')]).toBe('First day');
    expect(header[col('last_day')]).toBe('Last day');
    // The days sit where the times do, not at the far right: an all-day request's times are blank.
    expect([col('last_day'), col('start_time'), col('end_time')]).toEqual([
      col('first_day') + 1,
      col('first_day') + 2,
      col('first_day') + 3,
    ]);
    const byId = new Map(rows.map((r) => [r[col('id')], r]));
    const people = new Map(sim.admin.org.people.map((p) => [p.agent_id, p]));
    // The date an instant falls on in the zone (en-CA writes 2026-05-25), by the real zone rules.
    const day = (sec: number, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone }).format(sec * 1000);
    const zones = new Set<string>();
    let partDay = 0;
    for (const t of sim.admin.org.timeOff) {
      const row = byId.get(t.id) ?? [];
      if (t.all_day) {
        const zone = people.get(t.agent_id)?.timezone ?? '';
        zones.add(zone);
        expect(row[col('first_day')], t.id).toBe(day(t.start_time, zone));
        expect(row[col('last_day')], t.id).toBe(day(t.end_time - 1, zone));
        expect([row[col('start_time')], row[col('end_time')]]).toEqual(['', '']);
      } else {
        partDay++;
        expect(row[col('start_time')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        expect(row[col('first_day')]).toBe(String(row[col('start_time')]).slice(0, 10));
      }
    }
    // Agents whose midnight is the evening before (Dublin) or late morning before (Manila) in New York.
    expect(zones).toContain('Europe/Dublin');
    expect(zones).toContain('Asia/Manila');
    expect(partDay).toBeGreaterThan(0);

    // Sync time off lists the same requests with the same days.
    rt.workbook.addSheet('Synced');
    rt.workbook.select('Synced!A1');
    await rt.callFromSidebar('syncTimeOff');
    const synced = sheetFields(rt, 'Synced');
    const days = (sheet: string, at: string[]) =>
      rt.workbook
        .displayValues(sheet)
        .slice(1)
        .map((r) => [r[at.indexOf('id')], r[at.indexOf('first_day')], r[at.indexOf('last_day')]].join())
        .sort();
    expect(days('Synced', synced)).toEqual(days('Leave', fields));
  });

  it('appends only requests the sheet lacks and merges on the id, one row per request', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    rt.workbook.addSheet('Leave');
    const first = await pullToEnd(rt, SPEC, 'time-off-days-2');
    const count = sim.admin.org.timeOff.length;
    expect(first).toMatchObject({ state: 'done', rows: count });
    const header = rt.workbook.values('Leave')[0];
    const again = await pullToEnd(rt, { ...SPEC, mode: 'append' }, 'time-off-days-3');
    expect(again).toMatchObject<Partial<JobView>>({ state: 'done', rows: 0 });
    const pending = sim.admin.org.timeOff.find((t) => t.status === 'pending')?.id ?? '';
    sim.admin.decideTimeOff(pending, 'denied');
    const merged = await pullToEnd(rt, { ...SPEC, mode: 'merge' }, 'time-off-days-4');
    expect(merged).toMatchObject({ state: 'done', rows: count });
    const values = rt.workbook.values('Leave');
    expect(values.length).toBe(count + 1);
    expect(values[0]).toEqual(header);
    const status = (header ?? []).indexOf('Status');
    expect(values.find((r) => r[0] === pending)?.[status]).toBe('denied');
  });
});

describe("a time-off pull's header note", () => {
  it('says a request is listed when it overlaps the range, its whole days in the agent’s own zone', async () => {
    // Wednesday 2 December 2026: last week is Monday 23 to Sunday 29 November in New York.
    const { rt, sim } = await startLocalAddon({ dialect: 'live', now: '2026-12-02T15:00:00Z' });
    const dublin = new Set(
      sim.admin.org.people.filter((p) => p.timezone === 'Europe/Dublin').map((p) => p.agent_id),
    );
    const request = sim.admin.org.timeOff.find((t) => t.all_day && dublin.has(t.agent_id));
    if (!request) throw new Error('the demo organisation has an all-day request of an agent in Dublin');
    // Monday 30 November, a whole day in Dublin: it begins at 19:00 on Sunday the 29th in New York.
    const sec = (iso: string) => Date.parse(iso) / 1000;
    sim.admin.changeTimeOff(request.id, {
      start_time: sec('2026-11-30T00:00:00Z'),
      end_time: sec('2026-12-01T00:00:00Z'),
    });
    rt.workbook.addSheet('Leave');
    const job = await pullToEnd(
      rt,
      { ...SPEC, range: { kind: 'relative', preset: 'last_week' } },
      'time-off-overlap-1',
    );
    expect(job.state).toBe('done');
    const fields = sheetFields(rt, 'Leave');
    const row = rt.workbook.displayValues('Leave').find((r) => r[fields.indexOf('id')] === request.id);
    expect(row?.[fields.indexOf('first_day')]).toBe('2026-11-30');
    const note = rt.workbook.notes('Leave')[0]?.[0] ?? '';
    expect(note).toContain('Range: 2026-11-23 to 2026-11-29 (America/New_York)');
    expect(note).toContain(
      "A request is listed when its time overlaps the range; an all-day request's time is its whole days in its agent's own time zone, so its First or Last day can be a day outside the range.",
    );
  });
});
