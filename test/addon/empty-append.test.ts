// An append or merge that Assembled sends no rows changes nothing, the record of the table's block
// included: the next one that brings rows goes on under the rows already there (append) or finds
// them by their keys (merge), by a pull or a scheduled refresh.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const DAY = 86_400_000;
const B_KEY = 'sk_live_test_editor_b';
const n = (count: number) => count.toLocaleString('en-US');
let keys = 0;
const key = () => `empty-key-${String(++keys).padStart(6, '0')}`;

const acts = (mode: string, from: string, to: string) => ({
  source: { kind: 'resource', resource: 'activities' },
  range: { kind: 'absolute', from, to },
  target: { kind: 'sheet', name: 'Acts' },
  mode,
});
// A range Assembled holds no schedule for.
const NOTHING = ['2028-01-01', '2028-01-02'] as const;

function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  return rt.workbook.displayValues('Assembled log').slice(1);
}

describe('an append or merge of nothing', () => {
  it('append: the next rows go on under the rows already there', async () => {
    const { rt, sim } = await startLocalAddon();
    rt.workbook.addSheet('Acts');
    const first = await pullToEnd(rt, acts('append', '2026-05-11', '2026-05-12'), key());
    expect(first).toMatchObject({ state: 'done' });
    expect(first.rows).toBeGreaterThan(0);
    // An editor's append of nothing: the block's record is the spreadsheet's, not theirs.
    sim.issueKey(B_KEY);
    const editor = rt.asUser('editor@example.com');
    await editor.callFromSidebar('saveSettings', { apiKey: B_KEY, timeFormat: 'iso', apiVersion: '' });
    const none = await pullToEnd(editor, acts('append', ...NOTHING), key());
    expect(none.message).toBe(
      'No rows: Assembled holds nothing yet for 2028-01-01 to 2028-01-02, which lies ahead: schedules may not be planned yet, so Acts!A1 was left as it was.',
    );
    const before = rt.workbook.values('Acts');
    const next = await pullToEnd(rt, acts('append', '2026-05-13', '2026-05-14'), key());
    expect(next.message).toMatch(
      new RegExp(
        `^${n(next.rows)} rows appended below the table in Acts, rows ${n(first.rows + 2)} to ${n(first.rows + next.rows + 1)}`,
      ),
    );
    const after = rt.workbook.values('Acts');
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(1 + first.rows + next.rows);
  });

  it('merge: the next merge finds the rows already there by their keys', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('Acts');
    const first = await pullToEnd(rt, acts('merge', '2026-05-11', '2026-05-12'), key());
    expect(first).toMatchObject({ state: 'done' });
    const before = rt.workbook.values('Acts');
    const none = await pullToEnd(rt, acts('merge', ...NOTHING), key());
    expect(none.message).toContain('was left as it was');
    const again = await pullToEnd(rt, acts('merge', '2026-05-11', '2026-05-12'), key());
    expect(again.message).toBe(
      `${n(first.rows)} rows merged into Acts!A1: ${n(first.rows)} updated, 0 added.`,
    );
    expect(rt.workbook.values('Acts')).toEqual(before);
  });

  it('a scheduled append refresh that gets nothing, then rows, appends them under the rows already there', async () => {
    // A Thursday; the agent works Monday to Friday by day, so a weekend's run gets nothing.
    const { rt, sim } = await startLocalAddon({ now: '2026-05-21T12:00:00Z' });
    const { org } = sim.admin;
    const agent = org.people.find((p) => {
      const plan = org.plans.get(p.agent_id);
      return (
        p.timezone === 'America/Los_Angeles' && plan?.weekdays.join() === '1,2,3,4,5' && plan.startHour <= 9
      );
    });
    rt.workbook.addSheet('Acts');
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'activities' },
          range: { kind: 'relative', preset: 'today' },
          filters: { agent_ids: [agent?.agent_id as string] },
          target: { kind: 'sheet', name: 'Acts' },
          mode: 'append',
        },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      'refresh-empty-1',
    );
    const sizes: number[] = [];
    for (let day = 0; day < 5; day++) {
      await rt.clock.advanceAsync(DAY);
      sizes.push(rt.workbook.values('Acts').length);
    }
    const runs = logRows(rt);
    expect(runs.map((r) => r[4])).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(runs[2]?.[7]).toBe(
      "No rows for 1 agent (the refresh's filters): Assembled holds none for this range and these filters, so Acts!A1 was left as it was.",
    );
    expect(runs[3]?.[7]).toBe('7 rows appended below the table in Acts, rows 9 to 15.');
    expect(sizes).toEqual([8, 8, 8, 15, 22]);
  });
});
