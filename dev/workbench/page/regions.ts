// F6 and Shift+F6 move the keyboard from one part of the page to the next, as in Sheets and
// Chrome: the top bar (menus, tools, formula bar), the grid, the sidebar. The grid keeps Tab (as
// Sheets' does), so without them the sidebar could not be reached from the keyboard at all.

export interface Region {
  /** Whether the focus is in this part (an element of it, or the sidebar's frame). */
  holds(focused: Element): boolean;
  /** Whether it is there to go to (the sidebar is not always open). */
  shown(): boolean;
  enter(): void;
}

/** Moves to the next region (the previous one `back`); from none, to the first (or the last). */
export function cycle(regions: Region[], back: boolean): void {
  // A dialog open in the page keeps the keyboard until it is closed.
  if (document.querySelector('dialog[open]')) return;
  const shown = regions.filter((r) => r.shown());
  const focused = document.activeElement;
  const at = focused ? shown.findIndex((r) => r.holds(focused)) : -1;
  const to = at < 0 ? (back ? shown.length - 1 : 0) : (at + (back ? -1 : 1) + shown.length) % shown.length;
  shown[to]?.enter();
}

/** F6 pressed in the page; F6 pressed in the sidebar comes by its frame's message (shim.ts). */
export function watchRegions(regions: Region[]): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    cycle(regions, event.shiftKey);
  });
}
