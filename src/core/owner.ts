// Who owns a record (pull job, push, scheduled refresh) and who is calling. A spreadsheet is
// shared: a record is changed and advanced only by its owner, with the owner's key. Ownership is
// the caller's per-user random id (kept in their own User properties, which no other editor can
// read); the e-mail is only for people to read, and may be missing where Google hides it.
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
  /** `verb`: what only they can do with it ("resume" a refresh any editor may pause). */
  constructor(what: string, record: Owned, verb = 'change') {
    super(
      `This ${what} belongs to ${ownerName(record)} and runs with their API key; only they can ${verb} it.`,
    );
    this.name = 'NotYours';
  }
}

export function requireOwner<T extends Owned>(caller: Caller, record: T, what: string, verb?: string): T {
  if (!owns(caller, record)) throw new NotYours(what, record, verb);
  return record;
}
