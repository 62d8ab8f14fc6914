// An activity placed in the past is sent as any other: Assembled takes edits of past schedules,
// and a backfill for adherence is meant. Validate says so all the same, since a date typed a week
// or a year out lands there too, and adherence already reported for the day changes. Time off in
// the past is sent too (sick leave recorded after the fact), and said alike, and again once created:
// a mistyped date is then undone by cancelling the request.
import type { Zone } from '../ports';
import { formatLocalDateTime } from '../time/zone-math';
import type { PushRequest } from './request';
import { CANCEL_AND_PUSH_AGAIN } from './time-off-words';

/**
 * Validate's word on a create or update whose activity starts before `now`, or on time off that
 * ended before it, in the spreadsheet's zone, as agent states word a time in the future; '' for
 * any other row. `sent`: Push's word on time off it just created, kept in its Push message, as a
 * mistyped date now needs the request cancelled (an activity's word is Validate's alone).
 */
export function pastWords(request: PushRequest, now: number, zone: Zone, sent = false): string {
  const at = (ms: number) => formatLocalDateTime(ms, zone);
  const clock = `it is ${at(now)} in ${zone.name}`;
  // Time off under way (today's sick day) is as meant: only a request wholly past is worth a look.
  // Its days are the row's own (an all-day request's are its agent's), so they are not said again.
  if (request.kind === 'time_off')
    return request.input.end_time > now
      ? ''
      : sent
        ? ` It is in the past (${clock}): Assembled took it all the same, as leave recorded after the fact; if a date was mistyped (its year?), correct it and ${CANCEL_AND_PUSH_AGAIN}`
        : ` It is in the past (${clock}): Assembled takes it all the same, as leave recorded after the fact; if a date is mistyped (its year?), correct it before pushing.`;
  if (sent || request.kind !== 'activities' || request.action === 'delete') return '';
  const { start_time: start, end_time: end } = request.activity;
  if (start === undefined || start >= now) return '';
  if (end === undefined || end > now)
    return ` It starts in the past (${at(start)}; ${clock}): Assembled will measure adherence since then against it.`;
  // Its last minute's day: an activity ending at midnight is of the day before.
  const [first, last] = [at(start), at(end - 1)].map((t) => t.slice(0, 10));
  const days = first === last ? `${first}` : `${first} to ${last}`;
  return ` It is in the past (${days}; ${clock}): Assembled will measure ${first === last ? "that day's" : "those days'"} adherence against it.`;
}
