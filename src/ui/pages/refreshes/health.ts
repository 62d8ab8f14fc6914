// How a refresh is doing, as the Scheduled refreshes list shows it: its card's marker, the list's
// order (what needs a look first), its Next run while it cannot run, and the line above the list
// that counts them.
import type { RefreshView } from '../../../core/schedule/refresh-view';

type Seen = Pick<RefreshView, 'targetGone' | 'retry' | 'overdue' | 'lastRun' | 'paused'>;

export const failedRun = (r: Pick<RefreshView, 'lastRun'>) =>
  r.lastRun?.status === 'failed' || r.lastRun?.status === 'stalled';

/**
 * A run being tried again after a failed attempt is "retrying", whatever the run before it came to:
 * it may work yet. Given up, its run is "failed", as is a refresh that cannot run.
 */
export function health(r: Seen): 'failed' | 'retrying' | 'paused' | 'ok' {
  if (r.targetGone || r.overdue) return 'failed';
  if (r.retry) return 'retrying';
  // Its last run stopped (its Pause) after one that failed: as failing as one paused after that failure.
  if (failedRun(r) || r.lastRun?.afterFailed) return 'failed';
  return r.paused ? 'paused' : 'ok';
}

/** Paused, whatever else its card says (failing, its sheet gone): its Next run reads "Paused". */
const pausedShown = (r: Pick<RefreshView, 'paused'>) => r.paused;

/**
 * Its card's Next run. Paused, its sheet gone too, it reads as every paused card does (brought back,
 * the sheet leaves it paused until Resume); its sheet gone before a run paused it, it has none.
 */
export const nextRunShown = (r: Pick<RefreshView, 'targetGone' | 'paused' | 'nextRun'>) =>
  pausedShown(r) ? 'Paused' : r.targetGone ? 'None' : r.nextRun;

/** Failing or retrying: drawn red, and listed first. */
export const needsLook = (r: Seen) => ['failed', 'retrying'].includes(health(r));

/**
 * Failing first, then the rest, each group as the list came: a failing refresh is not left far down
 * a long list. A run under way (or due) moves no card: Run now lifted its card to the top while it
 * ran and put it back after, under the pointer of a person still at the buttons.
 */
export function byUrgency<T extends Seen>(refreshes: readonly T[]): T[] {
  const rank = (r: T) => (needsLook(r) ? 0 : 1);
  return [...refreshes].sort((a, b) => rank(a) - rank(b));
}

/**
 * "16 refreshes · 2 failing · 1 cannot run · 1 retrying · 1 paused", in parts; the failing,
 * gone and retrying parts are marked with their health, to be drawn red as their cards are. Each
 * part counts the cards that show it: one failing (or its sheet gone) and paused is in both, its
 * card red and its Next run "Paused", or the count said fewer paused than the cards.
 */
export function summaryParts(refreshes: readonly Seen[]): { text: string; alarm?: 'failing' | 'retrying' }[] {
  const count = (h: ReturnType<typeof health>) => refreshes.filter((r) => health(r) === h).length;
  // One whose sheet is gone cannot run, but no run of it failed (its last may have worked): counted
  // apart, in the words its card leads with ("It cannot run: its sheet … was deleted"), whatever its
  // last run came to.
  const gone = refreshes.filter((r) => r.targetGone).length;
  const failing = count('failed') - gone;
  const retrying = count('retrying');
  const paused = refreshes.filter(pausedShown).length;
  const all = refreshes.length;
  return [
    { text: `${all} ${all === 1 ? 'refresh' : 'refreshes'}` },
    // "none failing" beside one retrying, or one that cannot run, would read as all being well.
    ...(failing
      ? [{ text: `${failing} failing`, alarm: 'failing' as const }]
      : retrying || gone
        ? []
        : [{ text: 'none failing' }]),
    ...(gone ? [{ text: `${gone} cannot run`, alarm: 'failing' as const }] : []),
    ...(retrying ? [{ text: `${retrying} retrying`, alarm: 'retrying' as const }] : []),
    ...(paused ? [{ text: `${paused} paused` }] : []),
  ];
}
