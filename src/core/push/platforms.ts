// Which platforms a row may name: those Assembled names (PLATFORMS), those its people hold IDs on,
// and one the sheet says is new ("new: freshdesk"). Assembled has no list of platforms: an
// association is what adds one (every People pull then gets an ID column for it), so any other
// name is refused as a likely typo. A name is known in any case, but sent as Assembled spells it:
// a platform differing only by case may be a new one there too. An agent state's Source is a
// platform as well, spelled the same way (else sent as typed: a state adds no platform to people).
import { someOf } from '../count-text';
import type { AgentDirectory } from './agents';
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

/**
 * Sends each agent state's Source as Assembled spells the platform, as an association's: a case
 * Assembled does not fold would make "Aircall" another platform than the "aircall" its people and
 * states are on, and a state it holds would not be found the same (states-in-assembled.ts).
 */
export function spellStateSources(rows: SheetRow[], agents: AgentDirectory): void {
  for (const row of rows) {
    const r = row.parse?.ok ? row.parse.request : undefined;
    const input =
      r && (r.kind === 'agent_states' || r.kind === 'state_edits') && 'input' in r ? r.input : undefined;
    const spelled = input?.source && assembledSpelling(input.source, agents);
    if (!r || !input || !spelled || spelled === input.source) continue;
    input.source = spelled;
    row.fp = fingerprint(r);
  }
}
