// The progress and status stuck to the foot of the Pull sidebar, over the form scrolled above it:
// never over the control that has the keyboard focus, nor over most of the sidebar.

import { bringIntoView } from '../../dom';

/** Taller than this share of the sidebar (text enlarged, a long name), the dock follows the form. */
const MAX_SHARE = 1 / 3;

/**
 * Keeps the focused control clear of the dock: the page's scroll padding is the dock's height, so
 * Tab scrolls a control above it, and a control focused by the page (Pull data given back after a
 * start refused, a checkbox reached with the arrows) is scrolled there too, as is the focus the dock grew
 * over. A press is left alone: nothing moves under the pointer before its click. A dock taller
 * than MAX_SHARE of the sidebar stops sticking ("loose"): it would hide the form it reports on.
 * Gives what brings the dock into view from its `heading`, for when it has news (a pull ended, or
 * resumed).
 */
export function keepFocusClear(dock: HTMLElement, heading: HTMLElement): () => void {
  let pressed = false;
  window.addEventListener('pointerdown', () => {
    pressed = true;
  });
  // Released outside the frame, a press ends no pointerup here: the next key ends it.
  for (const end of ['pointerup', 'pointercancel', 'keydown'])
    window.addEventListener(end, () => {
      pressed = false;
    });
  let loose = false;
  const reveal = (target: EventTarget | null) => {
    if (pressed || !(target instanceof HTMLElement) || (dock.contains(target) && !loose)) return;
    const { top, bottom } = target.getBoundingClientRect();
    const floor = loose ? window.innerHeight : Math.min(window.innerHeight, dock.getBoundingClientRect().top);
    if (top < 0 || bottom > floor) target.scrollIntoView({ block: 'nearest' });
  };
  const place = () => {
    loose = dock.getBoundingClientRect().height > window.innerHeight * MAX_SHARE;
    dock.classList.toggle('loose', loose);
    document.documentElement.style.scrollPaddingBottom = loose ? '' : `${dock.offsetHeight}px`;
  };
  // Grown while stuck, the dock may cover the focus. Loose, it covers nothing, and the focus may be
  // far above it (Pull it again), where scrolling to it would hide how the pull just ended.
  new ResizeObserver(() => {
    place();
    if (!loose) reveal(document.activeElement);
  }).observe(dock);
  window.addEventListener('resize', () => {
    place();
    reveal(document.activeElement);
  });
  document.addEventListener('focusin', (event) => reveal(event.target));
  // Loose, the dock may be far from what is shown (stuck, it is in view). Grown past a third by its
  // news, it is loose now, before the observer hears of it. Only scrolled to: the focus stays put,
  // and in view too if it is just above (a field the person was in), the dock's heading below it.
  return () => {
    place();
    if (!loose) return;
    bringIntoView(dock);
    // Taller than the sidebar (text enlarged, Go to under a long name), its foot came into view
    // and its heading went above: shown from the heading, which says how the pull went.
    bringIntoView(heading);
    const focus = document.activeElement;
    if (!(focus instanceof HTMLElement) || focus === document.body || dock.contains(focus)) return;
    const span = heading.getBoundingClientRect().bottom - focus.getBoundingClientRect().top;
    if (span > 0 && span <= window.innerHeight) focus.scrollIntoView({ block: 'nearest' });
  };
}
