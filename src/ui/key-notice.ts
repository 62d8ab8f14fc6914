// The notice of a missing API key (or one Assembled refused), said once at a sidebar's top, before
// any button is pressed: every sidebar that reaches Assembled shows it alike (Pull data, Push rows,
// Scheduled refreshes), with Open Settings… under it, where the key is saved.
import type { KeyNotice } from '../core/settings';
import { busy, byId, el, showStatus } from './dom';
import { callServer, errorMessage } from './rpc';

/** Shows (or, with a key saved since, puts away) the notice under the page's heading. */
export function showKeyNotice({ keyMissing }: KeyNotice): void {
  let notice = document.getElementById('keyNotice');
  if (!notice) {
    if (!keyMissing) return;
    // Focusable from script: a button refused for want of the key takes the keyboard here (keyNoticeSaying).
    notice = el('p', { id: 'keyNotice', class: 'status notice', role: 'alert', tabindex: '-1' });
    // Beside the notice, not in it: its words are what a refused button's are (keyNoticeSaying).
    document.querySelector('h1')?.after(notice, openSettings());
  }
  notice.hidden = !keyMissing;
  byId('keyNoticeActions').hidden = !keyMissing;
  showStatus(notice, keyMissing ?? '', 'error');
}

/** Settings opens in this sidebar's place, as the menu path the notice names would open it. */
function openSettings(): HTMLElement {
  const open = el('button', { type: 'button', 'aria-describedby': 'keyNotice' }, 'Open Settings…');
  open.addEventListener('click', () => {
    const status = byId('status');
    showStatus(status, 'Opening Settings…');
    busy([open], () => callServer('showSettingsSidebar')).catch((error) =>
      showStatus(status, errorMessage(error), 'error'),
    );
  });
  return el('div', { id: 'keyNoticeActions' }, open);
}

/**
 * The notice, when it shows `words` (a pull refused for want of the key says what it says): the
 * keyboard goes there, and the status line, read aloud too, does not say them a second time.
 */
export function keyNoticeSaying(words: string): HTMLElement | undefined {
  const notice = document.getElementById('keyNotice');
  return notice && !notice.hidden && notice.textContent === words ? notice : undefined;
}
