// The demo org's schedules as Assembled's scheduling API shows them: activity types (with colours),
// requirement types, and activities. The activities are the schedule segments the agent states were
// generated from (activity.ts), so a schedule, the states and adherence agree; approved time off shows
// as time-off activities. Built on first use and kept per org, taking in the shifts the org schedules as
// it lives on; writes through the API change only this store (history already happened: states do not move).

import type { Org, Person, Queue, ScheduleSegment, TimeOffRequest } from './model';
import { atLocal, DAY, localDateOf } from './time';

export interface ActivityType {
  id: string;
  name: string;
  short_name: string;
  value: string;
  productive: boolean;
  timeoff: boolean;
  background_color: string;
  font_color: string;
  channels: string[];
  import_id: string;
}

export interface RequirementType {
  id: string;
  name: string;
  activity_type_ids: string[];
}

export interface Activity {
  id: string;
  agent_id: string;
  type_id: string;
  start_time: number;
  end_time: number;
  description: string;
  schedule_id: string;
}

const type = (
  id: string,
  name: string,
  short: string,
  kind: 'productive' | 'timeoff' | 'other',
  background: string,
  font: string,
  channels: string[] = [],
): ActivityType => ({
  id,
  name,
  short_name: short,
  value: name.toLowerCase().replace(/\W+/g, '_'),
  productive: kind === 'productive',
  timeoff: kind === 'timeoff',
  background_color: background,
  font_color: font,
  channels,
  import_id: '',
});

export const ACTIVITY_TYPES: readonly ActivityType[] = [
  type('at_phone', 'Phones', 'PH', 'productive', '#4a86e8', '#ffffff', ['phone']),
  type('at_chat', 'Chat', 'CH', 'productive', '#6aa84f', '#ffffff', ['chat']),
  type('at_email', 'Email', 'EM', 'productive', '#f1c232', '#000000', ['email']),
  type('at_break', 'Break', 'BR', 'other', '#d9d9d9', '#000000'),
  type('at_lunch', 'Lunch', 'LU', 'other', '#f6b26b', '#000000'),
  type('at_meeting', 'Team meeting', 'MTG', 'other', '#8e7cc3', '#ffffff'),
  type('at_training', 'Training', 'TRN', 'other', '#76a5af', '#ffffff'),
  type('at_pto', 'Paid time off', 'PTO', 'timeoff', '#cc0000', '#ffffff'),
  type('at_sick', 'Sick', 'SCK', 'timeoff', '#e06666', '#ffffff'),
  type('at_personal', 'Personal', 'PER', 'timeoff', '#e69138', '#ffffff'),
  type('at_vacation', 'Vacation', 'VAC', 'timeoff', '#a61c00', '#ffffff'),
];

/** The time-off type a request names (by id, name, short name or value, any case), if the account has it. */
export function timeOffTypeOf(text: string): ActivityType | undefined {
  const wanted = text.toLowerCase();
  return ACTIVITY_TYPES.find(
    (t) => t.timeoff && [t.id, t.name, t.short_name, t.value].some((n) => n.toLowerCase() === wanted),
  );
}

/**
 * The name a time-off request keeps its type by, whichever of the type's names it was written
 * with (SCK, Sick, at_sick -> sick), as the demo's own requests carry it. Whether Assembled keeps
 * the name it was sent is not known: the stricter reading is that it answers with its own, so a
 * client looking for a request it made cannot match the type as it sent it.
 */
export const timeOffKeyOf = (type: ActivityType): string => type.id.replace(/^at_/, '');

/** The published schedule, and an empty draft a planner could build in. */
export const SCHEDULES = ['sch_master', 'sch_draft'] as const;
export const MASTER_SCHEDULE = 'sch_master';

const WORK_TYPE: Record<string, string> = { phone: 'at_phone', chat: 'at_chat', email: 'at_email' };

export function workTypeOf(person: Person): string {
  return WORK_TYPE[person.channels[0] ?? 'email'] ?? 'at_email';
}

/** One requirement type per leaf queue: staff needed on that queue's channel. */
export function requirementTypes(org: Org): RequirementType[] {
  return leafQueues(org).map((q) => ({
    id: requirementTypeId(q),
    name: q.name,
    activity_type_ids: [WORK_TYPE[q.channel] ?? 'at_email'],
  }));
}

export const requirementTypeId = (q: Queue): string => `rt_${q.id}`;

export function leafQueues(org: Org): Queue[] {
  return org.queues.filter((q) => !org.queues.some((c) => c.parent_id === q.id));
}

const stores = new WeakMap<Org, Map<string, Activity>>();
/** How far the store has read the org's schedules: org.scheduledUntil then, and each agent's last end. */
const read = new WeakMap<Org, { until: number; ends: Map<string, number> }>();

/** Every activity of every schedule, by id (insertion order is not meaningful; callers sort). */
export function activityStore(org: Org): Map<string, Activity> {
  let store = stores.get(org);
  if (!store) {
    store = new Map();
    stores.set(org, store);
    addNewShifts(org, store);
    for (const t of org.timeOff) if (t.status === 'approved') addTimeOff(org, store, t);
  }
  // Reading scheduledUntil lets the org live on first; the shifts it adds then join the store.
  if (org.scheduledUntil > (read.get(org)?.until ?? 0)) addNewShifts(org, store);
  return store;
}

/** Replaces the store after a transaction has succeeded as a whole. */
export function commitStore(org: Org, next: Map<string, Activity>): void {
  stores.set(org, next);
}

/**
 * Adds the schedule segments the store has not read: each agent's schedule only grows at its end
 * (later shifts), so they are those starting at or after the last end read. One that overlaps an
 * activity of the agent already in the master schedule (a write through the API, time off) is left
 * out, as a write without allow_conflicts would have removed it.
 */
function addNewShifts(org: Org, store: Map<string, Activity>): void {
  const seen = read.get(org) ?? { until: 0, ends: new Map<string, number>() };
  const fresh = new Map<Person, ScheduleSegment[]>();
  for (const person of org.people) {
    const segments = org.schedules.get(person.agent_id) ?? [];
    const after = seen.ends.get(person.agent_id) ?? Number.NEGATIVE_INFINITY;
    let first = segments.length;
    while (first > 0 && (segments[first - 1]?.start ?? 0) >= after) first--;
    if (first === segments.length) continue;
    fresh.set(person, segments.slice(first));
    seen.ends.set(person.agent_id, segments[segments.length - 1]?.end ?? after);
  }
  const from = Math.min(...[...fresh.values()].map((segs) => segs[0]?.start ?? Number.POSITIVE_INFINITY));
  const taken = new Map<string, Activity[]>();
  for (const a of store.values()) {
    if (a.schedule_id !== MASTER_SCHEDULE || a.end_time <= from) continue;
    const list = taken.get(a.agent_id);
    if (list) list.push(a);
    else taken.set(a.agent_id, [a]);
  }
  for (const [person, segments] of fresh) {
    const work = workTypeOf(person);
    const mine = taken.get(person.agent_id) ?? [];
    for (const seg of segments) {
      if (mine.some((a) => a.start_time < seg.end && a.end_time > seg.start)) continue;
      const typeId = seg.activity === 'work' ? work : seg.activity === 'break' ? 'at_break' : 'at_lunch';
      add(store, {
        agent_id: person.agent_id,
        type_id: typeId,
        start_time: seg.start,
        end_time: seg.end,
        description: '',
      });
    }
  }
  seen.until = org.scheduledUntil;
  read.set(org, seen);
}

function add(store: Map<string, Activity>, a: Omit<Activity, 'id' | 'schedule_id'>): void {
  const id = `act_${a.agent_id}_${a.start_time.toString(36)}`;
  store.set(id, { id, schedule_id: MASTER_SCHEDULE, ...a });
}

/** Approved time off: one activity per local working day it covers (9:00-17:00 in the agent's zone). */
function addTimeOff(org: Org, store: Map<string, Activity>, t: TimeOffRequest): void {
  const person = org.people.find((p) => p.agent_id === t.agent_id);
  const zone = person?.timezone ?? '';
  // From the local date it starts on: stepping from its start (13:00, say) skipped its last day.
  for (let date = localDateOf(t.start_time, zone); atLocal(date, 0, zone) < t.end_time; date += DAY) {
    const start = Math.max(t.start_time, atLocal(date, 9, zone));
    const end = Math.min(t.end_time, atLocal(date, 17, zone));
    if (end <= start) continue;
    add(store, {
      agent_id: t.agent_id,
      type_id: t.type === 'sick' ? 'at_sick' : 'at_pto',
      start_time: start,
      end_time: end,
      description: t.notes,
    });
  }
}

/**
 * A request approved once the store is built: its time off takes the place of the agent's
 * activities under it, as the schedule it is built from loses them (a store built later reads both).
 */
export function approveInStore(org: Org, t: TimeOffRequest): void {
  const store = stores.get(org);
  if (!store) return;
  const next = new Map(
    [...store].filter(
      ([, a]) => a.agent_id !== t.agent_id || a.end_time <= t.start_time || a.start_time >= t.end_time,
    ),
  );
  addTimeOff(org, next, t);
  stores.set(org, next);
}
