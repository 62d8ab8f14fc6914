// The canonical data model of the demo organisation. Every instant is unix seconds (UTC);
// dialect.ts alone turns these records into what a request sees (ISO strings or seconds, arrays or maps).

/** What teams, sites, queues and skills share: a tree through parent_id (the live reply is just this). */
export interface TreeNode {
  id: string;
  name: string;
  parent_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface Site extends TreeNode {
  timezone: string;
}

export interface Team extends TreeNode {
  site_id: string | null;
}

export interface Queue extends TreeNode {
  channel: 'phone' | 'chat' | 'email';
}

export type Skill = TreeNode;

export interface Role {
  id: string;
  name: string;
  permissions: string[];
}

export interface Person {
  id: string;
  /** Distinct from id: the agent-state and time-off endpoints take this one. */
  agent_id: string;
  first_name: string;
  last_name: string;
  email: string;
  timezone: string;
  imported_id: string;
  /** Primary role id; `roles` holds every role id. */
  role: string;
  roles: string[];
  channels: string[];
  site: string;
  teams: string[];
  queues: string[];
  skills: string[];
  /** Platform name -> the person's id on that platform. */
  platforms: Record<string, string>;
  start_date: string;
  end_date: string | null;
  created_at: number;
  deleted: boolean;
  staffable: boolean;
}

export interface AgentState {
  id: string;
  agent_id: string;
  state: string;
  sub_state: string | null;
  start_time: number;
  /** null while the state is still open. */
  end_time: number | null;
  source: string;
  /** The ticket a busy state was spent on (the live condensed timeline shows it). */
  ticket_id?: string;
}

/** An agent's working pattern: the days (0 = Sunday), the hour a shift starts, its length. */
export interface ShiftPlan {
  weekdays: readonly number[];
  startHour: number;
  part: boolean;
}

/** One contiguous piece of an agent's schedule; the shift is the union of its pieces. */
export interface ScheduleSegment {
  activity: 'work' | 'break' | 'lunch';
  start: number;
  end: number;
}

/** A support item (ticket, chat, call) in a queue; the data behind ticket_stats and handle_time. */
export interface Ticket {
  id: string;
  queue_id: string;
  agent_id: string | null;
  created_at: number;
  solved_at: number | null;
  handle_seconds: number | null;
}

export type TimeOffStatus = 'pending' | 'approved' | 'denied' | 'cancelled';

export interface TimeOffRequest {
  id: string;
  agent_id: string;
  type: string;
  status: TimeOffStatus;
  start_time: number;
  end_time: number;
  all_day: boolean;
  notes: string;
  approver_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface TimeOffUpdate {
  request_id: string;
  /** `updated` and `deleted`: a manager's change or deletion in Assembled's UI (admin). */
  change_type: 'created' | TimeOffStatus | 'updated' | 'deleted';
  updated_at: number;
}

export interface StateEdit {
  id: string;
  action: 'insert' | 'update' | 'delete';
  state_id: string;
  agent_id: string;
  before: AgentState | null;
  after: AgentState | null;
  edited_at: number;
}

export interface AssistConversation {
  id: string;
  agent_id: string;
  queue_id: string;
  channel: string;
  started_at: number;
  ended_at: number;
  message_count: number;
  suggestions_shown: number;
  suggestions_accepted: number;
  summary: string;
}

export interface Org {
  sites: Site[];
  teams: Team[];
  queues: Queue[];
  roles: Role[];
  skills: Skill[];
  people: Person[];
  /** Per agent_id, sorted by start_time. */
  states: Map<string, AgentState[]>;
  /** Per agent_id, sorted by start; from historyDays before creation to 14 days past the present. */
  schedules: Map<string, ScheduleSegment[]>;
  tickets: Ticket[];
  timeOff: TimeOffRequest[];
  timeOffUpdates: TimeOffUpdate[];
  edits: StateEdit[];
  conversations: AssistConversation[];
  /** How each staffable agent works (weekdays, start hour, shift), for the days generated later. */
  plans: Map<string, ShiftPlan>;
  /** Unix seconds up to which agent states and tickets exist: creation, then as time goes on. */
  activityUntil: number;
  /** Unix seconds (a UTC midnight) up to which schedules exist. */
  scheduledUntil: number;
  /** Unix seconds at which the org was generated. */
  createdAt: number;
  /** Days of states, tickets and schedules made before createdAt (UTC days back from its day). */
  historyDays: number;
  /** The simulator's present (unix seconds): activity read is made up to it first. */
  present: number;
  /** Fresh deterministic ids for records created through the API. */
  newId(): string;
}
