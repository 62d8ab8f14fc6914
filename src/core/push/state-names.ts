// An agent state's name is sent as written: the API takes any (the YAML's `state` is free text),
// and a platform's own states are its own words. But Assembled counts time by the name, so one it
// does not know ("on call" where it has on_call) is a state of its own in every report. Known are
// the names Assembled uses most (kinds.ts STATE_VALUES, the template's dropdown) and those of the
// states it holds for the rows' agents over their span, which Validate and a push's first run read
// anyway (states-in-assembled.ts). A near miss of one is taken for a typo and refused with a "did
// you mean"; any other name goes as written, with a word naming the known ones. A platform no one
// has an ID on that those states are on is known after all (platforms.ts said it was not).
import type { AgentState } from '../assembled';
import { someOf } from '../count-text';
import { closest } from './closest';
import type { HeaderMap } from './header';
import { STATE_VALUES } from './kinds';
import { refuseRow } from './overlaps';
import type { SheetRow } from './sheet-rows';

/** Known names listed in a row's word: a few, the rest counted. */
const LISTED = 10;

/** `held`: the states Assembled holds that were read for the rows (markStatesInAssembled). */
export function markUnknownStates(rows: SheetRow[], map: HeaderMap, held: readonly AgentState[]): void {
  // By name in lower case: the dropdown's first, then the held ones', as Assembled writes them.
  const known = new Map<string, string>();
  for (const name of [...STATE_VALUES, ...held.map((s) => s.state).sort()])
    if (name && !known.has(name.toLowerCase())) known.set(name.toLowerCase(), name);
  const platforms = new Set(held.map((s) => (s.platform ?? '').toLowerCase()));
  const column = map.headers[map.columns.state ?? -1] || 'State';
  const list = someOf([...known.values()], LISTED, 'or');
  for (const row of rows) {
    const r = row.parse?.ok ? row.parse.request : undefined;
    if (r?.kind !== 'agent_states') continue;
    if (platforms.has((r.input.source ?? '').toLowerCase())) delete row.unknownPlatform;
    const name = r.input.state;
    if (known.has(name.toLowerCase())) continue;
    const near = closest(
      name.toLowerCase(),
      [...known].map(([key, label]) => ({ key, label })),
    );
    if (near.length > 0)
      refuseRow(
        row,
        `${column}: "${name}" is not a state Assembled knows; did you mean ${near.map((n) => `"${n}"`).join(' or ')}? Assembled counts time by the state's name.`,
      );
    else
      row.unknownState = ` ${column}: "${name}" is not a state Assembled knows (it knows ${list}): sent as written, as a state of its own. Check it is the state's name on the platform.`;
  }
}
