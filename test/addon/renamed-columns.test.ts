// A KPI workbook's analyst types over a pulled header ("Handled" -> "Handled tickets"): the column
// keeps taking its field at each append or merge, by a pull or a scheduled refresh, and the
// outcome says so once. The field was added again at the end, new rows' values there, and a SUM
// over the renamed column stopped counting new weeks with every run saying "done".
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const DAY = 86_400_000;
const B_KEY = 'sk_live_test_editor_b';
let keys = 0;
const key = () => `renamed-key-${String(++keys).padStart(6, '0')}`;

const handleTime = (sheet: string, mode: string, mergeKey?: string) => ({
  source: { kind: 'report', report: 'handle_time', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_week' },
  target: { kind: 'sheet', name: sheet },
  mode,
  ...(mergeKey ? { mergeKey } : {}),
});

const HEADER = [
  'Agent ID',
  'Agent name',
  'Start',
  'End',
  'Handled',
  'Total handle time',
  'Average handle time',
];
const RENAMED = [
  'Agent ID',
  'Agent name',
  'Start',
  'End',
  'Handled tickets',
  'Total HT',
  'Average handle time',
];
const SAID =
  'Column E, "Handled tickets", still takes Handled; column F, "Total HT", still takes Total handle time.';

function rename(rt: LocalRuntime, sheet: string): void {
  expect(rt.workbook.values(sheet)[0]).toEqual(HEADER);
  rt.workbook.write(sheet, [['Handled tickets', 'Total HT']], { column: 5 });
}

function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook.displayValues('Assembled log').slice(1);
}

const filled = (v: unknown) => v !== '' && v !== undefined && v !== null;

describe('a header typed over in a pulled table', () => {
  it('append: the renamed columns take the new rows, said once; an editor with their own key pulls the same way', async () => {
    const { rt, sim } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('HT history');
    const first = await pullToEnd(rt, handleTime('HT history', 'append'), key());
    expect(first).toMatchObject({ state: 'done' });
    rename(rt, 'HT history');

    rt.clock.advance(7 * DAY);
    sim.issueKey(B_KEY);
    const editor = rt.asUser('editor@example.com');
    await editor.callFromSidebar('saveSettings', { apiKey: B_KEY, timeFormat: 'iso', apiVersion: '' });
    const next = await pullToEnd(editor, handleTime('HT history', 'append'), key());
    expect(next).toMatchObject({ state: 'done' });
    expect(next.message).toBe(
      `${next.rows} rows appended below the table in 'HT history', rows ${first.rows + 2} to ${first.rows + next.rows + 1}. ${SAID}`,
    );
    const [header, ...rows] = rt.workbook.values('HT history');
    expect(header).toEqual(RENAMED);
    const added = rows.slice(first.rows);
    expect(added).toHaveLength(next.rows);
    expect(added.every((r) => typeof r[4] === 'number' && filled(r[5]))).toBe(true);
    // The note says which field each column holds, under the header the sheet gives it.
    expect(rt.workbook.notes('HT history')[0]?.[0]).toContain(
      '\nHandled tickets = handled\nTotal HT = total_handle_seconds\n',
    );

    // The week after: the columns are known by their new headers, and nothing more is said.
    rt.clock.advance(7 * DAY);
    const third = await pullToEnd(rt, handleTime('HT history', 'append'), key());
    expect(third.message).toMatch(
      /^[\d,]+ rows appended below the table in 'HT history', rows [\d,]+ to [\d,]+\.$/,
    );
    const after = rt.workbook.values('HT history');
    expect(after[0]).toEqual(RENAMED);
    expect(after.slice(1 + first.rows + next.rows).every((r) => typeof r[4] === 'number')).toBe(true);
  });

  it('merge by key: updated rows take the new value in the renamed column, no new column', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('HT merged');
    const spec = handleTime('HT merged', 'merge', 'Agent ID, Start, End');
    const first = await pullToEnd(rt, spec, key());
    expect(first).toMatchObject({ state: 'done' });
    const pulled = rt.workbook.values('HT merged').map((r) => r[4]);
    rename(rt, 'HT merged');
    // Stale counts, as an older pull would have left them.
    rt.workbook.write(
      'HT merged',
      pulled.slice(1).map(() => [-1]),
      { row: 2, column: 5 },
    );
    const again = await pullToEnd(rt, spec, key());
    expect(again.message).toBe(
      `${first.rows} rows merged into 'HT merged'!A1: ${first.rows} updated, 0 added. ${SAID}`,
    );
    const [header, ...rows] = rt.workbook.values('HT merged');
    expect(header).toEqual(RENAMED);
    expect(rows.map((r) => r[4])).toEqual(pulled.slice(1));
  });

  it('a header typed over and its column moved: refused before anything is written, naming the header to type back', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('HT history');
    expect(await pullToEnd(rt, handleTime('HT history', 'append'), key())).toMatchObject({ state: 'done' });
    rt.workbook.write('HT history', [['Handled tickets']], { column: 5 });
    // Column E dragged to the end: F and G move left under it.
    const values = rt.workbook.values('HT history');
    rt.workbook.write(
      'HT history',
      values.map((r) => [r[5], r[6], r[4]]),
      { column: 5 },
    );
    const before = rt.workbook.values('HT history');
    rt.clock.advance(7 * DAY);
    const job = await pullToEnd(rt, handleTime('HT history', 'append'), key());
    expect(job.state).toBe('failed');
    expect(job.message).toContain(
      'An append would add "Handled" again as a new column at the end: it is gone from the table\'s header (row 1), and columns were moved, inserted or deleted since the last pull, so which one was renamed cannot be told. Type "Handled" back as the header of its column (of an empty column at the table\'s end if it was deleted), or choose Replace it to write the whole table again. Nothing was written.',
    );
    expect(rt.workbook.values('HT history')).toEqual(before);
  });

  it.each(['append', 'merge'])(
    'a scheduled %s refresh keeps filling a renamed column, and refuses, sheet untouched, a header typed over where a column was inserted',
    async (mode) => {
      const { rt } = await startLocalAddon({ now: '2026-05-25T09:10:00Z' });
      rt.workbook.addSheet('HT history');
      await rt.callFromSidebar(
        'saveRefresh',
        {
          spec: handleTime('HT history', mode),
          frequency: { kind: 'weekly', weekdays: [1], hour: 7 },
          notifyByEmail: false,
        },
        'refresh-renamed-1',
      );
      await rt.clock.advanceAsync(DAY);
      expect(logRows(rt).map((r) => r[4])).toEqual(['done']);
      const firstRows = rt.workbook.values('HT history').length - 1;
      rename(rt, 'HT history');

      await rt.clock.advanceAsync(7 * DAY);
      expect(logRows(rt).map((r) => r[4])).toEqual(['done', 'done']);
      expect(logRows(rt)[1]?.[7]).toContain(`. ${SAID}`);
      const [header, ...rows] = rt.workbook.values('HT history');
      expect(header).toEqual(RENAMED);
      expect(rows.slice(firstRows).every((r) => typeof r[4] === 'number')).toBe(true);

      // A column inserted left of G and headed, and G ("Average handle time", now H) typed over.
      const values = rt.workbook.values('HT history');
      rt.workbook.write(
        'HT history',
        values.map((r, i) => [i ? '' : 'Notes', i ? r[6] : 'Avg HT']),
        { column: 7 },
      );
      const before = rt.workbook.values('HT history');
      await rt.clock.advanceAsync(7 * DAY);
      const runs = logRows(rt);
      expect(runs.length).toBeGreaterThan(2);
      expect(runs.slice(2).every((r) => r[4] !== 'done')).toBe(true);
      expect(runs[2]?.[7]).toContain(
        `${mode === 'merge' ? 'A merge' : 'An append'} would add "Average handle time" again as a new column at the end: it is gone from the table's header (row 1), and column G, where it was, is empty, as a column inserted there would be. Type "Average handle time" back as the header of its column`,
      );
      expect(rt.workbook.values('HT history')).toEqual(before);
    },
  );
});
