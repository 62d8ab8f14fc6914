// A Push status of "error" is shown in red, so the rows to fix are found in a long sheet: the
// template comes with the rule, and a sheet whose status columns Validate adds gets it once.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas/runtime';
import type { ConditionalFormatModel } from '../../dev/gas/services/spreadsheet/conditional-format';
import { startLocalAddon } from '../../dev/local-addon';
import type { Simulator } from '../../dev/simulator/api';

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

  it('stretches over rows pasted below the template, once, unless the user removed it', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'agent_states');
    const header = rt.workbook.values(sheet)[0] ?? [];
    const col = header.indexOf('Push status') + 1;
    // Rules of the user's own, in another colour, for other text, over another column, stay as
    // they are, even put before the add-on's.
    const [ours] = rt.workbook.conditionalFormats(sheet) as [ConditionalFormatModel];
    const [range] = ours.ranges as [ConditionalFormatModel['ranges'][number]];
    rt.workbook
      .conditionalFormats(sheet)
      .unshift(
        { ...ours, background: '#ffffff' },
        { ...ours, values: ['warning'] },
        { ...ours, ranges: [{ ...range, grid: { ...range.grid, col: 1 } }] },
      );
    const before = rules(rt, sheet);
    // Pasting below the last row grows the sheet; a rule's range stays as it was.
    rt.workbook.write(sheet, [['ghost@example.com', 'ready', '2026-05-20 09:00']], { row: 1500 });
    rt.workbook.select(`'${sheet}'!A1`);
    await rt.callFromSidebar('validatePush', 'agent_states');
    expect(rt.workbook.values(sheet)[1499]?.[col - 1]).toBe('error');
    expect(rules(rt, sheet)).toEqual([...before.slice(0, 3), { ...before[3], rows: 1500 }]);

    // Covering the sheet, it is not laid again; removed, it is not put back.
    rt.counters.reset();
    await rt.callFromSidebar('validatePush', 'agent_states');
    const writesWithRule = rt.counters.spreadsheet.writes;
    rt.workbook.conditionalFormats(sheet).length = 0;
    rt.counters.reset();
    await rt.callFromSidebar('validatePush', 'agent_states');
    expect(rt.counters.spreadsheet.writes).toBe(writesWithRule);
    expect(rules(rt, sheet)).toEqual([]);
  });
});

/** A pull of the teams that ends failed (Assembled down throughout) or done, logged either way. */
async function pullTeams(rt: LocalRuntime, sim: Simulator, id: string, fail: boolean): Promise<void> {
  const teams = {
    source: { kind: 'resource', resource: 'teams' },
    target: { kind: 'new_sheet', name: 'Teams' },
    mode: 'replace',
  };
  sim.setFaults(fail ? { force5xx: 1_000_000 } : {});
  let job = await rt.callFromSidebar<{ id: string; nextPollInMs: number }>('startPull', teams, id);
  for (let i = 0; i < 50 && job.nextPollInMs > 0; i++) {
    await rt.clock.advanceAsync(job.nextPollInMs);
    job = await rt.callFromSidebar('pollPull', job.id);
  }
  sim.setFaults({});
}

describe('a failed run in the log', () => {
  it('is shown in red: the log comes with the rule over its Status column, once', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    await pullTeams(rt, sim, 'log-flag-0001', true);
    await pullTeams(rt, sim, 'log-flag-0002', false);
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

  it("covers runs logged past the sheet's first 1,000 rows", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    await pullTeams(rt, sim, 'log-long-0001', false);
    const log = 'Assembled log';
    const header = rt.workbook.values(log)[0] ?? [];
    expect(rt.workbook.size(log).maxRows).toBe(1000);
    rt.workbook.write(
      log,
      Array.from({ length: 1000 - 2 }, () => header.map(() => 'older run')),
      { row: 3 },
    );
    await pullTeams(rt, sim, 'log-long-0002', true);
    const rows = rt.workbook.values(log);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.at(-1)?.[header.indexOf('Status')]).toBe('failed');
    expect(rules(rt, log)).toMatchObject([
      { values: ['failed'], col: header.indexOf('Status') + 1, rows: rt.workbook.size(log).maxRows },
    ]);
  });
});
