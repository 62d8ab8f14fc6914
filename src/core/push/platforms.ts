// Which platforms Assembled knows: the names it uses most, and those its people hold IDs on. An
// association to a platform Assembled knows of no one adds a new platform there (every People
// pull gets an ID column for it), so such a row is one to fix. A name is known in any case, but
// sent as Assembled spells it: a platform differing only by case may be a new one there too.
import { someOf } from '../count-text';
import type { AgentDirectory } from './agents';
import type { HeaderMap } from './header';
import { refuseRow } from './overlaps';
import { fingerprint } from './request';
import type { SheetRow } from './sheet-rows';

/** The platforms Assembled names most, lower case as it spells them: a near miss is a typo. */
export const PLATFORMS = ['zendesk', 'five9', 'intercom', 'salesforce', 'kustomer', 'talkdesk', 'gorgias'];

/**
 * Sends each association to the platform as Assembled spells it (as its people hold IDs on it, else
 * as PLATFORMS has it), and refuses those to a platform Assembled knows of no one. A push's later
 * runs refuse nothing (its rows were fixed when checked, and the people list is not read again).
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
  for (const { row, request } of named) {
    const name = request.input.platform;
    const spelled = agents.heldPlatform(name) ?? PLATFORMS.find((p) => p === name.toLowerCase());
    if (spelled !== undefined) {
      request.input.platform = spelled;
      row.fp = fingerprint(request);
    } else if (people)
      refuseRow(
        row,
        `${column}: "${name}" is not a platform Assembled knows, and no one there has an ID on it: sent, it would add it to Assembled as a new platform, with an ID column of its own in People. Write the platform as Assembled names it, such as ${examples}.`,
      );
  }
}
