import { type Clock, WaitTooLong } from '../../core/ports';
import { EXECUTION_STARTED_AT } from './execution';

/** Apps Script ends an execution at 6 minutes; a sleep keeps this much of it for saving state. */
const EXECUTION_END_MS = 6 * 60_000 - 30_000;
/** Utilities.sleep refuses more than 5 minutes. */
const SLEEP_MAX_MS = 300_000;

export const gasClock: Clock = {
  now: () => Date.now(),
  sleep(ms) {
    const wait = Math.max(0, Math.round(ms));
    const left = EXECUTION_STARTED_AT + EXECUTION_END_MS - Date.now();
    if (wait > Math.min(left, SLEEP_MAX_MS)) throw new WaitTooLong(wait);
    Utilities.sleep(wait);
  },
};
