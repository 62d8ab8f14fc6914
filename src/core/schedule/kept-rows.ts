// What a run that did not write left in its sheet, said on its card and in its e-mail alike: the
// rows last written, by when, by whom when a pull from Pull data wrote them since the refresh did,
// and how many when known. Not "of the last run that worked": before any run of the refresh worked,
// they are the pull it was saved from (Refresh.lastGood), and these words are true of either.
import { countText, rowCount } from '../count-text';
import type { MergedCounts } from '../jobs/pull-job';
import { type Caller, ownerSeenBy } from '../owner';
import type { PullSpec } from '../pull/pull-spec';
import type { Refresh } from './refresh';

export const KEPT_ROWS = 'still holds the rows written';

/** A merge's rows as its message counts them: "442 updated, 44 added", not "486 rows". */
export function mergedText({ updated, added, replacing }: MergedCounts): string {
  const instead = replacing ? `, ${countText(replacing)} replacing earlier rows` : '';
  return `${countText(updated)} updated, ${countText(added)} added${instead}`;
}

/**
 * The rows last written, as the reader is told of them: `at` in their words for a time, `by` who
 * pulled them ("you" to them), absent for the refresh's own run; `rows` (a merge's `merged`) when known.
 * `sinceFailed`: pulled while its runs were failing (Refresh.lastGood), newer than the failure.
 */
export interface KeptRows {
  at: string;
  rows?: number;
  merged?: MergedCounts;
  by?: string;
  sinceFailed?: true;
}

/** A refresh's lastGood as `viewer` reads it, `at` its time in their words: whoever pulled it, "you" to them. */
export function keptSeenBy(
  viewer: Caller,
  { at: _, by, ...good }: NonNullable<Refresh['lastGood']>,
  at: string,
): KeptRows {
  return { ...good, at, ...(by ? { by: ownerSeenBy(viewer, by) } : {}) };
}

/** The same, told to its refresh's owner in an e-mail: a pull of their own is "you", as their card says. */
export const keptToOwner = (
  r: Pick<Refresh, 'owner' | 'ownerId'>,
  good: NonNullable<Refresh['lastGood']>,
  at: string,
) => keptSeenBy({ id: r.ownerId ?? '', email: r.owner }, good, at);

/**
 * After the sheet's name: "still holds the rows written 2026-12-07 19:42 by sam@example.com (484
 * rows)"; an append or merge holds the rows up to then, "(100 rows then)". Pulled after the refresh
 * began failing, the rows are not held "still", from before it: "holds the rows sam@example.com
 * pulled 2026-12-07 19:42 (484 rows)".
 */
export function keptRows(mode: PullSpec['mode'], { at, rows, merged, by, sinceFailed }: KeptRows): string {
  const count = rows === undefined ? '' : rowCount(rows);
  const then = mode === 'merge' && merged ? mergedText(merged) : count;
  const counted = mode === 'replace' ? (count ? ` (${count})` : '') : then ? ` (${then} then)` : '';
  const upTo = mode === 'replace' ? '' : 'up to ';
  if (by && sinceFailed) return `holds the rows ${upTo ? `${upTo}those ` : ''}${by} pulled ${at}${counted}`;
  return `${KEPT_ROWS} ${upTo}${by ? `${at} by ${by}` : at}${counted}`;
}
