// Which schedule an activity row is on. A blank Schedule cell is Assembled's master schedule, and
// so is the master's own id, which every row of a schedule pulled with no schedule picked carries:
// rows naming it either way are on one schedule, and clash there. Assembled names no schedule as
// its master, so its id is known only from such a pull, by the sheet's header note.
import { RESOURCE_INFO } from '../pull/catalogue';
import { filtersIn, pulledFrom } from '../pull/source-note';

/** The schedule a row names, as rows are compared: '' for the master, however the row names it. */
export type ScheduleOf = (id: string | undefined) => string;

/** `masters`: the ids known to be the master schedule's. */
export function scheduleOf(masters: ReadonlySet<string> = new Set()): ScheduleOf {
  return (id) => (!id || masters.has(id) ? '' : id);
}

/**
 * The master schedule's id as a pulled schedule shows it: the Schedule ID of its pulled rows (those
 * with an Activity ID), when its header note says it was pulled with no schedule picked. None for
 * any other sheet. A merged sheet's older rows may come of another pull: taken as the master's
 * too, they can only mark more rows as placed over another, never fewer.
 */
export function masterScheduleIds(headerNote: string, pulledIds: Iterable<string>): Set<string> {
  const pulled = pulledFrom(headerNote) === RESOURCE_INFO.activities.label;
  if (!pulled || filtersIn(headerNote).has('schedule_id')) return new Set();
  return new Set([...pulledIds].filter(Boolean));
}
