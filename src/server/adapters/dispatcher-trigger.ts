import { type Cadence, type DispatcherTrigger, ensureTrigger } from '../../core/dispatch/dispatcher';
import type { EntryPointName } from '../main';
import { documentSpreadsheet } from './spreadsheet';

/** The handler name says the cadence, so no other state is needed to know which one is installed. */
export const DISPATCH_HANDLERS: Record<Cadence, EntryPointName> = {
  frequent: 'onDispatchTrigger',
  hourly: 'onHourlyDispatchTrigger',
};

/**
 * This user's dispatcher triggers in this spreadsheet. getProjectTriggers() would list those of
 * every spreadsheet where the add-on runs, so another document's could pass for this one's.
 */
function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  const handlers: string[] = Object.values(DISPATCH_HANDLERS);
  return ScriptApp.getUserTriggers(documentSpreadsheet()).filter((t) =>
    handlers.includes(t.getHandlerFunction()),
  );
}

/**
 * A bound script may tick every minute; a published Editor add-on at most hourly, and
 * ScriptApp refuses shorter intervals there, so a frequent tick falls back to hourly.
 */
export const dispatcherTrigger: DispatcherTrigger = {
  current() {
    const handler = ownTriggers()[0]?.getHandlerFunction();
    return handler === DISPATCH_HANDLERS.frequent ? 'frequent' : handler ? 'hourly' : undefined;
  },
  install(cadence) {
    const builder = () => ScriptApp.newTrigger(DISPATCH_HANDLERS[cadence]).timeBased();
    if (cadence === 'hourly') {
      builder().everyHours(1).create();
      return;
    }
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

/** A job was started: tick often until it is done. */
export function ensureDispatcher(): string | undefined {
  return ensureTrigger(dispatcherTrigger, 'frequent');
}

/** A refresh was saved or resumed: an hourly tick will run it when due. */
export function ensureScheduler(): string | undefined {
  return ensureTrigger(dispatcherTrigger, 'hourly');
}
