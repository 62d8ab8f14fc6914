// A pushed row made ready to send again (its Push status and Assembled ID cleared, as a changed
// row's words say) keeps the time of its earlier push in Pushed at until it is sent: Validate's
// "Ready to push." says whose time that is, and Push puts the new time there. Agent-state edits,
// time off and activities share the words. Through the built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { Simulator } from '../../dev/simulator/api';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

const EARLIER =
  'Its Pushed at is the time of an earlier push: Push puts the new time there when it sends the row.';

const HOUR = 60 * 60 * 1000;

/** The one row's Pushed at, as a time. */
const pushedAt = (rt: LocalRuntime, sheet: string): number => {
  const [at] = column(rt, sheet, 'Pushed at');
  expect(at).toBeInstanceOf(Date);
  return (at as Date).getTime();
};

/** Clears the one row's Push status and Assembled ID, as the words say. */
function clearStatus(rt: LocalRuntime, sheet: string): void {
  const [head = []] = rt.workbook.values(sheet);
  rt.workbook.write(sheet, [['', '']], { row: 2, column: head.indexOf('Push status') + 1 });
}

type Case = {
  kind: string;
  row: (sim: Simulator) => unknown[];
  /** The row changed after its push, before its status is cleared; its Assembled ID given. */
  change: (rt: LocalRuntime, sheet: string, id: string) => void;
};

const agent = (sim: Simulator) =>
  sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email)[0]?.email;

const CASES: Case[] = [
  {
    // The QA path: an insert changed to delete, its own Assembled ID put in State ID.
    kind: 'state_edits',
    row: (sim) => ['insert', '', agent(sim), 'lunch', '', '2026-05-24 12:00', '2026-05-24 13:00', 'five9'],
    change: (rt, sheet, id) => rt.workbook.write(sheet, [['delete', id]], { row: 2, column: 1 }),
  },
  {
    kind: 'time_off',
    row: (sim) => [agent(sim), '2027-04-05', '', 'TRUE', 'pto', 'a day'],
    change: (rt, sheet) => rt.workbook.write(sheet, [['2027-04-06']], { row: 2, column: 2 }),
  },
  {
    kind: 'activities',
    row: (sim) => [
      'create',
      '',
      agent(sim),
      'MTG',
      '2026-12-08 10:00',
      '2026-12-08 11:00',
      'one-to-one',
      '',
      'TRUE',
    ],
    change: (rt, sheet) => rt.workbook.write(sheet, [['2026-12-08 11:30']], { row: 2, column: 6 }),
  },
];

describe.skipIf(!built)('a pushed row made ready to send again', () => {
  it.each(CASES)('$kind: Validate says Pushed at is an earlier push’s time; Push replaces it', async (c) => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const sheet = await template(rt, c.kind, [c.row(sim)]);
    const first = await follow(rt, await rt.callFromSidebar<PushView>('startPush', c.kind, `${c.kind}-1`));
    expect(first).toMatchObject({ state: 'done', succeeded: 1 });
    const was = pushedAt(rt, sheet);
    const [id = ''] = column(rt, sheet, 'Assembled ID').map(String);

    c.change(rt, sheet, id);
    clearStatus(rt, sheet);
    rt.clock.set(rt.clock.now() + HOUR);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', c.kind);
    expect(check).toMatchObject({ ok: 1, errors: 0 });
    expect(column(rt, sheet, 'Push status')).toEqual(['OK']);
    expect(column(rt, sheet, 'Push message')).toEqual([`Ready to push. ${EARLIER}`]);
    // Kept, not lost: it is still when the row was last sent.
    expect(pushedAt(rt, sheet)).toBe(was);

    const again = await follow(rt, await rt.callFromSidebar<PushView>('startPush', c.kind, `${c.kind}-2`));
    expect(again).toMatchObject({ state: 'done', succeeded: 1 });
    expect(pushedAt(rt, sheet)).toBeGreaterThanOrEqual(was + HOUR);
    expect(String(column(rt, sheet, 'Push message')[0])).not.toContain(EARLIER);
  });
});
