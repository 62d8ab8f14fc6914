// The progress and status stuck to the foot of the Pull sidebar, over the form scrolled above it:
// never over the control that has the keyboard focus.

/**
 * Keeps the focused control clear of the dock: the page's scroll padding is the dock's height, so
 * Tab scrolls a control above it, and a control focused by the page (Pull data given back after a
 * pull, a checkbox reached with the arrows) is scrolled there too, as is the focus the dock grew
 * over. A press is left alone: nothing moves under the pointer before its click.
 */
export function keepFocusClear(dock: HTMLElement): void {
  let pressed = false;
  window.addEventListener('pointerdown', () => {
    pressed = true;
  });
  // Released outside the frame, a press ends no pointerup here: the next key ends it.
  for (const end of ['pointerup', 'pointercancel', 'keydown'])
    window.addEventListener(end, () => {
      pressed = false;
    });
  const reveal = (target: EventTarget | null) => {
    if (pressed || !(target instanceof HTMLElement) || dock.contains(target)) return;
    const { top, bottom } = target.getBoundingClientRect();
    if (top < 0 || bottom > dock.getBoundingClientRect().top) target.scrollIntoView({ block: 'nearest' });
  };
  new ResizeObserver(() => {
    document.documentElement.style.scrollPaddingBottom = `${dock.offsetHeight}px`;
    reveal(document.activeElement);
  }).observe(dock);
  document.addEventListener('focusin', (event) => reveal(event.target));
  window.addEventListener('resize', () => reveal(document.activeElement));
}
