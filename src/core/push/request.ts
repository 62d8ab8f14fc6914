// What a valid row asks Assembled to do, in the client's terms (times as epoch ms), and the short
// fingerprint that recognises the same request again in a later execution.
import type { AgentAssociation, AgentStateInput, TimeOffInput } from '../assembled';
import type { ActivityRequest, ClearRequest } from './activity-request';

export interface TimeOffCreate extends TimeOffInput {
  start_time: number;
  end_time: number;
}

export interface StateRecord extends AgentStateInput {
  start_time: number;
  end_time?: number;
}

export type PushRequest =
  | { kind: 'time_off'; input: TimeOffCreate }
  | { kind: 'time_off_cancel'; requestId: string }
  | { kind: 'agent_states'; input: StateRecord }
  | { kind: 'state_edits'; action: 'insert'; input: StateRecord }
  | { kind: 'state_edits'; action: 'update'; stateId: string; input: StateRecord }
  | { kind: 'state_edits'; action: 'delete'; stateId: string }
  | { kind: 'associations'; input: AgentAssociation }
  | ActivityRequest
  | ClearRequest;

/** FNV-1a, 32 bits, as 8 hex digits: short enough to keep hundreds in one property. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function fingerprint(request: PushRequest): string {
  return hash(JSON.stringify(request));
}
