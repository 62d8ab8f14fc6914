// When a sidebar looks at the spreadsheet again: the sheet in front (Push rows), the sheets, the
// active cell and the spreadsheet's time zone (Pull data). A tab clicked or File ▸ Settings saved
// tells a sidebar nothing (no event reaches it), and asking the server on a timer would run the
// script all day in a sidebar left open, each call an execution counted against the person's
// quotas. So it asks at the moments the person may have been at the sheet and be looking at the
// sidebar again: a handful of calls for each time they go to the sheet and come back.

/** No pointer move over the sidebar this long: the next one may be the pointer back from the sheet. */
const AWAY_MS = 1_000;
/**
 * The sidebar lost the keyboard, often to a tab clicked: one look this long after, when the switch
 * has reached the script, for the eye that comes back to the sidebar without the pointer.
 */
const AFTER_LEAVING_MS = 2_000;

/**
 * Where the pointer is over the sidebar (its height in the window), as far as a frame can tell: it
 * moved or pressed here since the window last lost the keyboard (a click on the sheet). A frame is
 * not told the pointer left without a click, so this may still say so after.
 */
let pointerY: number | undefined;
export const pointerInSidebar = (): number | undefined => pointerY;

/**
 * Calls `look` when the person may be back from the sheet: the keyboard in the sidebar again, the
 * page shown again, the pointer moving over it again, and once a moment after the keyboard left
 * it. One look at a time; one asked for meanwhile is made after it, as the answer on its way may
 * be older than the switch (the pointer, still a while, moved off to click a tab).
 */
export function lookWhenBack(look: () => Promise<void>): void {
  let under: Promise<void> | undefined;
  let again = false;
  let later: number | undefined;
  const ask = (): void => {
    window.clearTimeout(later);
    if (document.hidden) return;
    if (under) {
      again = true;
      return;
    }
    under = look().finally(() => {
      under = undefined;
      if (again) {
        again = false;
        ask();
      }
    });
  };
  window.addEventListener('focus', ask);
  document.addEventListener('visibilitychange', ask);
  window.addEventListener('blur', () => {
    pointerY = undefined;
    window.clearTimeout(later);
    later = window.setTimeout(ask, AFTER_LEAVING_MS);
  });
  document.addEventListener('pointerdown', (event) => {
    pointerY = event.clientY;
  });
  // Back is the first move after none for AWAY_MS: a frame is not told the pointer left it (Chrome
  // sends no mouseleave on a move out to the page around it), nor that it came back.
  let lastMove = 0;
  document.addEventListener(
    'pointermove',
    (event) => {
      pointerY = event.clientY;
      const now = Date.now();
      if (now - lastMove >= AWAY_MS) ask();
      lastMove = now;
    },
    { passive: true },
  );
}
