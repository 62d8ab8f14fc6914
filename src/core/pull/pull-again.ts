// The pull that last filled a sheet, kept by the sheet's id, so Pull data can offer to run it again
// with the sheet in front: the analyst's "refresh this sheet now" without filling the form again.
// Its relative range is resolved afresh, as a scheduled refresh's is.
import type { Caller } from '../owner';
import type { Store, Zone } from '../ports';
import { type Refresh, RefreshStore } from '../schedule/refresh';
import { refreshInto, refreshWords } from '../schedule/sheet-refresh';
import { keptWords } from './kept-words';
import { otherZone, tableZoneWords } from './mixed-target';
import { historyPulledOver } from './mode-words';
import { PullSpec, type PullTarget, replacedWhole } from './pull-spec';
import { pullWords } from './pull-words';
import type { TargetNow } from './target-now';

const KEY = 'lastPull.';
/**
 * What remembered pulls may take of the shared 500 KB Document properties, which jobs and
 * refreshes need: a spec with long filter lists is kilobytes, and sheets come and go.
 */
export const REMEMBER_BYTES = 50 * 1024;

/** What a pull wrote into its sheet, and who pulled it (pulled-over.ts filledBy). */
type Filled = Omit<NonNullable<Refresh['lastGood']>, 'at'>;

interface Remembered {
  spec: PullSpec;
  at: number;
  /** Kept since a refresh saved on the sheet has its count (lastFilled); older entries have none. */
  filled?: Filled;
}
// Entries saved before their time was kept are the spec alone.
const specOf = (v: Remembered | PullSpec): PullSpec => ('spec' in v ? v.spec : v);
const atOf = (v: Remembered | PullSpec): number => ('at' in v ? v.at : 0);

export interface PullAgain {
  /** The pull, aimed at the sheet as it is named now. */
  spec: PullSpec;
  /** "Ticket stats report (day), last week". */
  what: string;
  /** What pulling again does to the sheet, by the pull's mode. */
  how: string;
  /** The header of the table it filled, as the sheet has it now: the form checks a merge key by it. */
  header?: string[];
  /**
   * Said when a person headed columns beside that table holding notes row by row (not a summary of
   * the table, row-notes.ts): a replace leaves them as typed, and Merge by key keeps them with their rows. The card says it before a replace, and the
   * form when Replace is chosen into the same place.
   */
  kept?: string;
  /** The scheduled refresh into the same place, in words ("weekly on Mon at 07:00 by …", "by you"). */
  scheduled?: string;
  /** That refresh gathers rows run by run: what a Replace there takes away, said as Replace is chosen. */
  lost?: string;
}

export function rememberPull(
  store: Store,
  sheetId: number | undefined,
  spec: PullSpec,
  now: number,
  filled?: Filled,
): void {
  if (sheetId === undefined || spec.target.kind === 'bigquery') return;
  const key = `${KEY}${sheetId}`;
  const entry: Remembered = { spec, at: now, ...(filled ? { filled } : {}) };
  let used = key.length + JSON.stringify(entry).length;
  // The newest are kept within the budget; older ones (often of sheets deleted since) are forgotten.
  const others = store
    .entries<Remembered | PullSpec>(KEY)
    .filter(([k]) => k !== key)
    .sort(([, a], [, b]) => atOf(b) - atOf(a));
  for (const [k, v] of others) {
    used += k.length + JSON.stringify(v).length;
    if (used > REMEMBER_BYTES) store.delete(k);
  }
  store.set(key, entry);
}

/**
 * The rows the pull that last filled the sheet `sheetId` wrote, when, how many and by whom: what a
 * refresh saved on it (Pull data's Save scheduled refresh) leaves there should its first run fail.
 */
export function lastFilled(store: Store, sheetId: number): Refresh['lastGood'] {
  const stored = store.get<Remembered | PullSpec>(`${KEY}${sheetId}`);
  return stored && 'filled' in stored && stored.filled ? { at: stored.at, ...stored.filled } : undefined;
}

const HOW: Record<PullSpec['mode'], string> = {
  replace: 'Replaces its table with the new one.',
  append: 'Appends the rows it does not hold yet.',
  merge: 'Updates its rows with the same key and adds new ones.',
};

/**
 * The pull that last filled the sheet `sheetId`, now called `sheetName`, as `viewer` is told of it
 * (a refresh there by its hour in `zone`, the spreadsheet's); undefined when none.
 */
export function pullAgain(
  store: Store,
  sheetId: number,
  sheetName: string,
  viewer: Caller,
  zone?: Zone,
): PullAgain | undefined {
  const stored = store.get<Remembered | PullSpec>(`${KEY}${sheetId}`);
  // Kept by an older version (a source since retired): not offered, rather than failing the sidebar.
  const parsed = stored && PullSpec.safeParse(specOf(stored));
  const spec = parsed?.success ? parsed.data : undefined;
  if (!spec || spec.target.kind === 'bigquery') return undefined;
  // A new sheet is an existing one now; a renamed sheet is found under its new name.
  const target: PullTarget =
    spec.target.kind === 'cell' ? { ...spec.target, sheet: sheetName } : { kind: 'sheet', name: sheetName };
  const into = refreshInto(new RefreshStore(store).all(), sheetId, target);
  const lost = into ? historyPulledOver(into) : '';
  return {
    ...(into ? { scheduled: refreshWords(into, viewer, zone) } : {}),
    ...(lost ? { lost } : {}),
    spec: { ...spec, target },
    what: pullWords(spec),
    how: HOW[spec.mode],
  };
}

/**
 * The card as the sheet holds it now: the table's header, the columns a person keeps beside it, and
 * a merge or append that would be refused, its table written in another zone (mixed-target.ts).
 */
export function againAt(again: PullAgain, now: TargetNow | undefined, zone: Zone): PullAgain {
  const header = now?.header ?? [];
  const was = otherZone(again.spec, now, zone);
  // A grid or coverage is laid out whole, never merged: Merge by key is no help beside it.
  const beside = replacedWhole(again.spec.source) ? [] : (now?.beside ?? []);
  return {
    ...again,
    ...(header.length ? { header } : {}),
    // As a replace says it after (written-words.ts), of the rows it will bring.
    ...(beside.length ? { kept: `${keptWords(beside, true)}.` } : {}),
    // Said on Pull data's card, above the form's If the target has data.
    ...(was ? { how: `Not now: the table was ${tableZoneWords(again.spec, was, zone, true)}.` } : {}),
  };
}
