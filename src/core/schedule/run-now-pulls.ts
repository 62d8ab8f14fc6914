// What Run now pulls, said alike by the failure e-mail and the refresh's card.
import { rangeWords } from '../time/date-range';
import type { Refresh } from './refresh';

/**
 * A relative range as of the day Run now is pressed, which need not be the days a run missed
 * (pressed next week, "last week" is another week); a fixed one, `them` (those days).
 */
export function runNowPulls({ spec }: Pick<Refresh, 'spec'>, them: string): string {
  return `pulls ${spec.range?.kind === 'relative' ? `${rangeWords(spec.range)} as of the day you press it` : them}`;
}
