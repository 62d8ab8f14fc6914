// What a pushed Agent-state edits row, changed since, is told to do. Only an insert's row holds the
// id of a record (its Assembled ID): where the change needs that id in State ID, the words name it
// and say to copy it there before clearing the Assembled ID, which would lose the only copy.

import { toClearAsNew } from './clear-to-send';

/** What the words rest on beside the row's Action. */
export interface EditFacts {
  /** The row's Assembled ID: the record it inserted; '' for a pushed update or delete. */
  id?: string;
  /** Its State ID cell. */
  stateId?: string;
  /** The Action it was pushed with, when Action is the one cell changed since; '' otherwise. */
  actionWas?: string;
}

const CLEAR = toClearAsNew('state_edits');

/** An inserted state record sent again would be a second record: an update changes the first. */
const UPDATE_HOW = `To send the change, put update in Action (and the Assembled ID in State ID if it is empty), then clear ${CLEAR}.`;

/**
 * What to do with the change of a row whose Action now reads `action`, and whether those words fill
 * its empty State ID (`fillsId`), the problem that would stop it being sent, so that is not said too.
 */
export function editHow(
  action: string,
  { id = '', stateId = '', actionWas = '' }: EditFacts = {},
): { how: string; fillsId: boolean } {
  const idThere = `this row's Assembled ID (${id}) in State ID, then clear ${CLEAR}`;
  if (action.trim().toLowerCase() === 'delete') {
    if (id && !stateId.trim()) return { how: `To delete the state, put ${idThere}.`, fillsId: true };
    return { how: `To send the delete, clear its ${CLEAR}.`, fillsId: false };
  }
  // An Action emptied (or changed) alone changes nothing Assembled holds: an update would send it as it is.
  if (actionWas) {
    const remove = id ? ` To remove the state instead, put delete in Action and ${idThere}.` : '';
    return {
      how: `Nothing else changed, so there is nothing to send: put ${actionWas} back in Action.${remove}`,
      fillsId: false,
    };
  }
  return { how: UPDATE_HOW, fillsId: false };
}
