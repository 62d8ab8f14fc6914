// A refresh that replaces its table leaves a person's notes typed beside it by row number, while
// each run writes its rows afresh (kept-words.ts runKeptWords): its card says so. Read from its
// sheet as the card is drawn, by the rule Pull data's card reads it by (target-now.ts), so a
// column typed after the refresh was saved is said before the run that leaves it behind.
import { replacedWhole } from '../pull/pull-spec';
import type { Targets } from '../pull/pull-target';
import { targetNow } from '../pull/target-now';
import type { Refresh } from './refresh';

/** The headers of the person's columns of notes beside its table; [] when a run would not leave any. */
export function notesBesideFor(targets: Targets, r: Refresh): string[] {
  // A merge or append keeps them with their rows; a grid or coverage is laid out whole, never merged.
  const { spec } = r;
  if (spec.mode !== 'replace' || spec.target.kind === 'bigquery' || replacedWhole(spec.source)) return [];
  if (r.sheetId === undefined) return [];
  try {
    return targetNow(targets, spec.target, r.sheetId)?.beside ?? [];
  } catch {
    // Its sheet gone, or a chart now: its card says what is wrong with that instead.
    return [];
  }
}
