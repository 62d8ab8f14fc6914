// How far back "Custom: N days back" reaches: the server's check and the form's words share it.

export const DAYS_BACK_MIN = 1;
export const DAYS_BACK_MAX = 366;

/** What is wrong with the Days back field as typed, in the form's words; undefined when nothing is. */
export function daysBackProblem(typed: string): string | undefined {
  const days = Number(typed);
  if (typed.trim() === '' || !Number.isInteger(days))
    return `Days back must be a whole number from ${DAYS_BACK_MIN} to ${DAYS_BACK_MAX}.`;
  if (days < DAYS_BACK_MIN) return `Days back must be at least ${DAYS_BACK_MIN}.`;
  if (days > DAYS_BACK_MAX) return `Days back must be at most ${DAYS_BACK_MAX}.`;
  return undefined;
}
