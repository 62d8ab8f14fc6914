// A merge over rows typed under its table, cut short by an execution's end and carried on by the
// next: the rows it wrote under the table's block since are its own, not rows typed there, so it
// ends as a merge never cut short does, and says the same of the typed rows; the pushed ones it
// updates in place are as pushed again (their Push status notes, pushed-prints.ts).
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import type { WriteProgress } from '../../src/core/jobs/pull-job';
import type { OpenTarget } from '../../src/core/pull/pull-target';
import { pushedIdsIn } from '../../src/core/pull/push-columns';
import { StagedWrite, type StagedWriteOptions, type Written } from '../../src/core/pull/staged-write';
import type { Staging } from '../../src/core/pull/staging';
import { matchHeader } from '../../src/core/push/header';
import { kindNote } from '../../src/core/push/kind-note';
import { sameAsSent, sentNote } from '../../src/core/push/sent-print';
import { buildTable, type CellValue } from '../../src/core/table/build-table';
import { MemoryGrid } from '../sheet/memory-grid';

const record = (n: number, agent: string) => ({
  occurrence_id: `act_${n}@2026-05-26`,
  activity_id: `act_${n}`,
  agent_name: agent,
  activity_type: 'Chat',
});
const zone = intlZone('Europe/London');
const fresh = buildTable(
  [record(1, 'Ann'), record(2, 'Ben'), record(3, 'Cy'), record(4, 'Dee'), record(5, 'Eve'), record(6, 'Fay')],
  zone,
);
const header = ['Occurrence ID', 'Activity ID', 'Agent name', 'Activity type', 'Action', 'Comment'];
const map = (() => {
  const found = matchHeader('activities', [...header, 'Push status', 'Assembled ID']);
  if (!found.ok) throw new Error(found.problem);
  return found.map;
})();
/** The Push status column, 1-based. */
const STATUS = 7;

/**
 * Three pulled rows, two typed under them and pushed (created, with their Assembled IDs and the
 * print of what was sent).
 */
function sheet(): MemoryGrid {
  const typed: CellValue[][] = [
    ['', '', 'Dee', 'Chat', 'create', 'note d', 'created', 'act_4'],
    ['', '', 'Eve', 'Chat', 'create', 'note e', 'created', 'act_5'],
  ];
  const grid = new MemoryGrid([
    [...header, 'Push status', 'Assembled ID'],
    ['act_1@2026-05-26', 'act_1', 'Ann', 'Chat', '', '', '', ''],
    ['act_2@2026-05-26', 'act_2', 'Ben', 'Chat', '', 'mine', '', ''],
    ['act_3@2026-05-26', 'act_3', 'Cy', 'Chat', '', '', '', ''],
    ...typed,
  ]);
  grid.setNote(1, STATUS, kindNote('activities', 2));
  grid.setColumnNotes(5, STATUS, [
    sentNote(typed[0] ?? [], map, zone, { by: 'ana@example.com' }),
    sentNote(typed[1] ?? [], map, zone),
  ]);
  return grid;
}

/** Each row's Push status note, and whether the row is as it says it was pushed. */
const prints = (grid: MemoryGrid) =>
  grid
    .text()
    .slice(1)
    .map((row, i) => {
      const note = grid.noteAt(i + 2, STATUS);
      return [note, sameAsSent(note, row, map, zone)];
    });

const staging = {} as Staging;
const options: StagedWriteOptions = {
  mode: 'merge',
  row: 1,
  col: 1,
  mergeKey: 'occurrence_id',
  pushed: { column: 'activity_id', idsIn: pushedIdsIn },
  previous: { rows: 4, cols: 4 },
  zone,
  note: 'Assembled: activities',
  // A row at a time: the write takes several pieces.
  chunkCells: 7,
};

function writer(grid: MemoryGrid): StagedWrite {
  const target: OpenTarget = {
    grid,
    sheetId: 1,
    sheet: 'Sched',
    row: 1,
    col: 1,
    label: 'Sched!A1',
    previous: { rows: 4, cols: 4 },
    remember: () => {},
  };
  return new StagedWrite('job', fresh, target, options, staging, () => 0);
}

/** Pieces until done, a new execution (a new writer) after `cut` pieces. */
function merge(grid: MemoryGrid, cut = Infinity): Written {
  let w = writer(grid);
  let progress: WriteProgress | undefined;
  for (let i = 0; i < 50; i++) {
    if (i === cut) w = writer(grid);
    const piece = w.next(progress);
    if (piece.kind === 'done') return piece;
    progress = piece.progress;
  }
  throw new Error('no end');
}

describe('a merge over rows typed under its table', () => {
  it('updates a pushed one in its place by its Assembled ID, and ends the same when cut short', () => {
    const whole = sheet();
    const done = merge(whole);
    expect(whole.text()).toEqual([
      [...header, 'Push status', 'Assembled ID'],
      ['act_1@2026-05-26', 'act_1', 'Ann', 'Chat', '', '', '', ''],
      ['act_2@2026-05-26', 'act_2', 'Ben', 'Chat', '', 'mine', '', ''],
      ['act_3@2026-05-26', 'act_3', 'Cy', 'Chat', '', '', '', ''],
      ['act_4@2026-05-26', 'act_4', 'Dee', 'Chat', 'create', 'note d', 'created', 'act_4'],
      ['act_5@2026-05-26', 'act_5', 'Eve', 'Chat', 'create', 'note e', 'created', 'act_5'],
      ['act_6@2026-05-26', 'act_6', 'Fay', 'Chat', '', '', '', ''],
    ]);
    expect(done).toMatchObject({ updated: 5, appended: 1, listed: 2, typed: { from: 5, rows: 2 } });
    // The pushed rows read as Assembled lists them, their ids filled in: as pushed, so no change.
    const printed = prints(whole);
    expect(printed.map(([, same]) => same)).toEqual([undefined, undefined, undefined, true, true, undefined]);
    expect(printed[3]?.[0]).toContain('\nActivity ID: act_4\n');
    // Still naming who pushed it, where the note did.
    expect(printed[3]?.[0]).toMatch(/\nPushed by ana@example\.com\.$/);
    expect(printed[4]?.[0]).not.toContain('Pushed by');
    // Cut once every row is written: the row it added under the typed ones is not taken for one.
    for (const cut of [2, 5, 7]) {
      const grid = sheet();
      expect(merge(grid, cut)).toEqual(done);
      expect(grid.text()).toEqual(whole.text());
      expect(prints(grid)).toEqual(printed);
    }
  });
});
