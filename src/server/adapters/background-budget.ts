import { budgetNotice, startTick, type Tick } from '../../core/dispatch/background';
import { namedZone } from './gas-zone';
import { userStore } from './properties-store';

/** Google counts a user's daily trigger runtime by the Pacific-time day. */
const pacific = () => namedZone('America/Los_Angeles');

export function startBackgroundTick(now: number, perTickMs: number): Tick {
  return startTick(userStore(), pacific(), now, perTickMs);
}

/** The sidebar's word on today's background budget ('' while there is some left). */
export function backgroundNotice(now: number): string {
  return budgetNotice(userStore(), pacific(), now);
}
