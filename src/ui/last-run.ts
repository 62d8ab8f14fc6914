// A scheduled refresh's last run as its card says it.
import { countText } from '../core/count-text';
import type { RefreshView } from '../core/schedule/refresh-view';

export function lastRunText(r: Pick<RefreshView, 'running' | 'lastRun'>): string {
  if (r.running) return 'Running now';
  if (!r.lastRun) return 'Not run yet';
  const { at, status, rows, message } = r.lastRun;
  return status === 'done'
    ? `${at}: ${countText(rows)} rows`
    : `${at}: ${status}${message ? ` (${message})` : ''}`;
}
