// The Push rows sidebar reopened after a push ended shows how it ended, with the rows it listed to
// fix: through the built bundle, rows inserted above them or a sort since move them, and each is
// named where it is now (its Push message says the listed words), not at the number it had. A row
// no longer saying them is said to be as numbered at the push.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushOptions, PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('the last push shown again in the reopened sidebar', () => {
  it('names each row it listed where that row is now, after an insert and a sort', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    const row = (agent: unknown, day: number) => [
      agent,
      `2026-12-0${day}`,
      `2026-12-0${day}`,
      'TRUE',
      '',
      '',
    ];
    const sheet = await template(rt, 'time_off', [
      row(agents[0]?.email, 1),
      row('ghost1@example.com', 2),
      row(agents[1]?.email, 3),
      row('ghost2@example.com', 4),
    ]);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'reopened-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 2, invalid: 2 });
    const [ghost1, ghost2] = pushed.problems.map((p) => p.replace(/^Row \d+: /, ''));
    expect(pushed.problems).toEqual([`Row 3: ${ghost1}`, `Row 5: ${ghost2}`]);
    expect(ghost2).toMatch(/^Agent: no agent in Assembled has .*"ghost2@example\.com"/);
    const shown = async () => (await rt.callFromSidebar<PushOptions>('getPushOptions')).last?.problems;
    expect(await shown()).toEqual(pushed.problems);

    // Two rows inserted above them: each is named two rows lower.
    rt.workbook.insertRows(sheet, 2, 2);
    expect(await shown()).toEqual([`Row 5: ${ghost1}`, `Row 7: ${ghost2}`]);

    // The whole table sorted by Start, latest first, status columns and all: ghost2 first.
    rt.workbook.sortRange(`'${sheet}'!A2:J7`, [{ column: 2, ascending: false }]);
    const messages = column(rt, sheet, 'Push message');
    expect([messages.indexOf(ghost2) + 2, messages.indexOf(ghost1) + 2]).toEqual([2, 4]);
    expect(await shown()).toEqual([`Row 2: ${ghost2}`, `Row 4: ${ghost1}`]);

    // ghost1's row fixed and checked again: no row says its words now, so its line says it is
    // numbered as at the push.
    rt.workbook.write(sheet, [[agents[2]?.email]], { row: 4 });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({ ok: 1 });
    const [first, second] = (await shown()) ?? [];
    expect(first).toBe(`Row 2: ${ghost2}`);
    expect(second).toMatch(
      /^Row 3 at the push ended \d{4}-\d\d-\d\d \d\d:\d\d \(no row says this now\): Agent: /,
    );
    expect(second?.endsWith(ghost1 ?? '-')).toBe(true);
  });
});
