// Where a State ID comes from, through the built bundle against the live dialect: an ingested state
// has none a sheet can learn (the state list carries no id, the edit history lists only edits), so
// a changed ingested row says it is changed in Assembled itself; a state inserted with Agent-state
// edits is found by its Assembled ID or an edit history pull's State ID column, as the State ID
// header note says, and an update by that id goes through.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { pullToEnd } from '../addon/pull-to-end';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

const pull = (resource: string, name: string) => ({
  source: { kind: 'resource', resource },
  range: { kind: 'absolute', from: '2026-05-24', to: '2026-05-24' },
  filters: {},
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});

describe.skipIf(!built)('where a State ID comes from', () => {
  it('is nowhere for an ingested state: a changed row says to change it in Assembled itself', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const sheet = await template(rt, 'agent_states', [
      [a.email, 'meeting', '', '2026-05-24 09:00', '2026-05-24 10:00', 'kustomer'],
    ]);
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'ingest-id-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 1 });
    expect(column(rt, sheet, 'Assembled ID')).toEqual(['']);
    // What the words rest on: the state list has no ID column, the edit history no record.
    await pullToEnd(rt, pull('agent_states', 'States'), 'ingest-id-states');
    expect(rt.workbook.values('States')[0]).not.toContain('ID');
    expect(sim.admin.org.edits).toEqual([]);

    rt.workbook.write(sheet, [['2026-05-24 10:30']], { row: 2, column: 5 });
    rt.workbook.select(`'${sheet}'!A1`);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check.changed).toBe(1);
    const [said = ''] = check.problems;
    expect(said).toContain(
      "Pushed again, it would add a second state. Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself.",
    );
    expect(said).not.toContain('State ID');
  });

  it('is the inserting row or an edit history pull for an inserted one, as the header note says', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const sheet = await template(rt, 'state_edits', [
      ['insert', '', a.email, 'lunch', '', '2026-05-24 12:00', '2026-05-24 13:00', 'five9'],
    ]);
    const [head = []] = rt.workbook.values(sheet);
    expect(rt.workbook.notes(sheet)[0]?.[head.indexOf('State ID')]).toBe(
      "Optional. The state record to update or delete: the Assembled ID of the Agent-state edits row that inserted it, or the State ID column of an Agent-state edit history pull (it lists the states inserted or edited with Agent-state edits). Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself. Empty for insert.",
    );
    const pushed = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'insert-id-1'),
    );
    expect(pushed).toMatchObject({ state: 'done', succeeded: 1 });
    const [id] = column(rt, sheet, 'Assembled ID');
    expect(id).toMatch(/\S/);
    // The edit history's range is when the edits were made: none asks for all of it.
    const { range: _, ...history } = pull('edit_history', 'History');
    await pullToEnd(rt, history, 'insert-id-history');
    expect(column(rt, 'History', 'State ID')).toEqual([id]);

    // That id updates the state.
    rt.workbook.write(
      sheet,
      [['update', id, a.email, 'lunch', '', '2026-05-24 12:00', '2026-05-24 13:30', 'five9']],
      {
        row: 3,
      },
    );
    rt.workbook.select(`'${sheet}'!A1`);
    const update = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'state_edits', 'insert-id-2'),
    );
    expect(update).toMatchObject({ state: 'done', succeeded: 1 });
    expect(column(rt, sheet, 'Push status')).toEqual(['inserted', 'updated']);
  });
});
