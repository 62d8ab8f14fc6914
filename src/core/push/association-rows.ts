// Platform-ID associations that would leave one platform ID with two agents (Assembled maps a
// platform's events to an agent by that ID, and lets two hold it), or give an agent a second ID on
// a platform (a person holds one ID per platform, so the later replaces the earlier): across the
// sheet's rows, where one of the rows is a mistake and none is sent until it is fixed, since the
// add-on cannot tell which; and against the IDs people hold in Assembled already.
import type { Person } from '../assembled';
import { someOf } from '../count-text';
import { type AgentDirectory, fullName } from './agents';
import type { HeaderMap } from './header';
import { refuseRow, rowsText } from './overlaps';
import type { PushRequest } from './request';
import type { SheetRow } from './sheet-rows';

type Link = { row: SheetRow; agent: string; platform: string; id: string };

function groupBy(links: Link[], key: (l: Link) => string): Link[][] {
  const groups = new Map<string, Link[]>();
  for (const l of links) groups.set(key(l), [...(groups.get(key(l)) ?? []), l]);
  return [...groups.values()];
}

/** The association a request sends, if it sends one. */
function linkOf(row: SheetRow, r: PushRequest | undefined): Link[] {
  return r?.kind === 'associations'
    ? [{ row, agent: r.input.agent_id, platform: r.input.platform, id: r.input.platform_id }]
    : [];
}

/** The rows that would send an association. */
function linksOf(rows: SheetRow[]): Link[] {
  return rows.flatMap((row) => linkOf(row, row.parse?.ok ? row.parse.request : undefined));
}

const columnOf = (map: HeaderMap) => map.headers[map.columns.platform_id ?? -1] || 'Platform ID';
const onPlatform = (agent: string | null, platform: string) => `${agent}\u0000${platform}`;
/** One platform ID: whose it is, in the sheet's rows and in Assembled, is looked up by this. */
const idOn = (platform: string, id: string) => `${platform}\u0000${id}`;

/** `sent`: rows done, with what they sent: a row the same as one is typed twice all the same. */
export function markSharedPlatformIds(
  rows: SheetRow[],
  map: HeaderMap,
  sent: { row: SheetRow; request: PushRequest }[] = [],
): void {
  const column = columnOf(map);
  const links = linksOf(rows);
  const done = sent.flatMap(({ row, request }) => linkOf(row, request));
  // A row typed twice: the first copy is sent (or was: a done one comes first), the others are
  // pointed at it.
  for (const list of groupBy([...done, ...links], (l) => idOn(onPlatform(l.agent, l.platform), l.id))) {
    const [first, ...copies] = list as [Link, ...Link[]];
    for (const { row } of copies.filter((l) => !l.row.done))
      refuseRow(
        row,
        `${column}: the same association as row ${first.row.row}, typed twice: delete this row.`,
      );
  }
  for (const list of groupBy(links, (l) => onPlatform(l.agent, l.platform))) {
    for (const { row, platform, id } of list) {
      const others = list.filter((l) => l.id !== id);
      if (others.length === 0) continue;
      refuseRow(
        row,
        `${column}: the same agent gets another ${platform} ID (${others[0]?.id}) in ${rowsText(others.map((l) => l.row.row))}. A person has one ${platform} ID in Assembled, and a second would replace the first: keep the row that is right.`,
      );
    }
  }
  for (const list of groupBy(links, (l) => idOn(l.platform, l.id))) {
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

/** Who holds the ID, and how it is freed: by a row here for a current agent, else in Assembled. */
function heldText(column: string, { platform, id }: Link, holders: Person[]): string {
  const who = someOf(
    holders.map((p) => `${fullName(p)} (${p.email || p.agent_id || p.id})`),
    3,
  );
  const gone = holders.every((p) => p.deleted);
  const fix = holders.some((p) => p.agent_id && !p.deleted)
    ? `first give them their new ${platform} ID in a row of this sheet, or remove it from them in Assembled`
    : 'remove it from them in Assembled first';
  return `${column}: ${platform} ID ${id} belongs in Assembled to ${who}${gone ? ', who has left' : ''}. A platform ID belongs to one agent: if this one is right, ${fix}.`;
}

/**
 * Against the people in Assembled: a platform ID someone else holds there is refused, unless a row
 * here gives them another ID on that platform (and is sent); a row replacing its agent's own ID
 * notes the one it replaces, said with its outcome. A push's later runs refuse nothing (its rows
 * were fixed when checked) and take the IDs replaced from what its first run read.
 */
export function markHeldPlatformIds(rows: SheetRow[], map: HeaderMap, agents: AgentDirectory): void {
  let links = linksOf(rows);
  if (links.length === 0) return;
  const people = agents.people();
  const holders = new Map<string, Person[]>();
  for (const p of people ?? [])
    for (const [platform, id] of Object.entries(p.platforms)) {
      const k = idOn(platform, id);
      holders.set(k, [...(holders.get(k) ?? []), p]);
    }
  const column = columnOf(map);
  // Until none is refused: a refused row no longer frees the ID its agent holds.
  for (let refused = holders.size > 0; refused; ) {
    const moving = new Set(links.map((l) => onPlatform(l.agent, l.platform)));
    const others = (l: Link) =>
      (holders.get(idOn(l.platform, l.id)) ?? []).filter(
        (p) => p.agent_id !== l.agent && !moving.has(onPlatform(p.agent_id, l.platform)),
      );
    const taken = new Set(links.filter((l) => others(l).length > 0));
    for (const l of taken) refuseRow(l.row, heldText(column, l, others(l)));
    links = links.filter((l) => !taken.has(l));
    refused = taken.size > 0;
  }
  for (const l of links) {
    const held = agents.heldId(l.agent, l.platform);
    if (held === l.id) l.row.holds = true;
    else if (held !== undefined) l.row.replaces = held;
  }
}

/**
 * What a row's outcome adds when it replaces its agent's ID (the old one is gone once sent), or
 * when the agent held that very ID already ("associated" alone would read as a change).
 */
export function replacing(row: SheetRow, sent: boolean): string {
  if (row.holds)
    return sent
      ? ' The agent had this ID already: nothing changed.'
      : ' The agent has this ID already: sending it changes nothing.';
  return row.replaces ? ` It ${sent ? 'replaced' : 'replaces'} ${row.replaces}.` : '';
}
