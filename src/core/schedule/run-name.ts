// A refresh's run as its card names it: a scheduled run by the time it was due; one started by Run
// now, which nobody scheduled, by who started it and when. Shared by the card's view and its words.

/** "the run due 2026-12-07 21:00", or "the run you started at 2026-12-08 00:27". */
export function runName(due: string, startedBy?: string): string {
  return startedBy ? `the run ${startedBy} started at ${due}` : `the run due ${due}`;
}
