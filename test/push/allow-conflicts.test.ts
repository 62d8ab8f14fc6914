// Allow conflicts through the built bundle. Assembled's bulk items take no allow_conflicts (the Go
// client's ActivityRequest): only the single create does, so a create asking it goes alone and
// keeps what it overlaps, an update asking it is refused on its row, and the rest go in bulk.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { activityStore } from '../../dev/simulator/schedules';
import { removingWords, updatingWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';

async function push(rt: LocalRuntime, key: string): Promise<PushView> {
  let view = await rt.callFromSidebar<PushView>('startPush', 'activities', key);
  for (let i = 0; view.state === 'running' && i < 50; i++) {
    await rt.clock.advanceAsync(view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  return view;
}

/** "2026-06-02 09:30" in the sheet's zone (UTC here) of unix seconds. */
const cell = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 16).replace('T', ' ');

describe.each(['seed', 'live'] as const)('Allow conflicts, %s dialect', (dialect) => {
  it('a create allowing conflicts keeps what it overlaps (single create); an update asking it is refused; the rest go in bulk', async () => {
    const { rt, sim, backend } = await startLocalAddon({
      dialect,
      timezone: 'UTC',
      now: '2026-06-01T12:00:00Z',
    });
    const sent: { url: string; body: string }[] = [];
    rt.setHttp((req) => {
      if (req.method === 'POST') sent.push({ url: req.url, body: req.body ?? '' });
      return backend.http(req);
    });
    const org = sim.admin.org;
    const store = () => activityStore(org);
    const now = Date.parse('2026-06-01T12:00:00Z') / 1000;
    // A shift activity of each of three agents, in the days ahead.
    const ahead = (agent: string) =>
      [...store().values()].find(
        (x) => x.agent_id === agent && x.start_time > now + 86_400 && x.end_time - x.start_time >= 3600,
      );
    const people = org.people.filter((p) => p.staffable && !p.deleted && ahead(p.agent_id));
    const [a, b, c] = people;
    const [x, y, z] = [a, b, c].map((p) => ahead(p?.agent_id ?? ''));
    if (!a || !b || !c || !x || !y || !z) throw new Error('no activities ahead');
    const inside = (t: { start_time: number }) => [cell(t.start_time + 900), cell(t.start_time + 1800)];

    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'activities');
    rt.workbook.write(
      sheet,
      [
        ['create', '', a.email, 'MTG', ...inside(x), 'kept beside', '', 'TRUE'],
        ['create', '', b.email, 'MTG', ...inside(y), 'in place', '', ''],
        ['update', z.id, '', '', '', '', 'asks to keep', '', 'TRUE'],
        // Refused by Assembled on its own call: the other rows go all the same.
        ['create', '', c.email, 'MTG', ...inside(z), 'draft', 'sch_nope', 'TRUE'],
      ],
      { row: 2 },
    );
    rt.workbook.select(`'${sheet}'!A1`);
    const done = await push(rt, `allow-conflicts-${dialect}`);
    expect(done).toMatchObject({ state: 'done', total: 3, invalid: 1, succeeded: 2, failed: 1 });
    const [head = [], ...rows] = rt.workbook.values(sheet);
    const at = (name: string) => head.indexOf(name);
    const outcome = rows.map((r) => [r[at('Push status')], r[at('Push message')]]);
    expect(outcome[0]).toEqual([
      'created',
      "Created in Assembled. Allow conflicts is ticked: the agent's activities it overlaps were kept.",
    ]);
    expect(outcome[1]).toEqual([
      'created',
      expect.stringMatching(
        /^Created in Assembled\. Without Allow conflicts ticked, Assembled deleted any of this agent.s activities that it overlaps, whole,/,
      ),
    ]);
    expect(outcome[2]).toEqual([
      'error',
      expect.stringMatching(
        /^Allow conflicts is ticked, but Assembled keeps overlapping activities only for a create/,
      ),
    ]);
    expect(outcome[3]).toEqual(['error', 'Refused by Assembled: schedule_id: unknown schedule sch_nope']);

    // What each row says is what Assembled holds: a's activity stayed beside the new one, b's is gone.
    expect(store().has(x.id)).toBe(true);
    const made = store().get(String(rows[0]?.[at('Assembled ID')]));
    expect(made).toMatchObject({ agent_id: a.agent_id, description: 'kept beside' });
    expect(store().has(y.id)).toBe(false);
    expect(store().get(z.id)?.description).not.toBe('asks to keep');
    // A create allowing conflicts is a call of its own; the bulk call never carries allow_conflicts.
    const single = sent.filter((r) => /\/v0\/activities$/.test(r.url));
    expect(single.map((r) => JSON.parse(r.body).allow_conflicts)).toEqual([true, true]);
    const bulk = sent.filter((r) => r.url.endsWith('/v0/activities/bulk'));
    expect(bulk).toHaveLength(1);
    expect(bulk[0]?.body).not.toContain('allow_conflicts');
  });

  it('Validate counts only the creates without Allow conflicts ticked: an update cannot keep what it overlaps', async () => {
    const { rt, sim } = await startLocalAddon({ dialect, timezone: 'UTC', now: '2026-06-01T12:00:00Z' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'activities');
    rt.workbook.write(
      sheet,
      [
        ['create', '', a?.email, 'MTG', '2026-06-03 09:00', '2026-06-03 10:00', 'removes', '', ''],
        ['create', '', a?.email, 'MTG', '2026-06-03 11:00', '2026-06-03 12:00', 'keeps', '', 'TRUE'],
        ['update', 'act_1', '', '', '', '', 'moved', '', ''],
        ['update', 'act_2', '', '', '', '', 'moved', '', 'FALSE'],
      ],
      { row: 2 },
    );
    rt.workbook.select(`'${sheet}'!A1`);
    const checked = await rt.callFromSidebar<ValidateSummary>('validatePush', 'activities');
    expect(checked).toMatchObject({ ok: 4, errors: 0, removing: 1, updating: 2 });
    expect(removingWords(checked.removing)).toBe(
      "1 OK create has Allow conflicts not ticked: Assembled deletes any of the agent's activities it overlaps, whole, not just the overlapping part (ticking it keeps them).",
    );
    // Not told to set a TRUE that would be refused on them.
    expect(updatingWords(checked.updating)).toBe(
      "2 OK updates may delete any of their agents' activities their times overlap, whole, not just the overlapping part: Assembled keeps overlaps for a create only.",
    );
  });

  it('a create kept beside what it overlaps, changed after its push, is told to clear Allow conflicts too, and then reads well as an update', async () => {
    const { rt, sim } = await startLocalAddon({ dialect, timezone: 'UTC', now: '2026-06-01T12:00:00Z' });
    const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'activities');
    rt.workbook.write(
      sheet,
      [['create', '', a?.email, 'MTG', '2026-06-03 09:00', '2026-06-03 10:00', 'first', '', 'TRUE']],
      { row: 2 },
    );
    rt.workbook.select(`'${sheet}'!A1`);
    expect(await push(rt, `allow-conflicts-changed-${dialect}`)).toMatchObject({
      state: 'done',
      succeeded: 1,
    });
    const [head = [], row = []] = rt.workbook.values(sheet);
    const at = (name: string) => head.indexOf(name) + 1;
    const id = row[at('Assembled ID') - 1];
    rt.workbook.write(sheet, [['second']], { row: 2, column: at('Description') });
    await rt.callFromSidebar<ValidateSummary>('validatePush', 'activities');
    const message = () => rt.workbook.values(sheet)[1]?.[at('Push message') - 1];
    expect(message()).toBe(
      'Changed since it was pushed: Description was first when pushed; not sent again, so Assembled still has it as it was. To send the change, put update in Action (and the Assembled ID in Activity ID if it is empty), then clear Allow conflicts, Push status and Assembled ID. ' +
        "Assembled's last word on it: Created in Assembled. Allow conflicts is ticked: the agent's activities it overlaps were kept.",
    );
    // Done as it says: the row is an update that reads well.
    rt.workbook.write(sheet, [['update', id]], { row: 2, column: at('Action') });
    rt.workbook.write(sheet, [['']], { row: 2, column: at('Allow conflicts') });
    rt.workbook.write(sheet, [['', '']], { row: 2, column: at('Push status') });
    expect(await rt.callFromSidebar<ValidateSummary>('validatePush', 'activities')).toMatchObject({
      ok: 1,
      errors: 0,
    });
    expect(message()).toMatch(/^Ready to push\. An update cannot keep what it overlaps/);
  });
});
