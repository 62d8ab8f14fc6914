// Rows sorted without their status columns, through the built bundle: a person selects the data
// columns alone and sorts, so each pushed row's Push status, Assembled ID and note stay where they
// were, beside another row's cells. Each such row says whose cells it now holds (or nearly, edited
// too) and to undo the sort, never to cancel a request that is right, in Validate, Push and Sync
// time off alike; nothing is sent, and undone, the rows say again what they said. Pushed cells
// sorted beside a row never pushed ("not sent", or new) are held back, not sent a second time, and
// the pushed row left holding that row's cells says where its own went.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { validatedWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import type { SyncSummary } from '../../src/core/push/sync-time-off';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

/** The data columns of a time-off template: Agent to Notes. */
const DATA = 6;

async function pushedTimeOff(n: number) {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  // A day each, so no two requests overlap, whoever the agent.
  const day = (i: number) => new Date(Date.UTC(2027, 2, 1 + i)).toISOString().slice(0, 10);
  const rows = Array.from({ length: n }, (_, i) => [
    agents[i % agents.length]?.email,
    day(i),
    day(i),
    'TRUE',
    '',
    `sorted-${i + 2}`,
  ]);
  const sheet = await template(rt, 'time_off', rows);
  const pushed = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sorted-1'));
  expect(pushed).toMatchObject({ state: 'done', succeeded: n });
  const posts = () => sim.stats().byRoute['POST /v0/time_off'] ?? 0;
  /** The data cells of sheet rows `from` (in that order) written to rows 2 on, the status columns left. */
  const sortData = (order: number[]) => {
    const values = rt.workbook.values(sheet);
    rt.workbook.write(
      sheet,
      order.map((r) => (values[r - 1] ?? []).slice(0, DATA)),
      { row: 2 },
    );
  };
  return { rt, sim, sheet, posts, sortData, n };
}

const moved = (from: number) =>
  `This row's cells are what row ${from} was pushed with: the rows look sorted without their Push status columns, which stayed where they were. Nothing was sent, and nothing needs cancelling. Undo the sort (Edit ▸ Undo, or File ▸ Version history if it is too late for that), and sort with every column selected, the Push status columns too. Assembled's last word on it: Created; pending approval in Assembled.`;

describe.skipIf(!built)('pushed rows sorted without their status columns', () => {
  it('say whose cells they hold and to undo the sort, send nothing, and read as before once undone', async () => {
    const { rt, sheet, posts, sortData, n } = await pushedTimeOff(8);
    const before = column(rt, sheet, 'Push message');
    const sent = posts();
    // Rows 3 and 4 swapped, in the data columns only.
    sortData([2, 4, 3, 5, 6, 7, 8, 9]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 0, errors: 0, skipped: n, moved: 2, changed: 0 });
    expect(check.problems).toEqual([`Row 3: ${moved(4)}`, `Row 4: ${moved(3)}`]);
    // Counted and worded as Push counts them, not as changed since pushed.
    expect(validatedWords(check)).toBe(
      `0 OK, 0 to fix, 8 already done, 2 of them moved by a sort that left out the Push status columns (their Push messages say how to undo it), in "${sheet}". Nothing was sent.`,
    );
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages.slice(1, 3)).toEqual([moved(4), moved(3)]);
    expect(messages.join(' ')).not.toMatch(/cancel the request/);
    const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sorted-2'));
    expect(view).toMatchObject({ state: 'done', succeeded: 0, skipped: n });
    expect(view.message).toBe(
      'Finished: 0 created, 8 already done and skipped, 2 of them moved by a sort that left out the Push status columns (their Push messages say how to undo it). See the Push status column.',
    );
    expect(posts()).toBe(sent);
    expect((column(rt, sheet, 'Push message') as string[]).slice(1, 3)).toEqual([moved(4), moved(3)]);
    // Undone, each row is as it was pushed and says what it said.
    sortData([2, 4, 3, 5, 6, 7, 8, 9]);
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off')).toMatchObject({
      changed: 0,
      moved: 0,
    });
    expect(column(rt, sheet, 'Push message')).toEqual(before);
  });

  it('names each row of a sort, one edited too, and still says how to send a row truly changed', async () => {
    const { rt, sheet, posts, sortData, n } = await pushedTimeOff(10);
    const sent = posts();
    // Rows 2 to 10 reversed (row 6 left where it was), then the Notes of row 10 (row 2's cells)
    // and of row 11 (not moved) edited.
    sortData([10, 9, 8, 7, 6, 5, 4, 3, 2, 11]);
    rt.workbook.write(sheet, [['sorted-2 and more'], ['sorted-11 and more']], { row: 10, column: DATA });
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 0, errors: 0, skipped: n, moved: 8, changed: 1 });
    expect(validatedWords(check)).toBe(
      `0 OK, 0 to fix, 10 already done, 8 of them moved by a sort that left out the Push status columns (their Push messages say how to undo it), one of them changed since it was pushed (its Push message says what to do), in "${sheet}". Nothing was sent.`,
    );
    // None to fix: the rows past those listed are not called rows to fix either.
    expect(check.problems.at(-1)).toBe("… and 4 more rows to look at: each one's Push message says what.");
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages.slice(0, 4)).toEqual([10, 9, 8, 7].map(moved));
    expect(messages.slice(5, 8)).toEqual([5, 4, 3].map(moved));
    expect(messages[8]).toBe(
      "This row's cells are what row 2 was pushed with, changed since (Notes was sorted-2 when pushed): the rows look sorted without their Push status columns, which stayed where they were. Nothing was sent. Undo the sort (Edit ▸ Undo, or File ▸ Version history if it is too late for that), and sort with every column selected, the Push status columns too; the row then says what to do about its change. Assembled's last word on it: Created; pending approval in Assembled.",
    );
    expect(messages[9]).toMatch(
      /^Changed since it was pushed: Notes was sorted-11 when pushed; not sent again, so Assembled still has it as it was\. To change it, cancel the request/,
    );
    const view = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'sorted-3'));
    expect(view.problems.at(-1)).toBe("… and 4 more rows to look at: each one's Push message says what.");
    expect(view.message).toBe(
      'Finished: 0 created, 10 already done and skipped, 8 of them moved by a sort that left out the Push status columns (their Push messages say how to undo it), one of them changed since it was pushed (its Push message says what to do). See the Push status column.',
    );
    expect(posts()).toBe(sent);
  });

  it('tell a row moved and edited too whose cells it nearly holds, agent states alike', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    const at = (h: number, m: number) =>
      `2026-05-24 ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const rows = Array.from({ length: 12 }, (_, i) => [
      agents[i % 3]?.email,
      'available',
      '',
      at(i, 0),
      at(i, 15),
      'kustomer',
    ]);
    const sheet = await template(rt, 'agent_states', rows);
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    expect(await push('sorted-states-1')).toMatchObject({ state: 'done', succeeded: 12 });
    const ingests = sim.stats().byRoute['POST /v0/agents/state/bulk'] ?? 0;
    // Row 3's End edited, then the data columns (Agent to Source) sorted alone: row 8 holds row 3's.
    rt.workbook.write(sheet, [[at(1, 20)]], { row: 3, column: 5 });
    const values = rt.workbook.values(sheet);
    const order = Array.from({ length: 12 }, (_, j) => 2 + ((j + 7) % 12));
    rt.workbook.write(
      sheet,
      order.map((r) => (values[r - 1] ?? []).slice(0, 6)),
      { row: 2 },
    );
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check).toMatchObject({ ok: 0, errors: 0, skipped: 12, moved: 12, changed: 0 });
    const messages = column(rt, sheet, 'Push message') as string[];
    expect(messages[6]).toMatch(
      /^This row's cells are what row 3 was pushed with, changed since \(End was 2026-05-24 01:15 when pushed\): the rows look sorted without their Push status columns, which stayed where they were\. Nothing was sent\. Undo the sort \(Edit ▸ Undo, or File ▸ Version history if it is too late for that\), and sort with every column selected, the Push status columns too; the row then says what to do about its change\./,
    );
    expect(messages[7]).toMatch(/^This row's cells are what row 4 was pushed with: /);
    expect(messages.join(' ')).not.toMatch(/Agent was/);
    expect((await push('sorted-states-2')).succeeded).toBe(0);
    expect(sim.stats().byRoute['POST /v0/agents/state/bulk'] ?? 0).toBe(ingests);
    // The sort undone, row 3 is told its edit against its own status.
    rt.workbook.write(
      sheet,
      values.slice(1).map((r) => r.slice(0, 6)),
      { row: 2 },
    );
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states')).toMatchObject({
      moved: 0,
      changed: 1,
    });
    expect(column(rt, sheet, 'Push message')[1]).toMatch(
      /^Changed since it was pushed: End was 2026-05-24 01:15 when pushed; not sent again/,
    );
  });

  it('say so beside the status Sync time off brings', async () => {
    const { rt, sim, sheet, sortData } = await pushedTimeOff(4);
    sortData([3, 2, 4, 5]);
    const ids = column(rt, sheet, 'Assembled ID').map(String);
    sim.admin.decideTimeOff(ids[0] ?? '', 'approved');
    // Row 3, its request as it was, says it holds row 2's cells all the same.
    expect(await rt.callFromSidebar<SyncSummary>('syncTimeOff')).toMatchObject({ updated: 2, changes: 1 });
    expect(column(rt, sheet, 'Push message')[1]).toBe(moved(2));
    expect(column(rt, sheet, 'Push status')[0]).toBe('approved');
    expect(column(rt, sheet, 'Push message')[0]).toBe(
      moved(3).replace('Created; pending approval in Assembled.', 'Approved in Assembled.'),
    );
    // Row 3 (row 2's cells) edited too: Sync names the row it nearly holds, and the edit.
    rt.workbook.write(sheet, [['sorted-2 and more']], { row: 3, column: DATA });
    sim.admin.decideTimeOff(ids[1] ?? '', 'approved');
    expect(await rt.callFromSidebar<SyncSummary>('syncTimeOff')).toMatchObject({ updated: 1 });
    expect(column(rt, sheet, 'Push message')[1]).toMatch(
      /^This row's cells are what row 2 was pushed with, changed since \(Notes was sorted-2 when pushed\): .* Approved in Assembled\.$/,
    );
  });

  it('hold back pushed cells sorted beside a row not sent, and tell the row they left where they went', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    const rows = agents
      .slice(0, 5)
      .map((a) => [a.email, '2026-12-20 09:00', '2026-12-20 17:00', '', '', 'not-sent-sort']);
    const sheet = await template(rt, 'time_off', rows);
    const posts = () => sim.stats().byRoute['POST /v0/time_off'] ?? 0;
    // Assembled down while the push starts; row 4 edited meanwhile, so it ends "not sent".
    rt.setHttp((req) =>
      req.method === 'POST' && /\/v0\/time_off/.test(req.url)
        ? { status: 503, headers: {}, body: '{"error":"down"}', delayMs: 0 }
        : backend.http(req),
    );
    const waiting = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'not-sent-sort-1');
    rt.workbook.write(sheet, [['2026-12-20 16:00']], { row: 4, column: 3 });
    rt.setHttp(backend.http);
    expect(await follow(rt, waiting)).toMatchObject({ state: 'done', done: 4 });
    expect(column(rt, sheet, 'Push status')).toEqual([
      'created',
      'created',
      'not sent',
      'created',
      'created',
    ]);
    const sent = posts();
    const said = column(rt, sheet, 'Push message')[1];
    // Rows 3 and 4 swapped in the data columns alone: row 3's pushed cells beside "not sent".
    const values = rt.workbook.values(sheet);
    rt.workbook.write(
      sheet,
      [3, 2].map((i) => (values[i] ?? []).slice(0, DATA)),
      { row: 3 },
    );
    const held = `This row's cells are what row 3 was pushed with: the rows look sorted without their Push status columns, which stayed where they were. Nothing was sent, as Assembled has them already. Undo the sort (Edit ▸ Undo, or File ▸ Version history if it is too late for that), and sort with every column selected, the Push status columns too; then push again to send what is still to send.`;
    const away = `What this row was pushed with is now in row 4: the rows look sorted without their Push status columns, which stayed where they were. Nothing was sent, and nothing needs cancelling. Undo the sort (Edit ▸ Undo, or File ▸ Version history if it is too late for that), and sort with every column selected, the Push status columns too. Assembled's last word on it: ${said}`;
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 0, errors: 1, skipped: 4, moved: 1, changed: 0 });
    expect(check.problems).toEqual([`Row 3: ${away}`, `Row 4: ${held}`]);
    expect(column(rt, sheet, 'Push message').slice(1, 3)).toEqual([away, held]);
    expect(column(rt, sheet, 'Push message').join(' ')).not.toMatch(/cancel the request/);
    // Sync time off says the same of row 3, which it brings Assembled's news to.
    await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(column(rt, sheet, 'Push message')[1]).toBe(away);
    // Push sends nothing: row 3's request is not made a second time.
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'not-sent-sort-2'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 0, skipped: 4 });
    expect(posts()).toBe(sent);
    expect(column(rt, sheet, 'Push status').slice(1, 3)).toEqual(['created', 'error']);
    // Undone, row 3 says what it said, and row 4's own cells go.
    rt.workbook.write(
      sheet,
      [2, 3].map((i) => (values[i] ?? []).slice(0, DATA)),
      { row: 3 },
    );
    const again = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'not-sent-sort-3'),
    );
    expect(again).toMatchObject({ state: 'done', succeeded: 1, skipped: 4 });
    expect(posts()).toBe(sent + 1);
    expect(column(rt, sheet, 'Push message')[1]).toBe(said);
    expect(column(rt, sheet, 'Push status')).toEqual(['created', 'created', 'created', 'created', 'created']);
  });

  it('say so of agent states sorted beside a new row, the row left not told to change Assembled', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    const state = (i: number) => [
      agents[i]?.email,
      'available',
      '',
      `2026-05-24 0${i}:00`,
      `2026-05-24 0${i}:15`,
      'kustomer',
    ];
    const sheet = await template(rt, 'agent_states', [0, 1, 2].map(state));
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', key));
    expect(await push('states-new-sort-1')).toMatchObject({ state: 'done', succeeded: 3 });
    const ingests = () => sim.stats().byRoute['POST /v0/agents/state/bulk'] ?? 0;
    const sent = ingests();
    // A new row added under them (row 5), then the data columns sorted alone: rows 2 and 5 swapped.
    rt.workbook.write(sheet, [state(3)], { row: 2 });
    rt.workbook.write(sheet, [state(0)], { row: 5 });
    expect(await push('states-new-sort-2')).toMatchObject({ succeeded: 0 });
    expect(ingests()).toBe(sent);
    expect(column(rt, sheet, 'Push message')[3]).toMatch(
      /^This row's cells are what row 2 was pushed with: /,
    );
    expect(column(rt, sheet, 'Push message')[0]).toMatch(/^What this row was pushed with is now in row 5: /);
    expect(column(rt, sheet, 'Push message').join(' ')).not.toMatch(/Changed since it was pushed/);
  });

  it('does not take a row copied over another for a sort: the row copied stands as pushed', async () => {
    const { rt, sheet, sortData } = await pushedTimeOff(4);
    // Row 3's cells pasted over row 2's: row 3 is as pushed, row 2 is changed, and moved nowhere.
    sortData([3, 3, 4, 5]);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ changed: 1, moved: 0 });
    expect(column(rt, sheet, 'Push message')[0]).toMatch(
      /^Changed since it was pushed: .*Start was 2027-03-01.*; not sent again, so Assembled still has it as it was\. To change it, cancel the request/,
    );
  });
});
