// How a refresh is doing, as the Scheduled refreshes list shows it: its card's marker, the list's
// order (what needs a look first) and the line above the list that counts them.
import type { RefreshView } from '../../../core/schedule/refresh-view';

type Seen = Pick<RefreshView, 'targetGone' | 'retry' | 'overdue' | 'lastRun' | 'paused' | 'running' | 'due'>;

export const failedRun = (r: Pick<RefreshView, 'lastRun'>) =>
  r.lastRun?.status === 'failed' || r.lastRun?.status === 'stalled';

export function health(r: Seen): 'failed' | 'paused' | 'ok' {
  if (r.targetGone || r.retry || r.overdue || failedRun(r)) return 'failed';
  return r.paused ? 'paused' : 'ok';
}

/**
 * Failing first, then running or due now, then the rest, each group as the list came: a failing
 * refresh is not left far down a long list.
 */
export function byUrgency<T extends Seen>(refreshes: readonly T[]): T[] {
  const rank = (r: T) => (health(r) === 'failed' ? 0 : r.running || r.due ? 1 : 2);
  return [...refreshes].sort((a, b) => rank(a) - rank(b));
}

/** "16 refreshes · 2 failing · 1 paused", in parts; the failing part is marked, to be drawn red. */
export function summaryParts(refreshes: readonly Seen[]): { text: string; failing?: true }[] {
  const count = (h: ReturnType<typeof health>) => refreshes.filter((r) => health(r) === h).length;
  const failing = count('failed');
  const paused = count('paused');
  const all = refreshes.length;
  return [
    { text: `${all} ${all === 1 ? 'refresh' : 'refreshes'}` },
    failing ? { text: `${failing} failing`, failing: true } : { text: 'none failing' },
    ...(paused ? [{ text: `${paused} paused` }] : []),
  ];
}
