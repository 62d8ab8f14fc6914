// What Refresh on a schedule, offered from a sheet's card in Pull data, says it reruns.
import type { PullAgain } from './pull-again';
import { describeTarget } from './pull-target';

/**
 * The card's pull, by the place it last filled, and by its data unless the place is named so
 * already (a sheet "Teams" filled with Teams): said twice, the one name reads as two things.
 */
export function rerunsWords({ spec, what }: Pick<PullAgain, 'spec' | 'what'>): string {
  const place = describeTarget(spec.target);
  return `the pull that last filled "${place}"${what === place ? '' : ` (${what})`}`;
}
