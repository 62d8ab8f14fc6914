// Across a sheet of platform-ID associations: one platform ID given to two agents (Assembled maps
// a platform's events to an agent by that ID), or one agent given two IDs on a platform (a person
// holds one ID per platform, so the later would replace the earlier). One of the rows is a
// mistake; none is sent until it is fixed, since the add-on cannot tell which.
import type { HeaderMap } from './header';
import { refuseRow, rowsText } from './overlaps';
import type { SheetRow } from './sheet-rows';

type Link = { row: SheetRow; agent: string; platform: string; id: string };

function groupBy(links: Link[], key: (l: Link) => string): Link[][] {
  const groups = new Map<string, Link[]>();
  for (const l of links) groups.set(key(l), [...(groups.get(key(l)) ?? []), l]);
  return [...groups.values()];
}

export function markSharedPlatformIds(rows: SheetRow[], map: HeaderMap): void {
  const links: Link[] = [];
  for (const row of rows) {
    const r = row.parse?.ok ? row.parse.request : undefined;
    if (r?.kind === 'associations')
      links.push({ row, agent: r.input.agent_id, platform: r.input.platform, id: r.input.platform_id });
  }
  const column = map.headers[map.columns.platform_id ?? -1] || 'Platform ID';
  for (const list of groupBy(links, (l) => `${l.agent}\u0000${l.platform}`)) {
    for (const { row, platform, id } of list) {
      const others = list.filter((l) => l.id !== id);
      if (others.length === 0) continue;
      refuseRow(
        row,
        `${column}: the same agent gets another ${platform} ID (${others[0]?.id}) in ${rowsText(others.map((l) => l.row.row))}. A person has one ${platform} ID in Assembled, and a second would replace the first: keep the row that is right.`,
      );
    }
  }
  for (const list of groupBy(links, (l) => `${l.platform}\u0000${l.id}`)) {
    if (new Set(list.map((e) => e.agent)).size < 2) continue;
    for (const { row, agent, platform, id } of list) {
      const others = list.filter((e) => e.agent !== agent).map((e) => e.row.row);
      refuseRow(
        row,
        `${column}: ${platform} ID ${id} is also given to another agent in ${rowsText(others)}. A platform ID belongs to one agent: correct the row that is wrong.`,
      );
    }
  }
}
