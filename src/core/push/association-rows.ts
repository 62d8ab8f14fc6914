// Across a sheet of platform-ID associations: one platform ID given to two agents. Assembled maps
// a platform's events to an agent by that ID, so one of the rows is a mistake; neither is sent
// until it is fixed, since the add-on cannot tell which.
import type { HeaderMap } from './header';
import { refuseRow, rowsText } from './overlaps';
import type { SheetRow } from './sheet-rows';

export function markSharedPlatformIds(rows: SheetRow[], map: HeaderMap): void {
  const groups = new Map<string, { row: SheetRow; agent: string }[]>();
  for (const row of rows) {
    const r = row.parse?.ok ? row.parse.request : undefined;
    if (r?.kind !== 'associations') continue;
    const key = `${r.input.platform}\u0000${r.input.platform_id}`;
    groups.set(key, [...(groups.get(key) ?? []), { row, agent: r.input.agent_id }]);
  }
  const column = map.headers[map.columns.platform_id ?? -1] || 'Platform ID';
  for (const [key, list] of groups) {
    if (new Set(list.map((e) => e.agent)).size < 2) continue;
    const [platform, id] = key.split('\u0000');
    for (const { row, agent } of list) {
      const others = list.filter((e) => e.agent !== agent).map((e) => e.row.row);
      refuseRow(
        row,
        `${column}: ${platform} ID ${id} is also given to another agent in ${rowsText(others)}. A platform ID belongs to one agent: correct the row that is wrong.`,
      );
    }
  }
}
