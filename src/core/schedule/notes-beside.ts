// A refresh that replaces its table leaves a person's notes typed beside it by row number, while
// each run writes its rows afresh (kept-words.ts runKeptWords): its card says so, from the names
// kept on its record (Refresh.notesBeside). They are learnt where the add-on reads that sheet
// anyway: as the refresh is saved (read by Pull data's rule, target-now.ts) and as each run writes
// the table (its log row names them too). The card reads no sheet: the sidebar lists every card
// each minute it is open, and a sheet read per card made a listing of 50 take seconds. So a column
// typed after the refresh was saved is said from the run after it, whose log row says it first.
import { cutText } from '../cut-text';
import { replacedWhole } from '../pull/pull-spec';
import type { Targets } from '../pull/pull-target';
import { targetNow } from '../pull/target-now';
import type { Refresh } from './refresh';

/**
 * The record is shared in Document properties, within its owner's share (share.ts): a few names,
 * each cut short, are enough for the card, which names three. More columns than this are counted
 * as this many on the card; the run's log row counts them all.
 */
const NAMES_KEPT = 12;
const NAME_MAX = 40;

/** The names as a refresh's record keeps them: bounded in count and length. */
export const keptNames = (headers: readonly string[]): string[] =>
  headers.slice(0, NAMES_KEPT).map((h) => cutText(h, NAME_MAX));

/** The headers of the person's columns of notes beside its table, as kept; [] when a run would not leave any. */
export function notesBesideFor(targets: Targets, r: Pick<Refresh, 'spec' | 'sheetId'>): string[] {
  // A merge or append keeps them with their rows; a grid or coverage is laid out whole, never merged.
  const { spec } = r;
  if (spec.mode !== 'replace' || spec.target.kind === 'bigquery' || replacedWhole(spec.source)) return [];
  if (r.sheetId === undefined) return [];
  try {
    return keptNames(targetNow(targets, spec.target, r.sheetId)?.beside ?? []);
  } catch {
    // Its sheet gone, or a chart now: its card says what is wrong with that instead.
    return [];
  }
}
