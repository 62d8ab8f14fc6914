// createSimulator: a pure, synchronous handler of Assembled API requests. Time comes only from
// options.now; randomness only from the seed (or options.random). See README.md.

import type { Dialect, SimRequest, SimResponse, Simulator, SimulatorOptions } from './api';
import { describeError, matchRoute, type Operation, operations } from './contract';
import { dateTimeHint, liftRequestTimes } from './dialect';
import { createFaults } from './faults';
import { createGuard, KEY_PREFIX } from './guard';
import { ApiError, type Ctx, type Reply } from './handlers/context';
import { HANDLERS } from './handlers/index';
import { cancel, decide, decidePending } from './handlers/time-off';
import type { TimeOffRequest } from './model';
import { createOrg } from './org';
import { createRng } from './prng';
import type { ReportJob } from './report-jobs';

export type { Dialect, SimRequest, SimResponse, Simulator, SimulatorOptions } from './api';

const BASE_URL = 'https://api.assembledhq.com';
const DEFAULT_REPORT_DELAY_MS = 20_000;

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  for (const op of operations()) {
    if (!HANDLERS[op.operationId]) throw new Error(`No handler for ${op.method} ${op.template}`);
  }
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  let dialect: Dialect = options.dialect ?? 'seed';
  const org = createOrg(seed, now(), options.historyDays);
  const faults = createFaults(options.random ?? createRng(seed ^ 0xfa0175).next, options.faults ?? {});
  const sampleKey = `${KEY_PREFIX}demo_${seed}`;
  const guard = createGuard(options.rateLimit ?? true, [sampleKey, ...(options.keys ?? [])]);
  const sendRetryAfter = options.retryAfter ?? true;
  const reportDelayMs = options.reportDelayMs ?? DEFAULT_REPORT_DELAY_MS;
  const managersDecideAfter =
    options.managersDecideAfterMs === undefined
      ? undefined
      : Math.floor(options.managersDecideAfterMs / 1000);
  const jobs = new Map<string, ReportJob>();
  const stats = {
    total: 0,
    byRoute: {} as Record<string, number>,
    byApiVersion: {} as Record<string, number>,
    rejected429: 0,
  };

  /**
   * Managers decide what has waited long enough (when they do) before anyone reads or acts on time
   * off, through the API or as a manager in Assembled's UI (admin).
   */
  function managersCatchUp(nowMs: number): void {
    if (managersDecideAfter !== undefined) decidePending(org, Math.floor(nowMs / 1000), managersDecideAfter);
  }

  /** A request a manager acts on in Assembled's UI, as the managers have left it by now. */
  function managedRequest(id: string): TimeOffRequest {
    managersCatchUp(now());
    const request = org.timeOff.find((t) => t.id === id);
    if (!request) throw new Error(`No time off request ${id}`);
    return request;
  }

  function handle(request: SimRequest): SimResponse {
    const nowMs = now();
    const delayMs = faults.delayMs();
    const method = request.method.toUpperCase();
    const url = new URL(request.url, BASE_URL);
    const route = matchRoute(method, url.pathname);
    const routeKey =
      route.kind === 'found' ? `${method} ${route.operation.template}` : `${method} (no route)`;
    stats.total++;
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const version = headers['api-version'] ?? '';
    stats.byApiVersion[version] = (stats.byApiVersion[version] ?? 0) + 1;
    const echo: Record<string, string> = headers['api-version']
      ? { 'api-version': headers['api-version'] }
      : {};

    const text = (status: number, message: string, extra: Record<string, string> = {}): SimResponse => ({
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...echo, ...extra },
      body: message,
      delayMs,
    });
    const tooMany = (retryAfterSec: number): SimResponse => {
      stats.rejected429++;
      const retry: Record<string, string> = sendRetryAfter ? { 'retry-after': String(retryAfterSec) } : {};
      return text(429, 'Rate limit exceeded: 300 requests a minute, bursts of 20', retry);
    };

    const fault = faults.before(url);
    if (fault?.kind === 'timeout') return { status: 0, headers: {}, body: '', delayMs, timeout: true };
    if (fault?.kind === '429') return tooMany(1);
    if (fault?.kind === '5xx') return text(fault.status, 'Internal server error');

    const auth = guard.authenticate(headers.authorization);
    if ('error' in auth) return text(401, auth.error, { 'www-authenticate': 'Basic realm="Assembled"' });
    const token = guard.take(auth.key, nowMs);
    if (!token.ok) return tooMany(token.retryAfterSec);
    if (guard.denied(auth.key, routeKey))
      return text(403, `This API key does not have permission for ${method} ${url.pathname}`);

    if (route.kind === 'not-found') return text(404, `Not found: ${method} ${url.pathname}`);
    if (route.kind === 'wrong-method') {
      return text(405, `Method ${method} not allowed on ${url.pathname}`, {
        allow: route.allowed.join(', '),
      });
    }

    // Time goes on for the org's people too, when their activity is next read.
    org.present = Math.floor(nowMs / 1000);
    let reply: Reply;
    try {
      reply = run(route.operation, route.params, url, request.body, nowMs);
    } catch (error) {
      if (error instanceof ApiError) return text(error.status, error.message);
      throw error;
    }
    const done = reply.status >= 200 && reply.status < 300;
    // The change is made: a fault now loses only its answer.
    const lost = done ? faults.afterWrite(method) : null;
    if (lost?.kind === 'timeout') return { status: 0, headers: {}, body: '', delayMs, timeout: true };
    if (lost?.kind === '5xx')
      return text(lost.status, lost.status === 504 ? 'Gateway timeout' : 'Bad gateway');
    let body = JSON.stringify(reply.body);
    if (done && faults.malformed()) body = body.slice(0, body.length >> 1);
    return {
      status: reply.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...echo },
      body,
      delayMs,
    };
  }

  /** Validate against the contract (after the live dialect's unix seconds are lifted to ISO), then handle. */
  function run(
    operation: Operation,
    params: Record<string, string>,
    url: URL,
    rawBody: string | undefined,
    nowMs: number,
  ): Reply {
    const hint = dateTimeHint(dialect);
    const invalid = (errors: typeof operation.validateQuery.errors) =>
      new ApiError(400, errors?.[0] ? describeError(errors[0], hint) : 'Invalid request');

    if (!operation.validatePath(params)) throw invalid(operation.validatePath.errors);
    let parsed: unknown;
    if (operation.bodySchema) {
      if (rawBody === undefined || rawBody.trim() === '') {
        if (operation.bodyRequired) throw new ApiError(400, 'Request body is required');
        parsed = {};
      } else {
        try {
          parsed = JSON.parse(rawBody);
        } catch {
          throw new ApiError(400, 'Request body is not valid JSON');
        }
      }
    }
    const lifted = liftRequestTimes(dialect, operation, Object.fromEntries(url.searchParams), parsed);
    const query: Record<string, unknown> = lifted.query;
    if (!operation.validateQuery(query)) throw invalid(operation.validateQuery.errors);
    if (operation.validateBody && !operation.validateBody(lifted.body))
      throw invalid(operation.validateBody.errors);

    if (url.pathname.startsWith('/v0/time_off')) managersCatchUp(nowMs);
    const ctx: Ctx = {
      org,
      dialect,
      nowMs,
      now: Math.floor(nowMs / 1000),
      params,
      rawQuery: url.searchParams,
      query,
      body: lifted.body,
      jobs,
      reportDelayMs,
      reportPageMax: options.reportPageMax ?? 500,
      pageMax: options.pageMax ?? Number.POSITIVE_INFINITY,
      firstPageMax: faults.firstPageMax(),
      hidesCancelledTimeOff: options.listHidesCancelledTimeOff ?? false,
    };
    const handler = HANDLERS[operation.operationId];
    if (!handler) throw new Error(`No handler for ${operation.operationId}`);
    return handler(ctx);
  }

  return {
    handle,
    setFaults: (f) => faults.set(f),
    setDialect: (d) => {
      dialect = d;
    },
    revokeKey: (key) => guard.revoke(key),
    issueKey: (key, denied) => guard.issue(key, denied),
    stats: () => ({
      total: stats.total,
      byRoute: { ...stats.byRoute },
      byApiVersion: { ...stats.byApiVersion },
      rejected429: stats.rejected429,
    }),
    admin: {
      org,
      sampleKey,
      dialect: () => dialect,
      timeOff() {
        managersCatchUp(now());
        return org.timeOff;
      },
      decideTimeOff(id, decision, approverId) {
        const request = managedRequest(id);
        if (request.status !== 'pending')
          throw new Error(`Time off request ${id} is ${request.status}, not pending`);
        decide(org, request, decision, Math.floor(now() / 1000), approverId);
      },
      cancelTimeOff(id) {
        cancel(org, managedRequest(id), Math.floor(now() / 1000));
      },
      changeTimeOff(id, change) {
        const request = org.timeOff.find((t) => t.id === id);
        if (!request) throw new Error(`No time off request ${id}`);
        const next = { ...request, ...change };
        if (next.end_time <= next.start_time) throw new Error('end_time must be after start_time');
        Object.assign(request, change);
        // The schedule it freed, if approved, is left as it was: tests of the change read the request.
        const at = Math.floor(now() / 1000);
        request.updated_at = at;
        org.timeOffUpdates.push({ request_id: id, change_type: 'updated', updated_at: at });
      },
      deleteTimeOff(id) {
        const at = org.timeOff.findIndex((t) => t.id === id);
        if (at < 0) throw new Error(`No time off request ${id}`);
        org.timeOff.splice(at, 1);
        org.timeOffUpdates.push({
          request_id: id,
          change_type: 'deleted',
          updated_at: Math.floor(now() / 1000),
        });
      },
      deleteQueue(id) {
        const at = org.queues.findIndex((q) => q.id === id);
        if (at < 0) throw new Error(`No queue ${id}`);
        if (org.queues.some((q) => q.parent_id === id)) throw new Error(`Queue ${id} has queues under it`);
        org.queues.splice(at, 1);
        for (const person of org.people) person.queues = person.queues.filter((q) => q !== id);
      },
    },
  };
}
