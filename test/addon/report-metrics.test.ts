// Live report metrics are grouped into rows by their attributes. Metrics that do not name what
// tells two rows apart (an agent, a queue) repeat a name under the same attributes: one figure
// kept of several would be a wrong number in the sheet, with nothing said.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { SimRequest } from '../../dev/simulator/api';
import { pullToEnd } from './pull-to-end';

const lastWeek = { kind: 'relative', preset: 'last_week' } as const;

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
});
