// A sidebar's first read of what it shows (Pull data's choices, Push's sheet, the refreshes, the
// settings). Failed, the page says so at its top, why and what to do, with Try again, and shows
// nothing else meanwhile: a form left empty without a word (no Data to choose, no range) reads as
// broken, and a list read as none would say there is nothing. Every sidebar does it alike.

import { busy, el, showStatus } from './dom';
import { focusHeading } from './first-focus';
import { errorMessage } from './rpc';

/** What the notice says of a failed read: the server's reason, and what to do. */
export function readFailedText(error: unknown): string {
  const why = errorMessage(error).trim().replace(/\.?$/, '.');
  return `Could not read the spreadsheet: ${why} Select a cell inside the sheet, then press Try again.`;
}

/**
 * Runs `read`, which fills the page. While it has failed, the page shows its heading and, under it,
 * why, with Try again (which runs `read` anew); the rest is hidden (body[data-unread], base.css).
 * Resolves to what the read that worked gave.
 */
export function firstRead<T>(read: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => {
    let notice: { box: HTMLElement; words: HTMLElement; again: HTMLButtonElement } | undefined;
    const attempt = async () => {
      let value: T;
      try {
        value = await read();
      } catch (error) {
        notice ??= showNotice(() => {
          if (!notice) return;
          // Said, so that the same failure again is heard as an answer to the press.
          showStatus(notice.words, 'Reading the spreadsheet again…');
          void busy([notice.again], attempt);
        });
        showStatus(notice.words, readFailedText(error), 'error');
        return;
      }
      delete document.body.dataset.unread;
      if (notice) {
        // The button pressed goes with the notice: the keyboard starts again at the page's top.
        notice.box.remove();
        focusHeading();
      }
      resolve(value);
    };
    void attempt();
  });
}

function showNotice(again: () => void): { box: HTMLElement; words: HTMLElement; again: HTMLButtonElement } {
  document.body.dataset.unread = '';
  const words = el('p', { class: 'status notice', id: 'readFailed' });
  const button = el('button', { type: 'button', 'aria-describedby': 'readFailed' }, 'Try again');
  button.addEventListener('click', again);
  // An alert: said at once, though the keyboard stays at the heading the sidebar opened at.
  const box = el('div', { id: 'readNotice', role: 'alert' }, words, el('div', { class: 'actions' }, button));
  document.querySelector('h1')?.after(box);
  return { box, words, again: button };
}
