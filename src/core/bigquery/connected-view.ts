// A Connected Sheets view of a loaded table: added the first time, refreshed after, never twice.
// Its failure never fails the load: it is said in words beside the load's own message.
import type { TableRef } from './warehouse';

export interface ConnectedViews {
  /** Adds a data source sheet over the table, or refreshes the one there; throws Google's reason. */
  show(table: TableRef): 'added' | 'refreshed';
}

/** What became of the view: a sentence for the done message (and so the run log). */
export function showView(views: (() => ConnectedViews) | undefined, table: TableRef): { note: string } {
  try {
    if (!views) throw new Error('Connected Sheets cannot be reached from here.');
    return { note: ` The Connected Sheets view "${table.tableId}" was ${views().show(table)}.` };
  } catch (e) {
    return {
      note: ` The Connected Sheets view could not be added: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
