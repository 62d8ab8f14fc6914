// A ticket stats pull is asked a queue at a time (queue-parts.ts). Its reports are asked for
// together, so Assembled builds them at once: asked one after another, each waited its own build,
// and an hourly refresh over 7 queues spent minutes of the add-on's daily background time a run.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { SimRequest } from '../../dev/simulator/api';
import { sheetFields } from '../support/sheet-fields';
import { pullToEnd } from './pull-to-end';

/** How long the simulator takes to build each report. */
const BUILD_MS = 60_000;

describe('a ticket stats pull over several queues', () => {
  it("has Assembled build its queues' reports at once, each queue's rows its own", async () => {
    const local = await startLocalAddon({ dialect: 'live', reportDelayMs: BUILD_MS });
    const { rt, sim } = local;
    const queues = sim.admin.org.queues.map((q) => q.id).slice(0, 5);
    expect(queues).toHaveLength(5);
    const asked: string[][] = [];
    rt.setHttp((request: SimRequest) => {
      if (request.method === 'POST' && /\/v0\/reports\//.test(request.url))
        asked.push(JSON.parse(request.body ?? '{}').queue_ids);
      return local.backend.http(request);
    });
    const pull = (sheet: string, queue_ids: string[]) =>
      pullToEnd(
        rt,
        {
          source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
          range: { kind: 'relative', preset: 'last_week' },
          filters: { queue_ids },
          target: { kind: 'new_sheet', name: sheet },
          mode: 'replace',
        },
        `together-${sheet}`,
      );
    /** The sheet's rows as "field=value" lists, sorted. */
    const rows = (sheet: string) => {
      const fields = sheetFields(rt, sheet);
      return rt.workbook
        .displayValues(sheet)
        .slice(1)
        .map((r) => fields.map((f, i) => `${f}=${r[i]}`).join(' '))
        .sort();
    };

    const began = rt.clock.now();
    const job = await pull('All', queues);
    expect(job.state).toBe('done');
    // Five builds one after another take five times as long, and more (each waits for its checks).
    expect(rt.clock.now() - began).toBeLessThan(2 * BUILD_MS);
    expect(asked).toEqual(queues.map((q) => [q]));

    // Each queue's rows are the ones a pull of that queue alone gives, labelled with it.
    const alone: string[] = [];
    for (const queue of queues) {
      expect((await pull(queue, [queue])).state).toBe('done');
      const own = rows(queue);
      expect(own.length).toBeGreaterThan(0);
      for (const row of own) expect(row).toContain(`queue_id=${queue}`);
      alone.push(...own);
    }
    expect(rows('All')).toEqual(alone.sort());
  });
});
