// A push sheet with a filter (Data ▸ Create a filter): Push reads every row, those the filter hides
// too, so Validate and Push say so in one line. Which rows a filter hides would take a call a row
// (too slow for thousands); whether there is a filter takes one (Sheet.getFilter).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { follow } from '../push/in-runtime';
import { TIME_OFF_HEADER } from '../support/time-off-template';

const FILTERED = 'The sheet has a filter: Push reads every row, those it hides too.';

describe('a push sheet with a filter', () => {
  it('is said to be read whole, by Validate and by Push; a sheet without one is not', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const row = (i: number) => [
      agents[i]?.email,
      `2026-08-0${3 + i} 09:00`,
      `2026-08-0${3 + i} 17:00`,
      '',
      'pto',
      `row ${i}`,
    ];
    rt.workbook.write('Leave', [TIME_OFF_HEADER.slice(0, 6), row(0), row(1), row(2)]);
    rt.workbook.select("'Leave'!A1");

    const plain = await rt.callFromSidebar<ValidateSummary & { filtered?: string }>(
      'validatePush',
      'time_off',
    );
    expect(plain.ok).toBe(3);
    expect(plain.filtered).toBeUndefined();

    rt.workbook.createFilter("'Leave'!A1:F4");
    const filtered = await rt.callFromSidebar<ValidateSummary & { filtered?: string }>(
      'validatePush',
      'time_off',
    );
    expect(filtered).toMatchObject({ ok: 3, filtered: FILTERED });

    const started = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'filtered-push-1');
    expect(started.filtered).toBe(FILTERED);
    const done = await follow(rt, started);
    expect(done).toMatchObject({ state: 'done', succeeded: 3, filtered: FILTERED });
  });
});
