// What an activity row asks for, times as epoch ms: one change for the bulk transaction (with the
// schedule it goes to), or one window to clear.

export interface ActivityFields {
  /** Set for update and delete. */
  id?: string;
  agent_id?: string;
  type_id?: string;
  start_time?: number;
  end_time?: number;
  description?: string;
  allow_conflicts?: boolean;
}

export interface ActivityRequest {
  kind: 'activities';
  action: 'create' | 'update' | 'delete';
  /** Empty for the master schedule. */
  scheduleId?: string;
  activity: ActivityFields;
}

export interface ClearRequest {
  kind: 'activities_clear';
  input: { agent_ids: string[]; start_time: number; end_time: number; schedule_id?: string };
}
