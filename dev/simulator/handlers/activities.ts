// Activities, activity types, requirement types and the requirements' required-vs-scheduled figures
// (shapes from the official Go client, API-FACTS.md). Live: unix seconds, maps keyed by id. Seed:
// ISO times and arrays, like the other catalogue resources.

import type { Dialect } from '../api';
import type { Org, Person } from '../model';
import {
  ACTIVITY_TYPES,
  type Activity,
  activityStore,
  commitStore,
  leafQueues,
  MASTER_SCHEDULE,
  requirementTypeId,
  requirementTypes,
  SCHEDULES,
} from '../schedules';
import { DAY, isoOf, MINUTE, secOf } from '../time';
import { ApiError, agentOf, type Ctx, type Handler, ok, requireOrder, timeOf } from './context';
import { listRequirements as listQueueRequirements } from './resources';

export const MAX_ACTIVITY_DAYS = 31;
/** Items per bulk call; a bigger batch is refused whole (the client splits). */
export const MAX_BULK_ITEMS = 500;

type Json = Record<string, unknown>;

/** A list parameter: repeated (agents=a&agents=b, as the Go client sends) or comma-separated. */
/**
 * A list in the query. The live API takes it as the key repeated (agents=a&agents=b, API-FACTS), so
 * the live dialect does not split commas: "a,b" is one id there, unknown, and refused. The seed
 * dialect takes either form.
 */
function listParam(ctx: Ctx, name: string): string[] | undefined {
  const raw = ctx.rawQuery?.getAll(name) ?? (typeof ctx.query[name] === 'string' ? [ctx.query[name]] : []);
  const values = (raw as string[])
    .flatMap((v) => (ctx.dialect === 'live' ? [v] : v.split(',')))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
}

function byId(dialect: Dialect, records: Json[]): Json | Json[] {
  return dialect === 'seed' ? records : Object.fromEntries(records.map((r) => [String(r.id), r]));
}

function renderActivity(dialect: Dialect, a: Activity): Json {
  if (dialect === 'live') return { ...a };
  return { ...a, start_time: isoOf(a.start_time), end_time: isoOf(a.end_time) };
}

/** The Go client's Agent: teams, queues, skills and site are ids ("Unique identifiers for associated teams"). */
function renderAgent(p: Person): Json {
  return {
    id: p.agent_id,
    name: `${p.first_name} ${p.last_name}`,
    email: p.email,
    import_id: p.imported_id,
    channels: p.channels,
    queues: p.queues,
    site: p.site,
    skills: p.skills,
    teams: p.teams,
  };
}

function scheduleOf(value: unknown, field = 'schedule_id'): string {
  if (value === undefined || value === null || value === '') return MASTER_SCHEDULE;
  const id = String(value);
  if (!(SCHEDULES as readonly string[]).includes(id))
    throw new ApiError(400, `${field}: unknown schedule ${id}`);
  return id;
}

function typeOf(id: unknown, field: string): string {
  const typeId = String(id);
  if (!ACTIVITY_TYPES.some((t) => t.id === typeId))
    throw new ApiError(400, `${field}: unknown activity type ${typeId}`);
  return typeId;
}

export const listActivityTypes: Handler = (ctx) =>
  ok({
    activity_types: byId(
      ctx.dialect,
      ACTIVITY_TYPES.map((t) => ({ ...t })),
    ),
  });

export const listRequirementTypes: Handler = (ctx) =>
  ok({ requirement_types: byId(ctx.dialect, requirementTypes(ctx.org) as unknown as Json[]) });

export const listActivities: Handler = (ctx) => {
  const start = timeOf(ctx.query.start_time) as number;
  const end = timeOf(ctx.query.end_time) as number;
  requireOrder(start, end);
  if (end - start > MAX_ACTIVITY_DAYS * DAY)
    throw new ApiError(400, `end_time: range must be at most ${MAX_ACTIVITY_DAYS} days`);
  const org = ctx.org;
  const schedule = scheduleOf(ctx.query.schedule_id);
  const agents = listParam(ctx, 'agents');
  for (const id of agents ?? []) agentOf(org, id, 'agents');
  const types = listParam(ctx, 'types');
  for (const id of types ?? []) typeOf(id, 'types');
  const channel = typeof ctx.query.channel === 'string' ? ctx.query.channel : undefined;
  const teamParam = typeof ctx.query.team === 'string' ? ctx.query.team : undefined;
  // Live: by name only. The Go client's agents list says `team` is the team's name; its activities
  // list says only "a specific team": the stricter reading refuses an id. The seed takes either.
  const team =
    teamParam &&
    org.teams.find((t) => t.name === teamParam || (ctx.dialect === 'seed' && t.id === teamParam));
  if (teamParam && !team) throw new ApiError(400, `team: unknown team ${teamParam}`);

  const people = new Map(org.people.map((p) => [p.agent_id, p]));
  const matching = [...activityStore(org).values()]
    .filter((a) => {
      if (a.schedule_id !== schedule || a.start_time >= end || a.end_time <= start) return false;
      if (agents && !agents.includes(a.agent_id)) return false;
      if (types && !types.includes(a.type_id)) return false;
      const person = people.get(a.agent_id);
      if (channel && !person?.channels.includes(channel)) return false;
      if (team && !person?.teams.includes(team.id)) return false;
      return true;
    })
    .sort((a, b) => a.start_time - b.start_time || a.agent_id.localeCompare(b.agent_id));

  const body: Json = {
    activities: byId(
      ctx.dialect,
      matching.map((a) => renderActivity(ctx.dialect, a)),
    ),
  };
  if (ctx.query.include_agents === true) {
    const ids = [...new Set(matching.map((a) => a.agent_id))];
    const list = ids.map((id) => people.get(id)).filter((p): p is Person => p !== undefined);
    body.agents = byId(
      ctx.dialect,
      list.map((p) => renderAgent(p)),
    );
  }
  if (ctx.query.include_activity_types === true) {
    const used = new Set(matching.map((a) => a.type_id));
    body.activity_types = byId(
      ctx.dialect,
      ACTIVITY_TYPES.filter((t) => used.has(t.id)).map((t) => ({ ...t })),
    );
  }
  return ok(body);
};

interface BulkItem {
  action: 'create' | 'update' | 'delete';
  activity: Partial<Omit<Activity, 'start_time' | 'end_time'>> & {
    start_time?: string;
    end_time?: string;
  };
}

/** A new activity from its fields (their names prefixed by `at` in a 400), not yet placed. */
function newActivity(ctx: Ctx, a: BulkItem['activity'], at: string, schedule: string): Activity {
  const created: Activity = {
    id: `act_${ctx.org.newId()}`,
    agent_id: agentOf(ctx.org, String(a.agent_id), `${at}agent_id`).agent_id,
    type_id: typeOf(a.type_id, `${at}type_id`),
    start_time: secOf(String(a.start_time)),
    end_time: secOf(String(a.end_time)),
    description: a.description ?? '',
    schedule_id: schedule,
  };
  requireOrder(created.start_time, created.end_time, at);
  return created;
}

/**
 * POST /v0/activities: the one write that takes allow_conflicts (the Go client's
 * CreateActivityRequest). Without it, the agent's activities the new one overlaps are deleted.
 */
export const createActivity: Handler = (ctx) => {
  const body = ctx.body as BulkItem['activity'] & { allow_conflicts?: boolean };
  const next = new Map(activityStore(ctx.org));
  const created = newActivity(ctx, body, '', scheduleOf(body.schedule_id));
  place(next, created, body.allow_conflicts === true, new Map());
  commitStore(ctx.org, next);
  return ok(renderActivity(ctx.dialect, created));
};

export const bulkActivities: Handler = (ctx) => {
  const items = ctx.body.activities as BulkItem[];
  if (items.length === 0) throw new ApiError(400, 'activities: must not be empty');
  if (items.length > MAX_BULK_ITEMS)
    throw new ApiError(400, `activities: at most ${MAX_BULK_ITEMS} items per request`);
  const schedule = scheduleOf(ctx.body.schedule_id);
  const next = new Map(activityStore(ctx.org));
  const touched = new Map<string, Activity>();
  items.forEach((item, i) => {
    const at = `activities[${i}].activity`;
    const a = item.activity;
    if (item.action === 'create') {
      for (const f of ['agent_id', 'type_id', 'start_time', 'end_time'] as const)
        if (a[f] === undefined) throw new ApiError(400, `Missing required field ${at}.${f}`);
      place(next, newActivity(ctx, a, `${at}.`, schedule), false, touched);
      return;
    }
    if (!a.id) throw new ApiError(400, `Missing required field ${at}.id`);
    const current = next.get(a.id);
    if (!current || current.schedule_id !== schedule)
      throw new ApiError(400, `${at}.id: unknown activity ${a.id} in schedule ${schedule}`);
    if (item.action === 'delete') {
      next.delete(a.id);
      touched.delete(a.id);
      return;
    }
    const updated: Activity = {
      ...current,
      agent_id:
        a.agent_id === undefined ? current.agent_id : agentOf(ctx.org, a.agent_id, `${at}.agent_id`).agent_id,
      type_id: a.type_id === undefined ? current.type_id : typeOf(a.type_id, `${at}.type_id`),
      start_time: a.start_time === undefined ? current.start_time : secOf(a.start_time),
      end_time: a.end_time === undefined ? current.end_time : secOf(a.end_time),
      description: a.description ?? current.description,
    };
    requireOrder(updated.start_time, updated.end_time, `${at}.`);
    place(next, updated, false, touched);
  });
  commitStore(ctx.org, next);
  return ok({
    activities: byId(
      ctx.dialect,
      [...touched.values()].map((a) => renderActivity(ctx.dialect, a)),
    ),
  });
};

function place(
  store: Map<string, Activity>,
  a: Activity,
  allowConflicts: boolean,
  touched: Map<string, Activity>,
) {
  if (!allowConflicts) {
    for (const other of store.values()) {
      if (
        other.id !== a.id &&
        other.agent_id === a.agent_id &&
        other.schedule_id === a.schedule_id &&
        other.start_time < a.end_time &&
        other.end_time > a.start_time
      ) {
        store.delete(other.id);
        touched.delete(other.id);
      }
    }
  }
  store.set(a.id, a);
  touched.set(a.id, a);
}

/** Deletes the agents' activities inside the window; one that straddles an edge is cut there, not removed. */
export const deleteActivities: Handler = (ctx) => {
  const body = ctx.body as {
    agent_ids: string[];
    start_time: string;
    end_time: string;
    schedule_id?: string;
  };
  if (body.agent_ids.length === 0) throw new ApiError(400, 'agent_ids: must not be empty');
  body.agent_ids.forEach((id, i) => {
    agentOf(ctx.org, id, `agent_ids[${i}]`);
  });
  const start = secOf(body.start_time);
  const end = secOf(body.end_time);
  requireOrder(start, end);
  const schedule = scheduleOf(body.schedule_id);
  const next = new Map(activityStore(ctx.org));
  let deleted = 0;
  let cut = 0;
  for (const a of [...next.values()]) {
    if (a.schedule_id !== schedule || !body.agent_ids.includes(a.agent_id)) continue;
    if (a.start_time >= end || a.end_time <= start) continue;
    if (a.start_time >= start && a.end_time <= end) {
      next.delete(a.id);
      deleted++;
      continue;
    }
    cut++;
    if (a.start_time < start) next.set(a.id, { ...a, end_time: start });
    else next.delete(a.id);
    if (a.end_time > end) {
      const id = a.start_time < start ? `act_${ctx.org.newId()}` : a.id;
      next.set(id, { ...a, id, start_time: end });
    }
  }
  commitStore(ctx.org, next);
  return ok({ deleted, cut });
};

/**
 * The queue-level requirements (resources.ts), each also as its requirement type's figures: required
 * staff and scheduled staff (agents of that queue on a matching activity, by share of the interval).
 */
export const listRequirements: Handler = (ctx) => {
  const wantedTypes = listParam(ctx, 'requirement_types');
  const queueOfType = new Map(leafQueues(ctx.org).map((q) => [requirementTypeId(q), q.id]));
  for (const id of wantedTypes ?? [])
    if (!queueOfType.has(id)) throw new ApiError(400, `requirement_types: unknown requirement type ${id}`);
  const query = wantedTypes
    ? { ...ctx.query, queue_ids: wantedTypes.map((id) => queueOfType.get(id)).join(',') }
    : ctx.query;
  const reply = listQueueRequirements({ ...ctx, query });
  const rows = (reply.body as { requirements: Json[] }).requirements;
  const types = new Map(requirementTypes(ctx.org).map((t) => [t.id, t]));
  const staffed = scheduledStaff(ctx.org, rows);
  return ok({
    requirements: rows.map((r) => {
      const typeId = `rt_${String(r.queue_id)}`;
      return {
        ...r,
        requirement_type_id: typeId,
        required: r.required_agents,
        scheduled: staffed(
          String(r.queue_id),
          types.get(typeId)?.activity_type_ids ?? [],
          secondsOf(r.start_time),
        ),
      };
    }),
  });
};

const secondsOf = (v: unknown): number => (typeof v === 'number' ? v : secOf(String(v)));

/** Staff scheduled on a queue's requirement in the 30-minute interval starting at t, to 2 decimals. */
function scheduledStaff(org: Org, rows: Json[]) {
  const slot = 30 * MINUTE;
  const starts = rows.map((r) => secondsOf(r.start_time));
  const from = Math.min(...starts);
  const to = Math.max(...starts) + slot;
  const inWindow = [...activityStore(org).values()].filter(
    (a) => a.schedule_id === MASTER_SCHEDULE && a.start_time < to && a.end_time > from,
  );
  const people = new Map(org.people.map((p) => [p.agent_id, p]));
  const cache = new Map<string, Map<number, number>>();
  return (queueId: string, typeIds: string[], t: number): number => {
    const key = `${queueId}|${typeIds.join(',')}`;
    let bySlot = cache.get(key);
    if (!bySlot) {
      bySlot = new Map();
      for (const a of inWindow) {
        if (!typeIds.includes(a.type_id) || !people.get(a.agent_id)?.queues.includes(queueId)) continue;
        for (let s = Math.floor(a.start_time / slot) * slot; s < a.end_time; s += slot) {
          const share = (Math.min(a.end_time, s + slot) - Math.max(a.start_time, s)) / slot;
          bySlot.set(s, (bySlot.get(s) ?? 0) + share);
        }
      }
      cache.set(key, bySlot);
    }
    return Math.round((bySlot.get(t) ?? 0) * 100) / 100;
  };
}
