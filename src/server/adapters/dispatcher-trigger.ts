import { type Cadence, type DispatcherTrigger, ensureTrigger } from '../../core/dispatch/dispatcher';
import type { EntryPointName } from '../main';
import { userStore } from './properties-store';
import { knownSpreadsheet } from './spreadsheet';

/** The handler name says the cadence, so no other state is needed to know which one is installed. */
export const DISPATCH_HANDLERS: Record<Cadence, EntryPointName> = {
  frequent: 'onDispatchTrigger',
  hourly: 'onHourlyDispatchTrigger',
};

/** The trigger that ran this execution (its event's triggerUid), in a time-driven run. */
let ranBy: string | undefined;
export const runningFrom = (uid: string | undefined): void => {
  ranBy = uid;
};

/**
 * This user's dispatcher triggers in this spreadsheet. getProjectTriggers() would list those of
 * every spreadsheet where the add-on runs, so another document's could pass for this one's. A
 * time-driven run no record names its spreadsheet for (the last refresh deleted before it ran) has
 * its own trigger alone, known by its id, which it then removes rather than fail every hour.
 */
function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  const handlers: string[] = Object.values(DISPATCH_HANDLERS);
  const ours = (t: GoogleAppsScript.Script.Trigger) => handlers.includes(t.getHandlerFunction());
  const spreadsheet = knownSpreadsheet();
  if (spreadsheet) return ScriptApp.getUserTriggers(spreadsheet).filter(ours);
  return ScriptApp.getProjectTriggers().filter(
    (t) => ours(t) && ranBy !== undefined && t.getUniqueId() === ranBy,
  );
}

/** Set once ScriptApp refused this user a minute trigger but made an hourly one: an Editor add-on. */
const HOURLY_ONLY = 'dispatch.hourlyOnly';

/**
 * A bound script may tick every minute; a published Editor add-on at most hourly, and
 * ScriptApp refuses shorter intervals there, so a frequent tick falls back to hourly, installed
 * as the hourly one it is, and remembered so that later work never swaps it for another.
 */
export const dispatcherTrigger: DispatcherTrigger = {
  current() {
    const handler = ownTriggers()[0]?.getHandlerFunction();
    return handler === DISPATCH_HANDLERS.frequent ? 'frequent' : handler ? 'hourly' : undefined;
  },
  install(cadence) {
    const builder = (c: Cadence) => ScriptApp.newTrigger(DISPATCH_HANDLERS[c]).timeBased();
    if (cadence === 'frequent' && this.fastest() === 'frequent') {
      try {
        builder('frequent').everyMinutes(1).create();
        return;
      } catch {
        builder('hourly').everyHours(1).create();
        userStore().set(HOURLY_ONLY, true);
        return;
      }
    }
    builder('hourly').everyHours(1).create();
  },
  remove() {
    for (const t of ownTriggers()) ScriptApp.deleteTrigger(t);
  },
  fastest() {
    return userStore().get<boolean>(HOURLY_ONLY) ? 'hourly' : 'frequent';
  },
};

/** A job was started: tick often until it is done. */
export function ensureDispatcher(): string | undefined {
  return ensureTrigger(dispatcherTrigger, 'frequent');
}

/** A refresh was saved or resumed: an hourly tick will run it when due. */
export function ensureScheduler(): string | undefined {
  return ensureTrigger(dispatcherTrigger, 'hourly');
}
