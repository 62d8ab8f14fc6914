// A pulled table's columns moved by hand (Solved and Created in front of Start) stay the user's
// arrangement: pulled again, each column keeps its field and shows it in that field's format.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `moved-cols-key-${String(++keys).padStart(6, '0')}`;

const tickets = (mode: string) => ({
  source: { kind: 'report', report: 'ticket_stats', granularity: 'week' },
  range: { kind: 'relative', preset: 'last_week' },
  target: { kind: 'sheet', name: 'Tickets' },
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

/** Pulled by Replace, then Solved and Created moved in front of Start by pasting the block reordered. */
async function movedTable(rt: LocalRuntime): Promise<unknown[][]> {
  rt.workbook.addSheet('Tickets');
  expect(await pullToEnd(rt, tickets('replace'), key())).toMatchObject({ state: 'done' });
  const pulled = rt.workbook.displayValues('Tickets');
  expect(pulled[0]).toEqual(PULLED);
  const block = rt.workbook.values('Tickets').map((r) => [r[5], r[4], r[2], r[3]]);
  rt.workbook.write('Tickets', block, { row: 1, column: 3 });
  expect(rt.workbook.values('Tickets')[0]).toEqual(MOVED);
  return pulled;
}

/** The sheet as shown, each column found by its header: what a reader sees under each. */
const shown = (rt: LocalRuntime, headers: readonly string[]) => {
  const [header = [], ...rows] = rt.workbook.displayValues('Tickets');
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
    const [header = [], ...rows] = pulled;
    expect(shown(rt, PULLED)).toEqual(PULLED.map((h) => rows.map((r) => r[header.indexOf(h)])));
    expect(shown(rt, ['Created'])[0]?.[0]).toMatch(/^\d+$/);
  });
});
