// A refresh whose table would grow over what someone typed under it is refused, naming each cell in
// the way (a few, then how many more) and saying what fits a refresh: its target cannot be pointed
// elsewhere, so what is typed there is to be moved below the table, or cleared. A pull from the
// sidebar is still told it may pull to another cell or a new sheet.
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { cellName } from '../../src/core/sheet/a1';
import { HOUR, hourlyTeams } from './hourly-teams';
import { pullToEnd } from './pull-to-end';

const card = async (rt: LocalRuntime) => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];

describe('a refresh that would grow its table over cells typed under it', () => {
  it('names each cell in the way and says to move them below the table, to the owner and another editor', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    await hourlyTeams(rt, 'refresh-covering-01');
    await stepUntil(rt, () => rt.workbook.values('Teams').length > 1, 2 * HOUR);
    const table = rt.workbook.values('Teams');
    const under = table.length + 1;
    const last = cellName(under, table[0]?.length ?? 1);
    // Another editor types a total under the table; Assembled then has one team more.
    const editor = rt.asUser('editor@example.com');
    editor.workbook.write('Teams', [['Total']], { row: under, column: 1 });
    editor.workbook.write('Teams', [['=1+1']], { row: under, column: table[0]?.length ?? 1 });
    const { teams } = sim.admin.org;
    teams.push({ ...(teams[0] as (typeof teams)[number]), id: 'team-new', name: 'New team' });
    for (let i = 0; i < 3 && (await card(rt))?.lastRun?.status !== 'failed'; i++)
      await rt.clock.advanceAsync(HOUR);

    const refused = new RegExp(
      `would write over A${under} and ${last} there, which it did not write: row ${under} holds a formula \\(${last}\\), as a total does, so it is not taken in as a row of the table \\(rows typed right under it join it when they hold values alone\\)\\. Move the total below row ${under}, leaving room for the table to grow, or clear it\\. Nothing was written\\.$`,
    );
    for (const viewer of [rt, editor]) expect((await card(viewer))?.lastRun?.message).toMatch(refused);
    const log = rt.workbook.displayValues('Assembled log');
    expect(log.at(-1)?.[7]).toMatch(refused);
    expect(rt.workbook.values('Teams').at(-1)?.[0]).toBe('Total');

    // Pulled from the sidebar, the same table may go elsewhere: said so.
    const pulled = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'sheet', name: 'Teams' },
        mode: 'replace',
      },
      'refresh-covering-02',
    );
    expect(pulled.message).toMatch(
      new RegExp(
        `would write over A${under} and ${last} there, which it did not write: row ${under} holds a formula \\(${last}\\), as a total does, .* Move the total below row ${under}, leaving room for the table to grow, or pull to another cell or a new sheet\\.`,
      ),
    );
  });
});
