// A Push status of "error" is shown in red, so the rows to fix are found in a long sheet: the
// template comes with the rule, and a sheet whose status columns Validate adds gets it once.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas/runtime';
import { startLocalAddon } from '../../dev/local-addon';

/** The sheet's conditional format rules, as the column (1-based) and rows each covers. */
const rules = (rt: LocalRuntime, sheet: string) =>
  rt.workbook.conditionalFormats(sheet).map((r) => ({
    criteria: r.criteria,
    values: r.values,
    background: r.background,
    col: r.ranges[0]?.grid.col,
    rows: r.ranges[0]?.grid.numRows,
  }));

describe('Push status "error" in red', () => {
  it('comes with the template, over the Push status column', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    const header = rt.workbook.values(sheet)[0] ?? [];
    expect(rules(rt, sheet)).toEqual([
      {
        criteria: 'TEXT_EQUAL_TO',
        values: ['error'],
        background: expect.stringMatching(/^#/),
        col: header.indexOf('Push status') + 1,
        rows: 1000,
      },
    ]);
  });

  it('is added with the status columns Validate adds, not again when they are there', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    rt.workbook.write('Floor', [
      ['Agent', 'State', 'Start'],
      [agent?.email, 'ready', '2026-05-20 09:00'],
      ['ghost@example.com', 'ready', '2026-05-20 09:00'],
    ]);
    rt.workbook.select("'Floor'!A1");
    await rt.callFromSidebar('validatePush', 'agent_states');
    const header = rt.workbook.values('Floor')[0] ?? [];
    const col = header.indexOf('Push status') + 1;
    expect(col).toBeGreaterThan(0);
    expect(rules(rt, 'Floor')).toMatchObject([{ criteria: 'TEXT_EQUAL_TO', values: ['error'], col }]);
    expect(rt.workbook.values('Floor').map((r) => r[col - 1])).toEqual(['Push status', 'OK', 'error']);
    await rt.callFromSidebar('validatePush', 'agent_states');
    expect(rules(rt, 'Floor')).toHaveLength(1);
  });
});

describe('a failed run in the log', () => {
  it('is shown in red: the log comes with the rule over its Status column, once', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'Teams' },
      mode: 'replace',
    };
    sim.setFaults({ force5xx: 1_000_000 });
    let job = await rt.callFromSidebar<{ id: string; nextPollInMs: number }>(
      'startPull',
      teams,
      'log-flag-0001',
    );
    for (let i = 0; i < 50 && job.nextPollInMs > 0; i++) {
      await rt.clock.advanceAsync(job.nextPollInMs);
      job = await rt.callFromSidebar('pollPull', job.id);
    }
    sim.setFaults({});
    await rt.callFromSidebar('startPull', teams, 'log-flag-0002');
    const header = rt.workbook.values('Assembled log')[0] ?? [];
    const statuses = rt.workbook.values('Assembled log').map((r) => r[header.indexOf('Status')]);
    expect(statuses).toContain('failed');
    expect(statuses).toContain('done');
    expect(rules(rt, 'Assembled log')).toEqual([
      {
        criteria: 'TEXT_EQUAL_TO',
        values: ['failed'],
        background: expect.stringMatching(/^#/),
        col: header.indexOf('Status') + 1,
        rows: 1000,
      },
    ]);
  });
});
