import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import {
  beginWrite,
  planWrite,
  type WriteMode,
  type WriteOptions,
  writeBodyRows,
  writeTable,
} from '../../src/core/sheet/write-table';
import { buildTable } from '../../src/core/table/build-table';
import { MemoryGrid } from './memory-grid';
import { WallClockGrid } from './wall-clock-grid';

const zone = intlZone('Europe/London');
const table = (records: Record<string, unknown>[]) => buildTable(records, zone);
const base = { row: 1, col: 1, note: 'Assembled: people' };

describe('writeTable', () => {
  it('replace writes header and rows, then clears what is left of a larger old table', () => {
    const grid = new MemoryGrid([
      ['id', 'name', 'old'],
      ['1', 'x', 'y'],
      ['2', 'x', 'y'],
      ['3', 'x', 'y'],
    ]);
    const r = writeTable(grid, table([{ id: 'a', name: 'Ana' }]), { ...base, mode: 'replace' });
    expect(grid.text()).toEqual([
      ['ID', 'Name'],
      ['a', 'Ana'],
    ]);
    expect(r).toMatchObject({ rows: 1, extent: { rows: 2, cols: 2 } });
    // The note says which API field each header holds.
    expect(grid.header).toEqual({
      row: 1,
      col: 1,
      cols: 2,
      note: 'Assembled: people\nColumns (header = API field):\nID = id\nName = name',
    });
  });

  it('a table placed at a cell leaves the cells around it alone', () => {
    const grid = new MemoryGrid([
      ['keep', '', '', ''],
      ['', '', '', 'keep too'],
    ]);
    writeTable(grid, table([{ id: 'a' }]), { ...base, row: 2, col: 2, mode: 'replace' });
    expect(grid.text()).toEqual([
      ['keep', '', '', ''],
      ['', 'ID', '', 'keep too'],
      ['', 'a', '', ''],
    ]);
  });

  it('append adds rows under the existing ones, lining columns up by header', () => {
    const grid = new MemoryGrid([
      ['Name', 'ID'],
      ['Old', '1'],
    ]);
    writeTable(grid, table([{ id: '2', name: 'New', extra: 5 }]), { ...base, mode: 'append' });
    expect(grid.text()).toEqual([
      ['Name', 'ID', 'Extra'],
      ['Old', '1', ''],
      ['New', '2', '5'],
    ]);
  });

  it('append leaves out rows whose key the sheet already holds, and counts them', () => {
    const grid = new MemoryGrid([
      ['ID', 'Name'],
      ['1', 'Old'],
    ]);
    const r = writeTable(
      grid,
      table([
        { id: '1', name: 'Changed' },
        { id: '2', name: 'New' },
      ]),
      {
        ...base,
        mode: 'append',
        mergeKey: 'id',
      },
    );
    expect(grid.text()).toEqual([
      ['ID', 'Name'],
      ['1', 'Old'],
      ['2', 'New'],
    ]);
    expect(r).toMatchObject({ rows: 1, appended: 1, present: 1 });
  });

  it('an append planned again after some of its rows were written plans the same rows', () => {
    const grid = new MemoryGrid([
      ['ID', 'Name'],
      ['1', 'Old'],
    ]);
    const t = table([{ id: '1' }, { id: '2' }, { id: '3' }, { id: '4' }]);
    const o = { ...base, mode: 'append' as const, mergeKey: 'id' };
    const first = planWrite(grid, t, o);
    beginWrite(grid, t, o, first);
    writeBodyRows(grid, o, first, 0, 1);
    // A later execution pins where the append began: its own rows are not "already there".
    const again = planWrite(grid, t, o, first.bodyRow);
    expect(again.body).toEqual(first.body);
    expect(again.present).toBe(1);
  });

  it('append with a key the data lacks adds every row', () => {
    const grid = new MemoryGrid([['ID'], ['1']]);
    const r = writeTable(grid, table([{ id: '1' }]), { ...base, mode: 'append', mergeKey: 'id,nope' });
    expect(grid.text()).toEqual([['ID'], ['1'], ['1']]);
    expect(r).toMatchObject({ appended: 1, present: 0 });
  });

  it('append into a sheet headed by API fields (before words) lines up by field and keeps its raw numbers', () => {
    const grid = new MemoryGrid([
      ['agent_id', 'scheduled_seconds', 'adherence_percent', 'handle_time (seconds)'],
      ['a1', 28800, 94.5, 300],
    ]);
    const rows = [
      { agent_id: 'a2', scheduled_seconds: 3600, adherence_percent: 50, handle_time: 60, extra: 1 },
    ];
    writeTable(grid, table(rows), { ...base, mode: 'append' });
    expect(grid.text()).toEqual([
      ['agent_id', 'scheduled_seconds', 'adherence_percent', 'handle_time (seconds)', 'Extra'],
      ['a1', '28800', '94.5', '300', ''],
      ['a2', '3600', '50', '60', '1'],
    ]);
    // No duration or percent format over raw seconds and percents.
    expect([...grid.formats.values()].some((f) => f.includes('h') || f.includes('%'))).toBe(false);
  });

  it('durations are days under [h]:mm:ss, percents fractions under a percent format, counts as they are', () => {
    const grid = new MemoryGrid();
    const rows = [{ agent_id: 'a1', scheduled_seconds: 28800, adherence_percent: 94.74, handled: 3 }];
    writeTable(grid, table(rows), { ...base, mode: 'replace' });
    expect(grid.text()[0]).toEqual(['Agent ID', 'Scheduled', 'Adherence', 'Handled']);
    expect(grid.read(2, 2, 1, 3)).toEqual([[1 / 3, 0.9474, 3]]);
    expect([...grid.formats.values()]).toEqual(['[h]:mm:ss', '0.00%']);
    expect(grid.header?.note).toContain('Scheduled = scheduled_seconds');
  });

  it('merge finds its key by header or API field, in a sheet headed either way', () => {
    const states = (state: string) => [
      { agent_id: 'a1', platform: 'zendesk', start_time: Date.parse('2026-05-18T09:00:00Z'), state },
    ];
    for (const header of [
      ['agent_id', 'platform', 'start_time', 'state', 'my notes'],
      ['Agent ID', 'Platform', 'Start', 'State', 'my notes'],
    ]) {
      for (const mergeKey of ['agent_id,platform,start_time', 'Agent ID, Platform, Start']) {
        const grid = new MemoryGrid([header]);
        writeTable(grid, table(states('busy')), { ...base, mode: 'merge', mergeKey });
        grid.write(2, 5, [['mine']]);
        const r = writeTable(grid, table(states('break')), { ...base, mode: 'merge', mergeKey });
        expect(r).toMatchObject({ appended: 0, updated: 1 });
        expect(grid.text()[0]).toEqual(header);
        expect(grid.text()[1]?.slice(3)).toEqual(['break', 'mine']);
      }
    }
  });

  it('merge updates rows with the same key in place and appends new ones', () => {
    const grid = new MemoryGrid([
      ['id', 'status', 'my notes'],
      ['r1', 'pending', 'call back'],
      ['r2', 'pending', ''],
    ]);
    const r = writeTable(
      grid,
      table([
        { id: 'r2', status: 'approved' },
        { id: 'r3', status: 'pending' },
      ]),
      { ...base, mode: 'merge', mergeKey: 'id' },
    );
    expect(grid.text()).toEqual([
      ['id', 'status', 'my notes'],
      ['r1', 'pending', 'call back'],
      ['r2', 'approved', ''],
      ['r3', 'pending', ''],
    ]);
    expect(r).toMatchObject({ appended: 1, updated: 1 });
  });

  it('merge refuses a key column that does not exist, before writing anything', () => {
    const grid = new MemoryGrid([['id'], ['r1']]);
    expect(() =>
      writeTable(grid, table([{ id: 'r1' }]), { ...base, mode: 'merge', mergeKey: 'nope' }),
    ).toThrow(/merge key column "nope"/);
    // Every key column that is not there is named, not the first only.
    expect(() =>
      writeTable(new MemoryGrid(), table([{ id: 'r1' }]), {
        ...base,
        mode: 'merge',
        mergeKey: 'Queue, id, Date',
      }),
    ).toThrow(
      'The merge key columns "Queue" and "Date" are not in the data or in the sheet\'s header. Type the key columns as the sheet\'s header names them, comma-separated. Nothing was written.',
    );
    expect(grid.writes).toBe(0);
  });

  it('merge refuses a key that rows of the data share, into an empty sheet or a full one, before writing anything', () => {
    // Seven days of one agent keyed by agent alone would become one row.
    const days = ['2026-05-11', '2026-05-12'].map((d) => ({ agent_id: 'a1', start_time: d, adherence: 0.9 }));
    for (const rows of [
      [],
      [
        ['Agent ID', 'Start', 'Adherence'],
        ['a1', '2026-05-04', 0.8],
      ],
    ]) {
      const grid = new MemoryGrid(rows);
      expect(() => writeTable(grid, table(days), { ...base, mode: 'merge', mergeKey: 'agent_id' })).toThrow(
        // What the rows share, not their places in the data, which no one can find.
        /merge key "agent_id" does not tell the rows apart: two rows of the data have Agent ID a1\. .*Nothing was written\./,
      );
      expect(grid.writes).toBe(0);
      // With the bucket in the key, each day is its own row.
      const r = writeTable(grid, table(days), { ...base, mode: 'merge', mergeKey: 'agent_id,start_time' });
      expect(r).toMatchObject({ appended: 2, updated: 0 });
    }
    // A time is said to be the same, not in words the sheet's zone would give it.
    const twice = [...days, { agent_id: 'a1', start_time: '2026-05-11', adherence: 0.5 }];
    expect(() =>
      writeTable(new MemoryGrid(), table(twice), { ...base, mode: 'merge', mergeKey: 'agent_id,start_time' }),
    ).toThrow('does not tell the rows apart: two rows of the data have Agent ID a1 and the same Start.');
  });

  it('refuses a write that would pass 10 million cells, before writing anything', () => {
    const grid = new MemoryGrid([], 9_990_000);
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), a: 1, b: 2, c: 3 }));
    expect(() => writeTable(grid, table(rows), { ...base, mode: 'replace' })).toThrow(/10,000,000/);
    expect(grid.writes).toBe(0);
  });

  it('readies everything a replace will touch (the old, larger table too) before writing, and stops if refused', () => {
    const old = [['id', 'name', 'old'], ...Array.from({ length: 5 }, (_, i) => [String(i), 'x', 'y'])];
    const grid = new MemoryGrid(old);
    writeTable(grid, table([{ id: 'a', name: 'Ana' }]), { ...base, mode: 'replace' });
    expect(grid.prepared).toEqual(['1,1,6,3']);
    const refused = new MemoryGrid(old);
    refused.refuse = 'A2:Z9 is protected';
    expect(() => writeTable(refused, table([{ id: 'a' }]), { ...base, mode: 'replace' })).toThrow(
      'A2:Z9 is protected',
    );
    expect(refused.writes).toBe(0);
    expect(refused.header).toBeUndefined();
  });

  it('writes large tables in a few block writes, never one per row', () => {
    const grid = new MemoryGrid();
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: String(i), n: i, m: i * 2 }));
    const r = writeTable(grid, table(rows), { ...base, mode: 'replace', chunkCells: 9_000 });
    expect(r.writeCalls).toBe(1 + Math.ceil(10_000 / 3_000));
    expect(grid.used()).toEqual({ rows: 10_001, cols: 3 });
  });

  it('grows the sheet once, then writes 100,000 x 12 in at most 27 calls of at most 50,000 cells', () => {
    const grid = new MemoryGrid();
    const records = Array.from({ length: 100_000 }, (_, i) => {
      const r: Record<string, unknown> = { id: `r${i}` };
      for (let c = 1; c < 12; c++) r[`n${c}`] = i + c;
      return r;
    });
    // Asking for larger blocks does not get them: 50,000 cells is the most one call writes.
    const r = writeTable(grid, table(records), { ...base, mode: 'replace', chunkCells: 1_000_000 });
    expect(grid.growths).toBe(1);
    expect(grid.size).toEqual({ rows: 100_001, cols: 26 });
    expect(Math.max(...grid.writeCells)).toBeLessThanOrEqual(50_000);
    expect(r.writeCalls).toBe(grid.writes);
    expect(r.writeCalls).toBeLessThanOrEqual(Math.ceil(1_200_000 / 50_000) + 3);
    expect(grid.read(100_001, 1, 1, 12)[0]).toEqual([
      'r99999',
      ...Array.from({ length: 11 }, (_, c) => 100_000 + c),
    ]);
  });

  it('a table at a cell past the sheet edge grows the sheet once, to the table, before writing', () => {
    const grid = new MemoryGrid();
    const rows = Array.from({ length: 1500 }, (_, i) => ({ id: String(i), a: i, b: i }));
    writeTable(grid, table(rows), { ...base, row: 5, col: 27, mode: 'replace' });
    expect(grid.growths).toBe(1);
    expect(grid.size).toEqual({ rows: 1505, cols: 29 });
    expect(grid.read(5, 27, 2, 3)).toEqual([
      ['ID', 'A', 'B'],
      ['0', 0, 0],
    ]);
  });

  it('cuts a text longer than a cell holds, with a marker, and writes every row', () => {
    const grid = new MemoryGrid();
    const long = Array.from({ length: 9000 }, (_, i) => `Team number ${i}`);
    writeTable(
      grid,
      table([
        { id: 'a', teams: long.map((name) => ({ name })) },
        { id: 'b', teams: [] },
      ]),
      {
        ...base,
        mode: 'replace',
      },
    );
    const cell = String(grid.read(2, 2, 1, 1)[0]?.[0]);
    // The apostrophe that keeps it text counts toward the 50,000 too.
    expect(cell.length).toBeLessThanOrEqual(49_999);
    expect(cell.startsWith('Team number 0, Team number 1, ')).toBe(true);
    expect(cell).toMatch(/ … \[cut by the add-on: the full text has \d+ characters\]$/);
    expect(grid.read(3, 1, 1, 1)).toEqual([['b']]);
  });

  it('no records: replace keeps the header and clears the old rows; append changes nothing', () => {
    const grid = new MemoryGrid([
      ['id', 'name'],
      ['1', 'x'],
    ]);
    writeTable(grid, table([]), { ...base, mode: 'append' });
    expect(grid.text()).toEqual([
      ['id', 'name'],
      ['1', 'x'],
    ]);
    const r = writeTable(grid, table([]), { ...base, mode: 'replace' });
    expect(grid.text()).toEqual([['id', 'name']]);
    expect(r.rows).toBe(0);
    const empty = new MemoryGrid();
    writeTable(empty, table([]), { ...base, mode: 'replace' });
    expect(empty.text()).toEqual([['(no records)']]);
  });

  // A refresh that appends or merges, saved from a first pull that found nothing, put its table
  // beside "(no records)", from B1 on, and kept that cell as a column of its header for good.
  it('no records, then rows: an append or merge writes its header over "(no records)", at the table\'s cell', () => {
    for (const mode of ['append', 'merge'] as const) {
      const grid = new MemoryGrid();
      const none = writeTable(grid, table([]), { ...base, mode: 'replace' });
      expect(grid.text()).toEqual([['(no records)']]);
      const previous = { ...none.extent };
      const r = writeTable(grid, table([{ id: 'a', name: 'Ana' }]), {
        ...base,
        mode,
        mergeKey: 'id',
        previous,
      });
      expect(grid.text()).toEqual([
        ['ID', 'Name'],
        ['a', 'Ana'],
      ]);
      expect(r).toMatchObject({ rows: 1, appended: 1, extent: { rows: 2, cols: 2 } });
    }
  });

  it('gives date columns their number format', () => {
    const grid = new MemoryGrid();
    writeTable(grid, table([{ id: 'x', created_at: '2026-01-01T00:00:00Z' }]), { ...base, mode: 'replace' });
    expect([...grid.formats.entries()]).toEqual([['2,2,1', 'yyyy-mm-dd hh:mm:ss']]);
  });
});

describe('merge of spans (a report: agent, start, end)', () => {
  const key = { mergeKey: 'agent_id,start_time,end_time', span: ['start_time', 'end_time'] as const };
  const o = { ...base, mode: 'merge' as const, ...key };
  const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const row = (agent: string, from: string, to: string, handled: number) => ({
    agent_id: agent,
    start_time: at(from),
    end_time: at(to),
    handled,
  });
  const rows = (grid: MemoryGrid) =>
    grid
      .read(2, 1, grid.used().rows - 1, 4)
      .map(
        ([a, s, e, n]) =>
          `${a} ${(s as Date).toISOString().slice(5, 10)}–${(e as Date).toISOString().slice(5, 10)} ${n}`,
      );

  it('a week cut short is updated to the whole week, in its place; other agents and weeks stay', () => {
    const grid = new MemoryGrid();
    writeTable(
      grid,
      table([
        row('a1', '2026-05-04', '2026-05-11', 40),
        row('a1', '2026-05-11', '2026-05-14', 12),
        row('a2', '2026-05-11', '2026-05-14', 9),
      ]),
      o,
    );
    const r = writeTable(
      grid,
      table([row('a2', '2026-05-11', '2026-05-18', 30), row('a1', '2026-05-11', '2026-05-18', 28)]),
      o,
    );
    expect(rows(grid)).toEqual(['a1 05-04–05-11 40', 'a1 05-11–05-18 28', 'a2 05-11–05-18 30']);
    // The same buckets, now whole: updated, nothing taken out.
    expect(r).toMatchObject({ appended: 0, updated: 2, superseded: 0 });
    // Pulled again, the whole weeks are the same rows: updated, nothing taken out.
    expect(writeTable(grid, table([row('a1', '2026-05-11', '2026-05-18', 29)]), o)).toMatchObject({
      appended: 0,
      updated: 1,
      superseded: 0,
    });
    expect(rows(grid)[1]).toBe('a1 05-11–05-18 29');
  });

  it("the user's cells beside a row taken out move to the row in its place: a comment on a week cut short stays with the week", () => {
    const grid = new MemoryGrid();
    writeTable(
      grid,
      table([row('a1', '2026-05-04', '2026-05-11', 40), row('a1', '2026-05-11', '2026-05-14', 12)]),
      o,
    );
    grid.write(1, 5, [['Comment'], ['quiet week'], ['email spike - promo']]);
    // Two short rows the new week overlaps: the first comment filled goes with the week.
    const day = (d: string) => new Date(at(d));
    grid.write(4, 1, [['a2', day('2026-05-11'), day('2026-05-12'), 1, '']]);
    grid.write(5, 1, [['a2', day('2026-05-12'), day('2026-05-14'), 2, 'chat ok']]);
    const r = writeTable(
      grid,
      table([row('a1', '2026-05-11', '2026-05-18', 28), row('a2', '2026-05-11', '2026-05-18', 30)]),
      o,
    );
    // a1's week cut short is updated; a2's week takes the place of its two short rows.
    expect(r).toMatchObject({ appended: 1, updated: 1, superseded: 2 });
    expect(
      grid
        .text()
        .slice(1)
        .map((line) => [line[0], line[4]]),
    ).toEqual([
      ['a1', 'quiet week'],
      ['a1', 'email spike - promo'],
      ['a2', 'chat ok'],
    ]);
  });

  it("formulas of the user's own beside the rows stay formulas, moved with their rows as Sheets copies a cell", () => {
    const grid = new MemoryGrid();
    const week = table([
      row('a1', '2026-05-04', '2026-05-11', 40),
      row('a1', '2026-05-11', '2026-05-12', 2),
      row('a1', '2026-05-12', '2026-05-14', 10),
      row('a2', '2026-05-11', '2026-05-18', 9),
    ]);
    writeTable(grid, week, o);
    grid.write(1, 5, [['Mine'], ['=D2*2'], ['=D3/8'], ['=D4/8'], ['=D5+$D$2']]);
    // A figure typed over as a formula, in a row the merge does not update, stays one too.
    grid.write(2, 4, [['=40+0']]);
    // The whole week takes the place of the first short row; the second goes, so a2 moves up.
    writeTable(grid, table([row('a1', '2026-05-11', '2026-05-18', 30)]), o);
    expect(grid.formulas(2, 4, 4, 2)).toEqual([
      ['=40+0', '=D2*2'],
      ['', '=D3/8'],
      ['', '=D4+$D$2'],
      ['', ''],
    ]);
    expect(grid.read(2, 1, 3, 1)).toEqual([['a1'], ['a1'], ['a2']]);
  });

  it('a key cell that is a formula is known by its value: its row is updated, not added again', () => {
    const grid = new MemoryGrid();
    writeTable(grid, table([row('a1', '2026-05-04', '2026-05-11', 40)]), o);
    grid.formula(2, 1, '=LOWER("A1")', 'a1');
    const r = writeTable(grid, table([row('a1', '2026-05-04', '2026-05-11', 41)]), o);
    expect(r).toMatchObject({ appended: 0, updated: 1 });
    expect(grid.used().rows).toBe(2);
  });

  it('a span takes out every row it overlaps, a long one that began well before included, and clears the rows left below', () => {
    const days = Array.from({ length: 7 }, (_, i) => row('a1', `2026-05-${11 + i}`, `2026-05-${12 + i}`, i));
    const grid = new MemoryGrid();
    writeTable(
      grid,
      table([
        row('a1', '2026-04-20', '2026-05-13', 100),
        // Between the long row and the week, ending before the week begins: the search walks past it.
        row('a1', '2026-05-04', '2026-05-05', 3),
        ...days,
        row('a1', '2026-05-18', '2026-05-19', 7),
      ]),
      o,
    );
    expect(grid.used().rows).toBe(11);
    const r = writeTable(grid, table([row('a1', '2026-05-11', '2026-05-18', 50)]), o);
    expect(rows(grid)).toEqual(['a1 05-11–05-18 50', 'a1 05-04–05-05 3', 'a1 05-18–05-19 7']);
    expect(r).toMatchObject({ appended: 1, superseded: 8, extent: { rows: 4, cols: 4 } });
    expect(grid.used().rows).toBe(4);
  });

  it('taking rows out while adding others below, it clears only the rows it no longer fills: a total typed under the table stays', () => {
    const grid = new MemoryGrid();
    const previous = writeTable(
      grid,
      table([
        row('a1', '2026-05-11', '2026-05-12', 1),
        row('a1', '2026-05-12', '2026-05-14', 2),
        row('a2', '2026-05-11', '2026-05-18', 9),
      ]),
      o,
    ).extent;
    grid.write(5, 1, [['Total']]);
    // a1's week takes its days' places (one taken out); a3 is new, below: the table keeps 3 rows.
    const r = writeTable(
      grid,
      table([row('a1', '2026-05-11', '2026-05-18', 28), row('a3', '2026-05-11', '2026-05-18', 5)]),
      { ...o, previous },
    );
    expect(r).toMatchObject({ appended: 2, superseded: 2, extent: { rows: 4, cols: 4 } });
    expect(grid.text().map((line) => line[0])).toEqual(['Agent ID', 'a1', 'a2', 'a3', 'Total']);
  });

  it("a row inside one of the sheet's longer rows is left out: a part week never replaces the whole week", () => {
    const grid = new MemoryGrid();
    writeTable(
      grid,
      table([row('a1', '2026-05-11', '2026-05-18', 40), row('a2', '2026-05-11', '2026-05-14', 9)]),
      o,
    );
    // Thursday to Wednesday: a1's part of each week lies inside a row the sheet holds, or is new.
    const r = writeTable(
      grid,
      table([
        row('a1', '2026-05-14', '2026-05-18', 20),
        row('a1', '2026-05-18', '2026-05-21', 15),
        row('a2', '2026-05-12', '2026-05-18', 30),
      ]),
      o,
    );
    // a2's new row overlaps its old one without lying inside it: it takes its place.
    expect(rows(grid)).toEqual(['a1 05-11–05-18 40', 'a2 05-12–05-18 30', 'a1 05-18–05-21 15']);
    expect(r).toMatchObject({ appended: 2, updated: 0, present: 1, superseded: 1 });
  });

  it('only with its start and end in the key: a key of agent and start alone takes nothing out', () => {
    const grid = new MemoryGrid();
    const own = { ...o, mergeKey: 'agent_id,start_time' };
    writeTable(grid, table([row('a1', '2026-05-11', '2026-05-14', 12)]), own);
    writeTable(grid, table([row('a1', '2026-05-12', '2026-05-18', 28)]), own);
    expect(rows(grid)).toHaveLength(2);
    // Nor without the span named, whatever the key.
    const plain = new MemoryGrid();
    writeTable(plain, table([row('a1', '2026-05-11', '2026-05-14', 12)]), {
      ...base,
      mode: 'merge',
      mergeKey: key.mergeKey,
    });
    writeTable(plain, table([row('a1', '2026-05-11', '2026-05-18', 28)]), {
      ...base,
      mode: 'merge',
      mergeKey: key.mergeKey,
    });
    expect(rows(plain)).toHaveLength(2);
  });

  it('rows whose start or end is not a date are left as they are', () => {
    const grid = new MemoryGrid([
      ['Agent ID', 'Start', 'End', 'Handled'],
      ['a1', 'week 20', 'week 21', 5],
    ]);
    const r = writeTable(grid, table([row('a1', '2026-05-11', '2026-05-18', 28)]), o);
    expect(r).toMatchObject({ appended: 1, superseded: 0 });
    expect(grid.used().rows).toBe(3);
  });

  it('planned again after some rows were written, it comes out the same (a merge cut short and resumed)', () => {
    const days = Array.from({ length: 5 }, (_, i) => row('a1', `2026-05-${11 + i}`, `2026-05-${12 + i}`, i));
    const start = [
      row('a0', '2026-05-11', '2026-05-18', 1),
      ...days,
      row('a2', '2026-05-11', '2026-05-14', 2),
      row('a3', '2026-05-11', '2026-05-18', 3),
    ];
    const next = table([
      row('a1', '2026-05-11', '2026-05-18', 50),
      row('a2', '2026-05-11', '2026-05-18', 60),
      row('a4', '2026-05-11', '2026-05-18', 70),
    ]);
    const whole = new MemoryGrid();
    writeTable(whole, table(start), o);
    writeTable(whole, next, o);
    for (let written = 1; written <= 4; written++) {
      const grid = new MemoryGrid();
      writeTable(grid, table(start), o);
      const first = planWrite(grid, next, o);
      beginWrite(grid, next, o, first);
      writeBodyRows(grid, o, first, 0, written);
      // A later execution plans again over the rows already written, and writes it all.
      const r = writeTable(grid, next, o);
      expect(rows(grid)).toEqual(rows(whole));
      expect(grid.used().rows).toBe(whole.used().rows);
      expect(r.appended + r.updated).toBe(3);
    }
  });
});

describe('merge and append over the night clocks go back (a sheet holds wall-clock times)', () => {
  const ny = intlZone('America/New_York');
  const o = {
    ...base,
    mode: 'merge' as const,
    mergeKey: 'agent_id,start_time,end_time',
    span: ['start_time', 'end_time'] as const,
    zone: ny,
  };
  // 00:30 EDT to 02:30 EST in half hours: 01:00 and 01:30 come twice, and 01:30 EDT ends at 01:00 EST.
  const starts = Array.from({ length: 6 }, (_, i) => Date.parse('2026-11-01T04:30:00Z') + i * 1_800_000);
  const night = (agents: string[], handled: (agent: string, i: number) => number) =>
    buildTable(
      starts.flatMap((start, i) =>
        agents.map((agent) => ({
          agent_id: agent,
          start_time: start,
          end_time: start + 1_800_000,
          handled: handled(agent, i),
        })),
      ),
      ny,
    );
  const wall = (v: unknown) => new Date(wallClockOf(v as Date)).toISOString().slice(11, 16);
  const wallClockOf = (d: Date) => d.getTime() + ny.offsetMinutes(d.getTime()) * 60_000;
  const rows = (grid: MemoryGrid) =>
    grid.read(2, 1, grid.used().rows - 1, 4).map(([a, s, e, n]) => `${a} ${wall(s)}-${wall(e)} ${n}`);

  it('merged again, each of the two rows of a repeated half hour takes its own figures, in its place', () => {
    const grid = new WallClockGrid(ny);
    writeTable(
      grid,
      night(['a1', 'a2'], (_, i) => i),
      o,
    );
    const r = writeTable(
      grid,
      night(['a1', 'a2'], (a, i) => (a === 'a1' ? 10 * i : i)),
      o,
    );
    expect(r).toMatchObject({ appended: 0, updated: 12, present: 0, superseded: 0 });
    expect(rows(grid).filter((line) => line.startsWith('a1'))).toEqual([
      'a1 00:30-01:00 0',
      'a1 01:00-01:30 10',
      'a1 01:30-01:00 20',
      'a1 01:00-01:30 30',
      'a1 01:30-02:00 40',
      'a1 02:00-02:30 50',
    ]);
    // Appended again, none of them is new.
    expect(
      writeTable(
        grid,
        night(['a1', 'a2'], () => 1),
        { ...o, mode: 'append' },
      ),
    ).toMatchObject({
      appended: 0,
      present: 12,
    });
  });

  it('planned again after some rows were written, it comes out the same (a merge cut short and resumed)', () => {
    const before = night(['a1', 'a2'], (_, i) => i);
    const next = night(['a1', 'a2', 'a3'], (a, i) => (a === 'a2' ? 100 + i : 10 * i));
    const whole = new WallClockGrid(ny);
    writeTable(whole, before, o);
    writeTable(whole, next, o);
    for (let written = 1; written <= 18; written++) {
      const grid = new WallClockGrid(ny);
      writeTable(grid, before, o);
      const first = planWrite(grid, next, o);
      beginWrite(grid, next, o, first);
      writeBodyRows(grid, o, first, 0, written);
      writeTable(grid, next, o);
      expect(rows(grid), `cut after ${written}`).toEqual(rows(whole));
    }
  });
});

describe('a replace writes over nothing it did not write', () => {
  const teams = (n: number, extra = false) =>
    table(
      Array.from({ length: n }, (_, i) => ({
        id: `t${i}`,
        name: `Team ${i}`,
        ...(extra ? { size: i } : {}),
      })),
    );

  it('at a cell with no record of its last block: every cell of the new block must be empty', () => {
    const grid = new MemoryGrid([
      ['', '', ''],
      ['', '', ''],
      ['', '', 'mine'],
      ['', 'also mine', ''],
    ]);
    expect(() => writeTable(grid, teams(3), { ...base, row: 2, col: 2, mode: 'replace' })).toThrow(
      'The table needs B2:C5 (4 rows, 2 columns) but would write over C3 and B4 there, which it did not write. Clear them, or pull to another cell or a new sheet. Nothing was written.',
    );
    expect(grid.writes).toBe(0);
    // One row fewer reaches only C3.
    expect(() => writeTable(grid, teams(1), { ...base, row: 2, col: 2, mode: 'replace' })).toThrow(
      /^The table needs B2:C3 \(2 rows, 2 columns\) but would write over C3 there, which it did not write\. Clear it,/,
    );
  });

  it('its last block is its own; rows below it and columns right of it are not', () => {
    const grid = new MemoryGrid();
    const at = { ...base, row: 2, col: 2, mode: 'replace' as const };
    const first = writeTable(grid, teams(3), at);
    const previous = first.extent;
    grid.write(7, 2, [['total']]);
    grid.write(2, 4, [['note']]);
    // The same size, or smaller: written over its own cells.
    expect(writeTable(grid, teams(2), { ...at, previous })).toMatchObject({ rows: 2 });
    expect(writeTable(grid, teams(3), { ...at, previous })).toMatchObject({ rows: 3 });
    // Two more rows reach the total under it; a third column reaches the note beside it.
    expect(() => writeTable(grid, teams(5), { ...at, previous })).toThrow(/write over B7 there,/);
    expect(() => writeTable(grid, teams(3, true), { ...at, previous })).toThrow(/write over D2 there,/);
    expect(grid.text()[6]?.[1]).toBe('total');
    expect(grid.text()[1]?.[3]).toBe('note');
  });

  it('a replace clears only its last block: not under it when it grows narrower and taller, nor right of it when wider and shorter', () => {
    const at = { ...base, row: 1, col: 1, mode: 'replace' as const };
    // Three columns, two rows; the user's cells sit under its third column and right of its last row.
    const tall = new MemoryGrid();
    const wide = writeTable(tall, teams(2, true), at).extent;
    tall.write(4, 3, [['mine']]);
    writeTable(tall, teams(3), { ...at, previous: wide });
    expect(tall.text()[3]?.[2]).toBe('mine');
    // Two columns, four rows; wider and shorter now leaves D4, right of it and under the new table.
    const short = new MemoryGrid();
    const long = writeTable(short, teams(3), at).extent;
    short.write(4, 3, [['mine']]);
    writeTable(short, teams(1, true), { ...at, previous: long });
    expect(short.text()[3]?.[2]).toBe('mine');
    expect(short.text()[3]?.slice(0, 2)).toEqual(['', '']);
  });

  it('an append or merge at a cell goes on at the end of its last block, and not over a total typed under it', () => {
    const at = { ...base, row: 2, col: 2, mergeKey: 'id' };
    for (const mode of ['append', 'merge'] as const) {
      const grid = new MemoryGrid();
      const previous = writeTable(grid, teams(2), { ...at, mode: 'replace' }).extent;
      grid.write(6, 2, [['Total']]);
      // The same rows again: nothing new, so nothing under the table is touched.
      expect(writeTable(grid, teams(2), { ...at, mode, previous })).toMatchObject({ appended: 0 });
      expect(() => writeTable(grid, teams(4), { ...at, mode, previous })).toThrow(
        /^The table needs B2:C6 \(5 rows, 2 columns\) but would write over B6 there,/,
      );
      expect(grid.text()[5]?.[1]).toBe('Total');
      // With room under it, the new rows go right under the table, not under the total.
      const room = new MemoryGrid();
      const last = writeTable(room, teams(2), { ...at, mode: 'replace' }).extent;
      room.write(9, 2, [['Total']]);
      expect(writeTable(room, teams(3), { ...at, mode, previous: last })).toMatchObject({ appended: 1 });
      expect(room.text()[4]?.slice(1, 3)).toEqual(['t2', 'Team 2']);
      expect(room.text()[8]?.[1]).toBe('Total');
    }
  });

  it('a table at A1 with a record of its block is that block too: a total typed under it is kept', () => {
    const at = { ...base, mergeKey: 'id' };
    for (const mode of ['append', 'merge'] as const) {
      const grid = new MemoryGrid();
      const previous = writeTable(grid, teams(2), { ...at, mode: 'replace' }).extent;
      grid.write(5, 1, [['Total']]);
      expect(() => writeTable(grid, teams(4), { ...at, mode, previous })).toThrow(
        /^The table needs A1:B5 \(5 rows, 2 columns\) but would write over A5 there,/,
      );
      expect(grid.text()[4]?.[0]).toBe('Total');
      // One more row fits above it, and goes right under the table.
      const grown = writeTable(grid, teams(3), { ...at, mode, previous });
      expect(grown).toMatchObject({ appended: 1, extent: { rows: 4, cols: 2 } });
      expect(grid.text()[3]?.slice(0, 2)).toEqual(['t2', 'Team 2']);
      // A replace clears what its last block held, not the total under it.
      writeTable(grid, teams(1), { ...at, mode: 'replace', previous: grown.extent });
      expect(grid.text()[2]?.slice(0, 2)).toEqual(['', '']);
      expect(grid.text()[4]?.[0]).toBe('Total');
    }
  });

  it('rows emptied at the foot of its last block are not the table: new rows go on with no gap', () => {
    for (const mode of ['append', 'merge'] as const) {
      const grid = new MemoryGrid();
      const o = { ...base, mergeKey: 'id' };
      const previous = writeTable(grid, teams(4), { ...o, mode: 'replace' }).extent;
      // Its last two rows deleted by hand: rows 4 and 5 are empty now.
      grid.write(4, 1, [
        ['', ''],
        ['', ''],
      ]);
      expect(writeTable(grid, teams(3), { ...o, mode, previous })).toMatchObject({ appended: 1 });
      expect(grid.text().map((r) => r[0])).toEqual(['ID', 't0', 't1', 't2']);
    }
    // Emptied rows are looked for from the foot up, a chunk at a time, past the first chunk too.
    const grid = new MemoryGrid();
    const o = { ...base, mergeKey: 'id', mode: 'append' as const };
    const previous = writeTable(grid, teams(1200), { ...o, mode: 'replace' }).extent;
    grid.write(
      502,
      1,
      Array.from({ length: 700 }, () => ['', '']),
    );
    // A total typed further down keeps the sheet's used rows past the emptied ones.
    grid.write(1300, 1, [['Total']]);
    expect(writeTable(grid, teams(501), { ...o, previous })).toMatchObject({ appended: 1 });
    expect(grid.text()[501]?.[0]).toBe('t500');
    expect(grid.text()[502]?.[0]).toBe('');
    expect(grid.text()[1299]?.[0]).toBe('Total');
  });

  it('a column the user heads beside the table is kept by append and merge, not refused as covered', () => {
    const at = { ...base, row: 2, col: 2, mergeKey: 'id' };
    for (const mode of ['append', 'merge'] as const) {
      const grid = new MemoryGrid();
      const previous = writeTable(grid, teams(2), { ...at, mode: 'replace' }).extent;
      grid.write(2, 4, [['My notes'], ['call back']]);
      expect(writeTable(grid, teams(3), { ...at, mode, previous })).toMatchObject({ appended: 1 });
      expect(grid.text()[2]?.[3]).toBe('call back');
    }
  });

  it('a table at A1 with no record owns its sheet; append and merge are not replaces', () => {
    const full = () =>
      new MemoryGrid([
        ['ID', 'Name'],
        ['t0', 'Old'],
        ['', '', 'beside'],
      ]);
    expect(writeTable(full(), teams(4), { ...base, mode: 'replace' })).toMatchObject({ rows: 4 });
    const at = { ...base, row: 1, col: 2, mergeKey: 'id' };
    const grid = new MemoryGrid([
      ['', 'ID', 'Name'],
      ['', 't0', 'Old'],
    ]);
    expect(writeTable(grid, teams(2), { ...at, mode: 'merge' })).toMatchObject({ updated: 1, appended: 1 });
    expect(writeTable(grid, teams(3), { ...at, mode: 'append' })).toMatchObject({ appended: 1 });
  });
});

describe('an append or merge under an emptied header', () => {
  const teams = (n: number) =>
    table(Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `Team ${i}` })));

  it.each(['append', 'merge'] as const)('%s is refused, naming the row, and nothing is written', (mode) => {
    const grid = new MemoryGrid();
    const previous = writeTable(grid, teams(2), { ...base, mode: 'replace' }).extent;
    grid.write(1, 1, [['', '']]);
    const before = grid.text();
    expect(() => writeTable(grid, teams(3), { ...base, mode, mergeKey: 'id', previous })).toThrow(
      `Row 1, the table's header, is empty, though the rows under it hold data: ${mode === 'merge' ? 'a merge' : 'an append'} cannot tell which column is which. Type the header back, or choose Replace it to write the whole table again. Nothing was written.`,
    );
    expect(grid.text()).toEqual(before);
    // With nothing under it either, there is nothing to lose: the table is written.
    const empty = new MemoryGrid();
    expect(writeTable(empty, teams(2), { ...base, mode, mergeKey: 'id' })).toMatchObject({ rows: 2 });
  });
});

describe('a column whose header a person typed over', () => {
  const agents = (n: number, extra = false) =>
    table(
      Array.from({ length: n }, (_, i) => ({
        id: `a${i}`,
        name: `Agent ${i}`,
        handled: i + 10,
        ...(extra ? { backlog: 7 } : {}),
      })),
    );
  type Last = WriteOptions['previous'];
  /** Writes as a pull does, with what the target's last write recorded; gives this write's record. */
  function pull(grid: MemoryGrid, t: ReturnType<typeof agents>, mode: WriteMode, previous?: Last) {
    const o = { ...base, mode, mergeKey: 'id', ...(previous ? { previous } : {}) };
    const { held, placed } = planWrite(grid, t, o);
    const result = writeTable(grid, t, o);
    return { last: { ...result.extent, held }, renamed: placed.renamed, result };
  }

  it.each(['append', 'merge'] as const)(
    '%s writes the field under the new header, keeps it, and adds a field the sheet never had at the end',
    (mode) => {
      const grid = new MemoryGrid();
      const { last } = pull(grid, agents(2), 'replace');
      grid.write(1, 3, [['Handled tickets']]);
      const next = pull(grid, agents(3, true), mode, last);
      expect(next.renamed).toEqual([{ index: 2, header: 'Handled tickets', takes: 'Handled' }]);
      expect(grid.text()).toEqual([
        ['ID', 'Name', 'Handled tickets', 'Backlog'],
        ['a0', 'Agent 0', '10', mode === 'merge' ? '7' : ''],
        ['a1', 'Agent 1', '11', mode === 'merge' ? '7' : ''],
        ['a2', 'Agent 2', '12', '7'],
      ]);
      expect(grid.header?.note).toContain('\nHandled tickets = handled\nBacklog = backlog');
      // Known by its kept header from then on, wherever it is moved: nothing more to say.
      grid.cells = grid.cells.map((r) => [r[2] ?? '', r[0] ?? '', r[1] ?? '', r[3] ?? '']);
      expect(pull(grid, agents(4, true), mode, next.last).renamed).toEqual([]);
      expect(grid.text()[4]).toEqual(['13', 'a3', 'Agent 3', '7']);
    },
  );

  it.each(['append', 'merge'] as const)(
    '%s is refused, nothing written, where which column holds the field cannot be told',
    (mode) => {
      const refused = (grid: MemoryGrid, previous: Last, why: string) => {
        const before = grid.text();
        expect(() => pull(grid, agents(3), mode, previous)).toThrow(
          `${mode === 'merge' ? 'A merge' : 'An append'} would add "Handled" again as a new column at the end: it is gone from the table's header (row 1), and ${why}. Type "Handled" back as the header of its column (of an empty column at the table's end if it was deleted), or choose Replace it to write the whole table again. Nothing was written.`,
        );
        expect(grid.text()).toEqual(before);
      };
      // Pulled before columns were recorded: the note says the sheet held it, not where.
      const old = new MemoryGrid();
      const { last } = pull(old, agents(2), 'replace');
      old.write(1, 3, [['Handled tickets']]);
      refused(old, { rows: last.rows, cols: last.cols }, 'no record says which column held it');
      // Its header cleared, its rows still there.
      const cleared = new MemoryGrid();
      pull(cleared, agents(2), 'replace');
      cleared.write(1, 1, [['ID', 'Name', '', 'Mine']]);
      refused(cleared, last, 'column C, where it was, has no header');
      // Another of the table's columns moved there.
      const moved = new MemoryGrid();
      moved.write(1, 1, [['Name', 'ID', 'Handled tickets']]);
      refused(
        moved,
        last,
        'columns were moved, inserted or deleted since the last pull, so which one was renamed cannot be told',
      );
    },
  );

  it.each(['append', 'merge'] as const)(
    '%s brings a column deleted by hand back at the end, as before columns were recorded',
    (mode) => {
      // Name deleted from the middle: the columns after it moved left, and no header is new.
      const middle = new MemoryGrid();
      const { last } = pull(middle, agents(2), 'replace');
      middle.cells = middle.cells.map((r) => [r[0] ?? '', r[2] ?? '']);
      expect(pull(middle, agents(3), mode, last).renamed).toEqual([]);
      expect(middle.text()[0]).toEqual(['ID', 'Handled', 'Name']);
      expect(middle.text()[3]).toEqual(['a2', '12', 'Agent 2']);
      // Handled, the last, deleted: its place is empty, header and rows.
      const end = new MemoryGrid();
      pull(end, agents(2), 'replace');
      end.cells = end.cells.map((r) => [r[0] ?? '', r[1] ?? '']);
      expect(pull(end, agents(3), mode, last).renamed).toEqual([]);
      expect(end.text()[0]).toEqual(['ID', 'Name', 'Handled']);
      expect(end.text()[3]).toEqual(['a2', 'Agent 2', '12']);
    },
  );

  it('with no record and no note naming the field, a column headed otherwise is not taken for it', () => {
    const grid = new MemoryGrid([
      ['ID', 'Name', 'Mine'],
      ['a0', 'Agent 0', 'x'],
    ]);
    expect(pull(grid, agents(2), 'append').renamed).toEqual([]);
    expect(grid.text()[0]).toEqual(['ID', 'Name', 'Mine', 'Handled']);
  });
});
