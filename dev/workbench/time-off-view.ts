// The workbench's window on the simulated Assembled's time off, as a manager has it in Assembled's
// UI: every request, newest first, and approve, deny or cancel one through the simulator's admin,
// so Sync time off (Push rows) has a change a person made to bring back.
import { timeOffRow } from '../../src/core/push/time-off-days';
import { formatLocalDateTime } from '../../src/core/time/zone-math';
import { intlZone } from '../intl-zone';
import type { SimulatorAdmin } from '../simulator/api';
import { cancelRefused } from '../simulator/handlers/time-off';
import type { TimeOffRequest } from '../simulator/model';
import { timeOffTypeOf } from '../simulator/schedules';
import type { TimeOffAction, TimeOffListReply, TimeOffRequestView } from './time-off-wire';
import type { ActionReply } from './wire';

/** Said when the workbench talks to the real Assembled: its managers act in Assembled itself. */
export const REAL_ASSEMBLED =
  'This workbench uses the real Assembled API: approve, deny or cancel time off in Assembled itself.';

/** What a manager can still do to the request, by the simulator's own rules. */
function actionsOf(request: TimeOffRequest): TimeOffAction[] {
  const decide: TimeOffAction[] = request.status === 'pending' ? ['approve', 'deny'] : [];
  return cancelRefused(request) === null ? [...decide, 'cancel'] : decide;
}

/** The days or times of the request, as Sync time off lists them in the spreadsheet's zone. */
function whenOf(admin: SimulatorAdmin, request: TimeOffRequest, timeZone: string): string {
  const zone = intlZone(timeZone);
  const agentZone = (agentId: string) =>
    intlZone(admin.org.people.find((p) => p.agent_id === agentId)?.timezone ?? timeZone);
  const row = timeOffRow(
    {
      ...request,
      start_time: request.start_time * 1000,
      end_time: request.end_time * 1000,
      created_at: null,
      updated_at: null,
    },
    zone,
    agentZone,
  );
  const [first, last] = [String(row.first_day), String(row.last_day)];
  if (request.all_day) return first === last ? `${first}, all day` : `${first} – ${last}, all day`;
  const start = formatLocalDateTime(request.start_time * 1000, zone);
  const end = formatLocalDateTime(request.end_time * 1000, zone);
  // One day's times: its date once.
  return first === last ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
}

export function timeOffList(admin: SimulatorAdmin | undefined, timeZone: string): TimeOffListReply {
  if (!admin) return { ok: false, message: REAL_ASSEMBLED };
  const all = admin.timeOff();
  const newest = all
    .map((request, made) => ({ request, made }))
    .sort((a, b) => b.request.created_at - a.request.created_at || b.made - a.made);
  const requests = newest.map(({ request: r }): TimeOffRequestView => {
    const person = admin.org.people.find((p) => p.agent_id === r.agent_id);
    return {
      id: r.id,
      agent: person ? `${person.first_name} ${person.last_name}`.trim() : r.agent_id,
      type: timeOffTypeOf(r.type)?.name ?? r.type,
      when: whenOf(admin, r, timeZone),
      status: r.status,
      actions: actionsOf(r),
    };
  });
  return { ok: true, requests };
}

/** A manager approves, denies or cancels a request in Assembled's UI; refused in the simulator's words. */
export function manageTimeOff(
  admin: SimulatorAdmin | undefined,
  id: string,
  action: TimeOffAction,
): ActionReply {
  if (!admin) return { ok: false, message: REAL_ASSEMBLED };
  try {
    if (action === 'cancel') admin.cancelTimeOff(id);
    else admin.decideTimeOff(id, action === 'approve' ? 'approved' : 'denied');
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
