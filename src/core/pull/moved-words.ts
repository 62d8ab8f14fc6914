// What Pull data says under Data when other Data is chosen than the pull put in the form (from the
// sheet's card) holds: the form, aimed at the place that pull filled, moved to a new sheet (a person
// seldom sees the Where fields far down the form before pressing Pull data), and that pull's filters
// are left behind (left-filters.ts); and, its data chosen again, that filters ticked for the other
// data meanwhile are not brought onto it (the form is aimed at its place again, with Replace).
import { sheetCell } from '../sheet/a1';
import type { PullSpec } from './pull-spec';
import { targetSheet } from './pull-target';
import { dataLabel } from './reruns-words';

const placeOf = (t: PullSpec['target']) =>
  t.kind === 'cell' ? `the table at ${sheetCell(t.sheet, t.a1)}` : `"${targetSheet(t)}"`;

/** `left`: the filters left behind, in the words beside Pull data ("4 agents"); '' for none. */
const holds = (held: Pick<PullSpec, 'source' | 'target'>, left: string) =>
  `${placeOf(held.target)} holds ${dataLabel(held)}${left ? `; its filters (${left}) are left behind` : ''}`;

/**
 * `held`: the pull that filled the place (its data and target); `name`: the new sheet the form now
 * pulls into; `mode`: the form's "If the target has data".
 */
export function movedWords(
  held: Pick<PullSpec, 'source' | 'target'>,
  name: string,
  mode: PullSpec['mode'],
  left = '',
): string {
  const t = held.target;
  const choose = t.kind === 'cell' ? 'Active cell' : placeOf(t);
  // Appending or merging there is refused (mixed-target.ts), which says so if chosen.
  const how = mode === 'replace' ? 'replace it' : 'pull into it';
  return `Where: a new sheet "${name}", as ${holds(held, left)}. Choose ${choose} under Where to ${how}.`;
}

/** The form not moved (a place was chosen under Where), only the filters left behind: "\"Adherence\" holds …; its filters (4 agents) are left behind." */
export function leftWords(held: Pick<PullSpec, 'source' | 'target'>, left: string): string {
  const words = holds(held, left);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

/** Its data chosen again: the sheet's pull as it was, without `dropped` (in the words beside Pull data), ticked for other Data meanwhile. */
export function backWords(held: Pick<PullSpec, 'source' | 'target'>, dropped: string): string {
  return `Back to the pull that filled ${placeOf(held.target)}, with its own filters: those ticked for other Data (${dropped}) are not kept.`;
}
