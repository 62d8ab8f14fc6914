// Another editor's push or refresh run goes on with its owner's key alone: in their open sidebar,
// else at their hourly background check. By when that check takes it up, said one way for both.
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import { SLOWEST_TICK_MS } from './pull-job';

/**
 * The latest their hourly check takes up a job last worked on at `lastWorked` and next tried at
 * `nextTry`: an hour after whichever is later. Counted from these, not from the time it is asked,
 * it stays put as a sidebar asks again (counted from "now", it moved on a minute a minute).
 */
export function hourlyCheckBy(lastWorked: number, nextTry: number): number {
  return Math.max(lastWorked, nextTry) + SLOWEST_TICK_MS;
}

/**
 * The words after "it goes on while they have … open": by when their hourly check takes it up, or,
 * that time past with nothing done since, that it was due and has not (their trigger may be off).
 * `whose`: "your" to the job's owner.
 */
export function hourlyCheckWords(
  lastWorked: number,
  nextTry: number,
  now: number,
  zone: Zone,
  whose = 'their',
): string {
  const due = hourlyCheckBy(lastWorked, nextTry);
  const at = formatLocalDateTime(due, zone);
  return due > now
    ? `, else by ${at} at ${whose} hourly background check`
    : `; ${whose} hourly background check was due to take it up by ${at} and has not (it may be off)`;
}
