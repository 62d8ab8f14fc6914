// An agent state's name is sent as written: the API takes any (the YAML's `state` is free text),
// and a platform's own states are its own words. But Assembled counts time by the name, so one it
// does not know ("on call" where it has on_call) is a state of its own in every report, and an
// ingested state cannot be taken back. Known are the names Assembled uses most (kinds.ts
// STATE_VALUES, the template's dropdown) and those of the states it holds for the rows' agents over
// their span, which Validate and a push's first run read anyway (states-in-assembled.ts). A near
// miss of one is taken for a typo and refused with a "did you mean"; new: sends it as written
// (declared-new.ts). A name far from every known one is no slip of the fingers but a platform's own
// state: it goes as written, with a word naming the known ones.
import type { AgentState } from '../assembled';
import { someOf } from '../count-text';
import { closest, didYouMean } from './closest';
import { declaredInSheet, declaredWhere, newWords } from './declared-new';
import type { HeaderMap } from './header';
import { STATE_VALUES } from './kinds';
import { refuseRow, requestOf, saidAsWritten, wordOnRow } from './overlaps';
import type { SheetRow } from './sheet-rows';

/** Known names listed in a row's word: a few, the rest counted. */
const LISTED = 10;

/** `held`: the states Assembled holds that were read for the rows (markStatesInAssembled). */
export function markUnknownStates(rows: SheetRow[], map: HeaderMap, held: readonly AgentState[]): void {
  // By name in lower case: the dropdown's first, then the held ones', as Assembled writes them.
  const known = new Map<string, string>();
  for (const name of [...STATE_VALUES, ...held.map((s) => s.state).sort()])
    if (name && !known.has(name.toLowerCase())) known.set(name.toLowerCase(), name);
  const column = map.headers[map.columns.state ?? -1] || 'State';
  const list = someOf([...known.values()], LISTED, 'or');
  const declared = declaredInSheet(rows, map, 'state');
  for (const row of rows) {
    // Rows refused by another check too: a row to fix says all its problems at once.
    const r = requestOf(row);
    // A near miss of the dropdown's has said its "did you mean" as the row was read.
    if (r?.kind !== 'agent_states' || saidAsWritten(row, 'state')) continue;
    const name = r.input.state;
    if (known.has(name.toLowerCase())) continue;
    if (declared.has(name.toLowerCase())) {
      wordOnRow(
        row,
        'unknownState',
        name,
        (sent) =>
          `${column}: ${name} is new to Assembled (${declaredWhere(row, map, 'state', name.toLowerCase(), declared)}): ${sent}, as a state of its own. Check it is the state's name on the platform.`,
      );
      continue;
    }
    // Near a name the sheet declares new too: cofee where a row writes new: coffee.
    const near = closest(
      name.toLowerCase(),
      [...known, ...[...declared.keys()].map((d) => [d, d] as const)].map(([key, label]) => ({ key, label })),
    );
    if (near.length > 0)
      refuseRow(
        row,
        `${column}: "${name}" is not a state Assembled knows; ${didYouMean(near)} Assembled counts time by the state's name. ${newWords('state', name)}`,
      );
    else
      wordOnRow(
        row,
        'unknownState',
        name,
        (sent) =>
          `${column}: "${name}" is not a state Assembled knows (it knows ${list}): ${sent}, as a state of its own. Check it is the state's name on the platform.`,
      );
  }
}
