// A pulled table's columns moved by hand (Solved and Created in front of Start) stay the user's
// arrangement: pulled again, each column keeps its field and shows it in that field's format.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import { pullToEnd } from './pull-to-end';

const B_KEY = 'sk_live_test_editor_b';
let keys = 0;
const key = () => `moved-cols-key-${String(++keys).padStart(6, '0')}`;

const tickets = (mode: string, sheet = 'Tickets') => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'week' },
  range: { kind: 'relative', preset: 'last_week' },
  target: { kind: 'sheet', name: sheet },
  mode,
  ...(mode === 'merge' ? { mergeKey: 'Queue ID, Start, End' } : {}),
});

const PULLED = [
  'Queue ID',
  'Queue name',
  'Start',
  'End',
  'Created',
  'Solved',
  'Backlog',
  'Average handle time',
];
const MOVED = [
  'Queue ID',
  'Queue name',
  'Solved',
  'Created',
  'Start',
  'End',
  'Backlog',
  'Average handle time',
];

/** Pastes columns C:F in the order `to`, as a person moving them by hand does. */
function arrange(rt: LocalRuntime, sheet: string, to: readonly string[]): void {
  const values = rt.workbook.values(sheet);
  const from = values[0] ?? [];
  const at = to.slice(2, 6).map((h) => from.indexOf(h));
  rt.workbook.write(
    sheet,
    values.map((r) => at.map((i) => r[i])),
    { row: 1, column: 3 },
  );
  expect(rt.workbook.values(sheet)[0]?.slice(0, to.length)).toEqual(to);
}

/** Pulled by Replace, then Solved and Created moved in front of Start. */
async function movedTable(rt: LocalRuntime, sheet = 'Tickets'): Promise<unknown[][]> {
  rt.workbook.addSheet(sheet);
  expect(await pullToEnd(rt, tickets('replace', sheet), key())).toMatchObject({ state: 'done' });
  const pulled = rt.workbook.displayValues(sheet);
  expect(pulled[0]).toEqual(PULLED);
  arrange(rt, sheet, MOVED);
  return pulled;
}

/** What a reader sees under each header, the table's rows only. */
const shown = (rt: LocalRuntime, headers: readonly string[], sheet = 'Tickets') => {
  const [header = [], ...rows] = rt.workbook.displayValues(sheet);
  const table = rows.filter((r) => r[0] !== '');
  return headers.map((h) => table.map((r) => r[header.indexOf(h)]));
};

/** The same from the table as first pulled. */
const fields = (pulled: unknown[][], headers: readonly string[]) => {
  const [header = [], ...rows] = pulled;
  return headers.map((h) => rows.map((r) => r[header.indexOf(h)]));
};

describe('columns moved by hand in a pulled table', () => {
  it("a merge shows each moved column in its own field's format: counts as counts, times as times", async () => {
    const { rt } = await startLocalAddon();
    const pulled = await movedTable(rt);
    const merged = await pullToEnd(rt, tickets('merge'), key());
    const n = pulled.length - 1;
    expect(merged.message).toBe(`${n} rows merged into Tickets!A1: ${n} updated, 0 added.`);
    expect(rt.workbook.values('Tickets')[0]).toEqual(MOVED);
    expect(shown(rt, PULLED)).toEqual(fields(pulled, PULLED));
    expect(shown(rt, ['Created'])[0]?.[0]).toMatch(/^\d+$/);
  });

  it('Pull it again keeps them where they are, so a formula over a moved column still sums its field; an editor with their own key pulls the same way', async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    const pulled = await movedTable(rt);
    // Totals typed off to the side, by the letters the columns have now: D is Created, C Solved.
    rt.workbook.write('Tickets', [['=SUM(D2:D6)', '=SUM(C2:C6)']], { row: 9, column: 11 });
    const totals = () => rt.workbook.formulas('Tickets')[8]?.slice(10);
    expect(totals()).toEqual(['=SUM(D2:D6)', '=SUM(C2:C6)']);

    sim.issueKey(B_KEY);
    const editor = rt.asUser('editor@example.com');
    await editor.callFromSidebar('saveSettings', { apiKey: B_KEY, timeFormat: 'iso', apiVersion: '' });
    const again = await pullToEnd(editor, tickets('replace'), key());
    expect(again).toMatchObject({ state: 'done', rows: pulled.length - 1 });
    expect(again.message).toBe(`${again.rows} rows written to Tickets!A1.`);
    expect(rt.workbook.values('Tickets')[0]?.slice(0, MOVED.length)).toEqual(MOVED);
    expect(totals()).toEqual(['=SUM(D2:D6)', '=SUM(C2:C6)']);
    expect(shown(rt, PULLED)).toEqual(fields(pulled, PULLED));
    const sheet = rt.workbook.displayValues('Tickets').slice(1, pulled.length);
    expect([sheet.map((r) => r[3]), sheet.map((r) => r[2])]).toEqual(fields(pulled, ['Created', 'Solved']));

    // Merged into later, the columns are still known where they are.
    const n = pulled.length - 1;
    const merged = await pullToEnd(rt, tickets('merge'), key());
    expect(merged.message).toBe(`${n} rows merged into Tickets!A1: ${n} updated, 0 added.`);
    expect(rt.workbook.values('Tickets')[0]?.slice(0, MOVED.length)).toEqual(MOVED);
  });

  it('a replace cut short, its columns moved back meanwhile, still writes every field under its own header', async () => {
    const { rt, backend } = await startLocalAddon();
    // The write's execution is cut short at its k-th Properties call (its steps' saves among them):
    // the 1st falls before its header is staged, the 3rd and 12th after, all before it is published.
    // It is the one that reads the queues' names: the pull's second read of the queues, its first
    // step's read being of the queues it asks a report for each (queue-parts.ts).
    let kill: number | undefined;
    let queueReads = 0;
    rt.setHttp((request) => {
      if (kill !== undefined && /\/v0\/queues/.test(request.url) && ++queueReads === 2) {
        rt.killAfter('properties', kill);
        kill = undefined;
      }
      return backend.http(request);
    });
    const orders = new Set<string>();
    for (const k of [1, 3, 12]) {
      const sheet = `Killed ${k}`;
      const pulled = await movedTable(rt, sheet);
      kill = k;
      queueReads = 0;
      let job = await rt.callFromSidebar<JobView>('startPull', tickets('replace', sheet), key());
      let killed = 0;
      for (let i = 0; i < 30 && job.nextPollInMs > 0; i++) {
        rt.clock.advance(job.nextPollInMs);
        try {
          job = await rt.callFromSidebar<JobView>('pollPull', job.id);
        } catch (error) {
          expect(String(error)).toMatch(/Exceeded maximum execution time/);
          killed++;
          // The user puts the columns back while the pull waits to carry on.
          arrange(rt, sheet, PULLED);
          rt.clock.advance(7 * 60_000);
        }
      }
      expect([job.state, killed], sheet).toEqual(['done', 1]);
      expect(shown(rt, PULLED, sheet), sheet).toEqual(fields(pulled, PULLED));
      orders.add(String(rt.workbook.values(sheet)[0]));
    }
    // Cut short before its header was staged, it begins again in the order the sheet has then;
    // after, it keeps the order it began with.
    expect(orders).toEqual(new Set([String(PULLED), String(MOVED)]));
  });
});
