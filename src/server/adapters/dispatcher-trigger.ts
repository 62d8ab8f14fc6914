import { type DispatcherTrigger, ensureTrigger } from '../../core/dispatch/dispatcher';

import type { EntryPointName } from '../main';

export const DISPATCH_HANDLER: EntryPointName = 'onDispatchTrigger';

/** This user's triggers of this project (for an add-on: in this document). */
function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DISPATCH_HANDLER);
}

/**
 * A bound script may run every minute; a published Editor add-on may run at most hourly and
 * ScriptApp refuses shorter intervals, so the shorter one is tried first.
 */
export const dispatcherTrigger: DispatcherTrigger = {
  exists: () => ownTriggers().length > 0,
  install() {
    const builder = () => ScriptApp.newTrigger(DISPATCH_HANDLER).timeBased();
    try {
      builder().everyMinutes(1).create();
    } catch {
      builder().everyHours(1).create();
    }
  },
  remove() {
    for (const t of ownTriggers()) ScriptApp.deleteTrigger(t);
  },
};

/** Called whenever work is added, so the trigger is there to finish it. */
export function ensureDispatcher(): void {
  ensureTrigger(dispatcherTrigger);
}
