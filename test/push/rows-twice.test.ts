// Rows typed twice in the kinds whose rows carry no id of their own, through the built bundle in
// the local runtime: caught by Validate and never sent, as in every other kind.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { activityStore } from '../../dev/simulator/schedules';
import { clearWords } from '../../src/core/push/clear-rows';
import { clearingWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template, validateTemplate } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('rows typed twice', () => {
  it('a state typed twice is refused below the first, which alone goes; states that overlap are both refused', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const a = sim.admin.org.people.find((p) => !p.deleted && p.staffable);
    if (!a) throw new Error('no agents');
    const state = (name: string, from: string, to: string) => [
      a.email,
      name,
      'phone',
      `2026-05-24 ${from}`,
      `2026-05-24 ${to}`,
      'zendesk',
    ];
    const first = state('available', '09:00', '10:00');
    const meeting = state('meeting', '14:00', '15:00');
    const clash = state('busy', '09:30', '10:30');
    // Row 2's End runs past row 5's start, which lies inside row 2.
    const overlaps = (row: number, field: string) =>
      `${field}: overlaps row ${row}, a state of the same agent from the same source: an agent is in one state at a time on a platform. Correct the times of the row that is wrong, or delete a row typed twice.`;
    const said = [
      `Row 2: ${overlaps(5, 'End')}`,
      'Row 4: The same state as row 3, typed twice: delete this row.',
      `Row 5: ${overlaps(2, 'Start')}`,
    ];
    const { sheet, check } = await validateTemplate(rt, 'agent_states', [first, meeting, meeting, clash]);
    expect(check).toMatchObject({ ok: 1, errors: 3, problems: said });

    // State edits' inserts place states too, and say the same.
    const insert = (row: unknown[]) => ['insert', '', ...row];
    const edits = await validateTemplate(rt, 'state_edits', [first, meeting, meeting, clash].map(insert));
    expect(edits.check).toMatchObject({ ok: 1, errors: 3, problems: said });

    // The clash moved out of the way, the rest go but the copy.
    rt.workbook.select(`'${sheet}'!A1`);
    rt.workbook.write(sheet, [['2026-05-24 11:00', '2026-05-24 12:00']], { row: 5, column: 4 });
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'states-twice-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 3, invalid: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['ingested', 'ingested', 'error', 'ingested']);
  });

  it('a time-off request or a state typed twice is the same as its first copy once that is pushed, not an overlap of it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const a = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const push = async (kind: string, key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', kind, key));
    // Pushed, then Validate and Push again: the copy says what it said, its first copy pushed now.
    const twiceThenPushed = async (kind: string, row: unknown[], what: string) => {
      const sheet = await template(rt, kind, [row, row]);
      expect(await push(kind, `${kind}-twice-1`)).toMatchObject({ state: 'done', succeeded: 1, invalid: 1 });
      expect(column(rt, sheet, 'Push message')[1]).toBe(
        `The same ${what} as row 2, typed twice: delete this row.`,
      );
      const pushed = `The same ${what} as row 2, pushed already: delete this row.`;
      const check = await rt.callFromSidebar<ValidateSummary>('validatePush', kind);
      expect(check).toMatchObject({ ok: 0, errors: 1, problems: [`Row 3: ${pushed}`] });
      expect(await push(kind, `${kind}-twice-2`)).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
      expect(column(rt, sheet, 'Push message')[1]).toBe(pushed);
    };
    await twiceThenPushed('time_off', [a.email, '2026-06-10', '', 'TRUE', 'pto', ''], 'time off');
    await twiceThenPushed(
      'agent_states',
      [a.email, 'available', 'phone', '2026-05-24 09:00', '2026-05-24 10:00', 'zendesk'],
      'state',
    );
  });

  it('an association typed twice keeps its verdict once its first copy is done, push after push', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b) throw new Error('no agents');
    const link = [a.email, 'intercom', '5999001'];
    const sheet = await template(rt, 'associations', [link, [b.email, 'intercom', '5999002'], link]);
    const twice = 'Platform ID: the same association as row 2, typed twice: delete this row.';
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'associations', key));
    expect(await push('assoc-twice-1')).toMatchObject({ state: 'done', succeeded: 2, invalid: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['associated', 'associated', 'error']);
    expect(column(rt, sheet, 'Push message')[2]).toBe(twice);
    const posts = () => sim.stats().byRoute['POST /v0/agents/associations'] ?? 0;
    const sent = posts();

    // Its first copy done, the row is still typed twice: Validate and Push say so again.
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'associations');
    expect(check).toMatchObject({ ok: 0, errors: 1, problems: [`Row 4: ${twice}`] });
    expect(await push('assoc-twice-2')).toMatchObject({ state: 'done', succeeded: 0, invalid: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['associated', 'associated', 'error']);
    expect(column(rt, sheet, 'Push message')[2]).toBe(twice);
    expect(posts()).toBe(sent);
  });

  it('a window to clear typed twice is refused below the first, which alone is sent', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    if (!a || !b) throw new Error('no agents');
    const window = [`${a.email}; ${b.email}`, '2026-05-27 10:00', '2026-05-27 14:00', ''];
    const { sheet, check } = await validateTemplate(rt, 'activities_clear', [
      window,
      [a.email, '2026-05-28 10:00', '2026-05-28 14:00', ''],
      [a.email, '2026-05-29 10:00', '2026-05-29 14:00', ''],
      [b.email, '2026-05-27 10:00', '2026-05-27 14:00', ''],
      [`${b.email}, ${a.email}`, '2026-05-27 10:00', '2026-05-27 14:00', ''],
    ]);
    expect(check).toMatchObject({
      ok: 4,
      errors: 1,
      problems: [
        'Row 6: Clears the same window as row 2 (the same Agents, Start, End and Schedule): delete the row typed twice.',
      ],
    });
    const deletes = () => sim.stats().byRoute['DELETE /v0/activities'] ?? 0;
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'activities_clear', 'clear-twice-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 4, invalid: 1 });
    expect(deletes()).toBe(4);
    expect(column(rt, sheet, 'Push status')).toEqual(['cleared', 'cleared', 'cleared', 'cleared', 'error']);
  });
});

describe.skipIf(!built)('Validate of windows to clear', () => {
  it('says what each window would remove, read and not deleted, and that it cannot be undone', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const from = Date.parse('2026-05-27T14:00:00Z') / 1000;
    const to = Date.parse('2026-05-27T18:00:00Z') / 1000;
    const store = () => [...activityStore(sim.admin.org).values()];
    const of = (agent: string) =>
      store().filter((x) => x.agent_id === agent && x.schedule_id === 'sch_master');
    const within = (agent: string) =>
      of(agent).filter((x) => x.start_time >= from && x.end_time <= to).length;
    const a = sim.admin.org.people.find((p) => !p.deleted && p.staffable && within(p.agent_id) > 1);
    if (!a) throw new Error('no agent works that window');
    const inside = within(a.agent_id);
    const cut = of(a.agent_id).filter((x) => x.start_time < to && x.end_time > from).length - inside;
    expect(inside).toBeGreaterThan(1);
    const before = store().length;
    const { sheet, check } = await validateTemplate(rt, 'activities_clear', [
      [a.email, '2026-05-27 10:00', '2026-05-27 14:00', ''],
      [a.email, '2030-01-01 10:00', '2030-01-01 14:00', ''],
    ]);
    expect(check).toMatchObject({ ok: 2, errors: 0 });
    const edges = cut ? `, and cut ${cut} ${cut === 1 ? 'activity' : 'activities'} at its edges` : '';
    expect(column(rt, sheet, 'Push message')).toEqual([
      `Ready to push. Push would remove ${inside} activities of the row's agents in this window${edges}, as the schedule stands now; that cannot be undone.`,
      "Ready to push. The window holds no activity of the row's agents now: Push would remove nothing.",
    ]);
    expect(check.clearing).toEqual({ rows: 2, activities: inside, cut });
    expect(store().length).toBe(before);
    expect(sim.stats().byRoute['DELETE /v0/activities'] ?? 0).toBe(0);

    // Assembled failing the read: the general words, and Validate still checks the rows.
    rt.setHttp((req) =>
      req.method === 'GET' && /\/v0\/activities\?/.test(req.url)
        ? { status: 400, headers: {}, body: '{"error":"no"}', delayMs: 0 }
        : backend.http(req),
    );
    const failing = await rt.callFromSidebar<ValidateSummary>('validatePush', 'activities_clear');
    expect(failing).toMatchObject({ ok: 2, errors: 0, clearing: { rows: 2 } });
    const general =
      "Ready to push. Push removes every activity of the row's agents inside the window (those straddling its edges are cut there), and that cannot be undone.";
    expect(column(rt, sheet, 'Push message')).toEqual([general, general]);
  });
});

describe("the sidebar's words on windows to clear", () => {
  it('say what Push removes, counted or not, of whose and where, and that it cannot be undone', () => {
    expect(clearingWords({ rows: 2, activities: 35, cut: 3 })).toBe(
      "Push would remove 35 activities inside the 2 rows' windows and cut 3 at their edges, as the schedule stands now, and that cannot be undone.",
    );
    // None wholly inside: not "remove 0 activities", beside the row or in the sidebar.
    expect(clearWords({ removed: 0, cut: 1 })).toBe(
      " Push would cut 1 activity of the row's agents at this window's edges and remove none inside it, as the schedule stands now; that cannot be undone.",
    );
    expect(clearingWords({ rows: 1, activities: 0, cut: 1 })).toBe(
      "Push would cut 1 activity at the edges of the row's window and remove none inside it, as the schedule stands now, and that cannot be undone.",
    );
    expect(clearingWords({ rows: 2, activities: 0, cut: 3 })).toBe(
      "Push would cut 3 activities at the edges of the 2 rows' windows and remove none inside them, as the schedule stands now, and that cannot be undone.",
    );
    // Not counted: every activity, of the agents each row names, in that row's window.
    expect(clearingWords({ rows: 1 })).toBe(
      "Push removes every activity of the row's agents inside its window, and that cannot be undone.",
    );
    expect(clearingWords({ rows: 3 })).toBe(
      "Push removes every activity of the row's agents inside the row's window, in each of the 3 rows, and that cannot be undone.",
    );
    expect(clearingWords({})).toBe(
      "Push removes every activity of each row's agents inside that row's window, and that cannot be undone.",
    );
  });
});
