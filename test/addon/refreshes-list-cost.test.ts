// The Scheduled refreshes sidebar lists every card each minute it is open: it reads the
// spreadsheet's sheets once for all of them, not once per card (each read walks every sheet), and
// no card reads its sheet (a replace's notes typed beside its table are kept on its record).
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';
import { editor } from './second-editor';
import { saveTeamsRefreshes, teamsBlock, teamsSpec } from './teams-refreshes';

async function saveRefreshes(rt: LocalRuntime, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    rt.workbook.addSheet(`Teams ${i + 1}`);
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name: `Teams ${i + 1}` },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 6 },
        notifyByEmail: false,
      },
      `list-cost-${String(i).padStart(6, '0')}`,
    );
  }
}

/** Spreadsheet calls of one listing, and the cards it gave. */
async function listing(rt: LocalRuntime): Promise<{ calls: number; cards: RefreshView[] }> {
  rt.counters.reset();
  const cards = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
  return { calls: rt.counters.spreadsheet.calls, cards };
}

describe('the refreshes sidebar, listing its cards', () => {
  it('reads the sheets once for all cards: eighteen cards more cost only the listing of their eighteen sheets', async () => {
    const { rt } = await startLocalAddon();
    await saveRefreshes(rt, 0, 2);
    const two = await listing(rt);
    await saveRefreshes(rt, 2, 20);
    // One renamed, one deleted: each card still says so from the one list.
    rt.workbook.renameSheet('Teams 3', 'Team list');
    rt.workbook.deleteSheet('Teams 4');
    const twenty = await listing(rt);
    expect(twenty.cards).toHaveLength(20);
    // 18 sheets more, each listed once by its id and name; read per card it was 500 calls more.
    expect(twenty.calls - two.calls).toBeLessThanOrEqual(2 * 18 + 2);
    const [renamed, deleted] = twenty.cards.slice(2, 4);
    expect(renamed).toMatchObject({ targetGone: '' });
    expect(renamed?.target).toContain('Team list');
    expect(deleted?.targetGone).toMatch(/^It cannot run: /);
  });

  it('costs no more for 40 replace cards than for 10, some with notes typed beside their table', async () => {
    const addon = await startLocalAddon();
    const { rt } = addon;
    rt.workbook.addSheet('Teams');
    const editors = [rt, await editor(addon, 'editor2@example.com')];
    // A table pulled at blocks 3 and 25, a Notes column typed beside each: their cards say so.
    const noted = [3, 25];
    for (const i of noted)
      expect((await pullToEnd(rt, teamsSpec(i), `list-cost-pull-${i}`)).state).toBe('done');
    const width = rt.workbook.values('Teams')[0]?.length ?? 0;
    for (const i of noted)
      rt.workbook.write('Teams', [['Notes'], ['ok'], [''], ['late twice']], {
        row: 1 + i * 20,
        column: width + 1,
      });
    await saveTeamsRefreshes(editors, 0, 10, 'list-cost-teams');
    const ten = await listing(rt);
    await saveTeamsRefreshes(editors, 10, 40, 'list-cost-teams');
    for (const viewer of editors) {
      const forty = await listing(viewer);
      expect(forty.cards).toHaveLength(40);
      // The same for any number of cards: read per card, 10 cost 168 calls and 40 cost 520.
      expect(forty.calls).toBe(ten.calls);
      const said = forty.cards.filter((c) => c.notesBeside).map((c) => c.target);
      expect(said).toEqual(noted.map((i) => `Teams!${teamsBlock(i).a1}`));
    }
    // Its sheets listed once (12 calls here); the bench's 50 cards among 14 sheets cost 34.
    expect(ten.calls).toBeLessThanOrEqual(34);
  });
});
