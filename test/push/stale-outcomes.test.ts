// A push speaks of its rows as Push found them, through the built bundle: Validate's words beside a
// row fixed since (a state misspelt, an unknown agent, an overlap with a row deleted since) do not
// outlive Push as its own, whether it read the rows, waits to read them, or was stopped before it
// could; a push that never read them keeps the problem in view as the last check's.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** A sheet of agent states: row 2 ingested, then rows 3-6 marked to fix by Validate, and mended. */
async function mendedAfterValidate() {
  const addon = await startLocalAddon({ dialect: 'live' });
  const { rt, sim } = addon;
  const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  if (!a || !b) throw new Error('no agents');
  const state = (who: string, name: string, start: string, end: string) => [
    who,
    name,
    '',
    `2026-05-24 ${start}`,
    `2026-05-24 ${end}`,
    'kustomer',
  ];
  const sheet = await template(rt, 'agent_states', [state(a.email, 'available', '08:00', '09:00')]);
  const first = await follow(
    rt,
    await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'stale-push-0'),
  );
  expect(first).toMatchObject({ state: 'done', succeeded: 1 });
  rt.workbook.write(
    sheet,
    [
      state(a.email, 'availble', '10:00', '11:00'),
      state('nobody@example.com', 'available', '10:00', '11:00'),
      state(b.email, 'lunch', '12:00', '13:00'),
      state(b.email, 'break', '12:30', '13:30'),
    ],
    { row: 3 },
  );
  const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
  expect(check).toMatchObject({ ok: 0, errors: 4, skipped: 1 });
  const said = column(rt, sheet, 'Push message');
  expect(said[1]).toMatch(/"availble" is not a state/);
  expect(said[2]).toMatch(/nobody@example\.com/);
  expect(said[4]).toMatch(/row 5/);
  // Row 3's state spelt right, row 4 given a known agent, row 5 deleted: row 6 moves up to row 5.
  rt.workbook.write(sheet, [['available']], { row: 3, column: 2 });
  rt.workbook.write(sheet, [[b.email]], { row: 4, column: 1 });
  rt.workbook.deleteRows(sheet, 5);
  return { ...addon, sheet };
}

/** Each row's Push status and message, "status | message". */
const outcomes = (rt: Awaited<ReturnType<typeof startLocalAddon>>['rt'], sheet: string) => {
  const message = column(rt, sheet, 'Push message');
  return column(rt, sheet, 'Push status').map((s, i) => `${s} | ${message[i]}`);
};

describe.skipIf(!built)("a push's words beside rows changed since Validate", () => {
  it('are rewritten when Push cannot read the rows (Assembled down), and again when it is stopped', async () => {
    const { rt, sim, sheet } = await mendedAfterValidate();
    const ingested = outcomes(rt, sheet)[0];
    expect(ingested).toMatch(/^ingested \| /);
    sim.setFaults({ errorRate: 1 });
    const waiting = await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'stale-push-1');
    expect(waiting).toMatchObject({ state: 'running', preparing: true, done: 0 });
    // Waiting, not "not sent", which reads as final: the push may still send it.
    const wait =
      'waiting | Not sent yet: the push checks this row, and sends it if it reads well, once Assembled answers.';
    // What Validate found, said as the last check's: the push has not read the rows to know better.
    const said = [
      'State: "availble" is not a state Assembled knows; did you mean "available"? If it is a state new to Assembled, write new: availble.',
      'Agent: no agent in Assembled has the id, email or full name "nobody@example.com". Check the spelling. If they are not in Assembled yet, add them there first, then Validate again.',
      expect.stringMatching(/^Start: overlaps row 5, /),
    ];
    /** Rows 3-5's words, and the last check's after them. */
    const split = () =>
      outcomes(rt, sheet)
        .slice(1)
        .map((o) => o.split(' The last check of this row said: '));
    expect(outcomes(rt, sheet)[0]).toBe(ingested);
    expect(split()).toEqual(said.map((s) => [wait, s]));
    const stopped = await rt.callFromSidebar<PushView>('stopPush', waiting.id);
    expect(stopped.message).toMatch(/^Stopped: no row was sent/);
    const unread = 'not sent | Not sent: the push was stopped before this row; push again to send it.';
    // The row pushed before keeps its outcome.
    expect(outcomes(rt, sheet)[0]).toBe(ingested);
    expect(split()).toEqual(said.map((s) => [unread, s]));
  });

  it('are rewritten as soon as Push has read the rows, before any is sent', async () => {
    const { rt, sheet, backend } = await mendedAfterValidate();
    // Assembled refuses the states sent, so the push waits with every row read and none sent.
    rt.setHttp((req) =>
      req.method === 'POST' && /\/agents\/state/.test(req.url)
        ? { status: 503, headers: {}, body: '{"error":"down"}', delayMs: 0 }
        : backend.http(req),
    );
    const waiting = await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'stale-push-2');
    expect(waiting).toMatchObject({ state: 'running', preparing: false, done: 0, total: 3 });
    const ready = 'OK | Ready to push.';
    expect(outcomes(rt, sheet).slice(1)).toEqual([ready, ready, ready]);
    // Row 5 emptied while the push waits, then Stop: nothing is left beside it (the sheet ends at row 4).
    rt.workbook.write(sheet, [['', '', '', '', '', '']], { row: 5 });
    await rt.callFromSidebar<PushView>('stopPush', waiting.id);
    const before = 'not sent | Not sent: the push was stopped before this row; push again to send it.';
    expect(outcomes(rt, sheet).slice(1)).toEqual([before, before]);
  });
});
