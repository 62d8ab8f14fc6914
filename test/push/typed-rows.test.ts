// Rows typed straight under a pulled schedule (no blank row), in the table's own columns, given
// Action create and pushed, are rows of the table: pulling the schedule again (Replace or Merge)
// takes them in and lists them once, as Assembled now has them, instead of refusing to write over
// them for good. A typed row whose Action is not pushed yet stops the pull, naming it; a total
// under the table is still refused, with words saying what to do.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { activityStore } from '../../dev/simulator/schedules';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { pullToEnd } from '../addon/pull-to-end';
import { follow } from './in-runtime';

const spec = (mode: 'replace' | 'merge') => ({
  source: { kind: 'resource', resource: 'activities' },
  range: { kind: 'absolute', from: '2026-05-26', to: '2026-05-26' },
  target: { kind: 'sheet', name: 'Sched' },
  mode,
});

/** A day's schedule pulled into "Sched", with Action, Allow conflicts and Comment headed beside it. */
async function pulledSchedule(key: string) {
  const addon = await startLocalAddon({ dialect: 'live', now: '2026-05-25T12:00:00Z' });
  const { rt } = addon;
  rt.workbook.addSheet('Sched');
  expect(await pullToEnd(rt, spec('replace'), `${key}-a`)).toMatchObject({ state: 'done' });
  const [header = [], ...rows] = rt.workbook.values('Sched');
  const width = header.length;
  rt.workbook.write('Sched', [['Action', 'Allow conflicts', 'Comment']], { column: width + 1 });
  const col = (name: string) => header.indexOf(name);
  return { ...addon, header, rows, width, col };
}

type Pulled = Awaited<ReturnType<typeof pulledSchedule>>;

/**
 * `n` new activities typed under the table, one per agent of its first rows, late in the day where
 * none of theirs is: Agent name, Activity type, Start, End, Action create and a Comment each.
 */
function typeRows({ rt, header, rows, width, col }: Pulled, n: number, action = 'create') {
  const agents = [...new Set(rows.map((r) => String(r[col('Agent name')])))].slice(0, n);
  const first = rows.length + 2;
  const typed = agents.map((agent, i) => {
    const row = header.map(() => '' as unknown);
    row[col('Agent name')] = agent;
    row[col('Activity type')] = rows[0]?.[col('Activity type')];
    const [start, end] = freeHalfHour(rows, col, agent);
    row[col('Start')] = start;
    row[col('End')] = end;
    return [...row, action, '', `note ${i + 1}`];
  });
  rt.workbook.write('Sched', typed, { row: first });
  expect(rt.workbook.values('Sched')[0]?.length).toBeGreaterThan(width);
  return { first, agents };
}

/** Half an hour of the pulled day (New York) in which the agent has no activity. */
function freeHalfHour(rows: unknown[][], col: (name: string) => number, agent: string): [string, string] {
  const theirs = rows
    .filter((r) => r[col('Agent name')] === agent)
    .map((r) => [(r[col('Start')] as Date).getTime(), (r[col('End')] as Date).getTime()]);
  for (let h = 0; h < 23; h++) {
    // 2026-05-26 h:00 in New York (UTC-4).
    const start = Date.UTC(2026, 4, 26, h + 4);
    const end = start + 30 * 60_000;
    if (theirs.every(([s = 0, e = 0]) => e <= start || s >= end)) {
      const at = (m: number) => `2026-05-26 ${String(h).padStart(2, '0')}:${m ? '30' : '00'}`;
      return [at(0), at(30)];
    }
  }
  throw new Error(`no free half hour for ${agent}`);
}

async function push({ rt }: Pulled, key: string): Promise<PushView> {
  rt.workbook.select('Sched!A1');
  const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'activities', key));
  expect(view).toMatchObject({ state: 'done' });
  return view;
}

/** Rows of the sheet under the header, each the table's cells alone. */
const tableRows = (p: Pulled) =>
  p.rt.workbook
    .values('Sched')
    .slice(1)
    .map((r) => r.slice(0, p.width));

describe('rows typed under a pulled schedule and pushed', () => {
  it('are taken into the table by Replace: the fresh rows list them once, and their Push columns are cleared', async () => {
    const p = await pulledSchedule('typed-replace');
    const { rt, sim, col, rows, width } = p;
    const { first } = typeRows(p, 3);
    const pushed = await push(p, 'typed-replace-push');
    expect(pushed.succeeded).toBe(3);
    const ids = rt.workbook
      .values('Sched')
      .slice(first - 1)
      .map((r) => String(r[rt.workbook.values('Sched')[0]?.indexOf('Assembled ID') ?? -1]));
    expect(ids.every((id) => activityStore(sim.admin.org).has(id))).toBe(true);

    const again = await pullToEnd(rt, spec('replace'), 'typed-replace-b');
    expect(again).toMatchObject({ state: 'done' });
    const now = tableRows(p).filter((r) => r.some((v) => v !== ''));
    expect(now).toHaveLength(rows.length + 3);
    // Each created activity once, under its own id; no typed row left as typed.
    const listed = now.map((r) => String(r[col('Activity ID')]));
    for (const id of ids) expect(listed.filter((l) => l === id)).toHaveLength(1);
    expect(now.every((r) => r[col('Occurrence ID')] !== '')).toBe(true);
    // Listed now, the rows pushed are no rows deleted from the sheet.
    const checked = await validate(p);
    expect(checked).toMatchObject({ errors: 0, skipped: 0, changed: 0 });
    expect(checked.gone).toBeUndefined();
    // The push's columns are cleared; the Comments stay where they were typed, as the words say.
    const after = rt.workbook.values('Sched');
    const head = after[0] ?? [];
    expect(
      after.slice(1).flatMap((r) => [r[head.indexOf('Action')], r[head.indexOf('Push status')]]),
    ).toEqual(after.slice(1).flatMap(() => ['', '']));
    expect(after.slice(first - 1, first + 2).map((r) => r[width + 2])).toEqual([
      'note 1',
      'note 2',
      'note 3',
    ]);
    // Allow conflicts is filled in the taken-in rows alone, about no row of the old table
    // (row-notes.ts): the taken-in rows' words name it, not the sentence on rows that may move.
    expect(again.message).toBe(
      `${rows.length + 3} rows written to Sched!A1. The column "Comment" beside it stays as typed, row by row, though the table's rows may have moved: Merge by key keeps such a column with its rows. Rows ${first} to ${first + 2}, typed under the table since its last pull, were taken in as its rows and written over: what of them Assembled holds is listed with the rest; what you typed beside them ("Allow conflicts" and "Comment") stays in those rows, now beside whichever rows are there.`,
    );
  });

  it('are found by Merge by their Assembled ID and updated in place, their Comment and Push columns kept beside them', async () => {
    const p = await pulledSchedule('typed-merge');
    const { rt, col, rows, width } = p;
    const { first } = typeRows(p, 3);
    expect((await push(p, 'typed-merge-push')).succeeded).toBe(3);
    const head = () => rt.workbook.values('Sched')[0] ?? [];
    const at = (name: string) => head().indexOf(name);
    const ids = rt.workbook
      .values('Sched')
      .slice(first - 1)
      .map((r) => String(r[at('Assembled ID')]));

    const merged = await pullToEnd(rt, spec('merge'), 'typed-merge-b');
    expect(merged).toMatchObject({ state: 'done' });
    expect(merged.message).toContain(
      `: ${rows.length + 3} updated, 0 added. Rows ${first} to ${first + 2}, typed under the table since its last pull, were taken in as its rows; 3 pushed from there are updated in place from the row Assembled lists for their Assembled ID, what you typed beside them kept.`,
    );
    const after = rt.workbook.values('Sched');
    const now = tableRows(p).filter((r) => r.some((v) => v !== ''));
    expect(now).toHaveLength(rows.length + 3);
    const listed = now.map((r) => String(r[col('Activity ID')]));
    for (const id of ids) expect(listed.filter((l) => l === id)).toHaveLength(1);
    // In the rows typed, as Assembled lists them, with what was typed and pushed beside them.
    const typed = after.slice(first - 1, first + 2);
    expect(typed.map((r) => String(r[col('Activity ID')]))).toEqual(ids);
    expect(
      typed.every((r) => String(r[col('Occurrence ID')]).startsWith(String(r[col('Activity ID')]))),
    ).toBe(true);
    expect(typed.map((r) => [r[width], r[width + 2], r[at('Push status')]])).toEqual([
      ['create', 'note 1', 'created'],
      ['create', 'note 2', 'created'],
      ['create', 'note 3', 'created'],
    ]);

    // Merged again, they are the table's keyed rows: nothing moves, nothing is added.
    const again = await pullToEnd(rt, spec('merge'), 'typed-merge-c');
    expect(again.message).toContain(`: ${rows.length + 3} updated, 0 added.`);
    expect(rt.workbook.values('Sched')).toEqual(after);
  });
});

/** One more activity for each of the first `n` rows' agents, an hour after that row's: the table grows. */
function grow({ sim, rows, col }: Pulled, n: number) {
  const store = activityStore(sim.admin.org);
  for (const r of rows.slice(0, n)) {
    const a = store.get(String(r[col('Activity ID')]));
    if (!a) throw new Error('no such activity');
    const id = `${a.id}_later`;
    store.set(id, { ...a, id, start_time: a.start_time + 3600, end_time: a.end_time + 3600 });
  }
}

describe('a pull over rows typed under the table that it must not take in', () => {
  it("stops over a typed row whose Action is not pushed, naming it with the table's own, before any cell in its way", async () => {
    const p = await pulledSchedule('typed-pending');
    const { rt, width } = p;
    const { first } = typeRows(p, 2);
    rt.workbook.write('Sched', [['delete']], { row: 16, column: width + 1 });
    // The table would grow over the typed rows: the Actions are said first.
    grow(p, 5);
    const held = rt.workbook.values('Sched');
    const replaced = await pullToEnd(rt, spec('replace'), 'typed-pending-b');
    expect(replaced).toMatchObject({ state: 'failed' });
    expect(replaced.message).toContain(
      `An Action beside the table is not pushed yet (rows 16, ${first}, ${first + 1}). Pulling again moves the table's rows, and the Action would sit beside another record; rows ${first}, ${first + 1}, typed under the table, would be written over as its rows before what they hold is in Assembled. Push the sheet, or clear those Actions, then pull again. Nothing was written.`,
    );
    expect(rt.workbook.values('Sched')).toEqual(held);
    // A merge keeps each Action beside its own row: only the typed rows stop it.
    const merged = await pullToEnd(rt, spec('merge'), 'typed-pending-c');
    expect(merged).toMatchObject({ state: 'failed' });
    expect(merged.message).toContain(
      `An Action beside the table is not pushed yet (rows ${first}, ${first + 1}, typed under it). Pulling again takes rows typed under the table in as its own, and what they hold is not in Assembled yet. Push the sheet first, so that the pull lists them as Assembled has them, or clear those Actions, then pull again. Nothing was written.`,
    );
    expect(rt.workbook.values('Sched')).toEqual(held);
  });

  it('still refuses to write over a total typed under the table, saying to move it', async () => {
    const p = await pulledSchedule('typed-total');
    const { rt, rows, col } = p;
    const under = rows.length + 2;
    const letter = (name: string) => String.fromCharCode(65 + col(name));
    rt.workbook.write('Sched', [['Total']], { row: under, column: col('Agent name') + 1 });
    rt.workbook.write('Sched', [[`=SUM(${letter('Duration')}2:${letter('Duration')}${under - 1})`]], {
      row: under,
      column: col('Duration') + 1,
    });
    grow(p, 3);
    const held = rt.workbook.values('Sched');
    const refused = await pullToEnd(rt, spec('replace'), 'typed-total-b');
    expect(refused).toMatchObject({ state: 'failed' });
    const formula = `${letter('Duration')}${under}`;
    expect(refused.message).toContain(
      `there, which it did not write: row ${under} holds a formula (${formula}), as a total does, so it is not taken in as a row of the table (rows typed right under it join it when they hold values alone). Move the total below row ${under + 2}, leaving room for the table to grow, or pull to another cell or a new sheet. Nothing was written.`,
    );
    expect(rt.workbook.values('Sched')).toEqual(held);
    const merged = await pullToEnd(rt, spec('merge'), 'typed-total-c');
    expect(merged.message).toContain(`holds a formula (${formula}), as a total does`);
    expect(rt.workbook.values('Sched')).toEqual(held);
  });
});

/** Validate on "Sched", as the sidebar asks it. */
async function validate({ rt }: Pulled): Promise<ValidateSummary> {
  rt.workbook.select('Sched!A1');
  return rt.callFromSidebar<ValidateSummary>('validatePush', 'activities');
}

/** A sheet row's cell under `header`, and its Push message. */
const cellOf = ({ rt }: Pulled, row: number, header: string) => {
  const [head = [], ...rows] = rt.workbook.values('Sched');
  return rows[row - 2]?.[head.indexOf(header)];
};

describe('a schedule pulled again after rows typed under it were pushed', () => {
  it('merged, lists those rows as Assembled has them, as pushed: Validate sees no change until one is made', async () => {
    const p = await pulledSchedule('typed-as-pushed');
    const { rt } = p;
    const { first } = typeRows(p, 2);
    expect((await push(p, 'typed-as-pushed-push')).succeeded).toBe(2);
    expect(await pullToEnd(rt, spec('merge'), 'typed-as-pushed-b')).toMatchObject({ state: 'done' });
    // The pull filled in their Activity, Agent and Schedule IDs from Assembled: no edit of theirs.
    expect(cellOf(p, first, 'Activity ID')).toBe(cellOf(p, first, 'Assembled ID'));
    const checked = await validate(p);
    expect(checked).toMatchObject({ errors: 0, skipped: 2, changed: 0 });
    expect(checked.gone).toBeUndefined();
    expect(String(cellOf(p, first, 'Push message'))).not.toMatch(/Changed since/);

    // A real edit of one of them afterwards is still a change, named with what Assembled holds.
    const end = cellOf(p, first + 1, 'End') as Date;
    const head = rt.workbook.values('Sched')[0] ?? [];
    rt.workbook.write('Sched', [[new Date(end.getTime() + 15 * 60_000)]], {
      row: first + 1,
      column: head.indexOf('End') + 1,
    });
    expect(await validate(p)).toMatchObject({ errors: 0, skipped: 2, changed: 1 });
    expect(String(cellOf(p, first + 1, 'Push message'))).toMatch(
      /^Changed since it was pushed: End was 2026-05-26 \d\d:\d\d when pushed; not sent again/,
    );
    expect(String(cellOf(p, first, 'Push message'))).not.toMatch(/Changed since/);
  });

  it('merged, still counts the rows updated in place as pushed: one deleted is told of', async () => {
    const p = await pulledSchedule('typed-merge-gone');
    const { rt } = p;
    const { first } = typeRows(p, 2);
    expect((await push(p, 'typed-merge-gone-push')).succeeded).toBe(2);
    expect(await pullToEnd(rt, spec('merge'), 'typed-merge-gone-b')).toMatchObject({ state: 'done' });
    expect((await validate(p)).gone).toBeUndefined();
    rt.workbook.deleteRows('Sched', first);
    expect((await validate(p)).gone).toMatch(/^1 row pushed before is no longer in the sheet: /);
  });

  it('replaced, counts no row pushed before as gone: the rows it cleared are listed, with their ids', async () => {
    const p = await pulledSchedule('typed-replace-gone');
    const { rt, col, rows } = p;
    const { first } = typeRows(p, 3);
    expect((await push(p, 'typed-replace-gone-push')).succeeded).toBe(3);
    // A pushed row deleted before the pull is still told of after it: the pull undid nothing.
    rt.workbook.deleteRows('Sched', first + 2);
    expect((await validate(p)).gone).toMatch(/^1 row pushed before is no longer in the sheet: /);
    expect(await pullToEnd(rt, spec('replace'), 'typed-replace-gone-b')).toMatchObject({ state: 'done' });
    const listed = tableRows(p).filter((r) => r[col('Activity ID')] !== '');
    expect(listed).toHaveLength(rows.length + 3);
    const checked = await validate(p);
    expect(checked).toMatchObject({ errors: 0, skipped: 0, changed: 0 });
    expect(checked.gone).toMatch(/^1 row pushed before is no longer in the sheet: /);

    // A create typed and pushed since, then deleted, is told of; the rows Replace cleared are not.
    const typed = typeRows({ ...p, rows: listed }, 1);
    const pushed = await push(p, 'typed-replace-gone-push2');
    expect(pushed.succeeded).toBe(1);
    expect(pushed.message).toMatch(/1 row pushed before is no longer in the sheet: /);
    expect((await validate(p)).gone).toBeUndefined();
    rt.workbook.deleteRows('Sched', typed.first);
    expect((await validate(p)).gone).toMatch(/^1 row pushed before is no longer in the sheet: /);
  });
});

describe('a Comment column typed beside a pulled schedule', () => {
  it('is the user’s own notes: Validate does not list it among the columns not read', async () => {
    const p = await pulledSchedule('typed-comment');
    p.rt.workbook.write('Sched', [['Ops notes', 'Notes']], { column: p.width + 4 });
    const { unread, doubled } = await validate(p);
    expect(unread).not.toContain('Comment');
    expect(unread).not.toContain('Ops notes');
    // Nor is a "Notes" column taken for the activity's Description, shown to everyone in Assembled.
    expect(unread).not.toContain('Notes');
    expect(doubled).toEqual([]);
    // A column that is no note is still named.
    p.rt.workbook.write('Sched', [['Shift lead']], { column: p.width + 5 });
    expect((await validate(p)).unread).toContain('Shift lead');
  });
});
