// Live report metrics are grouped into rows by their attributes. Metrics that do not name what
// tells two rows apart (an agent, a queue) repeat a name under the same attributes: one figure
// kept of several would be a wrong number in the sheet, with nothing said.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { SimRequest } from '../../dev/simulator/api';
import type { JobView } from '../../src/core/pull/pull-view';
import { sheetFields } from '../support/sheet-fields';
import { pullToEnd } from './pull-to-end';

const lastWeek = { kind: 'relative', preset: 'last_week' } as const;

/**
 * A ticket stats pull (by default last week by day) in either dialect: its rows as "field=value"
 * lists, sorted and as the sheet has them, and the queues each report was asked for (all of them:
 * none named).
 */
async function ticketStats(
  dialect: 'seed' | 'live',
  filters: { queue_ids?: string[] } = {},
  asking: { granularity: string; range: object } = { granularity: 'day', range: lastWeek },
) {
  const local = await startLocalAddon({ dialect });
  const { rt, sim } = local;
  const asked: string[][] = [];
  rt.setHttp((request: SimRequest) => {
    if (request.method === 'POST' && /\/v0\/reports\//.test(request.url))
      asked.push((JSON.parse(request.body ?? '{}') as { queue_ids?: string[] }).queue_ids ?? []);
    return local.backend.http(request);
  });
  const job = await pullToEnd(
    rt,
    {
      source: { kind: 'report', report: 'ticket_stats', granularity: asking.granularity },
      range: asking.range,
      filters,
      target: { kind: 'new_sheet', name: 'Tickets' },
      mode: 'replace',
    },
    `tickets-${dialect}-0001`,
  );
  expect(job).toMatchObject({ state: 'done' });
  const fields = sheetFields(rt, 'Tickets');
  const [, ...body] = rt.workbook.displayValues('Tickets');
  // The live dialect's `type` (the granularity) is a column of its own; the figures are the point.
  const inOrder = body.map((r) => fields.flatMap((f, i) => (f === 'type' ? [] : [`${f}=${r[i]}`])).join(' '));
  const { queues } = sim.admin.org;
  return {
    rows: [...inOrder].sort(),
    inOrder,
    asked,
    queues: queues.map((q) => q.id),
    parents: queues.filter((q) => queues.some((c) => c.parent_id === q.id)).map((q) => q.id),
    note: rt.workbook.notes('Tickets')[0]?.[0] ?? '',
  };
}

describe('live report metrics', () => {
  it('a name repeated under the same attributes fails the pull, saying to pull one queue or agent at a time', async () => {
    const local = await startLocalAddon({ dialect: 'live' });
    const { rt } = local;
    // Adherence metrics stripped of their agent: every agent's figures fall under one bucket's attributes.
    rt.setHttp((request: SimRequest) => {
      const response = local.backend.http(request);
      if (request.method !== 'GET' || !/\/v0\/reports\//.test(request.url)) return response;
      const body = JSON.parse(response.body) as { metrics?: Array<{ attributes: object }> };
      for (const m of body.metrics ?? []) m.attributes = { ...m.attributes, agent_id: null };
      return { ...response, body: JSON.stringify(body) };
    });
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'report', report: 'adherence', granularity: 'interval' },
        range: lastWeek,
        target: { kind: 'new_sheet', name: 'Adherence' },
        mode: 'replace',
      },
      'metrics-twice-0001',
    );
    expect(job).toMatchObject({ state: 'failed' });
    expect(job.message).toMatch(
      /^Assembled's report gave "\w+" more than once for the same type, start_time, end_time, so its rows could not be told apart .*Nothing was written: filter the pull to one queue, or one agent, at a time\.$/,
    );
    expect(rt.workbook.sheetNames()).not.toContain('Adherence');
  });

  it('ticket stats over several queues are asked one report per queue from the start, none over every queue', async () => {
    const seed = await ticketStats('seed');
    const live = await ticketStats('live');
    // Seven queues, the two parents among them: one report each, in either dialect. None is asked
    // over every queue: a live one names no queue in its metrics, so it was always thrown away.
    expect(live.queues).toHaveLength(7);
    const perQueue = live.queues.map((q) => [q]);
    expect(live.asked).toEqual(perQueue);
    expect(seed.asked).toEqual(perQueue);
    // Each queue's own figures, each row naming its queue: the live replies labelled with the queue
    // asked for, the seed's (which name theirs) used as they came.
    expect(new Set(live.rows.map((r) => /queue_id=(\S+)/.exec(r)?.[1])).size).toBe(7);
    expect(live.rows).toEqual(seed.rows);
  });

  it("gives the rows of a pull of each queue alone, each queue's one report, queue column filled", async () => {
    const all = await ticketStats('live');
    const alone: string[] = [];
    for (const queue of all.queues) {
      const one = await ticketStats('live', { queue_ids: [queue] });
      expect(one.asked).toEqual([[queue]]);
      expect(one.rows.length).toBeGreaterThan(0);
      for (const row of one.rows) expect(row).toContain(`queue_id=${queue}`);
      alone.push(...one.rows);
    }
    expect(all.rows).toEqual(alone.sort());
  });

  it("asks each parent queue alone too, its tickets its child queues' as well, and the header note says so", async () => {
    // Assembled's parent queues hold their child queues' tickets (and may hold their own): a
    // parent's report is its own figures, so it is asked, not skipped as holding none.
    const live = await ticketStats('live');
    expect(live.parents).toHaveLength(2);
    for (const parent of live.parents) expect(live.asked).toContainEqual([parent]);
    expect(live.note).toContain(
      'A parent queue holds the tickets of the queues under it too: its figures count theirs, so a sum over it and them counts those tickets twice.',
    );
  });

  it('gives the rows in the order one report over every queue gave them: in time, queue by queue within each', async () => {
    // Intervals, as Assembled gives them: days rolled up into New York's calendar days come out in
    // time from the roll-up itself, so they would not show the order the replies were put in.
    const yesterday = { granularity: 'interval', range: { kind: 'relative', preset: 'yesterday' } };
    const seed = await ticketStats('seed', {}, yesterday);
    const live = await ticketStats('live', {}, yesterday);
    expect(live.asked.length).toBeGreaterThan(2);
    expect(live.inOrder.length).toBeGreaterThan(48);
    // Each interval's rows together, its queues in the order Assembled lists them.
    const at = (row: string) => [
      /start_time=(\S+ \S+)/.exec(row)?.[1] ?? '',
      /queue_id=(\S+)/.exec(row)?.[1] ?? '',
    ];
    const rank = (row: string) => {
      const [start = '', queue = ''] = at(row);
      return `${start} ${String(live.queues.indexOf(queue)).padStart(2, '0')}`;
    };
    expect(live.inOrder.map(rank)).toEqual(live.inOrder.map(rank).sort());
    expect(live.inOrder).toEqual(seed.inOrder);
  });

  it("a queue filter of one queue is that queue's report, labelled with it and not asked again", async () => {
    const { queues } = await ticketStats('seed');
    const billingEmail = queues[5] ?? '';
    const seed = await ticketStats('seed', { queue_ids: [billingEmail] });
    const live = await ticketStats('live', { queue_ids: [billingEmail] });
    expect(seed.rows.length).toBeGreaterThan(0);
    expect(live.rows).toEqual(seed.rows);
    expect(live.asked).toEqual([[billingEmail]]);
  });

  it('counts each queue asked alone in the progress from its first words, "report k of n", as a range asked in parts', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
      range: lastWeek,
      target: { kind: 'new_sheet', name: 'Tickets' },
      mode: 'replace',
    };
    const n = sim.admin.org.queues.length;
    expect(n).toBeGreaterThan(1);
    // Assembled builds the reports at once; slow answers make each one's check and read take
    // seconds, so the sidebar sees the reports after the first go by too.
    sim.setFaults({ latencyMs: 5_000 });
    let job = await rt.callFromSidebar<JobView>('startPull', spec, 'tickets-by-queue-progress');
    const views = [job];
    const at = [rt.clock.now()];
    for (let i = 0; i < 400 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      views.push(job);
      at.push(rt.clock.now());
    }
    expect(job.state).toBe('done');
    // No report over every queue comes first: the pull begins at report 1 of n, and says why n.
    expect(views[0]).toMatchObject({
      stage: `Assembled is generating report 1 of ${n}`,
      detail: expect.stringContaining(
        "One report is asked per queue, so that each queue's figures are its own.",
      ),
    });
    const stages = new Set(views.map((v) => v.stage));
    expect(stages).not.toContain('Assembled is generating the report');
    expect(stages).toContain(`Assembled is generating report ${n} of ${n}`);
    // Time left is told once a report after the first is in, at their pace (the first one's wait
    // was every report's build). The sidebar counts it down between checks; the next check's is no
    // more than that (two seconds allowed: the reports after the first, each a check and a read at
    // the simulator's 5 s an answer, differ by a second or so), within a report and across the
    // start of the next. It once rose by a minute at a report's first check.
    const told = views.flatMap((v, i) =>
      v.part && v.estimatedLeftMs !== null ? [{ part: v.part, left: v.estimatedLeftMs, at: at[i] ?? 0 }] : [],
    );
    expect(views.filter((v) => v.part && v.part < 3).map((v) => v.estimatedLeftMs)).toEqual([null, null]);
    expect(told.length).toBeGreaterThan(2);
    expect(told[0]?.part).toBeGreaterThan(2);
    expect(told[0]?.left).toBeGreaterThan(0);
    const rises = told.slice(1).filter((v, i) => {
      const before = told[i] ?? v;
      return v.left > before.left - (v.at - before.at) + 2_000;
    });
    expect(rises).toEqual([]);
  });
});
