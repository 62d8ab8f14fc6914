// A spreadsheet shared with others holds merged cells, protections, a locale other than en_US,
// chart sheets and names in other cases. Pulls, refreshes and pushes must cope with each as Sheets
// would have them (the runtime enforces Sheets' rules; test/gas/spreadsheet-shared.test.ts).
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { PullOptions } from '../../src/core/pull/pull-view';
import type { PushOptions, PushView } from '../../src/core/push/push-view';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { agentMidnight } from '../push/support';
import { TIME_OFF_HEADER } from '../support/time-off-template';
import { pullToEnd } from './pull-to-end';
import { editor } from './second-editor';

const HOUR = 3_600_000;
let keys = 0;
const key = () => `shared-key-${String(++keys).padStart(6, '0')}`;
const teams = (target: object) => ({
  source: { kind: 'resource', resource: 'teams' },
  target,
  mode: 'replace',
});

const pull = (rt: LocalRuntime, spec: object) => pullToEnd(rt, spec, key());

const STALE = [['Old title', 'kept?'], ['', 'x'], ...Array.from({ length: 30 }, (_, i) => [`stale ${i}`, i])];

/** An older teams table the add-on pulled into the sheet (its header note says so), since changed. */
function stale(rt: LocalRuntime, sheet: string): void {
  rt.workbook.write(sheet, STALE);
  rt.workbook.note(`${sheet}!A1`, 'Source: Assembled Teams');
}

describe('merged cells in a target', () => {
  it('a header merged across rows 1 and 2 is unmerged before the pull writes: no stale rows, header frozen', async () => {
    const { rt } = await startLocalAddon();
    stale(rt, 'Teams');
    rt.workbook.merge('Teams!A1:A2');
    const job = await pull(rt, teams({ kind: 'sheet', name: 'Teams' }));
    expect(job).toMatchObject({ state: 'done' });
    const values = rt.workbook.values('Teams');
    expect(values).toHaveLength(job.rows + 1);
    expect(values.flat().some((v) => String(v).startsWith('stale'))).toBe(false);
    expect(rt.workbook.merges('Teams')).toEqual([]);
    expect(rt.workbook.frozenRows('Teams')).toBe(1);
  });

  it('a merge outside the table that spans rows 1 and 2 stays; the header is then left unfrozen', async () => {
    const { rt } = await startLocalAddon();
    stale(rt, 'Teams');
    rt.workbook.merge('Teams!Z1:Z2');
    const job = await pull(rt, teams({ kind: 'sheet', name: 'Teams' }));
    expect(job).toMatchObject({ state: 'done' });
    expect(rt.workbook.values('Teams')).toHaveLength(job.rows + 1);
    expect(rt.workbook.merges('Teams')).toEqual(['Z1:Z2']);
    expect(rt.workbook.frozenRows('Teams')).toBe(0);
  });

  it("a table pulled beside the user's cells (at D1) leaves their row 1 unfrozen", async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.write('Notes', [['my notes']]);
    const job = await pull(rt, teams({ kind: 'cell', sheet: 'Notes', a1: 'D1' }));
    expect(job).toMatchObject({ state: 'done' });
    expect(rt.workbook.values('Notes')[0]?.slice(0, 4)).toEqual(['my notes', '', '', 'ID']);
    expect(rt.workbook.frozenRows('Notes')).toBe(0);
  });
});

describe('protected ranges', () => {
  it('a refresh whose owner may not edit the protected target fails in words and leaves the sheet untouched', async () => {
    const addon = await startLocalAddon({ mode: 'bound' });
    const { rt } = addon;
    const ops = await editor(addon, 'ops@example.com');
    rt.workbook.write('Teams', STALE);
    await ops.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec: teams({ kind: 'sheet', name: 'Teams' }), frequency: { kind: 'hourly' }, notifyByEmail: false },
      'refresh-protect1',
    );
    // The spreadsheet's owner protects all but the header: only they may edit the rows.
    rt.workbook.protect('Teams!A2:Z1000');
    const before = rt.workbook.values('Teams');
    const notes = rt.workbook.notes('Teams');
    rt.clock.advance(2 * HOUR);
    expect(rt.workbook.values('Teams')).toEqual(before);
    expect(rt.workbook.notes('Teams')).toEqual(notes);
    const [view] = await ops.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(view?.lastRun).toMatchObject({ status: 'failed' });
    expect(view?.lastRun?.message).toMatch(/A2:Z1000 of "Teams" is protected.*Nothing was written/);
  });

  it('a protected sheet lets a pull write into the range left unprotected in it, and only there', async () => {
    const addon = await startLocalAddon();
    const ops = await editor(addon, 'ops@example.com');
    addon.rt.workbook.write('Teams', [['Notes by the owner']]);
    addon.rt.workbook.protect('Teams', { unprotected: ['Teams!D3:M200'] });
    expect(await pull(ops, teams({ kind: 'cell', sheet: 'Teams', a1: 'D3' }))).toMatchObject({
      state: 'done',
    });
    expect(addon.rt.workbook.values('Teams')[2]?.[3]).toBe('ID');
    const outside = await pull(ops, teams({ kind: 'cell', sheet: 'Teams', a1: 'B250' }));
    expect(outside.message).toMatch(/The sheet "Teams" is protected/);
  });

  it('a warning-only protection does not stop a pull', async () => {
    const addon = await startLocalAddon();
    const ops = await editor(addon, 'ops@example.com');
    stale(addon.rt, 'Teams');
    addon.rt.workbook.protect('Teams', { warningOnly: true });
    expect(await pull(ops, teams({ kind: 'sheet', name: 'Teams' }))).toMatchObject({ state: 'done' });
  });
});

function timeOffSheet(addon: LocalAddon, rows: number): void {
  const agents = addon.sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
  addon.rt.workbook.write('Leave', [
    TIME_OFF_HEADER,
    ...Array.from({ length: rows }, (_, i) => [
      agents[i]?.email,
      '2026-07-01 09:00',
      '2026-07-01 17:00',
      'FALSE',
      'pto',
      `shared ${i}`,
    ]),
  ]);
}

async function follow(rt: LocalRuntime, first: PushView): Promise<PushView> {
  let view = first;
  for (let i = 0; view.state === 'running' && i < 20; i++) {
    rt.clock.set(rt.clock.now() + view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  return view;
}

const creates = (addon: LocalAddon) => addon.sim.stats().byRoute['POST /v0/time_off'] ?? 0;

describe('a push whose outcome columns are protected', () => {
  it('is refused before anything is sent', async () => {
    const addon = await startLocalAddon();
    const ops = await editor(addon, 'ops@example.com');
    timeOffSheet(addon, 3);
    addon.rt.workbook.protect('Leave!G2:J1000');
    ops.workbook.select('Leave!A1');
    const view = await follow(ops, await ops.callFromSidebar<PushView>('startPush', 'time_off', key()));
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(/G2:J1000 of "Leave" is protected.*Nothing was written.*No row was sent/);
    expect(creates(addon)).toBe(0);
  });

  /** An editor's push whose write-back the owner's protection refused once Assembled took its 3 rows. */
  async function writeBackRefused() {
    const addon = await startLocalAddon();
    const ops = await editor(addon, 'ops@example.com');
    timeOffSheet(addon, 3);
    // The owner protects the outcome columns while the first rows are on their way.
    const http = addon.backend.http;
    let protectedYet = false;
    addon.rt.setHttp((req) => {
      if (!protectedYet && req.method === 'POST') {
        protectedYet = true;
        addon.rt.workbook.protect('Leave!G2:J1000');
      }
      return http(req);
    });
    ops.workbook.select('Leave!A1');
    const view = await follow(ops, await ops.callFromSidebar<PushView>('startPush', 'time_off', key()));
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(
      /Rows 2, 3, 4 reached Assembled \(3 accepted\).*could not be written.*never sent again: push again once the status columns can be edited/,
    );
    expect(creates(addon)).toBe(3);
    return { addon, ops };
  }

  /** The owner, who may edit the columns, pushes: the rows are found in Assembled, not sent again. */
  async function ownerPushes(addon: LocalAddon): Promise<void> {
    addon.rt.workbook.select('Leave!A1');
    const owner = await follow(
      addon.rt,
      await addon.rt.callFromSidebar<PushView>('startPush', 'time_off', key()),
    );
    expect(owner.state).toBe('done');
    expect(creates(addon)).toBe(3);
    const status = addon.rt.workbook
      .values('Leave')
      .slice(1)
      .map((r) => r[6]);
    expect(status).toEqual(['created', 'created', 'created']);
  }

  it('when the write-back is refused after Assembled accepted the rows, they are never sent again', async () => {
    const { addon, ops } = await writeBackRefused();
    // Neither the dispatcher nor another push by the same user sends them again.
    ops.clock.advance(3 * HOUR);
    const again = await follow(ops, await ops.callFromSidebar<PushView>('startPush', 'time_off', key()));
    expect(again.state).toBe('failed');
    expect(creates(addon)).toBe(3);
    await ownerPushes(addon);
  });

  it("the editor's sidebar, once the owner's push found the rows since, does not tell them to push again", async () => {
    const { addon, ops } = await writeBackRefused();
    await ownerPushes(addon);
    const options = await ops.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.lastNote).toMatch(/analyst@example\.com pushed it since/);
    expect(options.last?.message).toMatch(
      /^Rows 2, 3, 4 reached Assembled \(3 accepted\), but their outcome could not be written: .* They are never sent again: a push that can edit the status columns looks their outcome up in Assembled\.$/,
    );
  });
});

describe('the spreadsheet locale', () => {
  it('a German user types dates, times and WAHR into the time-off template; the push reads them', async () => {
    const addon = await startLocalAddon();
    const { rt, sim } = addon;
    rt.workbook.setLocale('de_DE');
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    rt.workbook.write(
      sheet,
      [
        [agents[0]?.email, '01.07.2026 09:00', '01.07.2026 17:30', 'FALSCH', 'pto', ''],
        [agents[1]?.email, '02.07.2026', '03.07.2026', 'WAHR', 'pto', ''],
      ],
      { row: 2 },
    );
    expect(rt.workbook.values(sheet)[1]?.[1]).toBeInstanceOf(Date);
    rt.workbook.select(`'${sheet}'!A1`);
    const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', key()));
    expect(view).toMatchObject({ state: 'done', succeeded: 2 });
    const ids = rt.workbook
      .values(sheet)
      .slice(1, 3)
      .map((r) => r[7]);
    const made = ids.map((id) => sim.admin.org.timeOff.find((t) => t.id === id));
    expect(made[0]).toMatchObject({ start_time: Date.parse('2026-07-01T13:00:00Z') / 1000 });
    expect(made[0]).toMatchObject({ end_time: Date.parse('2026-07-01T21:30:00Z') / 1000 });
    expect(made[1]).toMatchObject({ all_day: true });
  });

  it('text a day-first user typed into a plain-text cell is read day first, and their TRUE word too', async () => {
    const addon = await startLocalAddon();
    const { rt, sim } = addon;
    rt.workbook.setLocale('pt_BR');
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    rt.workbook.write('Folgas', [
      ['Agent', 'Start', 'End', 'All day', 'Type'],
      // A leading apostrophe keeps the text as typed, as a plain-text cell would.
      [agents[0]?.email, "'02/07/2026", "'03/07/2026", "'verdadeiro", 'pto'],
    ]);
    rt.workbook.select('Folgas!A1');
    const v = await rt.callFromSidebar<{ ok: number; problems: string[] }>('validatePush', 'time_off');
    expect(v.problems).toEqual([]);
    const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', key()));
    expect(view).toMatchObject({ state: 'done', succeeded: 1 });
    const id = rt.workbook.values('Folgas')[1]?.[6];
    expect(sim.admin.org.timeOff.find((t) => t.id === id)).toMatchObject({
      all_day: true,
      // 2 July, from the agent's own midnight.
      start_time: agentMidnight(agents[0], '2026-07-02'),
    });
  });
});

describe('chart and data-source sheets', () => {
  it('are not offered as targets, and a pull aimed at one says why', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addChartSheet('Chart1');
    rt.workbook.addDataSourceSheet('Warehouse');
    rt.workbook.select('Sheet1!A1');
    const options = await rt.callFromSidebar<PullOptions>('getPullOptions');
    expect(options.sheets).toEqual(['Sheet1']);
    // Refused before the pull starts, as is a new sheet named like one.
    await expect(pull(rt, teams({ kind: 'sheet', name: 'Chart1' }))).rejects.toThrow(
      /"Chart1" is a chart sheet.*Choose another/,
    );
    await expect(pull(rt, teams({ kind: 'new_sheet', name: 'warehouse' }))).rejects.toThrow(
      /"Warehouse" is a data-source sheet/,
    );
    // Beside them, grid sheets are pulled into as ever (chart sheets have no cells to count).
    expect(await pull(rt, teams({ kind: 'new_sheet', name: 'Teams' }))).toMatchObject({ state: 'done' });
  });

  it('the pull sidebar opens on a chart sheet, offering the first grid sheet', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addChartSheet('Chart1');
    rt.workbook.select('Chart1!A1');
    const options = await rt.callFromSidebar<PullOptions>('getPullOptions');
    expect(options.activeCell).toEqual({ sheet: 'Sheet1', a1: 'A1' });
  });
});

describe('sheet names in another case', () => {
  it('a pull into a new sheet "teams" reuses "Teams"; templates, the log and the sync sheet find theirs', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    rt.workbook.addSheet('TEAMS');
    rt.workbook.addSheet('assembled LOG');
    rt.workbook.addSheet('time off to create');
    rt.workbook.addSheet('TIME OFF (ASSEMBLED)');
    const job = await pull(rt, teams({ kind: 'new_sheet', name: 'teams' }));
    expect(job).toMatchObject({ state: 'done' });
    expect(rt.workbook.values('TEAMS').length).toBe(job.rows + 1);
    expect(rt.workbook.values('assembled LOG').length).toBe(2);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    expect(sheet).toBe('Time off to create (2)');
    rt.workbook.write('Sheet1', [['something else']]);
    rt.workbook.select('Sheet1!A1');
    await rt.callFromSidebar('syncTimeOff');
    expect(rt.workbook.sheetNames().filter((n) => /^time off \(assembled\)$/i.test(n))).toEqual([
      'TIME OFF (ASSEMBLED)',
    ]);
  });
});

describe('the run log', () => {
  it('a log sheet the runner may not edit does not fail the pull it logs', async () => {
    const addon = await startLocalAddon();
    const ops = await editor(addon, 'ops@example.com');
    addon.rt.workbook.write('Assembled log', [['When']]);
    addon.rt.workbook.protect('Assembled log');
    const job = await pull(ops, teams({ kind: 'new_sheet', name: 'Teams' }));
    expect(job).toMatchObject({ state: 'done' });
    expect(addon.rt.workbook.values('Assembled log')).toEqual([['When']]);
    expect(ops.logs.messages().join('\n')).toMatch(
      /The run could not be logged: You are trying to edit a protected/,
    );
  });
});

describe('a push with a chart sheet open', () => {
  it('the sidebar opens, Validate and Push say to open a sheet of rows, and Sync uses its own sheet', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addChartSheet('Chart1');
    rt.workbook.select('Chart1!A1');
    expect(await rt.callFromSidebar('getPushOptions')).toMatchObject({ sheet: 'Chart1' });
    await expect(rt.callFromSidebar('validatePush', 'time_off')).rejects.toThrow(
      /"Chart1" is a chart or data-source sheet: open the sheet whose rows you want to push/,
    );
    await expect(rt.callFromSidebar('startPush', 'time_off', key())).rejects.toThrow(/"Chart1" is a chart/);
    // Sync time off cannot use a chart: it fills its own sheet.
    await rt.callFromSidebar('syncTimeOff');
    expect(rt.workbook.sheetNames()).toContain('Time off (Assembled)');
  });
});
