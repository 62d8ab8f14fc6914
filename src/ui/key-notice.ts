// The notice of a missing API key (or one Assembled refused), said once at a sidebar's top, before
// any button is pressed: every sidebar that reaches Assembled shows it alike (Pull data, Push rows).
import type { KeyNotice } from '../core/settings';
import { el, showStatus } from './dom';

/** Shows (or, with a key saved since, puts away) the notice under the page's heading. */
export function showKeyNotice({ keyMissing }: KeyNotice): void {
  let notice = document.getElementById('keyNotice');
  if (!notice) {
    if (!keyMissing) return;
    notice = el('p', { id: 'keyNotice', class: 'status notice', role: 'alert' });
    document.querySelector('h1')?.after(notice);
  }
  notice.hidden = !keyMissing;
  showStatus(notice, keyMissing ?? '', 'error');
}
