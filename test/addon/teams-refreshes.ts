// Scheduled refreshes of the teams list, each replacing its own block of one sheet "Teams" (a place
// has one refresh), daily at 06:00: what the Scheduled refreshes sidebar's listing is measured on
// (bench/dispatch.bench.ts, refreshes-list-cost.test.ts).
import type { LocalRuntime } from '../../dev/gas';

/** Where refresh `i` writes: blocks 20 rows apart, room for the 8 teams and their header. */
export const teamsBlock = (i: number) => ({ kind: 'cell', sheet: 'Teams', a1: `A${1 + i * 20}` });

export const teamsSpec = (i: number) => ({
  source: { kind: 'resource', resource: 'teams' },
  target: teamsBlock(i),
  mode: 'replace',
});

/**
 * Saves refreshes `from` to `to` (not included) into the sheet "Teams", which must be there. An
 * editor may keep 20, so refreshes 0 to 19 are the first of `editors`', 20 to 39 the second's, ….
 */
export async function saveTeamsRefreshes(
  editors: readonly LocalRuntime[],
  from: number,
  to: number,
  keyPrefix: string,
): Promise<void> {
  for (let i = from; i < to; i++) {
    const editor = editors[Math.floor(i / 20)] ?? editors[0];
    await editor?.callFromSidebar(
      'saveRefresh',
      { spec: teamsSpec(i), frequency: { kind: 'daily', hour: 6 }, notifyByEmail: false },
      `${keyPrefix}-${String(i).padStart(4, '0')}`,
    );
  }
}
