// What the workbench's Assembled dialog (page/time-off.ts) and the server (time-off-view.ts) say to
// each other: the simulated Assembled's time-off requests, and a manager's act on one.

/** What a manager does to a request in Assembled's UI. */
export type TimeOffAction = 'approve' | 'deny' | 'cancel';

export const TIME_OFF_ACTIONS: readonly TimeOffAction[] = ['approve', 'deny', 'cancel'];

export interface TimeOffRequestView {
  id: string;
  /** The agent's name, as Assembled shows it. */
  agent: string;
  /** The time-off type's name (Paid time off, Sick, ...). */
  type: string;
  /** Its days (all day, in the agent's calendar) or times (in the spreadsheet's zone), as a sheet lists them. */
  when: string;
  status: string;
  /** What a manager can still do to it, in the simulator's rules. */
  actions: TimeOffAction[];
}

export type TimeOffListReply = { ok: true; requests: TimeOffRequestView[] } | { ok: false; message: string };
