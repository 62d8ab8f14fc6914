// A merge over rows typed under its table, cut short by an execution's end and carried on by the
// next: the rows it wrote under the table's block since are its own, not rows typed there, so it
// ends as a merge never cut short does, and says the same of the typed rows.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import type { WriteProgress } from '../../src/core/jobs/pull-job';
import type { OpenTarget } from '../../src/core/pull/pull-target';
import { pushedIdsIn } from '../../src/core/pull/push-columns';
import { StagedWrite, type StagedWriteOptions, type Written } from '../../src/core/pull/staged-write';
import type { Staging } from '../../src/core/pull/staging';
import { buildTable } from '../../src/core/table/build-table';
import { MemoryGrid } from '../sheet/memory-grid';

const record = (n: number, agent: string) => ({
  occurrence_id: `act_${n}@2026-05-26`,
  activity_id: `act_${n}`,
  agent_name: agent,
  activity_type: 'Chat',
});
const fresh = buildTable(
  [record(1, 'Ann'), record(2, 'Ben'), record(3, 'Cy'), record(4, 'Dee'), record(5, 'Eve'), record(6, 'Fay')],
  intlZone('Europe/London'),
);

/** Three pulled rows, two typed under them and pushed (created, with their Assembled IDs). */
function sheet(): MemoryGrid {
  const own = ['Comment', 'Push status', 'Assembled ID'];
  return new MemoryGrid([
    ['Occurrence ID', 'Activity ID', 'Agent name', 'Activity type', ...own],
    ['act_1@2026-05-26', 'act_1', 'Ann', 'Chat', '', '', ''],
    ['act_2@2026-05-26', 'act_2', 'Ben', 'Chat', 'mine', '', ''],
    ['act_3@2026-05-26', 'act_3', 'Cy', 'Chat', '', '', ''],
    ['', '', 'Dee', 'Chat', 'note d', 'created', 'act_4'],
    ['', '', 'Eve', 'Chat', 'note e', 'created', 'act_5'],
  ]);
}

const staging = {} as Staging;
const options: StagedWriteOptions = {
  mode: 'merge',
  row: 1,
  col: 1,
  mergeKey: 'occurrence_id',
  pushed: { column: 'activity_id', idsIn: pushedIdsIn },
  previous: { rows: 4, cols: 4 },
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
      [
        'Occurrence ID',
        'Activity ID',
        'Agent name',
        'Activity type',
        'Comment',
        'Push status',
        'Assembled ID',
      ],
      ['act_1@2026-05-26', 'act_1', 'Ann', 'Chat', '', '', ''],
      ['act_2@2026-05-26', 'act_2', 'Ben', 'Chat', 'mine', '', ''],
      ['act_3@2026-05-26', 'act_3', 'Cy', 'Chat', '', '', ''],
      ['act_4@2026-05-26', 'act_4', 'Dee', 'Chat', 'note d', 'created', 'act_4'],
      ['act_5@2026-05-26', 'act_5', 'Eve', 'Chat', 'note e', 'created', 'act_5'],
      ['act_6@2026-05-26', 'act_6', 'Fay', 'Chat', '', '', ''],
    ]);
    expect(done).toMatchObject({ updated: 5, appended: 1, listed: 2, typed: { from: 5, rows: 2 } });
    // Cut once every row is written: the row it added under the typed ones is not taken for one.
    for (const cut of [2, 5, 7]) {
      const grid = sheet();
      expect(merge(grid, cut)).toEqual(done);
      expect(grid.text()).toEqual(whole.text());
    }
  });
});
