// What Run now pulls, and what its owner can do about a run given up, said alike by the failure
// e-mail and the refresh's card.
import { menuPath } from '../menu-names';
import { rangeWords } from '../time/date-range';
import type { Refresh } from './refresh';

/** The card Run now is on, as its own card names itself. */
export const THIS_CARD = 'this card';
/** The card Run now is on, in an e-mail that has said where it is (failure-mail.ts cardPlacedOnce). */
export const ITS_CARD_SAID = 'its card';
/** The card Run now is on, as the e-mail names it: read far from the sidebar, it says where that is. */
export const ITS_CARD = `${ITS_CARD_SAID} in ${menuPath('refreshes')}`;

/**
 * A relative range as of the day Run now is pressed, which need not be the days a run missed
 * (pressed next week, "last week" is another week); a fixed one, `them` (those days).
 */
function runNowPulls({ spec }: Pick<Refresh, 'spec'>, them: string): string {
  return `pulls ${spec.range?.kind === 'relative' ? `${rangeWords(spec.range)} as of the day you press it` : them}`;
}

/** "Run now on this card pulls it": `on`, THIS_CARD or ITS_CARD. */
export const runNowOn = (r: Pick<Refresh, 'spec'>, on: string, them: string) =>
  `Run now on ${on} ${runNowPulls(r, them)}`;

/**
 * A run given up on an outage waits for the refresh's next time, maybe days off: `act` (Run now,
 * or to another editor, whom to ask) is what can be done instead, at once or once a later try fails.
 */
export const ratherThanWait = (act: string) => `${act}, rather than wait for its next run`;

/**
 * Run now is offered in place of waiting only where the wait is real: a next run within two hours
 * (every hour, every 2 hours) comes about as soon as its owner would act on the words, and pulls
 * what Run now would. Said of an hourly refresh, it only lengthened its card past the sidebar (QA).
 */
const NEAR_MS = 2 * 3_600_000;

/** Whether the next run, due at `next`, is a real wait from `from` (NEAR_MS). */
export const longWait = (next: number, from: number) => next - from > NEAR_MS;

/** With no later try: once Assembled answers again (whether it does by now is not known, so not said). */
export const onceBack = (act: string) => `Once Assembled answers again, ${ratherThanWait(act)}.`;
