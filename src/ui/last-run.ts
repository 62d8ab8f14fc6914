// A scheduled refresh's last run as its card says it.
import { countText } from '../core/count-text';
import type { RefreshView } from '../core/schedule/refresh-view';

export function lastRunText(r: Pick<RefreshView, 'running' | 'lastRun'>): string {
  if (r.running) return 'Running now';
  if (!r.lastRun) return 'Not run yet';
  const { at, status, rows, message } = r.lastRun;
  // A run that wrote nothing says why (an append whose rows were all there already).
  if (status === 'done') return `${at}: ${rows === 0 && message ? message : `${countText(rows)} rows`}`;
  return `${at}: ${status}${message ? ` (${message})` : ''}`;
}
