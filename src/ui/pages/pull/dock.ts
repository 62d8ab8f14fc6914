// The progress and status stuck to the foot of the Pull sidebar, over the form scrolled above it:
// never over the control that has the keyboard focus, nor over most of the sidebar.

/** Taller than this share of the sidebar (text enlarged, a long name), the dock follows the form. */
const MAX_SHARE = 1 / 3;

/**
 * Keeps the focused control clear of the dock: the page's scroll padding is the dock's height, so
 * Tab scrolls a control above it, and a control focused by the page (Pull data given back after a
 * pull, a checkbox reached with the arrows) is scrolled there too, as is the focus the dock grew
 * over. A press is left alone: nothing moves under the pointer before its click. A dock taller
 * than MAX_SHARE of the sidebar stops sticking ("loose"): it would hide the form it reports on.
 * Gives what brings a loose dock into view, for when a pull ends.
 */
export function keepFocusClear(dock: HTMLElement): () => void {
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
  const fit = () => {
    loose = dock.getBoundingClientRect().height > window.innerHeight * MAX_SHARE;
    dock.classList.toggle('loose', loose);
    document.documentElement.style.scrollPaddingBottom = loose ? '' : `${dock.offsetHeight}px`;
    reveal(document.activeElement);
  };
  new ResizeObserver(fit).observe(dock);
  window.addEventListener('resize', fit);
  document.addEventListener('focusin', (event) => reveal(event.target));
  // Following the form, the dock may be below what is shown: brought into view when it has news.
  return () => {
    if (loose) dock.scrollIntoView({ block: 'nearest' });
  };
}
