// What each connection check read, said for a person ("People: 100 read"); the raw request stays
// available as the detail behind it.
import { countText } from '../count-text';
import { type CheckResult, keyUntold } from './check';

const LABELS: Record<string, [label: string, noun: string]> = {
  listPeople: ['People', 'people'],
  getPerson: ['One person', 'person'],
  listRoles: ['Roles', 'roles'],
  listTeams: ['Teams', 'teams'],
  listSites: ['Sites', 'sites'],
  listQueues: ['Queues', 'queues'],
  listSkills: ['Skills', 'skills'],
  // Named as the setting it checks, which the person can change.
  timeFormat: ['Send times as', 'times'],
  listRequirements: ['Staffing requirements', 'requirements'],
  listActivityTypes: ['Activity types', 'types'],
  listRequirementTypes: ['Requirement types', 'types'],
  listActivities: ['Scheduled activities', 'activities'],
  getAgentStates: ['Agent states', 'states'],
  getCondensedTimeline: ['Agent-state timeline', 'entries'],
  getEditHistory: ['Agent-state edit history', 'edits'],
  listTimeOffRequests: ['Time-off requests', 'requests'],
  listTimeOffUpdates: ['Time-off updates', 'updates'],
  listAssistConversations: ['Assist conversations', 'conversations'],
  startReport: ['Start a report', 'report'],
  getReport: ['Read a report', 'rows'],
  createTimeOff: ['Create time off', 'request'],
  cancelTimeOff: ['Cancel time off', 'request'],
};

/** What the check's one POST does, as the row says it (the report is the one check.ts starts). */
export const START_REPORT_WORDS =
  'one small adherence report (the last day) started in Assembled, which changes no data';

export function checkLabel(operation: string): string {
  return LABELS[operation]?.[0] ?? operation;
}

/** "100 read", "started", or why it failed, in the check's own words. */
export function checkSummary(
  result: Pick<CheckResult, 'operation' | 'ok' | 'records' | 'error' | 'note'>,
): string {
  // The time-format probe's note says what the server takes, whether or not it matches Settings.
  if (result.operation === 'timeFormat' && result.note) return result.note;
  if (!result.ok) return result.error?.message ?? (result.note ? `not run (${result.note})` : 'failed');
  // Said for what it is: Test connection is told of as reads, and this one thing is started in Assembled.
  if (result.operation === 'startReport') return START_REPORT_WORDS;
  if (result.operation === 'createTimeOff') return 'created';
  if (result.operation === 'cancelTimeOff') return 'cancelled';
  const noun = LABELS[result.operation]?.[1];
  return `${countText(result.records)} read${noun && result.records === 0 ? ` (no ${noun} yet)` : ''}`;
}

/** A check left out because what it needed came from one that failed (no person to read). */
export function notRun(result: Pick<CheckResult, 'ok' | 'status' | 'error'>): boolean {
  return !result.ok && result.status === null && !result.error;
}

/** How many checks failed, and apart from them how many were not run: "15 failed, 2 not run". */
export function failedCount(checks: readonly { ok: boolean; notRun?: boolean }[]): string {
  const skipped = checks.filter((c) => c.notRun).length;
  const failed = checks.filter((c) => !c.ok).length - skipped;
  return `${failed} failed${skipped ? `, ${skipped} not run` : ''}`;
}

/**
 * Assembled down: every check that ran met a server error or no answer. Said once, as a refused
 * key is, rather than its advice on every line; undefined otherwise.
 */
export function outageWords(
  results: readonly Pick<CheckResult, 'ok' | 'status' | 'error'>[],
): string | undefined {
  const ran = results.filter((r) => !notRun(r));
  const counted = failedCount(results.map((r) => ({ ok: r.ok, notRun: notRun(r) })));
  const kinds = new Set(ran.map((r) => r.error?.kind));
  if (ran.length < 2 || [...kinds].some((k) => k !== 'server' && k !== 'network')) return undefined;
  return kinds.has('network')
    ? `Assembled is not answering (no response or a server error on every check: ${counted}): check the connection, or try again in a few minutes.`
    : `Assembled is not answering (a server error on every check: ${counted}): try again in a few minutes.`;
}

/**
 * Why the checks could not tell whether Assembled takes what they tried ("a server error on every
 * check"): every check that ran failed before Assembled looked at the key (keyUntold). Undefined
 * once any check was answered past the key, or the key was refused.
 */
export function untoldWhy(
  results: readonly Pick<CheckResult, 'ok' | 'status' | 'error'>[],
): string | undefined {
  const ran = results.filter((r) => !notRun(r));
  if (ran.length === 0 || ran.some((r) => r.ok || !keyUntold(r))) return undefined;
  const kinds = new Set(ran.map((r) => r.error?.kind));
  const met = [
    kinds.has('server') && 'a server error',
    kinds.has('rate_limited') && 'its rate limit',
    (kinds.has('network') || kinds.has('outcome_unknown')) && 'no response',
  ].filter(Boolean);
  return `${met.join(' or ')} on every check`;
}
