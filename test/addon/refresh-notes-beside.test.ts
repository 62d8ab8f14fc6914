// Notes a person types beside a table a scheduled refresh replaces stay by row number, while each
// run writes other rows there (a monthly "last month" refresh, another month's): after January's run
// a note typed beside Jonah in November sat beside Grace in December, and only a pull by hand said
// so (QA). The refresh's card says it, to its owner and to another editor, before the run and after;
// so do its run's words (its log row), and the cells stay as typed: nothing is lost. The card
// reads no sheet (the sidebar lists every card each minute): a column typed after the refresh was
// saved is said from its next run on, whose log row says it first.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR } from './hourly-teams';
import { pullToEnd } from './pull-to-end';

const spec = {
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_month' },
  target: { kind: 'new_sheet', name: 'Adherence' },
  mode: 'replace',
};

const SAID =
  'The column "Notes" beside the table stays by row number; each run writes new rows, so notes there no longer match their rows. Merge by key keeps such a column with its rows.';

const card = async (viewer: LocalRuntime) =>
  (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0] as RefreshView;

/** Hour by hour until its run on 1 January is over: its card then. */
async function ranOnce(rt: LocalRuntime): Promise<RefreshView> {
  let ran = await card(rt);
  for (let i = 0; i < 24 && ran.lastRun?.status !== 'done'; i++) {
    await rt.clock.advanceAsync(HOUR);
    ran = await card(rt);
  }
  expect(ran.lastRun?.status).toBe('done');
  return ran;
}

/** The Notes column's cells as the sheet holds them, header first, down `rows` rows. */
const notesIn = (rt: LocalRuntime, col: number, rows: number) =>
  rt.workbook
    .values('Adherence')
    .slice(0, rows)
    .map((line) => [line[col] ?? '']);

describe('a monthly refresh replacing a table with notes typed beside it', () => {
  it('says on its card, as it is saved and after its run, and in its log row, that the notes stay by row number', async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-31T17:00:00Z' });
    const other = rt.asUser('editor@example.com');
    expect((await pullToEnd(rt, spec, 'notes-beside-pull-01')).state).toBe('done');
    const width = rt.workbook.values('Adherence')[0]?.length ?? 0;
    const typed = [['Notes'], ['low: check roster'], ['ok'], [''], [''], ['Jonah part-time']];
    rt.workbook.write('Adherence', typed, { row: 1, column: width + 1 });

    // As the Pull form saves it: the card it gets back says so.
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec, frequency: { kind: 'monthly', day: 1, hour: 7 }, notifyByEmail: false },
      'notes-beside-refresh-01',
    );
    expect(saved?.notesBeside).toBe(SAID);
    expect((await card(other)).notesBeside).toBe(SAID);

    await ranOnce(rt);
    // December's rows where November's were.
    expect(rt.workbook.displayValues('Adherence')[1]?.[3]).toMatch(/^2026-12-/);
    for (const viewer of [rt, other]) expect((await card(viewer)).notesBeside).toBe(SAID);
    const logged = rt.workbook.displayValues('Assembled log').at(-1) ?? [];
    expect(logged[2]).toMatch(/^Scheduled: Adherence report \(day\) 2026-12-01 to 2026-12-31 \(Replace\)$/);
    expect(logged[7]).toMatch(/^[\d,]+ rows written to Adherence!A1\. (.*)$/);
    expect(String(logged[7])).toContain(` ${SAID}`);
    // Left as typed: the refresh moves or clears none of the person's cells.
    expect(notesIn(rt, width, typed.length)).toEqual(typed);
  });

  it('says so of a column typed after the refresh was saved from its next run, whose log row says it', async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-31T17:00:00Z' });
    const other = rt.asUser('editor@example.com');
    expect((await pullToEnd(rt, spec, 'notes-beside-pull-03')).state).toBe('done');
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec, frequency: { kind: 'monthly', day: 1, hour: 7 }, notifyByEmail: false },
      'notes-beside-refresh-03',
    );
    expect(saved?.notesBeside).toBe('');
    const width = rt.workbook.values('Adherence')[0]?.length ?? 0;
    rt.workbook.write('Adherence', [['Notes'], ['ok'], [''], ['late twice']], { row: 1, column: width + 1 });
    // Its card reads no sheet: not said yet, to either editor.
    for (const viewer of [rt, other]) expect((await card(viewer)).notesBeside).toBe('');
    await ranOnce(rt);
    expect(String(rt.workbook.displayValues('Assembled log').at(-1)?.[7])).toContain(` ${SAID}`);
    for (const viewer of [rt, other]) expect((await card(viewer)).notesBeside).toBe(SAID);
  });

  it('says nothing of a merge, which keeps the notes with their rows', async () => {
    const { rt } = await startLocalAddon({ now: '2026-12-31T17:00:00Z' });
    expect((await pullToEnd(rt, spec, 'notes-beside-pull-02')).state).toBe('done');
    const width = rt.workbook.values('Adherence')[0]?.length ?? 0;
    rt.workbook.write('Adherence', [['Notes'], ['ok'], [''], ['late twice']], { row: 1, column: width + 1 });
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      {
        spec: { ...spec, target: { kind: 'sheet', name: 'Adherence' }, mode: 'merge' },
        frequency: { kind: 'monthly', day: 1, hour: 7 },
        notifyByEmail: false,
      },
      'notes-beside-refresh-02',
    );
    expect(saved?.notesBeside).toBe('');
  });
});
