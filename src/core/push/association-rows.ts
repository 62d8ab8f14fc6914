// Platform-ID associations that would leave one platform ID with two agents (Assembled maps a
// platform's events to an agent by that ID, and lets two hold it), or give an agent a second ID on
// a platform (a person holds one ID per platform, so the later replaces the earlier): across the
// sheet's rows, pushed ones too as their cells now read, where one of the rows is a mistake and
// none is sent until it is fixed, since the add-on cannot tell which; and against the IDs people
// hold in Assembled already.

import type { Person } from '../assembled';
import { someOf } from '../count-text';
import { type AgentDirectory, fullName } from './agents';
import { toClearAsNew } from './clear-to-send';
import { type CountedRows, countRow } from './counted-rows';
import type { HeaderMap } from './header';
import { refuseRow, requestOf, rowsText } from './overlaps';
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
// A pushed row's platform reads as typed ("Zendesk", "new: freshdesk" read as freshdesk), a row to
// send's as Assembled spells it (platforms.ts), which differs by case at most.
const onPlatform = (agent: string | null, platform: string) => `${agent}\u0000${platform.toLowerCase()}`;
/** One platform ID: whose it is, in the sheet's rows and in Assembled, is looked up by this. */
const idOn = (platform: string, id: string) => `${platform.toLowerCase()}\u0000${id}`;

const theOthers = (others: Link[]) => (others.length === 1 ? 'the other' : 'the others');

/** "row 2 (222, pushed, changed since)": a row giving the agent another ID, and what it is. */
function otherText({ row, id }: Link): string {
  const pushed = row.done ? `, pushed${row.changed ? ', changed since' : ''}` : '';
  return `row ${row.row} (${id}${pushed})`;
}

/**
 * A row to send giving its agent another ID on a platform than other rows do: pushed rows (as they
 * now read: a changed one's Push message says what to clear to send it) or rows to send.
 */
function secondIdText(column: string, { platform }: Link, others: Link[]): string {
  const rule = `A person has one ${platform} ID in Assembled, and a second would replace the first`;
  // Beside rows pushed as they stand, this row is the agent's new ID or a mistake: either way one
  // deletion leaves one row, and a pushed row deleted changes nothing in Assembled.
  if (others.every((l) => l.row.done && !l.row.changed)) {
    const rows = rowsText(others.map((l) => l.row.row));
    return `${column}: the same agent has another ${platform} ID in ${someOf(others.map(otherText), 3, 'and')}. A person has one ${platform} ID in Assembled: if this row is right, delete ${rows} (that changes nothing in Assembled) and push this one, which replaces their ${platform} ID there; if not, delete this row.`;
  }
  if (!others.some((l) => l.row.done))
    return `${column}: the same agent gets another ${platform} ID (${others[0]?.id}) in ${rowsText(others.map((l) => l.row.row))}. ${rule}: keep the row that is right.`;
  return `${column}: the same agent has another ${platform} ID in ${someOf(others.map(otherText), 3, 'and')}. ${rule} while the sheet kept both: keep the row that is right and delete ${theOthers(others)} (deleting a pushed row changes nothing in Assembled; to send a pushed row's new ID, clear its ${toClearAsNew('associations')}).`;
}

/**
 * `pushed`: rows done, with what their cells now say. One as it was sent is the first copy of a
 * row the same; any gives its agent the ID on its platform that a row to send must agree with, as
 * the sheet shows it (the row changed since is sent by clearing its Push status, and the new row
 * would replace the ID the sheet shows pushed).
 */
export function markSharedPlatformIds(
  rows: SheetRow[],
  map: HeaderMap,
  pushed: { row: SheetRow; request: PushRequest }[] = [],
): void {
  const column = columnOf(map);
  const links = linksOf(rows);
  const done = pushed.flatMap(({ row, request }) => linkOf(row, request));
  for (const l of [...links, ...done]) l.row.link = { on: onPlatform(l.agent, l.platform), id: l.id };
  const sent = done.filter((l) => !l.row.changed);
  // A row typed twice: the first copy is sent (or was: a done one comes first), the others are
  // pointed at it.
  for (const list of groupBy([...sent, ...links], (l) => idOn(onPlatform(l.agent, l.platform), l.id))) {
    const [first, ...copies] = list as [Link, ...Link[]];
    for (const { row } of copies.filter((l) => !l.row.done))
      refuseRow(
        row,
        `${column}: the same association as row ${first.row.row}, typed twice: delete this row.`,
      );
  }
  for (const list of groupBy([...links, ...done], (l) => onPlatform(l.agent, l.platform))) {
    // Pushed rows alone send nothing: a change among them is said when it is to be sent.
    if (list.every((l) => l.row.done)) continue;
    for (const l of list) {
      const others = list.filter((o) => o.id !== l.id).sort((a, b) => a.row.row - b.row.row);
      if (others.length === 0) continue;
      if (!l.row.done) refuseRow(l.row, secondIdText(column, l, others));
      // A pushed row is not sent again; changed, its message says how to send it: a clash first.
      else if (l.row.changed) l.row.clash = clashWords(l, others);
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

/**
 * Pushed rows changed since to what a row pushed later sent (an agent's ID on a platform changed
 * in a pushed row, and a new row giving it that ID pushed): Assembled has them as they now read, by
 * that row, the last pushed for the agent on the platform (by Pushed at), as it was sent. Marks
 * each with that row (SheetRow.sentBy); returns the rows whose mark changed, for a push to say so
 * beside them as soon as the later row is sent.
 */
export function markSentSince(rows: readonly SheetRow[]): SheetRow[] {
  const last = new Map<string, SheetRow>();
  for (const r of rows) {
    const was = r.link && last.get(r.link.on);
    if (r.done && r.link && r.when !== undefined && (was?.when ?? 0) < r.when) last.set(r.link.on, r);
  }
  const marked: SheetRow[] = [];
  for (const r of rows) {
    if (!r.done || !r.changed || !r.link || r.when === undefined) continue;
    const l = last.get(r.link.on);
    const by = l && !l.changed && l.link?.id === r.link.id && (l.when ?? 0) > r.when ? l.row : undefined;
    if (by === r.sentBy) continue;
    if (by === undefined) delete r.sentBy;
    else r.sentBy = by;
    marked.push(r);
  }
  return marked;
}

/** What a pushed row changed since says of the rows giving its agent other IDs on its platform. */
function clashWords({ platform }: Link, others: Link[]): string {
  const ids = someOf([...new Set(others.map((l) => l.id))], 3, 'and');
  const rows = others.map((l) => l.row.row);
  const give = rows.length === 1 ? 'gives' : 'give';
  return ` ${rowsText(rows).replace(/^r/, 'R')} ${give} the same agent another ${platform} ID (${ids}): keep the row that is right and delete ${theOthers(others)}.`;
}

/**
 * Who holds the ID, and how it is freed: by a row here for a current agent, else in Assembled.
 * `pushedIn`: the row of this sheet, pushed as it stands, that gave the one holder the ID. A new row
 * for them is held back beside it, so their new ID goes in that row, sent again once cleared.
 */
function heldText(column: string, { platform, id }: Link, holders: Person[], pushedIn?: number): string {
  const who = someOf(
    holders.map((p) => `${fullName(p)} (${p.email || p.agent_id || p.id})`),
    3,
  );
  const gone = holders.every((p) => p.deleted);
  const fix =
    pushedIn !== undefined
      ? `give them their new ${platform} ID in row ${pushedIn} and clear its ${toClearAsNew('associations')}, or remove it from them in Assembled`
      : holders.some((p) => p.agent_id && !p.deleted)
        ? `first give them their new ${platform} ID in a row of this sheet, or remove it from them in Assembled`
        : 'remove it from them in Assembled first';
  const from = pushedIn !== undefined ? `, pushed from row ${pushedIn}` : gone ? ', who has left' : '';
  return `${column}: ${platform} ID ${id} belongs in Assembled to ${who}${from}. A platform ID belongs to one agent: if this one is right, ${fix}.`;
}

/**
 * Against the people in Assembled: a platform ID someone else holds there is refused, unless a row
 * here gives them another ID on that platform (and is sent); a row replacing its agent's own ID
 * notes the one it replaces, said with its outcome, and one giving its agent the ID it holds is
 * marked (SheetRow.holds): there is nothing to send. A push's later runs refuse nothing (its rows
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
  // Pushed rows as they stand (linked by markSharedPlatformIds), by the agent and ID they gave:
  // the first, as a row typed twice points at it.
  const gave = (on: string, id: string) => `${on}\u0000${id}`;
  const pushedIn = new Map<string, number>();
  for (const { done, changed, link, row } of rows)
    if (done && !changed && link && !pushedIn.has(gave(link.on, link.id)))
      pushedIn.set(gave(link.on, link.id), row);
  const pushedRow = (l: Link, [holder, ...more]: Person[]) =>
    holder && !holder.deleted && more.length === 0
      ? pushedIn.get(gave(onPlatform(holder.agent_id, l.platform), l.id))
      : undefined;
  // Until none is refused: a refused row no longer frees the ID its agent holds.
  for (let refused = holders.size > 0; refused; ) {
    const moving = new Set(links.map((l) => onPlatform(l.agent, l.platform)));
    const others = (l: Link) =>
      (holders.get(idOn(l.platform, l.id)) ?? []).filter(
        (p) => p.agent_id !== l.agent && !moving.has(onPlatform(p.agent_id, l.platform)),
      );
    const taken = new Set(links.filter((l) => others(l).length > 0));
    for (const l of taken) refuseRow(l.row, heldText(column, l, others(l), pushedRow(l, others(l))));
    links = links.filter((l) => !taken.has(l));
    refused = taken.size > 0;
  }
  for (const l of links) {
    const held = agents.heldId(l.agent, l.platform);
    if (held === l.id) l.row.holds = true;
    else if (held !== undefined) l.row.replaces = held;
  }
}

/** What a row's outcome adds when it replaces its agent's ID (the old one is gone once sent). */
export function replacing(row: SheetRow, sent: boolean): string {
  return row.replaces ? ` It ${sent ? 'replaced' : 'replaces'} ${row.replaces}.` : '';
}

/**
 * Rows that replace their agent's ID on the platform (SheetRow.replaces), counted for Validate's
 * and Push's summaries (progress-words.ts replacingWords).
 */
export type Replacing = CountedRows;

/** `counted` with `row` added when it replaces its agent's ID. */
export function countReplacing(counted: Replacing | undefined, row: SheetRow): Replacing | undefined {
  return row.replaces ? countRow(counted, row.row) : counted;
}

/** A row replacing its agent's ID, as Push's question names it (progress-words.ts replaceAskWords). */
export interface ReplacedId {
  row: number;
  /** The agent as the row names them. */
  agent: string;
  platform: string;
  was: string;
  id: string;
}

/** What Push asks of the rows replacing their agent's ID: counted, the first few named. */
export type ReplaceAsk = Replacing & { named: ReplacedId[] };

/**
 * Rows Push's question names with the ID each replaces; more are counted. The question is asked
 * before Validate too, when no Push message names them yet.
 */
const ASK_NAMED = 5;

/**
 * The rows a push would send that replace their agent's ID (Push asks first: the old ID is gone
 * once sent), counted, the first few named; undefined when none.
 */
export function replacedIds(
  rows: readonly SheetRow[],
  agentOf: (row: SheetRow) => string,
): ReplaceAsk | undefined {
  const replacing = rows.filter((r) => !r.done && r.parse?.ok && r.replaces !== undefined);
  let counted: Replacing | undefined;
  for (const row of replacing) counted = countReplacing(counted, row);
  if (!counted) return undefined;
  const named = replacing.slice(0, ASK_NAMED).flatMap((row) => {
    const r = requestOf(row);
    return r?.kind === 'associations'
      ? [
          {
            row: row.row,
            agent: agentOf(row),
            platform: r.input.platform,
            was: row.replaces ?? '',
            id: r.input.platform_id,
          },
        ]
      : [];
  });
  return { ...counted, named };
}

/** The Push message of a row whose agent holds its ID in Assembled already (SheetRow.holds). */
export const HOLDS_ALREADY =
  'The agent has this ID in Assembled already: nothing needs sending, so Push does not send it.';
