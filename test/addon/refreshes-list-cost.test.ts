// The Scheduled refreshes sidebar lists every card each minute it is open: it reads the
// spreadsheet's sheets once for all of them, not once per card (each read walks every sheet).
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

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
});
