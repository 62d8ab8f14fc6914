// The one model every feature reads, whichever dialect the service answered in.
// Field names are the API's own (snake_case) so sheet headers match Assembled's docs; absent
// optional fields are null; times are epoch milliseconds (see times.ts).
import type { EpochMs } from './times';

export type Scalar = string | number | boolean | null;

/** Free-form record: scalar values; *_time / *_at / *_date values as epoch ms; nested values as JSON text. */
export type LooseRecord = Record<string, Scalar>;

export interface Person {
  id: string;
  /** Agent-state endpoints take this, not `id`. */
  agent_id: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  timezone: string | null;
  imported_id: string | null;
  role: string | null;
  roles: string[];
  channels: string[];
  site: string | null;
  teams: string[];
  queues: string[];
  skills: string[];
  /** Platform name -> the person's id there. */
  platforms: Record<string, string>;
  start_date: EpochMs | null;
  end_date: EpochMs | null;
  created_at: EpochMs | null;
  deleted: boolean | null;
  staffable: boolean | null;
}

export interface Role {
  id: string;
  name: string | null;
  permissions: string[];
}

/**
 * Teams, sites, queues and skills form trees through parent_id. The live service answers
 * {id, name, parent_id, created_at, updated_at}; fields only some replies carry (a team's site_id,
 * a site's timezone, a queue's channel) are present only when the reply had them.
 */
export interface TreeNode {
  id: string;
  name: string | null;
  parent_id: string | null;
  created_at?: EpochMs | null;
  updated_at?: EpochMs | null;
}

export interface Team extends TreeNode {
  site_id?: string | null;
}

export interface Site extends TreeNode {
  timezone?: string | null;
}

export interface Queue extends TreeNode {
  channel?: string | null;
}

export type Skill = TreeNode;

/**
 * An agent-state record or a piece of the condensed timeline. `platform` is the live name of the
 * YAML's `source` (read as one). The optional fields are present only when the reply carried them:
 * the live rows have no id; the live timeline adds the agent's name and e-mail, the agent's id on the
 * platform and the ticket a piece was spent on.
 */
export interface AgentState {
  agent_id: string;
  state: string;
  start_time: EpochMs;
  end_time: EpochMs | null;
  platform: string | null;
  id?: string | null;
  sub_state?: string | null;
  agent_name?: string | null;
  agent_email?: string | null;
  agent_platform_id?: string | null;
  modified_at?: EpochMs | null;
  external_id?: string | null;
  ticket_id?: string | null;
  ticket_status?: string | null;
}

export type ReportType = 'adherence' | 'ticket_stats' | 'handle_time';
export type ReportGranularity = 'interval' | 'day' | 'week' | 'month';
/** The live `in_progress` is read as `running`. */
export type ReportStatus = 'pending' | 'running' | 'complete' | 'failed';

export interface ReportJob {
  id: string;
  status: ReportStatus;
}

/** A metrics list (live dialect) becomes one row per agent/type/bucket with a column per metric. */
export type ReportRow = LooseRecord;

export interface Report {
  id: string;
  status: ReportStatus;
  report_type: string | null;
  generated_at: EpochMs | null;
  /** Why a failed report failed, when the service says. */
  failure_reason: string | null;
  /** Empty until the report is complete. */
  rows: ReportRow[];
}

/** One poll of a report job: not done yet (the caller waits), or done with every row read. */
export type ReportPoll =
  | { done: false; status: 'pending' | 'running'; suggestedWaitMs: number }
  | { done: true; report: Report };

export type TimeOffStatus = 'pending' | 'approved' | 'denied' | 'cancelled';

export interface TimeOffRequest {
  id: string;
  agent_id: string | null;
  type: string | null;
  status: TimeOffStatus | null;
  start_time: EpochMs | null;
  end_time: EpochMs | null;
  all_day: boolean | null;
  notes: string | null;
  approver_id: string | null;
  created_at: EpochMs | null;
  updated_at: EpochMs | null;
}

export interface TimeOffUpdate {
  request_id: string;
  change_type: string | null;
  updated_at: EpochMs | null;
}

/** No published schema; seen fields include id, queue_id, start_time, end_time and the staffing figures. */
export type Requirement = LooseRecord;

/** No published schema; seen fields include id, agent_id, channel, started_at, ended_at. */
export type AssistConversation = LooseRecord;

/** One entry of the agent-state audit trail (no published schema). */
export interface AgentStateEdit {
  id: string | null;
  action: string | null;
  state_id: string | null;
  agent_id: string | null;
  before: AgentState | null;
  after: AgentState | null;
  edited_at: EpochMs | null;
}

/** What an edit did, as far as the reply says (no published schema). */
export interface AgentStateEditResult {
  /** Ids of the inserted state records, when the reply lists them. */
  inserted: string[];
  updated: number | null;
  deleted: number | null;
}
