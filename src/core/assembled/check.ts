// The Settings "Test connection" button and `npm run check`: every read-only operation once, one
// small adherence report started and read back (a POST, but it changes no data), and with
// { write: true } a time-off request created and then cancelled. Settings' Save asks far less
// (checkSaving).
import type { AssembledClient } from './client';
import { AssembledError, type AssembledErrorKind } from './errors';
import type { Person } from './model';
import { platformsOf } from './priority-order';
import { TIME_FORMAT_LABELS } from './time-refusal';
import type { TimeFormat } from './times';

export interface CheckResult {
  /** The client method exercised. */
  operation: string;
  /** "METHOD /path" of the last HTTP exchange it made. */
  endpoint: string;
  ok: boolean;
  /** HTTP status of the last exchange; null when nothing was sent. */
  status: number | null;
  /** Records parsed. */
  records: number;
  /** Time taken, by the client's clock. */
  ms: number;
  error?: { kind: AssembledErrorKind; message: string; field?: string; detail?: string };
  /** Why an operation was not run or what was adapted. */
  note?: string;
  /** The time-format probe: the way the server took times after refusing the way Settings sends them. */
  accepts?: TimeFormat;
}

export interface CheckOptions {
  /** Also create a time-off request far in the future and cancel it. */
  write?: boolean;
  /**
   * Only these groups of operations (default all): a server that describes one YAML file (a mock of
   * it) has no route for the others.
   */
  only?: readonly CheckGroup[];
}

export const CHECK_GROUPS = ['catalogue', 'agent-state', 'time-off', 'reports', 'schedules'] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

const SCHEDULE_PATHS = ['/v0/activities', '/v0/activity_types', '/v0/requirement_types'];

function groupOf(endpoint: string): CheckGroup {
  const path = endpoint.split(' ')[1] ?? '';
  if (path.startsWith('/v0/agents/')) return 'agent-state';
  if (path.startsWith('/v0/time_off')) return 'time-off';
  if (path.startsWith('/v0/reports')) return 'reports';
  if (SCHEDULE_PATHS.includes(path)) return 'schedules';
  return 'catalogue';
}

const DAY = 86_400_000;

/**
 * Assembled refused the key itself (401): every call after it would be refused alike. A 403 is the
 * key's permission for one call, which says nothing of the others.
 */
export const keyRefused = (result: Pick<CheckResult, 'error' | 'status'>): boolean =>
  result.error?.kind === 'auth' && result.status === 401;

/**
 * A failure met before Assembled looked at the key, or with no answer at all (a server error, its
 * rate limit, no response): it says nothing of whether the key is taken.
 */
export const keyUntold = (result: Pick<CheckResult, 'error'>): boolean =>
  ['server', 'rate_limited', 'network', 'outcome_unknown'].includes(result.error?.kind ?? '');

/** Why the checks after a refused key were not tried (each would be one more refused call). */
const AFTER_REFUSAL = 'the API key was refused';

/**
 * Runs checks one by one and keeps their results: each call's outcome, the last exchange it made,
 * and after a refused key, every later check left out for that (one refused call, not twenty).
 */
function recorder(given: AssembledClient, options: CheckOptions) {
  const results: CheckResult[] = [];
  let last: { endpoint: string; status: number } | undefined;
  const stop = given.onResponse((e) => {
    last = { endpoint: e.endpoint, status: e.status };
  });
  const wanted = (endpoint: string) => !options.only || options.only.includes(groupOf(endpoint));
  let refused = false;
  const run: Run = (operation, fallback, call, count) => {
    if (!wanted(fallback)) return undefined;
    if (refused) {
      skip(operation, fallback, AFTER_REFUSAL);
      return undefined;
    }
    last = undefined;
    const started = given.clock.now();
    const base = () => ({ operation, endpoint: last?.endpoint ?? fallback, status: last?.status ?? null });
    try {
      const value = call();
      results.push({ ...base(), ok: true, records: count(value), ms: given.clock.now() - started });
      return value;
    } catch (e) {
      if (!(e instanceof AssembledError)) throw e;
      const ms = given.clock.now() - started;
      const error = {
        kind: e.kind,
        message: e.message,
        ...(e.field ? { field: e.field } : {}),
        ...(e.detail ? { detail: e.detail } : {}),
      };
      const failed: CheckResult = { ...base(), ok: false, records: 0, ms, error };
      results.push(failed);
      refused ||= keyRefused(failed);
      return undefined;
    }
  };
  // After a refused key, whatever else is left out is left out for that.
  const skip: Skip = (operation, endpoint, note) => {
    if (wanted(endpoint))
      results.push({
        operation,
        endpoint,
        ok: false,
        status: null,
        records: 0,
        ms: 0,
        note: refused ? AFTER_REFUSAL : note,
      });
  };
  return { results, run, skip, stop };
}

/**
 * What Settings' Save asks before keeping a key typed or another Send times as: the time-format
 * probe alone, whose first request also tells whether Assembled takes the key (one request, two
 * when the times are refused one way). When nothing it sent got as far as the key (a server
 * error, the rate limit), the lightest read asks once more. The rest of Test connection (some 20
 * reads and a report) tells Save nothing it acts on, and spends the user's rate limit.
 */
export function checkSaving(client: AssembledClient): CheckResult[] {
  const { results, run, stop } = recorder(client, {});
  try {
    const now = client.clock.now();
    // The first page of agent states tells how times are taken: the rest, several pages a day in
    // a large organisation, would tell Save nothing more.
    probeTimeFormat(client, { start_time: now - DAY, end_time: now }, run, results);
    if (results.length > 0 && results.every(keyUntold))
      run(
        'listRoles',
        'GET /v0/roles',
        () => client.listRoles(),
        (roles) => roles.length,
      );
  } finally {
    stop();
  }
  return results;
}

export function checkConnection(given: AssembledClient, options: CheckOptions = {}): CheckResult[] {
  const { results, run, skip, stop } = recorder(given, options);
  const length = (list: unknown[]) => list.length;
  try {
    const now = given.clock.now();
    const window = { start_time: now - DAY, end_time: now };
    // Which way of sending times the server takes; the rest of the check goes on in that way. It
    // reads the first page of agent states; getAgentStates below reads them all, once.
    const accepted = probeTimeFormat(given, window, run, results);
    const client = accepted ? given.withTimeFormat(accepted) : given;
    const people = run('listPeople', 'GET /v0/people', () => client.listPeople(), length) ?? [];
    const someone: Person | undefined = people.find((p) => p.agent_id) ?? people[0];
    if (someone)
      run(
        'getPerson',
        'GET /v0/people/{id}',
        () => client.getPerson(someone.id),
        () => 1,
      );
    else skip('getPerson', 'GET /v0/people/{id}', 'no person to read');
    run('listRoles', 'GET /v0/roles', () => client.listRoles(), length);
    run('listTeams', 'GET /v0/teams', () => client.listTeams(), length);
    run('listSites', 'GET /v0/sites', () => client.listSites(), length);
    run('listQueues', 'GET /v0/queues', () => client.listQueues(), length);
    run('listSkills', 'GET /v0/skills', () => client.listSkills(), length);
    run('listRequirements', 'GET /v0/requirements', () => client.listRequirements(window), length);
    // What schedule grids, coverage and activity pulls read.
    run('listActivityTypes', 'GET /v0/activity_types', () => client.listActivityTypes(), length);
    run('listRequirementTypes', 'GET /v0/requirement_types', () => client.listRequirementTypes(), length);
    run(
      'listActivities',
      'GET /v0/activities',
      () => client.listActivities(window),
      (page) => page.activities.length,
    );
    const states = run('getAgentStates', 'GET /v0/agents/state', () => client.getAgentStates(window), length);
    const platforms = platformsOf(
      people,
      (states ?? []).flatMap((s) => (s.platform ? [s.platform] : [])),
    );
    const failed = (operation: string) => results.some((r) => r.operation === operation && !r.ok);
    checkTimeline(client, platforms, window, run, results, skip, [
      ...(failed('listPeople') ? ['People'] : []),
      ...(failed('getAgentStates') ? ['Agent states'] : []),
    ]);
    run('getEditHistory', 'GET /v0/agents/state/edit/history', () => client.getEditHistory(window), length);
    run(
      'listTimeOffRequests',
      'GET /v0/time_off/requests',
      () => client.listTimeOffRequests({ start_time: now - 30 * DAY, end_time: now + 30 * DAY }),
      length,
    );
    run(
      'listTimeOffUpdates',
      'GET /v0/time_off/updates',
      () => client.listTimeOffUpdates(now - 7 * DAY),
      length,
    );
    run(
      'listAssistConversations',
      'GET /v0/assist/conversations',
      () => client.listAssistConversations(window),
      length,
    );
    // Starting a report creates a job but changes no data, so it belongs to the read check.
    const job = run(
      'startReport',
      'POST /v0/reports/adherence',
      () => client.startReport('adherence', window),
      () => 1,
    );
    if (job)
      run(
        'getReport',
        'GET /v0/reports/{id}',
        () => client.getReport(job.id),
        (r) => r.rows.length,
      );
    else skip('getReport', 'GET /v0/reports/{id}', 'no report was started');
    if (options.write) checkWrites(client, someone, now, run, skip);
  } finally {
    stop();
  }
  return results;
}

/**
 * Sends one time-bearing read the client's way and, if the server refuses it as a bad request, the
 * other way. The result says which Assembled takes, in words for whoever sets Send times as; ok only
 * when it is the one set in Settings.
 * Returns the accepted format (undefined when neither or no probe could tell). Of the agent states
 * it reads the first page alone, which tells it, not every page of the day.
 */
function probeTimeFormat(
  client: AssembledClient,
  window: { start_time: number; end_time: number },
  run: Run,
  results: CheckResult[],
): TimeFormat | undefined {
  const other: TimeFormat = client.timeFormat === 'unix' ? 'iso' : 'unix';
  const probes: Array<[string, (c: AssembledClient) => unknown]> = [
    ['GET /v0/agents/state', (c) => c.getAgentStates({ ...window, firstPage: true })],
    ['GET /v0/time_off/requests', (c) => c.listTimeOffRequests(window)],
    ['GET /v0/assist/conversations', (c) => c.listAssistConversations(window)],
  ];
  const setting = TIME_FORMAT_LABELS[client.timeFormat];
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 1);
  for (const [endpoint, call] of probes) {
    const before = results.length;
    run('timeFormat', endpoint, () => call(client), count);
    const refused = results[before];
    if (!refused) continue; // a group this check leaves out
    if (refused.ok) {
      refused.note = `Assembled takes times sent as ${setting}`;
      return client.timeFormat;
    }
    if (refused.error?.kind === 'not_found') {
      results.pop();
      continue;
    }
    if (refused.error?.kind !== 'bad_request') return undefined;
    results.pop();
    if (run('timeFormat', endpoint, () => call(client.withTimeFormat(other)), count) === undefined) {
      const both = results[results.length - 1];
      if (both) {
        both.ok = false;
        both.note = `Assembled refused times sent both as ${TIME_FORMAT_LABELS.unix} and as ${TIME_FORMAT_LABELS.iso}`;
      }
      return undefined;
    }
    const found = results[results.length - 1];
    if (found) {
      found.ok = false;
      found.accepts = other;
      const takes = TIME_FORMAT_LABELS[other];
      found.note = `Assembled refused times sent as ${setting} and took them as ${takes}: choose ${takes} under Send times as (the other checks sent times that way)`;
    }
    return other;
  }
  return undefined;
}

type Run = <T>(
  operation: string,
  fallback: string,
  call: () => T,
  count: (value: T) => number,
) => T | undefined;

type Skip = (operation: string, endpoint: string, note: string) => void;

/**
 * The live service requires priority_order (the YAML lacks it): the platforms the people and their
 * states are on. With none found it is not sent, as the live service would refuse it for that;
 * `failed` names the reads the platforms came from that failed.
 */
function checkTimeline(
  client: AssembledClient,
  platforms: string[],
  window: { start_time: number; end_time: number },
  run: Run,
  results: CheckResult[],
  skip: Skip,
  failed: string[],
) {
  const operation = 'getCondensedTimeline';
  const endpoint = 'GET /v0/agents/state/condensed_timeline';
  if (platforms.length === 0) {
    skip(
      operation,
      endpoint,
      failed.length > 0
        ? `it needs the platforms people are on, and the ${failed.join(' and ')} checks failed`
        : 'no one in Assembled holds a platform ID, and the timeline is read by platform',
    );
    return;
  }
  const count = (list: unknown[]) => list.length;
  const before = results.length;
  run(
    operation,
    endpoint,
    () => client.getCondensedTimeline({ ...window, priority_order: platforms }),
    count,
  );
  const sent = results[before];
  if (sent?.ok) sent.note = `priority_order ${platforms.join(',')}`;
}

function checkWrites(
  client: AssembledClient,
  someone: Person | undefined,
  now: number,
  run: Run,
  skip: Skip,
) {
  if (!someone?.agent_id) {
    skip('createTimeOff', 'POST /v0/time_off', 'no person with an agent_id to write for');
    return;
  }
  // A year ahead, so no schedule or report is touched while it briefly exists.
  const start = Math.floor((now + 365 * DAY) / DAY) * DAY;
  const created = run(
    'createTimeOff',
    'POST /v0/time_off',
    () =>
      client.createTimeOff({
        agent_id: someone.agent_id as string,
        type: 'pto',
        start_time: start,
        end_time: start + DAY,
        all_day: true,
        notes: 'Assembled for Google Sheets connection check; cancelled at once.',
      }),
    () => 1,
  );
  if (!created) {
    skip('cancelTimeOff', 'POST /v0/time_off/{id}/cancel', 'nothing was created to cancel');
    return;
  }
  // Cancelling twice does no harm, so this one may be retried after a lost response.
  run(
    'cancelTimeOff',
    'POST /v0/time_off/{id}/cancel',
    () => client.cancelTimeOff(created.id, { safeToRetry: true }),
    () => 1,
  );
}
