// Google Sheets holds 10,000,000 cells in a spreadsheet and counts every cell of every sheet's grid,
// empty or not, hidden sheets too (a new sheet's 1,000 rows by 26 columns count before anything
// is in them). A pull counts what it needs before it writes: its new sheet trimmed to the table's
// columns, and beside it a replace's hidden staging sheet, sized to the table too. A new sheet a
// pull makes for its rows goes when the pull ends without writing into it, and a pull that ends
// says the rows it left in its target.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { isStageSheet, stageName } from '../../src/core/pull/staging';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `cells-key-${String(++keys).padStart(6, '0')}`;

/** Agent states from `from` to 2026-05-24 (a week is 20,738 states, 9 columns, with seed 7). */
const states = (from: string, target: object) => ({
  source: { kind: 'resource', resource: 'agent_states' },
  range: { kind: 'absolute', from, to: '2026-05-24' },
  target,
  mode: 'replace',
});
const WEEK = '2026-05-18';
/** Seventeen days of states: more than one sidebar call writes them. */
const DAYS = '2026-05-08';

const LIMIT = 10_000_000;

const sizes = (rt: LocalRuntime) =>
  Object.fromEntries(rt.workbook.sheetNames().map((name) => [name, rt.workbook.size(name)]));

const cells = (rt: LocalRuntime) =>
  Object.values(sizes(rt)).reduce((n, s) => n + s.maxRows * s.maxColumns, 0);

/** The user's archive, empty rows of it, fills the spreadsheet until about `room` cells are left. */
function leaveRoom(rt: LocalRuntime, room: number): void {
  rt.workbook.addSheet('Archive');
  rt.workbook.insertRows('Archive', 1000, Math.floor((LIMIT - cells(rt) - room) / 26));
}

const lastLog = (rt: LocalRuntime) => rt.workbook.values('Assembled log').at(-1) ?? [];

describe('Pull data, within the 10 million cells of a spreadsheet', () => {
  it('lands a pull that fits once its new sheet keeps only the columns its table needs', async () => {
    const { rt } = await startLocalAddon();
    leaveRoom(rt, 600_000);
    const job = await pullToEnd(rt, states(WEEK, { kind: 'new_sheet', name: 'States' }), key());
    expect(job.message).toBe('20,738 rows written to States!A1.');
    // 20,739 rows of a new sheet's 26 columns, twice while staged, would be 1,078,428 cells.
    expect(rt.workbook.size('States')).toEqual({
      lastRow: 20_739,
      lastColumn: 9,
      maxRows: 20_739,
      maxColumns: 9,
    });
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });

  it('refuses a pull the spreadsheet has no room for before writing, saying how big it is and what to do', async () => {
    const { rt } = await startLocalAddon();
    leaveRoom(rt, 300_000);
    const before = sizes(rt);
    const job = await pullToEnd(rt, states(WEEK, { kind: 'new_sheet', name: 'States' }), key());
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(
      /^The table is 20,739 rows by 9 columns and needs room for 373,302 more cells \(a replace builds it in a hidden sheet first, then copies it in\), but the spreadsheet has room for [\d,]+: Google Sheets holds 10,000,000 cells, counting every cell of every sheet, empty or not, hidden ones too\. Nothing was written\. Choose a shorter date range or fewer agents or teams, delete sheets, rows or columns you do not need, or pull into a BigQuery table instead\.$/,
    );
    // The room left, less the pull's hidden sheet of pages read.
    const room = Number(/has room for ([\d,]+)/.exec(job.message)?.[1]?.replace(/,/g, ''));
    expect(room).toBeLessThan(300_000);
    expect(room).toBeGreaterThan(250_000);
    expect(job.rows).toBe(0);
    // No sheet made or changed: the new one and the staging sheets are gone.
    const { 'Assembled log': _, ...after } = sizes(rt);
    expect(after).toEqual(before);
    expect(lastLog(rt).slice(4, 6)).toEqual(['failed', 0]);
    expect(lastLog(rt)[7]).toBe(job.message);
  });

  it('refuses one into a cell of the user’s sheet, and leaves that sheet as it was', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('Notes');
    rt.workbook.write('Notes', [['keep me']]);
    leaveRoom(rt, 300_000);
    const before = sizes(rt);
    const job = await pullToEnd(rt, states(WEEK, { kind: 'cell', sheet: 'Notes', a1: 'C1' }), key());
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(
      /^The table is 20,739 rows by 9 columns and needs room for [\d,]+ more cells/,
    );
    const { 'Assembled log': _, ...after } = sizes(rt);
    expect(after).toEqual(before);
    expect(rt.workbook.values('Notes')).toEqual([['keep me']]);
  });
});

describe('Pull data, a new sheet made for the rows', () => {
  it('goes when the pull is stopped before writing into it, and stays once the user has typed in it', async () => {
    const { rt } = await startLocalAddon();
    const start = (name: string) =>
      rt.callFromSidebar<JobView>('startPull', states(DAYS, { kind: 'new_sheet', name }), key());
    const stop = (job: JobView) => rt.callFromSidebar<JobView>('stopPull', job.id);
    const stopped = await start('Long');
    // The sheet is made when the rows are staged; the table lands in it at the end.
    expect(stopped.state).toBe('writing');
    expect(rt.workbook.sheetNames()).toContain('Long');
    expect((await stop(stopped)).message).toBe('Stopped: nothing was written, and the target is as it was.');
    expect(rt.workbook.sheetNames().filter((n) => n === 'Long' || isStageSheet(n))).toEqual([]);

    const typed = await start('Typed');
    rt.workbook.write('Typed', [['my note']]);
    await stop(typed);
    expect(rt.workbook.values('Typed')).toEqual([['my note']]);
  });
});

describe('Pull data, the rows it says it wrote', () => {
  it('a replace failing at its last step wrote no row, and the sidebar and the log say 0', async () => {
    const { rt } = await startLocalAddon();
    let job = await rt.callFromSidebar<JobView>(
      'startPull',
      states(DAYS, { kind: 'new_sheet', name: 'Long' }),
      key(),
    );
    expect(job.state).toBe('writing');
    // The user fills the spreadsheet while the rows are staged.
    leaveRoom(rt, 0);
    for (let i = 0; i < 20 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(
      /^The table is [\d,]+ rows by 9 columns and needs room for [\d,]+ more cells, but/,
    );
    expect(job.rows).toBe(0);
    expect(lastLog(rt).slice(4, 6)).toEqual(['failed', 0]);
    expect(rt.workbook.sheetNames().filter((n) => n === 'Long' || isStageSheet(n))).toEqual([]);
  });
});

describe('Pull data, the hidden sheet of pages read', () => {
  it('holds only the rows and columns the pages fill', async () => {
    const { rt, backend } = await startLocalAddon({ dialect: 'live', simulator: { reportPageMax: 200 } });
    // People fail to list, so the write (which names the agents) waits with every page read.
    rt.setHttp((request) =>
      /\/v0\/people/.test(request.url)
        ? { status: 503, headers: {}, body: '{"error":"unavailable"}', delayMs: 0 }
        : backend.http(request),
    );
    const spec = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'absolute', from: '2026-05-20', to: '2026-05-20' },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    };
    let job = await rt.callFromSidebar<JobView>('startPull', spec, key());
    const pages = stageName(job.id, 'pages');
    for (let i = 0; i < 20 && job.state !== 'writing'; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.message).toMatch(/HTTP 503.*people/);
    const size = rt.workbook.size(pages);
    // A row a page: 21 pages of 200 metrics, a few cells of JSON each.
    expect(size.lastRow).toBe(21);
    expect([size.maxRows, size.maxColumns]).toEqual([size.lastRow, size.lastColumn]);
  });
});

describe('Pull data, a schedule grid or coverage into a new sheet', () => {
  it('keeps only the columns it draws, and the chart’s anchor cell; its rows stay for formulas typed before it', async () => {
    const { rt } = await startLocalAddon({ now: '2026-11-05T12:00:00Z' });
    const day = { kind: 'absolute', from: '2026-10-27', to: '2026-10-27' };
    const drawn = (resource: string, name: string) =>
      pullToEnd(
        rt,
        {
          source: { kind: 'resource', resource },
          range: day,
          target: { kind: 'new_sheet', name },
          mode: 'replace',
        },
        key(),
      );
    expect((await drawn('schedule_grid', 'Grid')).state).toBe('done');
    const grid = rt.workbook.size('Grid');
    expect([grid.maxRows, grid.maxColumns]).toEqual([Math.max(1000, grid.lastRow), grid.lastColumn]);

    expect((await drawn('coverage', 'Coverage')).state).toBe('done');
    const coverage = rt.workbook.size('Coverage');
    // The chart is anchored past the table and a blank column: that cell stays in the grid.
    const [chart] = rt.workbook.charts('Coverage');
    expect(chart?.position?.anchorColumn).toBe(coverage.lastColumn + 2);
    expect([coverage.maxRows, coverage.maxColumns]).toEqual([
      Math.max(1000, coverage.lastRow),
      coverage.lastColumn + 2,
    ]);
  });
});

describe('Pull data, a schedule grid with no room left', () => {
  it('is refused in words before the old picture is touched', async () => {
    const { rt } = await startLocalAddon({ now: '2026-11-05T12:00:00Z' });
    const grid = (from: string) => ({
      source: { kind: 'resource', resource: 'schedule_grid' },
      range: { kind: 'absolute', from, to: '2026-10-27' },
      target: { kind: 'sheet', name: 'Grid' },
      mode: 'replace',
    });
    rt.workbook.addSheet('Grid');
    expect((await pullToEnd(rt, grid('2026-10-27'), key())).state).toBe('done');
    const before = rt.workbook.values('Grid');
    leaveRoom(rt, 1_000);
    // A week of days: seven times the rows, more than the room left.
    const job = await pullToEnd(rt, grid('2026-10-21'), key());
    expect(job.message).toMatch(
      /^The table is [\d,]+ rows by [\d,]+ columns and needs room for [\d,]+ more cells, but the spreadsheet has room for [\d,]+: Google Sheets holds 10,000,000 cells/,
    );
    expect(rt.workbook.values('Grid')).toEqual(before);
  });
});
