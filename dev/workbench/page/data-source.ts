// The header over a Connected Sheets data source sheet: which BigQuery table it reads, how fresh
// its preview is, and that its cells cannot be edited.
import type { SheetView } from '../wire';

export function showDataSource(banner: HTMLElement, view: SheetView): void {
  const ds = view.dataSource;
  banner.hidden = !ds;
  if (!ds) {
    banner.textContent = '';
    return;
  }
  const parts = [`Connected Sheets view of BigQuery ${ds.table}`];
  if (ds.state === 'ERROR') parts.push(`last refresh failed: ${ds.error}`);
  else if (ds.state === 'RUNNING') parts.push('refreshing');
  else parts.push(`${ds.truncated ? 'first ' : ''}${ds.rows} rows`);
  if (ds.refreshed) parts.push(`refreshed ${ds.refreshed} by ${ds.runBy}`);
  parts.push('read-only');
  banner.textContent = parts.join(' · ');
}
