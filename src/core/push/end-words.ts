// What End says when it does not come after Start, for each kind with both (time off, agent states,
// activities), in one place: a person told only "must be after Start" of an End equal to it is not
// told what to give.

/** End's words for a time `end` not after `start` (epoch ms): `what` is what ends ("the time off"). */
export function notAfterStart(start: number, end: number, startColumn: string, what: string): string {
  return end === start
    ? `is the same as ${startColumn}: give the time ${what} ends.`
    : `must be after ${startColumn}.`;
}

/** End's words for whole days whose last day comes before the first. */
export const lastDayFirst = (startColumn: string, endColumn: string): string =>
  `is before ${startColumn}: give the last day off as ${endColumn}.`;
