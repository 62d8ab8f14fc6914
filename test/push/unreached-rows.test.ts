// The rows a push stopped before reaching, through the built bundle: each says why the push stopped
// and what to do first (a refused key is fixed in Settings before pushing again; an outage waits a
// few minutes), and a row whose last check found a problem keeps it in view.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const SETTINGS = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';
const KEY_WORDS = `not sent | Not sent: Assembled did not accept the API key the push ran with; save a working key in ${SETTINGS}, then push again.`;

type Addon = Awaited<ReturnType<typeof startLocalAddon>>;

/** Each row's Push status and message, "status | message". */
const outcomes = ({ rt }: Addon, sheet: string) => {
  const message = column(rt, sheet, 'Push message');
  return column(rt, sheet, 'Push status').map((s, i) => `${s} | ${message[i]}`);
};

/** Two time-off rows of agents still there, in front. */
async function timeOff(addon: Addon, note: string): Promise<string> {
  const [a, b] = addon.sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
  return template(addon.rt, 'time_off', [
    [a?.email, '2026-07-01', '', 'TRUE', 'pto', note],
    [b?.email, '2026-07-02', '', 'TRUE', 'pto', note],
  ]);
}

describe.skipIf(!built)('rows a push stopped before reaching', () => {
  it('say the key was refused, and to save a working one, when Assembled refused it before the rows were read', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const sheet = await timeOff(addon, 'key refused first');
    addon.sim.revokeKey(addon.key);
    const view = await follow(
      addon.rt,
      await addon.rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-key-1'),
    );
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(/^Assembled did not accept the API key/);
    expect(outcomes(addon, sheet)).toEqual([KEY_WORDS, KEY_WORDS]);
  });

  it('keep what the last check found (a problem, or already in Assembled) when the key is refused before the rows are checked', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const [jose, ines, siobhan, ava] = sim.admin.org.people.filter(
      (p) => !p.deleted && p.staffable && p.email,
    );
    if (!jose || !ines || !siobhan || !ava) throw new Error('no agents');
    const sheet = await template(rt, 'associations', [
      [jose.email, 'zendesk', ines.platforms.zendesk],
      [siobhan.email, 'Zendesk', siobhan.platforms.zendesk],
    ]);
    const first = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'unreached-verdict-1'),
    );
    expect(first).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    const checked = outcomes(addon, sheet);
    expect(checked[0]).toMatch(/^error \| Platform ID: zendesk ID \d+ belongs in Assembled to /);
    expect(checked[1]).toMatch(/^already in Assembled \| /);
    // A row to send, then the key refused: the push cannot read people, so checks no row.
    rt.workbook.write(sheet, [[ava.email, 'zendesk', '700000001']], { row: 4 });
    sim.revokeKey(addon.key);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'associations', 'unreached-verdict-2'),
    );
    expect(view).toMatchObject({ state: 'failed', done: 0 });
    expect(outcomes(addon, sheet)).toEqual([...checked, KEY_WORDS]);
  });

  it('say the key was refused when Assembled refused it on the first send', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const sheet = await timeOff(addon, 'key refused on send');
    addon.rt.setHttp((request) => {
      if (request.method === 'POST') addon.sim.revokeKey(addon.key);
      return addon.backend.http(request);
    });
    const view = await follow(
      addon.rt,
      await addon.rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-key-2'),
    );
    expect(view).toMatchObject({ state: 'failed', done: 0 });
    expect(outcomes(addon, sheet)).toEqual([KEY_WORDS, KEY_WORDS]);
  });

  it('say Assembled had a server error before they were checked, and to push again in a few minutes', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const sheet = await timeOff(addon, 'outage');
    addon.sim.setFaults({ force5xx: 1_000_000 });
    let view = await addon.rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-down-1');
    // Polled as the sidebar polls, until the push gives Assembled up (half an hour of tries).
    for (let i = 0; view.state === 'running' && i < 1_000; i++) view = await follow(addon.rt, view);
    expect(view.message).toMatch(/^Stopped: Assembled failed \d+ tries in a row/);
    const down =
      'not sent | Not sent: Assembled had a server error (HTTP 503) before this row was checked; push again in a few minutes.';
    expect(outcomes(addon, sheet)).toEqual([down, down]);
  });

  it('say the push was stopped when Stop was pressed, keeping a problem the last check found', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    const left = sim.admin.org.people.find((p) => p.deleted && p.email);
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2026-07-01', '', 'TRUE', 'pto', 'fine'],
      [left?.email, '2026-07-02', '', 'TRUE', 'pto', 'left'],
    ]);
    const first = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-stop-1'),
    );
    expect(first).toMatchObject({ state: 'done', succeeded: 1, invalid: 1 });
    const problem = String(column(rt, sheet, 'Push message')[1]);
    expect(problem).toMatch(/has left the organisation \(deleted in Assembled\): delete the row/);
    // A row to send, then Assembled down: the push waits to read the rows, and is stopped.
    rt.workbook.write(sheet, [[a?.email, '2026-07-03', '', 'TRUE', 'pto', 'new']], { row: 4 });
    sim.setFaults({ force5xx: 1_000_000 });
    const waiting = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-stop-2');
    expect(waiting).toMatchObject({ state: 'running', preparing: true });
    const wait =
      'waiting | Not sent yet: the push checks this row, and sends it if it reads well, once Assembled answers.';
    const lastCheck = ` The last check of this row said: ${problem}`;
    expect(outcomes(addon, sheet).slice(1)).toEqual([`${wait}${lastCheck}`, wait]);
    await rt.callFromSidebar<PushView>('stopPush', waiting.id);
    const stopped = 'not sent | Not sent: the push was stopped before this row; push again to send it.';
    expect(outcomes(addon, sheet).slice(1)).toEqual([`${stopped}${lastCheck}`, stopped]);
    // Stopped again: the problem is still the last check's, said once.
    const again = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-stop-3');
    await rt.callFromSidebar<PushView>('stopPush', again.id);
    expect(outcomes(addon, sheet).slice(1)).toEqual([`${stopped}${lastCheck}`, stopped]);
    // Once Assembled answers, the push checks the row again and says what it finds now.
    sim.setFaults({});
    const done = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-stop-4'),
    );
    expect(done).toMatchObject({ state: 'done', succeeded: 1, invalid: 1 });
    expect(outcomes(addon, sheet).slice(1)).toEqual([
      `error | ${problem}`,
      expect.stringMatching(/^created \| /),
    ]);
  });

  it('keep Assembled’s refusal beside a row unchanged since it was refused', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const { rt, sim } = addon;
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
    const sheet = await template(rt, 'state_edits', [
      ['delete', 'bogus-state-id'],
      ['delete', 'another-bogus-id'],
    ]);
    const first = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'unreached-refused-1'),
    );
    expect(first).toMatchObject({ state: 'done', failed: 2 });
    const refused = outcomes(addon, sheet);
    const gone = (id: string) =>
      `Assembled holds no state with the id "${id}": it may have been deleted since, or the id is mistyped. Clear this row's Action, then pull the Agent-state edit history again to see what Assembled holds.`;
    expect(refused[0]).toBe(`error | ${gone('bogus-state-id')}`);
    // Row 3 changed since: its refusal no longer speaks of it as it stands.
    rt.workbook.write(sheet, [['third-bogus-id']], { row: 3, column: 2 });
    rt.workbook.write(
      sheet,
      [['insert', '', a?.email, 'lunch', '', '2026-05-25 06:00', '2026-05-25 07:00', 'five9']],
      { row: 4 },
    );
    sim.setFaults({ force5xx: 1_000_000 });
    const waiting = await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'unreached-refused-2');
    expect(waiting).toMatchObject({ state: 'running', preparing: true });
    await rt.callFromSidebar<PushView>('stopPush', waiting.id);
    const stopped = 'not sent | Not sent: the push was stopped before this row; push again to send it.';
    expect(outcomes(addon, sheet)).toEqual([
      refused[0],
      `${stopped} The last check of this row said: ${gone('another-bogus-id')}`,
      stopped,
    ]);
    // Validate still knows Assembled refused row 2 as it stands.
    sim.setFaults({});
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'state_edits');
    expect(check.problems[0]).toMatch(
      /^Row 2: Refused by Assembled when last pushed, and not changed since: /,
    );
  });
});
