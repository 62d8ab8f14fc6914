// Rows typed twice in the kinds whose rows carry no id of their own, through the built bundle in
// the local runtime: caught by Validate and never sent, as in every other kind.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

type Check = { ok: number; errors: number; problems: string[] };

async function follow(rt: LocalRuntime, view: PushView): Promise<PushView> {
  for (let i = 0; view.state === 'running' && i < 100; i++) {
    rt.clock.set(rt.clock.now() + view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  return view;
}

/** A template of `kind` with `rows` from row 2, validated as the sidebar does. */
async function validateTemplate(rt: LocalRuntime, kind: string, rows: unknown[][]) {
  const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', kind);
  rt.workbook.write(sheet, rows, { row: 2 });
  rt.workbook.select(`'${sheet}'!A1`);
  return { sheet, check: await rt.callFromSidebar<Check>('validatePush', kind) };
}

function column(rt: LocalRuntime, sheet: string, header: string): unknown[] {
  const [head = [], ...rows] = rt.workbook.values(sheet);
  const at = head.indexOf(header);
  return rows.map((r) => r[at]);
}

describe.skipIf(!built)('rows typed twice', () => {
  it('two identical state-edit inserts are refused as "Agent states to ingest" refuses them', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const a = sim.admin.org.people.find((p) => !p.deleted && p.staffable);
    if (!a) throw new Error('no agents');
    const insert = [
      'insert',
      '',
      a.email,
      'available',
      'phone',
      '2026-05-24 09:00',
      '2026-05-24 10:00',
      'zendesk',
    ];
    const other = ['insert', '', a.email, 'busy', 'phone', '2026-05-24 11:00', '2026-05-24 12:00', 'zendesk'];
    const { sheet, check } = await validateTemplate(rt, 'state_edits', [insert, other, other, other, insert]);
    const overlaps = (row: number) =>
      `Start: overlaps row ${row}, a state of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong, or delete a row typed twice.`;
    expect(check).toMatchObject({ ok: 0, errors: 5 });
    expect(check.problems.slice(0, 2)).toEqual([
      `Row 2: ${overlaps(6)}`,
      `Row 3: Start: overlaps rows 4, 5, a state of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong, or delete a row typed twice.`,
    ]);

    // The same pair as states to ingest says the same.
    const states = await validateTemplate(rt, 'agent_states', [
      [a.email, 'available', 'phone', '2026-05-24 09:00', '2026-05-24 10:00', 'zendesk'],
      [a.email, 'busy', 'phone', '2026-05-24 11:00', '2026-05-24 12:00', 'zendesk'],
      [a.email, 'busy', 'phone', '2026-05-24 13:00', '2026-05-24 14:00', 'zendesk'],
      [a.email, 'busy', 'phone', '2026-05-24 15:00', '2026-05-24 16:00', 'zendesk'],
      [a.email, 'available', 'phone', '2026-05-24 09:00', '2026-05-24 10:00', 'zendesk'],
    ]);
    expect(states.check.problems).toEqual([`Row 2: ${overlaps(6)}`, `Row 6: ${overlaps(2)}`]);

    // Fixed, the rest go: the row typed twice deleted, one update moved out of the way.
    rt.workbook.select(`'${sheet}'!A1`);
    rt.workbook.write(sheet, [['', '', '', '', '', '', '', '']], { row: 6 });
    rt.workbook.write(sheet, [['2026-05-24 13:00', '2026-05-24 14:00']], { row: 4, column: 6 });
    rt.workbook.write(sheet, [['2026-05-24 15:00', '2026-05-24 16:00']], { row: 5, column: 6 });
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'edits-twice-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 4 });
    expect(column(rt, sheet, 'Push status').slice(0, 4)).toEqual([
      'inserted',
      'inserted',
      'inserted',
      'inserted',
    ]);
  });
});
