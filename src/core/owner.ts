// Who owns a record (pull job, push, scheduled refresh) and who is calling. A spreadsheet is
// shared: a record is changed and advanced only by its owner, with the owner's key. Ownership is
// the caller's per-user random id (kept in their own User properties, which no other editor can
// read); the e-mail is only for people to read, and may be missing where Google hides it.
import type { Store } from './ports';

export interface Caller {
  /** Random, made once per user; never shown to other editors. */
  id: string;
  /** As Google gave it, or '' where a domain policy or a missing scope hides it. */
  email: string;
}

export interface Owned {
  /** The owner's e-mail, for people to read ('' when Google gave none). */
  owner: string;
  /** The owner's Caller.id; records without one belong to nobody. */
  ownerId?: string;
}

/** A pull job, push or refresh: one owner's record in a shared spreadsheet. */
export interface OwnedRecord extends Owned {
  /** Made by the add-on (random), never chosen by a sidebar, so no one can name another's ahead. */
  id: string;
  /** The owner's idempotency key: the same request twice (a double click) gives one record. */
  requestKey?: string;
  /** Its spreadsheet: a time-driven run has no active one and opens it by id. */
  spreadsheetId?: string;
}

export function owns(caller: Caller, record: Owned): boolean {
  return record.ownerId !== undefined && record.ownerId !== '' && record.ownerId === caller.id;
}

/** How other editors see an owner. */
export function ownerName(record: Owned): string {
  return record.owner || 'an editor whose e-mail Google does not share';
}

/** The owner as `viewer` reads it: "you" for their own. */
export function ownerSeenBy(viewer: Caller, record: Owned): string {
  return owns(viewer, record) ? 'you' : ownerName(record);
}

/** The words for "this is not yours", without anything of the record beyond who owns it. */
export class NotYours extends Error {
  constructor(what: string, record: Owned) {
    super(
      `This ${what} belongs to ${ownerName(record)} and runs with their API key; only they can change it.`,
    );
    this.name = 'NotYours';
  }
}

export function requireOwner<T extends Owned>(caller: Caller, record: T, what: string): T {
  if (!owns(caller, record)) throw new NotYours(what, record);
  return record;
}

/**
 * What one editor may keep in the shared Document properties (500 KB for everyone): records past
 * this refuse to be saved, so one editor's actions never fill the store for the others.
 */
export const OWNER_BUDGET_BYTES = 80 * 1024;

/** Bytes of the shared store held by this caller's records (job., push., refresh.). */
export function ownedBytes(store: Store, caller: Caller): number {
  let total = 0;
  for (const prefix of ['job.', 'push.', 'refresh.']) {
    for (const [key, record] of store.entries<Owned>(prefix)) {
      if (owns(caller, record)) total += key.length + JSON.stringify(record).length;
    }
  }
  return total;
}

export class OverBudget extends Error {
  constructor(used: number) {
    super(
      `Your pulls, pushes and scheduled refreshes already take ${Math.ceil(used / 1024)} KB of this spreadsheet's shared storage; each editor may use ${OWNER_BUDGET_BYTES / 1024} KB so that no one can fill it for the others. Delete some scheduled refreshes, or wait for running work to finish (finished work is forgotten after a day).`,
    );
    this.name = 'OverBudget';
  }
}

/** Refuses to save `record` when it would take the caller past their share of the store. */
export function checkBudget(store: Store, caller: Caller, record: { id: string }, prefix: string): void {
  const size = (value: unknown) => prefix.length + record.id.length + JSON.stringify(value).length;
  const old = store.get<Owned>(prefix + record.id);
  const before = ownedBytes(store, caller) - (old && owns(caller, old) ? size(old) : 0);
  const after = before + size(record);
  if (after > OWNER_BUDGET_BYTES) throw new OverBudget(before);
}
