// Pulls cut short by the 6-minute limit carry on where they stopped (issue 13): a live-dialect
// report paged small (21 pages) is pulled with the execution killed at each step boundary and at
// points inside the write, in replace, append and merge. Every pull ends with exactly the table a
// pull that was never killed writes, asks Assembled for each page once, and a replace never shows
// a mix of the old table and the new.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import type { ServiceName } from '../../dev/gas/counters';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { isStageSheet } from '../../src/core/pull/staging';

const LEASE_LAPSE_MS = 7 * 60_000;
const REPORT_READY_MS = 20_000;

let rt: LocalRuntime;
/** Pages of complete reports asked for, by report and offset. */
const pages = new Map<string, number>();
/** Armed by a test: a kill planned when the write begins (its first request: the names). */
let onNames: (() => void) | undefined;
/** Armed by a test: called with each complete page read (offset, and whether it is the last). */
let onPage: ((offset: number, last: boolean) => void) | undefined;

beforeAll(async () => {
  const local = await startLocalAddon({ dialect: 'live', simulator: { reportPageMax: 200 } });
  rt = local.rt;
  rt.setHttp((request) => {
    const response = local.backend.http(request);
    const report = /\/v0\/reports\/([^/?]+)\?.*offset=(\d+)/.exec(request.url);
    if (report && response.body.includes('"status":"complete"')) {
      const key = `${report[1]}@${report[2]}`;
      pages.set(key, (pages.get(key) ?? 0) + 1);
      const page = JSON.parse(response.body) as { metrics: unknown[]; total_metric_count: number };
      const offset = Number(report[2]);
      onPage?.(offset, offset + page.metrics.length >= page.total_metric_count);
    }
    if (/\/v0\/people/.test(request.url) && onNames) {
      onNames();
      onNames = undefined;
    }
    return response;
  });
});

const spec = (mode: string, sheet: string) => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-05-20', to: '2026-05-20' },
  target: { kind: 'sheet', name: sheet },
  mode,
});

/**
 * 'ready': the first execution after the report is ready, counting from its start; 'write': the
 * execution that begins writing, from the write's first request; 'first page' / 'last page':
 * right after that page is read (with call 1 of Properties: the job's save, after the page is staged).
 */
type Kill = { at: 'ready' | 'write' | 'first page' | 'last page'; service: ServiceName; call: number };

let keys = 0;

/**
 * Pulls as the sidebar does. With `kill`, one execution is cut short: the first after the report
 * is ready ('ready', counting from its start) or the one that begins writing ('write', counting
 * from the write's first request). `seen` is called with the target after every execution.
 */
async function pull(mode: string, sheet: string, kill?: Kill, seen?: () => void) {
  const key = `resume-${String(++keys).padStart(6, '0')}`;
  const started = rt.clock.now();
  let job = await rt.callFromSidebar<JobView>('startPull', spec(mode, sheet), key);
  let armed = false;
  let killed = 0;
  /** Properties calls of the execution the kill aims at (the first after the report is ready). */
  let readyCalls = 0;
  for (let i = 0; i < 60 && job.nextPollInMs > 0; i++) {
    rt.clock.advance(job.nextPollInMs);
    if (!armed && rt.clock.now() - started >= REPORT_READY_MS) {
      armed = true;
      if (kill?.at === 'ready') rt.killAfter(kill.service, kill.call);
      else if (kill?.at === 'write') onNames = () => rt.killAfter(kill.service, kill.call);
      else if (kill)
        onPage = (offset, last) => {
          if (kill.at === (offset === 0 ? 'first page' : last ? 'last page' : '')) {
            rt.killAfter(kill.service, kill.call);
            onPage = undefined;
          }
        };
    }
    const aimed = armed && readyCalls === 0 ? rt.counters.properties.calls : undefined;
    try {
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
      if (aimed !== undefined) readyCalls = rt.counters.properties.calls - aimed;
    } catch (error) {
      expect(String(error)).toMatch(/Exceeded maximum execution time/);
      killed++;
      // The killed execution's hold on the spreadsheet lapses when it would have ended.
      rt.clock.advance(LEASE_LAPSE_MS);
    }
    seen?.();
  }
  onNames = undefined;
  onPage = undefined;
  return { job, killed, readyCalls };
}

/** Each complete page of every report asked for once. */
function everyPageOnce() {
  const twice = [...pages].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
}

/** What the sheet held before each mode's pull: a table the add-on pulled, rows the user changed. */
function seed(mode: string, sheet: string, header: string[], agents: string[]) {
  if (!rt.workbook.sheetNames().includes(sheet)) rt.workbook.addSheet(sheet);
  // Its header note says the add-on pulled it (a sheet of the user's own is refused).
  rt.workbook.note(`${sheet}!A1`, 'Source: Assembled Adherence report (day)');
  if (mode === 'replace') {
    // An older, larger table: every cell of it must go, all at once.
    rt.workbook.write(
      sheet,
      Array.from({ length: 150 }, (_, r) => Array.from({ length: 10 }, (_, c) => `old ${r}.${c}`)),
    );
  } else if (mode === 'append') {
    rt.workbook.write(sheet, [header, ['typed by hand', 'a'], ['typed by hand', 'b']]);
  } else {
    // Rows for three agents the report has (updated in place), one it has not, and a user column.
    rt.workbook.write(sheet, [
      [...header, 'Notes'],
      ...agents.map((a) => [a, 'old name', 'day', '', '', 1, 1, 1, `note ${a}`]),
      ['agent-not-in-report', 'Someone', 'day', '', '', 2, 2, 2, 'kept'],
    ]);
  }
}

/** `n` kill points spread over calls 1..count, the first and the last among them. */
function spread(count: number, n: number): number[] {
  const points = Array.from({ length: n }, (_, i) => 1 + Math.round((i * (count - 1)) / (n - 1)));
  return [...new Set(points)];
}

describe('a pull killed at any point carries on and ends with exactly the new table', () => {
  let header: string[] = [];
  let agents: string[] = [];
  const expected = new Map<string, unknown[][]>();
  let readyCalls = 0;
  let writeCalls = 0;

  beforeAll(async () => {
    // A pull never killed gives the table, and how many calls each kind of kill may aim at: the
    // Properties calls of the execution that finds the report ready (it reads, writes and saves
    // every step), and the Spreadsheet calls of its write.
    rt.workbook.addSheet('Probe');
    let writeFrom = 0;
    onNames = () => {
      writeFrom = rt.counters.spreadsheet.calls;
    };
    const probe = await pull('replace', 'Probe');
    expect(probe.job.state).toBe('done');
    writeCalls = rt.counters.spreadsheet.calls - writeFrom;
    readyCalls = probe.readyCalls;
    const values = rt.workbook.values('Probe') as string[][];
    header = values[0] ?? [];
    agents = values.slice(1, 4).map((r) => String(r[0]));
    for (const mode of ['replace', 'append', 'merge']) {
      seed(mode, `Ref ${mode}`, header, agents);
      const clean = await pull(mode, `Ref ${mode}`);
      expect(clean.job.state).toBe('done');
      expected.set(mode, rt.workbook.values(`Ref ${mode}`));
    }
    everyPageOnce();
  });

  it.each(['replace', 'append', 'merge'])(
    '%s, killed right after a page is read, before the job is saved',
    async (mode) => {
      for (const at of ['first page', 'last page'] as const) {
        const sheet = `${mode} ${at}`;
        seed(mode, sheet, header, agents);
        const { job, killed } = await pull(mode, sheet, { at, service: 'properties', call: 1 });
        expect(killed, at).toBe(1);
        expect(job.state, at).toBe('done');
        expect(rt.workbook.values(sheet), at).toEqual(expected.get(mode));
      }
      everyPageOnce();
    },
  );

  it.each([
    ['replace', 'properties', 'ready'],
    ['replace', 'spreadsheet', 'write'],
    ['append', 'properties', 'ready'],
    ['append', 'spreadsheet', 'write'],
    ['merge', 'properties', 'ready'],
    ['merge', 'spreadsheet', 'write'],
  ] as const)('%s, killed at %s calls (%s)', async (mode, service, at) => {
    const calls = spread(service === 'properties' ? readyCalls : writeCalls, 3);
    let kills = 0;
    for (const call of calls) {
      const sheet = `${mode} ${service} ${call}`;
      seed(mode, sheet, header, agents);
      const before = rt.workbook.values(sheet);
      const views: unknown[][][] = [];
      const { job, killed } = await pull(mode, sheet, { at, service, call }, () =>
        views.push(rt.workbook.values(sheet)),
      );
      kills += killed;
      const where = `killed at ${service} call ${call}`;
      expect(job.state, where).toBe('done');
      expect(rt.workbook.values(sheet), where).toEqual(expected.get(mode));
      // Replace: after every execution the sheet shows the old table or the whole new one.
      if (mode === 'replace')
        for (const view of views) expect([before, expected.get(mode)]).toContainEqual(view);
    }
    expect(kills).toBeGreaterThanOrEqual(calls.length - 1);
    everyPageOnce();
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });
});
