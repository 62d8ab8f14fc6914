// When Push rows asks which sheet is in front. A tab clicked in the spreadsheet tells a sidebar
// nothing (no event reaches it), and asking the server on a timer would run the script all day in
// a sidebar left open, each call an execution counted against the person's quotas. So it asks at
// the moments the person may have switched sheets and be looking at it again: a handful of calls
// for each time they go to the sheet and come back.

/** No pointer move over the sidebar this long: the next one may be the pointer back from the sheet. */
const AWAY_MS = 1_000;
/**
 * The sidebar lost the keyboard, often to a tab clicked: one look this long after, when the switch
 * has reached the script, for the eye that comes back to the sidebar without the pointer.
 */
const AFTER_LEAVING_MS = 2_000;

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
    window.clearTimeout(later);
    later = window.setTimeout(ask, AFTER_LEAVING_MS);
  });
  // Back is the first move after none for AWAY_MS: a frame is not told the pointer left it (Chrome
  // sends no mouseleave on a move out to the page around it), nor that it came back.
  let lastMove = 0;
  document.addEventListener(
    'pointermove',
    () => {
      const now = Date.now();
      if (now - lastMove >= AWAY_MS) ask();
      lastMove = now;
    },
    { passive: true },
  );
}
