// Whether a refresh's next run pulls the dates an earlier run of it was to pull, and how that is
// said: by the log row of a run that stood for runs not started (folded-runs.ts), and by the e-mail
// of a replace's run given up (failure-mail.ts), which would otherwise ask for a Run now not needed.
import type { Zone } from '../ports';
import { type DateRangeSpec, resolveRange } from '../time/date-range';

/**
 * Whether a run of `range` at `at` pulls every one of `dates`, which a run of it was to pull: a
 * relative range moves on only, so it does when it begins no later (a fixed one's are the same).
 */
export const nextPulls = (range: DateRangeSpec, at: number, dates: { from: string }, zone: Zone): boolean =>
  resolveRange(range, at, zone).from <= dates.from;

/** "The next run, due 22:00, pulls the dates they were to pull": `they`, whose dates (no stop). */
export const nextPullsSaid = (at: string, they: string): string =>
  `The next run, due ${at}, pulls the dates ${they} to pull`;
