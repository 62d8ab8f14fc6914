// The catalogue resources with no published YAML: people, roles, teams, sites, queues, skills, requirements
// and assist conversations (shapes from the shared contract README and API-FACTS).

import { collection, render } from '../dialect';
import type { Org, Queue, TreeNode } from '../model';
import { DAY, MINUTE } from '../time';
import { ApiError, type Ctx, type Handler, ok, paged, pageOf, requireOrder, timeOf } from './context';

function list<T extends object>(
  key: string,
  records: (org: Org) => T[],
  renderOne: (ctx: Ctx, record: T) => object = (_, r) => r,
): Handler {
  return (ctx) => {
    const all = records(ctx.org);
    const page = pageOf(ctx);
    const items = paged(all, page).map((r) => renderOne(ctx, r));
    return ok(collection(ctx.dialect, key, items, { total: all.length, ...page }));
  };
}

export const listPeople = list(
  'people',
  (org) => org.people,
  (ctx, p) => render.person(ctx.dialect, p),
);
export const listRoles = list('roles', (org) => org.roles);
const node = (ctx: Ctx, n: TreeNode) => render.node(ctx.dialect, n);
export const listTeams = list('teams', (org) => org.teams, node);
export const listSites = list('sites', (org) => org.sites, node);
export const listQueues = list('queues', (org) => org.queues, node);
export const listSkills = list('skills', (org) => org.skills, node);

export const getPerson: Handler = (ctx) => {
  const person = ctx.org.people.find((p) => p.id === ctx.params.id);
  if (!person) throw new ApiError(404, `Person ${ctx.params.id} not found`);
  return ok(render.person(ctx.dialect, person));
};

export const MAX_REQUIREMENT_DAYS = 31;

/**
 * Staffing requirements per leaf queue per 30-minute interval, forecast from the tickets created in
 * the same weekday and half-hour over the history, at 80% occupancy. A request without its range is
 * refused by the contract: what Assembled answers then is not known, so the stricter reading.
 */
export const listRequirements: Handler = (ctx) => {
  // The contract (simulator-catalogue.yml) requires both: a request without them never gets here.
  const start = timeOf(ctx.query.start_time) as number;
  const end = timeOf(ctx.query.end_time) as number;
  requireOrder(start, end);
  if (end - start > MAX_REQUIREMENT_DAYS * DAY) {
    throw new ApiError(400, `end_time: range must be at most ${MAX_REQUIREMENT_DAYS} days`);
  }
  const wanted = typeof ctx.query.queue_ids === 'string' ? ctx.query.queue_ids.split(',') : undefined;
  for (const id of wanted ?? []) {
    if (!ctx.org.queues.some((q) => q.id === id)) throw new ApiError(400, `queue_ids: unknown queue ${id}`);
  }
  const leaves = ctx.org.queues.filter(
    (q) =>
      !ctx.org.queues.some((c) => c.parent_id === q.id) &&
      (!wanted || wanted.includes(q.id) || (q.parent_id !== null && wanted.includes(q.parent_id))),
  );
  const slot = 30 * MINUTE;
  const requirements = [];
  for (const queue of leaves) {
    const { volume, handle } = forecastOf(ctx.org, queue);
    for (let t = Math.floor(start / slot) * slot; t < end; t += slot) {
      const forecast = volume[slotOfWeek(t)] ?? 0;
      requirements.push(
        render.requirement(ctx.dialect, {
          id: `${queue.id}:${t}`,
          queue_id: queue.id,
          channel: queue.channel,
          start_time: t,
          end_time: t + slot,
          forecasted_volume: Math.round(forecast * 10) / 10,
          required_agents: Math.ceil((forecast * handle) / (slot * 0.8)),
        }),
      );
    }
  }
  return ok({ requirements });
};

const WEEK_SLOTS = 7 * 48;

function slotOfWeek(t: number): number {
  return Math.floor(t / (30 * MINUTE)) % WEEK_SLOTS;
}

const forecasts = new WeakMap<Queue, { volume: number[]; handle: number }>();

/** Average tickets created per weekday half-hour, and average handle seconds, of one queue. */
function forecastOf(org: Org, queue: Queue): { volume: number[]; handle: number } {
  const cached = forecasts.get(queue);
  if (cached) return cached;
  const weeks = 30 / 7;
  const volume = new Array<number>(WEEK_SLOTS).fill(0);
  let handled = 0;
  let seconds = 0;
  for (const t of org.tickets) {
    if (t.queue_id !== queue.id || t.created_at < org.createdAt - 30 * DAY) continue;
    const i = slotOfWeek(t.created_at);
    volume[i] = (volume[i] ?? 0) + 1 / weeks;
    if (t.handle_seconds !== null) {
      handled += 1;
      seconds += t.handle_seconds;
    }
  }
  const forecast = { volume, handle: handled ? seconds / handled : 10 * MINUTE };
  forecasts.set(queue, forecast);
  return forecast;
}

/** Top-level list (the catalogue says "full object"), filtered by start, agent; paged by limit/offset. */
export const listAssistConversations: Handler = (ctx) => {
  const start = timeOf(ctx.query.start_time);
  const end = timeOf(ctx.query.end_time);
  requireOrder(start, end);
  const agent = ctx.query.agent_id;
  const matching = ctx.org.conversations.filter(
    (c) =>
      (start === undefined || c.started_at >= start) &&
      (end === undefined || c.started_at < end) &&
      (agent === undefined || c.agent_id === agent),
  );
  return ok(paged(matching, pageOf(ctx)).map((c) => render.conversation(ctx.dialect, c)));
};
