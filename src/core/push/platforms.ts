// Which platforms a row may name: those Assembled names (PLATFORMS), those its people hold IDs on,
// and one the sheet says is new ("new: freshdesk", declared-new.ts). Assembled has no list of
// platforms: an association is what adds one (every People pull then gets an ID column for it), so
// any other name is refused as a likely typo. A name is known in any case, but sent as Assembled
// spells it: a platform differing only by case may be a new one there too. An agent state's Source
// is a platform as well, known the same way or by the states Assembled holds on it, and refused the
// same way when not: an ingested state cannot be taken back, so a typo would stay for good.

import type { AgentState } from '../assembled';
import { someOf } from '../count-text';
import type { AgentDirectory } from './agents';
import { closest, didYouMean } from './closest';
import { declaredInSheet, declaredWhere, newWords } from './declared-new';
import type { HeaderMap } from './header';
import { refuseRow, requestOf, saidAsWritten, wordOnRow } from './overlaps';
import { fingerprint, type PushRequest, type StateRecord } from './request';
import type { SheetRow } from './sheet-rows';

/** The platforms Assembled names most, lower case as it spells them: a near miss is a typo. */
export const PLATFORMS = ['zendesk', 'five9', 'intercom', 'salesforce', 'kustomer', 'talkdesk', 'gorgias'];

/** The platform as Assembled spells it: as its people hold IDs on it, else as PLATFORMS has it. */
function assembledSpelling(name: string, agents: AgentDirectory): string | undefined {
  return agents.heldPlatform(name) ?? PLATFORMS.find((p) => p === name.toLowerCase());
}

/**
 * Sends each association to the platform as Assembled spells it (as its people hold IDs on it, else
 * as PLATFORMS has it, else as the sheet declares it new), and refuses those to any other. A push's
 * later runs refuse nothing (its rows were fixed when checked, and the people list is not read again).
 */
export function markUnknownPlatforms(rows: SheetRow[], map: HeaderMap, agents: AgentDirectory): void {
  const named = rows.flatMap((row) => {
    const r = row.parse?.ok ? row.parse.request : undefined;
    return r?.kind === 'associations' ? [{ row, request: r }] : [];
  });
  if (named.length === 0) return;
  const people = agents.people();
  const examples = someOf(knownPlatforms(people ?? []).slice(0, 4), 4, 'or');
  const column = map.headers[map.columns.platform ?? -1] || 'Platform';
  const declared = declaredInSheet(rows, map, 'platform');
  for (const { row, request } of named) {
    const name = request.input.platform;
    const lower = name.toLowerCase();
    const known = assembledSpelling(name, agents);
    const spelled = known ?? (declared.has(lower) ? lower : undefined);
    if (spelled !== undefined) {
      request.input.platform = spelled;
      row.fp = fingerprint(request);
      if (known === undefined) row.adds = spelled;
    } else if (people) {
      // Near a name the sheet declares new: freshdsk where a row writes new: freshdesk.
      const near = nearPlatforms(name, [...declared.keys()]);
      const unknown = `${column}: "${name}" is not a platform Assembled names`;
      refuseRow(
        row,
        near.length > 0
          ? `${unknown}; ${didYouMean(near)} ${newWords('platform', lower)}`
          : `${unknown}, and no one there has an ID on it, so it is taken for a typo: write the platform as Assembled names it, such as ${examples}. ${newWords('platform', lower)} Sent, it adds the platform, and every People pull gets an ID column for it.`,
      );
    }
  }
}

/**
 * Validate's word on a row that adds a platform new to Assembled: passed on the sheet's word alone
 * (new: freshdesk), so a misspelt name would quietly become a platform of its own.
 */
export function addingWords(row: SheetRow): string {
  return row.adds
    ? ` No one in Assembled has an ID on ${row.adds}: sent, this adds it to Assembled as a new platform, and every People pull gets an ID column for it. Check it is spelled as the platform is.`
    : '';
}

/** The platforms Assembled knows: those its people hold IDs on, then the names it uses most. */
function knownPlatforms(people: readonly { platforms: Record<string, string> }[]): string[] {
  const held = [...new Set(people.flatMap((p) => Object.keys(p.platforms)))].sort();
  return [...new Set([...held, ...PLATFORMS])];
}

/**
 * The known platforms a name misses: by a letter or two, or one of them given as a word of it
 * ("Zendesk Support", "five9-voice"), a product or channel of that platform written for its name.
 */
function nearPlatforms(name: string, known: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const within = words.length > 1 ? known.filter((k) => words.includes(k.toLowerCase())) : [];
  return within.length > 0
    ? within
    : closest(
        lower,
        known.map((k) => ({ key: k.toLowerCase(), label: k })),
      );
}

/** A request that sends a state record: an agent state, or an edit inserting or updating one. */
type StateSend = Extract<PushRequest, { input: StateRecord }>;

/** What a row would send (requestOf), when that sends a state record with a Source to check. */
function stateSendOf(row: SheetRow): StateSend | undefined {
  const r = requestOf(row);
  return r && (r.kind === 'agent_states' || r.kind === 'state_edits') && 'input' in r ? r : undefined;
}

/** Spells each agent state's Source as Assembled spells the platform, as an association's. */
export function spellStateSources(rows: SheetRow[], agents: AgentDirectory): void {
  for (const row of rows) {
    // A row refused for a near miss too: it is checked against others on the platform as spelled.
    const r = stateSendOf(row);
    if (!r?.input.source) continue;
    const spelled = assembledSpelling(r.input.source, agents);
    if (spelled !== undefined && spelled !== r.input.source) {
      r.input.source = spelled;
      if (row.parse?.ok) row.fp = fingerprint(r);
    }
  }
}

/**
 * Refuses an agent state's Source that names no platform Assembled knows, as an association's: a
 * case it does not fold would make "Aircall" another platform than the "aircall" its people and
 * states are on, and a state it holds would not be found the same (states-in-assembled.ts). Known
 * are those Assembled names, those its people hold IDs on, those `held` states are on (the states
 * Assembled holds for the rows' agents over their span), and those the sheet declares new (new:
 * acme): those go as written, with a word to check the spelling. A near miss of a known one gets
 * a "did you mean". An edit (no `held`: Assembled is not asked) keeps a name far from any known one,
 * with a word: an edit can be undone, and its platform may be one only states are on. A push's
 * later runs refuse nothing and say nothing (the people list is not read again).
 */
export function markUnknownSources(
  rows: SheetRow[],
  map: HeaderMap,
  agents: AgentDirectory,
  held?: readonly AgentState[],
): void {
  // Read on the first Source to check: with no row to send, the people list is not needed.
  let known: string[] | undefined;
  const onHeld = new Set((held ?? []).flatMap((s) => s.platform?.toLowerCase() ?? []));
  const declared = declaredInSheet(rows, map, 'source');
  const column = map.headers[map.columns.source ?? -1] || 'Source';
  for (const row of rows) {
    // Rows refused by another check too: a row to fix says all its problems at once.
    const r = stateSendOf(row);
    const name = r?.input.source;
    if (!r || !name || assembledSpelling(name, agents) !== undefined) continue;
    // A near miss of the dropdown's has said its "did you mean" as the row was read.
    if (saidAsWritten(row, 'source')) continue;
    const lower = name.toLowerCase();
    const people = agents.people();
    if (declared.has(lower)) {
      // Spelled as declared, as an association's (in lower case, as Assembled names platforms),
      // in a push's later runs too.
      r.input.source = lower;
      if (row.parse?.ok) row.fp = fingerprint(r);
      if (people && !onHeld.has(lower))
        wordOnRow(
          row,
          'unknownPlatform',
          lower,
          (sent) =>
            `${column}: ${lower} is new to Assembled (${declaredWhere(row, map, 'source', lower, declared)}): ${sent}, as a platform of its own. Check it is spelled as the platform is.`,
        );
      continue;
    }
    if (!people || onHeld.has(lower)) continue;
    known ??= knownPlatforms(people);
    // Near a name the sheet declares new too: acmee where a row writes new: acme.
    const near = nearPlatforms(name, [...known, ...declared.keys()]);
    const unknown = `${column}: "${name}" is not a platform Assembled knows`;
    const again = newWords('platform', lower);
    if (near.length > 0) refuseRow(row, `${unknown}; ${didYouMean(near)} ${again}`);
    else if (r.kind === 'agent_states' && held)
      refuseRow(
        row,
        `${unknown}, so it is taken for a typo: write it as Assembled names it, such as ${someOf(known.slice(0, 4), 4, 'or')}. ${again}`,
      );
    else
      wordOnRow(
        row,
        'unknownPlatform',
        name,
        (sent) => `${unknown}: ${sent}, as a platform of its own. Check it is spelled as the platform is.`,
      );
  }
}
