// What of a pushed row to clear for Push to send it as new: one place, so that a changed row's
// words and a copied row's (copied-rows.ts) name the same cells.
import { KINDS, type PushKind } from './kinds';

/** The cells to clear, in words ("Push status and Assembled ID"). */
export function toClearAsNew(kind: PushKind): string {
  // The note keeps what Assembled ingested: while it stays, a cleared status is put back
  // (cleared-states.ts), as it would be on a copy whose original row went.
  if (kind === 'agent_states') return 'Push status, Pushed at and the Push status note';
  // With no ids, a time in Pushed at beside the note marks a copy of another row (copied-rows.ts).
  if (KINDS[kind].noIds) return 'Push status and Pushed at';
  // An ID cleared, the row is no copy; a status cleared, it is not done (Pushed at may stay).
  return 'Push status and Assembled ID';
}
