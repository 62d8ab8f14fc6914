// What the demo org's people did: schedules, time off, agent states, the tickets they handled and
// assist conversations. States and tickets are generated from the schedules, so reports computed
// from them (reports.ts) agree with what GET /v0/agents/state shows.

import type {
  AgentState,
  Org,
  Person,
  Queue,
  ScheduleSegment,
  ShiftPlan,
  Ticket,
  TimeOffRequest,
  TimeOffStatus,
} from './model';
import { createRng, type Rng, seedFrom } from './prng';
import { atLocal, DAY, HOUR, MINUTE } from './time';

/** Days of agent-state history before the org's creation instant, unless the org says otherwise. */
export const HISTORY_DAYS = 30;
/** Days of schedule ahead of the present, at creation and as time goes on. */
const FUTURE_DAYS = 14;
/** The org lives on in steps of at least this much virtual time (seconds). */
const LIVE_STEP = HOUR;

/** Schedules made at `at` (unix seconds) reach the end of the UTC day FUTURE_DAYS after it. */
const scheduleEnd = (at: number) => Math.floor(at / DAY) * DAY + (FUTURE_DAYS + 1) * DAY;

const SOURCE_OF_CHANNEL: Record<string, string> = { phone: 'five9', chat: 'intercom', email: 'zendesk' };

/** Pieces of a full shift, in minutes: work, break, work, lunch, work, break, work (8 hours). */
const FULL_SHIFT: Array<[ScheduleSegment['activity'], number]> = [
  ['work', 120],
  ['break', 15],
  ['work', 105],
  ['lunch', 60],
  ['work', 90],
  ['break', 15],
  ['work', 75],
];
const PART_SHIFT: Array<[ScheduleSegment['activity'], number]> = [
  ['work', 120],
  ['break', 15],
  ['work', 105],
];
/** Working weekdays (0 = Sunday). */
const PATTERNS = [
  [1, 2, 3, 4, 5],
  [0, 1, 2, 3, 4],
  [2, 3, 4, 5, 6],
];

/** Where the org's activity begins (unix seconds): a UTC midnight, historyDays before creation's day. */
export const historyStart = (org: Pick<Org, 'createdAt' | 'historyDays'>): number =>
  Math.floor(org.createdAt / DAY) * DAY - org.historyDays * DAY;

export function generateActivity(org: Org, rng: Rng): void {
  const now = org.createdAt;
  const today = Math.floor(now / DAY) * DAY;
  const from = historyStart(org);
  const agents = org.people.filter((p) => p.staffable && !p.deleted);
  const approvers = org.people.filter((p) => !p.staffable && !p.deleted);

  generateTimeOff(org, rng, agents, approvers, today);

  const scheduledUntil = scheduleEnd(now);
  for (const person of agents) {
    const plan: ShiftPlan = {
      weekdays: rng.pick(PATTERNS),
      startHour: rng.pick([6, 7, 8, 9, 10, 11, 13]),
      part: rng.chance(0.1),
    };
    org.plans.set(person.agent_id, plan);
    // From the local day before the history starts: east of UTC, that day's shift may begin inside it.
    const shifts = planShifts(org, person, plan, from - DAY, scheduledUntil).filter(
      (shift) => (shift[0]?.start ?? 0) >= from,
    );
    org.schedules.set(person.agent_id, shifts.flat());
    org.states.set(person.agent_id, actualStates(org, rng, person, shifts, from, now));
  }
  org.activityUntil = now;
  org.scheduledUntil = scheduledUntil;

  generateBacklog(org, rng);
  generateConversations(org, rng, agents);
}

/**
 * The shifts of the dates in [fromDay, toDay) (UTC midnights naming them) that the plan works and
 * approved time off spares, each at the plan's local hour on that date in the agent's zone.
 */
function planShifts(org: Org, person: Person, plan: ShiftPlan, fromDay: number, toDay: number) {
  const layout = plan.part ? PART_SHIFT : FULL_SHIFT;
  const away = org.timeOff.filter((t) => t.agent_id === person.agent_id && t.status === 'approved');
  const shifts: ScheduleSegment[][] = [];
  for (let day = fromDay; day < toDay; day += DAY) {
    if (!plan.weekdays.includes(new Date(day * 1000).getUTCDay())) continue;
    const shiftStart = atLocal(day, plan.startHour, person.timezone);
    const shiftEnd = shiftStart + layout.reduce((sum, [, minutes]) => sum + minutes * MINUTE, 0);
    if (away.some((t) => t.start_time < shiftEnd && t.end_time > shiftStart)) continue;
    const shift: ScheduleSegment[] = [];
    let t = shiftStart;
    for (const [activity, minutes] of layout) {
      shift.push({ activity, start: t, end: t + minutes * MINUTE });
      t += minutes * MINUTE;
    }
    shifts.push(shift);
  }
  return shifts;
}

/**
 * Time goes on for the org: its agents work their schedules up to `until` (unix seconds), with
 * states and tickets as at creation, and schedules reach FUTURE_DAYS past it. What existed stays
 * as it was, but for the state open at the last step, which now ends. Steps under LIVE_STEP wait.
 */
export function liveOn(org: Org, until: number): void {
  const from = org.activityUntil;
  if (until - from < LIVE_STEP) return;
  const scheduledUntil = scheduleEnd(until);
  const working = org.people.flatMap((person) => {
    const plan = org.plans.get(person.agent_id);
    return plan && !person.deleted ? [{ person, plan }] : [];
  });
  const ongoing = new Map(
    working.map(({ person }) => [person.agent_id, openAt(org.states.get(person.agent_id) ?? [], from)]),
  );
  const tickets = ticketsOf(org, [...ongoing.values()].flat());
  for (const { person, plan } of working) {
    const segments = org.schedules.get(person.agent_id) ?? [];
    if (scheduledUntil > org.scheduledUntil)
      segments.push(...planShifts(org, person, plan, org.scheduledUntil, scheduledUntil).flat());
    org.schedules.set(person.agent_id, segments);
    const states = org.states.get(person.agent_id) ?? [];
    const open = ongoing.get(person.agent_id) ?? [];
    for (const state of open) end(state, from, tickets);
    // Its own stream per agent and step: what is generated does not depend on other agents.
    const rng = createRng(seedFrom(`${person.agent_id}:${from}`));
    const next = actualStates(org, rng, person, shiftsOf(segments, from, until), from, until, from);
    // The state that was open goes on when the agent is still doing the same.
    const last = open[open.length - 1];
    const first = next[0];
    if (
      last &&
      first &&
      !last.ticket_id &&
      first.state === last.state &&
      first.sub_state === last.sub_state
    ) {
      last.end_time = first.end_time;
      next.shift();
    }
    // Later than all there was, unless a state was sent in for a time after the last step.
    const sorted = (states[states.length - 1]?.start_time ?? 0) <= (next[0]?.start_time ?? 0);
    states.push(...next);
    if (!sorted) states.sort((a, b) => a.start_time - b.start_time);
    org.states.set(person.agent_id, states);
  }
  org.activityUntil = until;
  org.scheduledUntil = Math.max(org.scheduledUntil, scheduledUntil);
}

/** The states still open at `from`: the last step left them at the end of the list. */
function openAt(states: AgentState[], from: number): AgentState[] {
  const open: AgentState[] = [];
  for (let i = states.length - 1; i >= 0; i--) {
    const state = states[i] as AgentState;
    if (state.end_time === null) {
      if (state.start_time < from) open.unshift(state);
    } else if (state.end_time <= from) break;
  }
  return open;
}

/** The tickets of these states, looked for from the end: the last step made them. */
function ticketsOf(org: Org, states: AgentState[]): Map<string, Ticket> {
  const wanted = new Set(states.flatMap((s) => (s.ticket_id ? [s.ticket_id] : [])));
  const found = new Map<string, Ticket>();
  for (let i = org.tickets.length - 1; i >= 0 && found.size < wanted.size; i--) {
    const ticket = org.tickets[i] as Ticket;
    if (wanted.has(ticket.id)) found.set(ticket.id, ticket);
  }
  return found;
}

/** Ends an open state, and solves the ticket a busy one was on. */
function end(state: AgentState, at: number, openTickets: Map<string, Ticket>): void {
  state.end_time = at;
  const ticket = state.ticket_id ? openTickets.get(state.ticket_id) : undefined;
  if (ticket) {
    ticket.solved_at = at;
    ticket.handle_seconds = at - state.start_time;
  }
}

/**
 * The shifts (runs of adjoining segments) of a schedule, sorted by start, that overlap
 * [from, until): found from the end, as a step of time only reaches the last few.
 */
function shiftsOf(segments: ScheduleSegment[], from: number, until: number): ScheduleSegment[][] {
  let first = segments.length;
  while (first > 0 && (segments[first - 1]?.end ?? 0) > from) first--;
  // The whole shift under way at `from`, from its first segment.
  while (first > 0 && segments[first - 1]?.end === segments[first]?.start) first--;
  const shifts: ScheduleSegment[][] = [];
  for (const seg of segments.slice(first)) {
    const shift = shifts[shifts.length - 1];
    const tail = shift?.[shift.length - 1];
    if (shift && tail && tail.end === seg.start) shift.push(seg);
    else shifts.push([seg]);
  }
  return shifts.filter((s) => (s[s.length - 1]?.end ?? 0) > from && (s[0]?.start ?? 0) < until);
}

/**
 * What the agent actually did from `from` to `now`: each shift's boundaries jittered, work filled
 * with available/busy, offline between shifts; the state under way at `now` is open. Tickets are
 * created no earlier than `ticketsFrom` (a later step leaves the counts of past hours alone).
 */
function actualStates(
  org: Org,
  rng: Rng,
  person: Person,
  shifts: ScheduleSegment[][],
  from: number,
  now: number,
  ticketsFrom = Number.NEGATIVE_INFINITY,
): AgentState[] {
  const queues = org.queues.filter((q) => person.queues.includes(q.id));
  const states: AgentState[] = [];
  let cursor = from;
  let open = false;
  const emit = (state: string, subState: string | null, source: string, begin: number, end: number) => {
    const start = Math.max(begin, from);
    if (open || start >= now || end <= start) return;
    open = end > now;
    const record: AgentState = {
      id: org.newId(),
      agent_id: person.agent_id,
      state,
      sub_state: subState,
      start_time: start,
      end_time: open ? null : end,
      source,
    };
    states.push(record);
    if (state === 'busy') {
      const ticket = recordTicket(
        org,
        rng,
        person,
        pickQueue(rng, queues, subState),
        start,
        open ? null : end,
        ticketsFrom,
      );
      if (ticket) record.ticket_id = ticket;
    }
  };

  for (const shift of shifts) {
    const first = shift[0];
    const last = shift[shift.length - 1];
    if (!first || !last || rng.chance(0.02)) continue;
    // Jittered boundaries: late or early log-in, breaks taken a little off-plan, log-out around the end.
    const bounds = [Math.max(from, first.start + rng.int(-5 * MINUTE, 12 * MINUTE))];
    for (const seg of shift.slice(1)) bounds.push(seg.start + rng.int(-3 * MINUTE, 8 * MINUTE));
    bounds.push(last.end + rng.int(-10 * MINUTE, 15 * MINUTE));
    for (let i = 1; i < bounds.length; i++)
      bounds[i] = Math.max(bounds[i] ?? 0, (bounds[i - 1] ?? 0) + MINUTE);

    emit('offline', null, 'assembled', cursor, bounds[0] ?? cursor);
    shift.forEach((seg, i) => {
      const from = bounds[i] ?? 0;
      const to = bounds[i + 1] ?? 0;
      if (seg.activity !== 'work') {
        emit(seg.activity, null, 'assembled', from, to);
        return;
      }
      let busy = false;
      for (let t = from; t < to; busy = !busy) {
        const end = Math.min(to, t + (busy ? rng.int(4 * MINUTE, 25 * MINUTE) : rng.int(MINUTE, 8 * MINUTE)));
        const channel = rng.pick(person.channels.length > 0 ? person.channels : ['email']);
        emit(busy ? 'busy' : 'available', channel, SOURCE_OF_CHANNEL[channel] ?? 'zendesk', t, end);
        t = end;
      }
    });
    cursor = bounds[bounds.length - 1] ?? cursor;
  }
  // Logged out since the last shift: an open offline state up to now.
  emit('offline', null, 'assembled', cursor, now + 1);
  return states;
}

function pickQueue(rng: Rng, queues: Queue[], channel: string | null): Queue | undefined {
  const matching = queues.filter((q) => q.channel === channel);
  return matching.length > 0 ? rng.pick(matching) : queues[0];
}

/** One ticket per busy state: created a while before, solved when the busy state ended. */
function recordTicket(
  org: Org,
  rng: Rng,
  person: Person,
  queue: Queue | undefined,
  start: number,
  end: number | null,
  notBefore: number,
): string | undefined {
  if (!queue) return undefined;
  const id = org.newId();
  org.tickets.push({
    id,
    queue_id: queue.id,
    agent_id: person.agent_id,
    created_at: Math.max(notBefore, start - rng.int(MINUTE, 4 * HOUR)),
    solved_at: end,
    handle_seconds: end === null ? null : end - start,
  });
  return id;
}

/** Unassigned open tickets waiting in each leaf queue at creation. */
function generateBacklog(org: Org, rng: Rng): void {
  const leaves = org.queues.filter((q) => !org.queues.some((c) => c.parent_id === q.id));
  for (const queue of leaves) {
    for (let n = rng.int(5, 25); n > 0; n--) {
      org.tickets.push({
        id: org.newId(),
        queue_id: queue.id,
        agent_id: null,
        created_at: org.createdAt - rng.int(MINUTE, 8 * HOUR),
        solved_at: null,
        handle_seconds: null,
      });
    }
  }
}

const NOTES = ['Family trip', 'Dentist', 'Moving house', '', 'Wedding', '=HYPERLINK("http://x","click")'];
const TYPES = ['pto', 'sick', 'personal', 'pto'];

/** Requests in every status; approved ones remove the covered shifts from the schedule. */
function generateTimeOff(org: Org, rng: Rng, agents: Person[], approvers: Person[], today: number): void {
  const plan: Array<[TimeOffStatus, number, number]> = [
    // status, first day relative to today, number of days
    ['approved', -20, 2],
    ['approved', -12, 1],
    ['approved', -6, 3],
    ['approved', -3, 1],
    ['approved', 5, 5],
    ['approved', 9, 1],
    ['pending', 3, 1],
    ['pending', 7, 2],
    ['pending', 12, 5],
    ['pending', 20, 1],
    ['denied', -8, 1],
    ['denied', 6, 4],
    ['denied', 15, 2],
    ['cancelled', -15, 1],
    ['cancelled', 4, 2],
    ['cancelled', 10, 1],
  ];
  plan.forEach(([status, firstDay, days], i) => {
    const person = rng.pick(agents);
    // All day: from the agent's local midnight to the one after its last day (23 or 25 hours
    // apart across a clock change), as Assembled keeps all-day time off.
    const start = atLocal(today + firstDay * DAY, 0, person.timezone);
    const created = Math.min(start, org.createdAt) - rng.int(2, 20) * DAY;
    const decided = created + rng.int(HOUR, 2 * DAY);
    const request: TimeOffRequest = {
      id: org.newId(),
      agent_id: person.agent_id,
      type: rng.pick(TYPES),
      status,
      start_time: start,
      end_time: atLocal(today + (firstDay + days) * DAY, 0, person.timezone),
      all_day: true,
      notes: NOTES[i % NOTES.length] ?? '',
      approver_id: status === 'approved' || status === 'denied' ? rng.pick(approvers).id : null,
      created_at: created,
      updated_at: status === 'pending' ? created : decided,
    };
    org.timeOff.push(request);
    org.timeOffUpdates.push({ request_id: request.id, change_type: 'created', updated_at: created });
    if (status !== 'pending')
      org.timeOffUpdates.push({ request_id: request.id, change_type: status, updated_at: decided });
  });
  // A part-day request: a two-hour appointment, 15:00-17:00 on the agent's own wall clock.
  const person = rng.pick(agents);
  const start = atLocal(today + 2 * DAY, 15, person.timezone);
  const created = org.createdAt - DAY;
  const appointment: TimeOffRequest = {
    id: org.newId(),
    agent_id: person.agent_id,
    type: 'personal',
    status: 'pending',
    start_time: start,
    end_time: atLocal(today + 2 * DAY, 17, person.timezone),
    all_day: false,
    notes: 'Doctor appointment',
    approver_id: null,
    created_at: created,
    updated_at: created,
  };
  org.timeOff.push(appointment);
  org.timeOffUpdates.push({ request_id: appointment.id, change_type: 'created', updated_at: created });
  org.timeOffUpdates.sort((a, b) => a.updated_at - b.updated_at);
}

const SUMMARIES = [
  'Customer asked how to reset a password; agent used the suggested macro.',
  'Refund for a duplicate charge; suggestion edited before sending.',
  'Shipping delay question; agent declined the suggestion.',
  'Plan upgrade walkthrough.',
  "=cmd|' /C calc'!A0",
];

function generateConversations(org: Org, rng: Rng, agents: Person[]): void {
  const chatty = agents.filter((p) => p.channels.includes('chat') || p.channels.includes('email'));
  for (let i = 0; i < 40; i++) {
    const person = rng.pick(chatty);
    const queueId = rng.pick(person.queues);
    const channel = org.queues.find((q) => q.id === queueId)?.channel ?? 'email';
    const started = org.createdAt - rng.int(HOUR, 7 * DAY);
    const shown = rng.int(0, 6);
    org.conversations.push({
      id: org.newId(),
      agent_id: person.agent_id,
      queue_id: queueId,
      channel,
      started_at: started,
      ended_at: started + rng.int(3 * MINUTE, 40 * MINUTE),
      message_count: rng.int(2, 30),
      suggestions_shown: shown,
      suggestions_accepted: rng.int(0, shown),
      summary: SUMMARIES[i % SUMMARIES.length] ?? '',
    });
  }
  org.conversations.sort((a, b) => a.started_at - b.started_at);
}
