// Pulls against the simulator's live dialect (Assembled's own client's shapes): the fields the live
// service sends become columns, names sit beside ids, merge keys on fields that exist, and report
// rows are the sheet's calendar days.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { READ_AHEAD_PAGES } from '../../src/core/assembled/paging';
import { sheetFields } from '../support/sheet-fields';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `live-key-${String(++keys).padStart(6, '0')}`;
const lastWeek = { kind: 'relative', preset: 'last_week' } as const;

const pull = (rt: LocalRuntime, spec: object) => pullToEnd(rt, spec, key());

/** The sheet's columns by API field: the header note lists which header holds which field. */
function table(rt: LocalRuntime, sheet: string) {
  const [, ...rows] = rt.workbook.values(sheet) as unknown[][];
  const fields = sheetFields(rt, sheet);
  const at = (name: string) => fields.indexOf(name);
  // A duration as the sheet shows it ([h]:mm:ss), in seconds.
  const shown = rt.workbook.displayValues(sheet).slice(1);
  const seconds = (row: number, name: string) => {
    const [h = 0, m = 0, s = 0] = String(shown[row]?.[at(name)]).split(':').map(Number);
    return h * 3600 + m * 60 + s;
  };
  return { header: fields, rows, at, seconds };
}

describe('live dialect: what the live service sends is what the sheet shows', () => {
  it('agent states: platform and the agent name as columns, no id or source; merge keys on agent, platform and start', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'resource', resource: 'agent_states' },
      range: { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' },
      target: { kind: 'new_sheet', name: 'States' },
      mode: 'merge',
    };
    const first = await pull(rt, spec);
    expect(first).toMatchObject({ state: 'done' });
    const before = table(rt, 'States');
    expect(before.header).toEqual(
      expect.arrayContaining(['agent_id', 'agent_name', 'platform', 'start_time']),
    );
    expect(before.header).not.toContain('id');
    expect(before.header).not.toContain('source');
    expect(before.rows.length).toBeGreaterThan(500);
    expect(before.rows.every((r) => String(r[before.at('agent_name')]).length > 0)).toBe(true);
    // Namesakes (the org has two of several names) are told apart by email; others by name alone.
    const names = new Set(before.rows.map((r) => String(r[before.at('agent_name')])));
    expect([...names].filter((n) => n.startsWith('Ava Smith'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Ava Smith \(.+@.+\)$/)]),
    );
    expect([...names].some((n) => !n.includes('('))).toBe(true);
    // The same pull merged again finds every row by its key: nothing is added twice.
    const again = await pull(rt, spec);
    expect(again).toMatchObject({ state: 'done' });
    expect(table(rt, 'States').rows.length).toBe(before.rows.length);
  });

  it('agent states over five days: every row, though the live list carries no total; a read-ahead batch less one past the last page at most', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'agent_states' },
      range: { kind: 'absolute', from: '2026-05-18', to: '2026-05-22' },
      target: { kind: 'new_sheet', name: 'States' },
      mode: 'replace',
    });
    expect(job).toMatchObject({ state: 'done' });
    // New York's days, 04:00Z to 04:00Z in May: the states overlapping them, as the simulator holds them.
    const from = Date.UTC(2026, 4, 18, 4) / 1000;
    const to = Date.UTC(2026, 4, 23, 4) / 1000;
    const held = [...sim.admin.org.states.values()]
      .flat()
      .filter((s) => s.start_time < to && (s.end_time === null || s.end_time > from));
    expect(held.length).toBeGreaterThan(2_000);
    expect(table(rt, 'States').rows).toHaveLength(held.length);
    const pages = sim.stats().byRoute['GET /v0/agents/state'] ?? 0;
    expect(pages).toBeLessThanOrEqual(Math.ceil(held.length / 500) + READ_AHEAD_PAGES - 1);
  });

  it('the condensed timeline: every field public code reads is a column', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'condensed_timeline' },
      range: { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' },
      target: { kind: 'new_sheet', name: 'Timeline' },
      mode: 'replace',
    });
    expect(job).toMatchObject({ state: 'done' });
    const { header, rows, at } = table(rt, 'Timeline');
    expect(header).toEqual(
      expect.arrayContaining([
        'agent_id',
        'agent_name',
        'agent_email',
        'platform',
        'agent_platform_id',
        'state',
        'start_time',
        'end_time',
        'modified_at',
        'external_id',
        'ticket_id',
        'ticket_status',
      ]),
    );
    expect(rows.some((r) => r[at('ticket_status')] === 'solved')).toBe(true);
    expect(Object.prototype.toString.call(rows[0]?.[at('modified_at')])).toBe('[object Date]');
  });

  it('the condensed timeline is asked once, with the priority_order the live service requires', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const asked: { url: string; status: number }[] = [];
    rt.setHttp((request) => {
      const answer = sim.handle(request);
      if (request.url.includes('/condensed_timeline'))
        asked.push({ url: request.url, status: answer.status });
      return answer;
    });
    const range = { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' };
    const timeline = (name: string, filters = {}) =>
      pull(rt, {
        source: { kind: 'resource', resource: 'condensed_timeline' },
        range,
        filters,
        target: { kind: 'new_sheet', name },
        mode: 'replace',
      });
    const order = () => asked.map((a) => [new URL(a.url).searchParams.get('priority_order'), a.status]);
    // None chosen: every platform the people are on, those most of them are on first.
    expect(await timeline('Timeline')).toMatchObject({ state: 'done' });
    const onIt = (platform: string) => sim.admin.org.people.filter((p) => platform in p.platforms).length;
    expect(onIt('zendesk')).toBeGreaterThan(onIt('five9'));
    expect(onIt('five9')).toBeGreaterThan(onIt('intercom'));
    expect(order()).toEqual([['zendesk,five9,intercom', 200]]);
    // The user's own order is sent as they typed it.
    asked.length = 0;
    expect(await timeline('Mine', { priority_order: 'five9,zendesk' })).toMatchObject({ state: 'done' });
    expect(order()).toEqual([['five9,zendesk', 200]]);
  });

  it.each([
    ['asked with the platforms their states are on', true],
    ['with no states either, an empty table without asking', false],
  ] as const)('the condensed timeline where no one holds a platform ID: %s', async (_, states) => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const { org } = sim.admin;
    // States are sent in by agent ID, with any platform: people on no platform may still have some.
    for (const person of org.people) person.platforms = {};
    if (!states) {
      org.states = new Map();
      org.plans = new Map();
    }
    const asked: { url: string; status: number }[] = [];
    rt.setHttp((request) => {
      const answer = sim.handle(request);
      if (request.url.includes('/condensed_timeline'))
        asked.push({ url: request.url, status: answer.status });
      return answer;
    });
    const job = await pull(rt, {
      source: { kind: 'resource', resource: 'condensed_timeline' },
      range: { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' },
      target: { kind: 'new_sheet', name: 'Timeline' },
      mode: 'replace',
    });
    expect(job).toMatchObject({ state: 'done' });
    const { rows, at } = table(rt, 'Timeline');
    if (states) {
      const platforms = new Set(rows.map((r) => String(r[at('platform')])));
      expect(platforms.size).toBeGreaterThan(1);
      expect(asked.map((a) => a.status)).toEqual([200]);
      const sent = new URL(asked[0]?.url ?? '').searchParams.get('priority_order')?.split(',');
      // The priority_order leaves out no state's platform.
      expect(sent).toEqual(expect.arrayContaining([...platforms]));
    } else {
      expect(job.rows).toBe(0);
      expect(asked).toEqual([]);
    }
  });

  it.each([
    ['teams', 'site_id'],
    ['sites', 'timezone'],
    ['queues', 'channel'],
    ['skills', 'channel'],
  ])('%s: parents shown by name; %s only where a reply carries it', async (resource, onlySeed) => {
    for (const dialect of ['live', 'seed'] as const) {
      const { rt, sim } = await startLocalAddon({ dialect });
      const job = await pull(rt, {
        source: { kind: 'resource', resource },
        target: { kind: 'new_sheet', name: resource },
        mode: 'replace',
      });
      expect(job).toMatchObject({ state: 'done' });
      const { header, rows, at } = table(rt, resource);
      expect(header.slice(0, 3)).toEqual(['id', 'name', 'parent_id']);
      // Skills have no parents: no empty parent_name column for them.
      if (resource === 'skills') {
        expect(header).not.toContain('parent_name');
        continue;
      }
      expect(header).toEqual(expect.arrayContaining(['name', 'parent_name']));
      const nodes = (sim.admin.org as unknown as Record<string, Array<{ id: string; name: string }>>)[
        resource
      ];
      const names = new Map(nodes?.map((n) => [n.id, n.name]));
      for (const r of rows) expect(r[at('parent_name')]).toBe(names.get(String(r[at('parent_id')])) ?? '');
      expect(rows.some((r) => r[at('parent_name')] !== '')).toBe(true);
      if (dialect === 'live') expect(header).not.toContain(onlySeed);
      else expect(header).toContain(onlySeed);
    }
  });
});

describe('report rows are the sheet calendar days', () => {
  it('by day in New York: local midnights, no overlap, sums equal, percentages recomputed, and the note says so', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const job = await pull(rt, {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: lastWeek,
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    });
    expect(job).toMatchObject({ state: 'done', range: '2026-05-18 to 2026-05-24' });
    const { rows, at, seconds } = table(rt, 'Adherence');
    // New York is at UTC-4 in May: each local day runs 04:00Z to 04:00Z.
    const starts = new Set<number>();
    const perAgent = new Map<string, number[]>();
    for (const [i, r] of rows.entries()) {
      const start = (r[at('start_time')] as Date).getTime();
      const end = (r[at('end_time')] as Date).getTime();
      expect(new Date(start).getUTCHours()).toBe(4);
      expect(end - start).toBe(86_400_000);
      starts.add(start);
      const agent = String(r[at('agent_id')]);
      perAgent.set(agent, [...(perAgent.get(agent) ?? []), start]);
      const scheduled = seconds(i, 'scheduled_seconds');
      const adherent = seconds(i, 'adherent_seconds');
      // A percent is a fraction under a percent format.
      const shown = 100 * (r[at('adherence_percent')] as number);
      expect(Math.abs(shown - (100 * adherent) / scheduled)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(starts.size).toBe(7);
    for (const days of perAgent.values()) expect(new Set(days).size).toBe(days.length);
    // The scheduled seconds of the week are Assembled's, summed over the same instants.
    const total = rows.reduce((n: number, _, i) => n + seconds(i, 'scheduled_seconds'), 0);
    const from = Date.UTC(2026, 4, 18, 4) / 1000;
    const to = Date.UTC(2026, 4, 25, 4) / 1000;
    let expected = 0;
    for (const segments of sim.admin.org.schedules.values())
      for (const s of segments) expected += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
    expect(total).toBe(expected);
    expect(rt.workbook.notes('Adherence')[0]?.[0]).toMatch(
      /Buckets: calendar days in America\/New_York, rolled up from Assembled's 30-minute intervals/,
    );
    // Adherence has no backlog for the note to speak of (ticket stats' is in clock-change.test.ts).
    expect(rt.workbook.notes('Adherence')[0]?.[0]).not.toContain('backlog');
  });

  it("a large org's 30-minute intervals, too many to read, give way to Assembled's own weeks, and the note says why", async () => {
    // One metric a page: the week's intervals of 20 agents run past the 2,000 pages a pull reads.
    const { rt, sim } = await startLocalAddon({ dialect: 'live', simulator: { reportPageMax: 1 } });
    const agents = sim.admin.org.people.filter((p) => p.staffable && !p.deleted).slice(0, 20);
    const job = await pull(rt, {
      source: { kind: 'report', report: 'adherence', granularity: 'week' },
      range: lastWeek,
      filters: { agent_ids: agents.map((a) => a.agent_id) },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    });
    expect(job).toMatchObject({ state: 'done' });
    const { rows, at } = table(rt, 'Adherence');
    // The range's dates asked as UTC dates (utc-span.ts): Assembled's week, whole. Asked from New
    // York's midnights (04:00Z), an agent had two rows, the week less four hours and four hours.
    const instants = (field: string) =>
      [...new Set(rows.map((r) => (r[at(field)] as Date).toISOString()))].sort();
    // Written as the UTC dates they are (day-columns.ts asUtcDays): New York's midnights of them.
    expect(instants('start_time')).toEqual(['2026-05-18T04:00:00.000Z']);
    expect(instants('end_time')).toEqual(['2026-05-25T04:00:00.000Z']);
    expect(new Set(rows.map((r) => r[at('agent_id')])).size).toBe(20);
    expect(rt.workbook.notes('Adherence')[0]?.[0]).toMatch(
      /Buckets: Assembled's UTC weeks, not calendar weeks in America\/New_York \(its 30-minute intervals over this range were too many to read and roll up\)/,
    );
    // Two reports asked; of the intervals only the first page was read.
    const { byRoute } = sim.stats();
    expect(byRoute['POST /v0/reports/{reportType}']).toBe(2);
    expect(byRoute['GET /v0/reports/{reportID}']).toBeLessThan(200);
  });
});
