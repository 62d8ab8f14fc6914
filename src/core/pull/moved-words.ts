// What Pull data says when the form, aimed at the place a pull filled (put in it from the sheet's
// card), moved to a new sheet as other Data was chosen: that place holds its own data, and a
// person seldom sees the Where fields far down the form before pressing Pull data.
import type { PullSpec } from './pull-spec';
import { targetSheet } from './pull-target';
import { dataLabel } from './reruns-words';

/**
 * `held`: the pull that filled the place (its data and target); `name`: the new sheet the form now
 * pulls into; `mode`: the form's "If the target has data".
 */
export function movedWords(
  held: Pick<PullSpec, 'source' | 'target'>,
  name: string,
  mode: PullSpec['mode'],
): string {
  const t = held.target;
  const place = t.kind === 'cell' ? `the table at ${t.sheet}!${t.a1}` : `"${targetSheet(t)}"`;
  const choose = t.kind === 'cell' ? 'Active cell' : place;
  // Appending or merging there is refused (mixed-target.ts), which says so if chosen.
  const how = mode === 'replace' ? 'replace it' : 'pull into it';
  return `Where: a new sheet "${name}", as ${place} holds ${dataLabel(held)}. Choose ${choose} under Where to ${how}.`;
}
