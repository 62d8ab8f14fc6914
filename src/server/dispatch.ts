// The dispatcher trigger's handler and the work it does.
import { tick, type WorkSource } from '../core/dispatch/dispatcher';
import type { Caller } from '../core/owner';
import { hasActivePulls, runDuePulls } from '../core/pull/run-pull';
import { hasActivePushes, runDuePushes } from '../core/push/run-push';
import { hasRefreshWork, runDueRefreshes } from '../core/schedule/run-refreshes';
import { dispatcherTrigger } from './adapters/dispatcher-trigger';
import { documentStore } from './adapters/properties-store';
import { pullDeps } from './pull';
import { pushDeps } from './push';
import { refreshDeps } from './refreshes';
import { currentUser as whoIsCalling } from './user';

/** Stop starting new work a minute before Apps Script's 6-minute limit. */
const BUDGET_MS = 5 * 60_000;

function sources(): WorkSource[] {
  let caller: Caller | undefined;
  const currentUser = () => {
    caller ??= whoIsCalling();
    return caller;
  };
  return [
    {
      name: 'pulls',
      hasWork: () => hasActivePulls(documentStore(), currentUser()),
      runDue: (deadline) => runDuePulls(pullDeps(), deadline),
    },
    {
      name: 'pushes',
      hasWork: () => hasActivePushes(documentStore(), currentUser()),
      runDue: (deadline) => runDuePushes(pushDeps(), deadline),
    },
    {
      name: 'refreshes',
      cadence: 'hourly',
      hasWork: () => hasRefreshWork({ store: documentStore(), user: currentUser() }),
      runDue: (deadline) => runDueRefreshes(refreshDeps(), deadline),
    },
  ];
}

/** Both cadences' triggers run the same tick; their names tell which one is installed. */
export function onDispatchTrigger(): void {
  const result = tick(sources(), dispatcherTrigger, Date.now() + BUDGET_MS);
  for (const f of result.failed)
    console.error(`Assembled background task "${f.source}" failed: ${f.message}`);
}

export const onHourlyDispatchTrigger = onDispatchTrigger;
