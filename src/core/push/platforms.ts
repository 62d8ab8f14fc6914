// Which platforms a row may name: those Assembled names (PLATFORMS), those its people hold IDs on,
// and one the sheet says is new ("new: freshdesk"). Assembled has no list of platforms: an
// association is what adds one (every People pull then gets an ID column for it), so any other
// name is refused as a likely typo. A name is known in any case, but sent as Assembled spells it:
// a platform differing only by case may be a new one there too. An agent state's Source is a
// platform as well, spelled the same way (else sent as typed: a state adds no platform to people).
import { someOf } from '../count-text';
import type { AgentDirectory } from './agents';
import { closest } from './closest';
import type { HeaderMap } from './header';
import { refuseRow } from './overlaps';
import { fingerprint } from './request';
import type { SheetRow } from './sheet-rows';

/** The platforms Assembled names most, lower case as it spells them: a near miss is a typo. */
export const PLATFORMS = ['zendesk', 'five9', 'intercom', 'salesforce', 'kustomer', 'talkdesk', 'gorgias'];

/** How a cell says its platform is new to Assembled: `new: freshdesk`. */
const NEW_FORM = /^new\s*:\s*(.*)$/i;

/** The platform as Assembled spells it: as its people hold IDs on it, else as PLATFORMS has it. */
function assembledSpelling(name: string, agents: AgentDirectory): string | undefined {
  return agents.heldPlatform(name) ?? PLATFORMS.find((p) => p === name.toLowerCase());
}

/** The platform a cell declares new, lower case as Assembled names platforms; undefined if none. */
export function newPlatform(cell: string): string | undefined {
  return NEW_FORM.exec(cell.trim())?.[1]?.trim().toLowerCase();
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
  const held = [...new Set((people ?? []).flatMap((p) => Object.keys(p.platforms)))].sort();
  // Those its people hold IDs on first, then the names Assembled uses most.
  const examples = someOf([...new Set([...held, ...PLATFORMS])].slice(0, 4), 4, 'or');
  const column = map.headers[map.columns.platform ?? -1] || 'Platform';
  // Every row's cell, done ones too, so a push's later runs spell a new platform as its first did.
  const cell = (row: SheetRow) => String(row.values[map.columns.platform ?? -1] ?? '');
  const declared = new Set(rows.flatMap((row) => newPlatform(cell(row)) || []));
  for (const { row, request } of named) {
    const name = request.input.platform;
    const lower = name.toLowerCase();
    const known = assembledSpelling(name, agents);
    const spelled = known ?? (declared.has(lower) ? lower : undefined);
    if (spelled !== undefined) {
      request.input.platform = spelled;
      row.fp = fingerprint(request);
      if (known === undefined) row.adds = spelled;
    } else if (people)
      refuseRow(
        row,
        `${column}: "${name}" is not a platform Assembled names, and no one there has an ID on it, so it is taken for a typo: write the platform as Assembled names it, such as ${examples}. If it is a platform new to Assembled, write new: ${lower} (sent, it adds the platform, and every People pull gets an ID column for it).`,
      );
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

/**
 * Sends each agent state's Source as Assembled spells the platform, as an association's: a case
 * Assembled does not fold would make "Aircall" another platform than the "aircall" its people and
 * states are on, and a state it holds would not be found the same (states-in-assembled.ts). A
 * state's platform is any name (the API takes any, and a state adds no platform to people), but
 * one near a platform Assembled knows is taken for a typo of it and refused with a "did you mean",
 * as an association's is; written new: acme it goes as acme. Any other goes as written, with a
 * word that Assembled does not know it (SheetRow.unknownPlatform; the states Assembled holds on it,
 * read later, may yet know it: state-names.ts). A push's later runs refuse nothing and say nothing
 * (the people list is not read again): they spell and send as its first run did.
 */
export function spellStateSources(rows: SheetRow[], map: HeaderMap, agents: AgentDirectory): void {
  // Read on the first Source to check: with no row to send, the people list is not needed.
  let known: string[] | undefined;
  const column = map.headers[map.columns.source ?? -1] || 'Source';
  for (const row of rows) {
    const r = row.parse?.ok ? row.parse.request : undefined;
    const input =
      r && (r.kind === 'agent_states' || r.kind === 'state_edits') && 'input' in r ? r.input : undefined;
    if (!r || !input?.source) continue;
    const typed = input.source;
    const declared = newPlatform(typed) || undefined;
    const spelled = assembledSpelling(declared ?? typed, agents) ?? declared;
    if (spelled !== undefined && spelled !== typed) {
      input.source = spelled;
      row.fp = fingerprint(r);
    }
    if (assembledSpelling(input.source, agents) !== undefined) continue;
    const people = agents.people();
    if (!people) continue;
    known ??= knownPlatforms(people);
    const near = declared === undefined ? nearPlatforms(typed, known) : [];
    if (near.length > 0)
      refuseRow(
        row,
        `${column}: "${typed}" is not a platform Assembled knows (none it names, and no one there has an ID on it), so it is taken for a typo; did you mean ${near.map((p) => `"${p}"`).join(' or ')}? Sent as written, the state would be on a platform of its own. If it is another platform, write new: ${typed.toLowerCase()}.`,
      );
    else
      row.unknownPlatform = ` ${column}: "${input.source}" is not a platform Assembled knows (none it names, ${r.kind === 'agent_states' ? 'no one there has an ID on it, and it holds no state on it for these agents then' : 'and no one there has an ID on it'}): sent as written, as a platform of its own. Check it is spelled as the platform is.`;
  }
}
