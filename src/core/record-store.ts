// Records kept one property each under a prefix of the document store (jobs, pushes, refreshes):
// one property per record keeps each under Apps Script's 9 KB limit, and listing reads the
// store in one call.
import type { Store } from './ports';

/**
 * Finished records are kept this long so the sidebars can show how they ended, unless their
 * owner's share of the store needs the room sooner (share.ts).
 */
export const KEEP_FINISHED_MS = 24 * 3_600_000;

/** What to say of a record asked for by id and no longer kept. */
export const goneText = (what: string, id: string) =>
  `No ${what} ${id}: it finished a while ago and is no longer kept.`;

/**
 * The spreadsheet the document's records name. Every record of one document's store belongs
 * to that spreadsheet; a time-driven run, which has no active spreadsheet, opens it by this id.
 */
export function recordedSpreadsheetId(store: Store): string | undefined {
  for (const [, value] of store.entries<unknown>('')) {
    const id = (value as { spreadsheetId?: unknown } | null)?.spreadsheetId;
    if (typeof id === 'string' && id !== '') return id;
  }
  return undefined;
}

export class RecordStore<T extends { id: string }> {
  constructor(
    protected readonly store: Store,
    private readonly prefix: string,
  ) {}

  get(id: string): T | undefined {
    return this.store.get<T>(this.prefix + id);
  }

  save(record: T): T {
    this.store.set(this.prefix + record.id, record);
    return record;
  }

  all(): T[] {
    return this.store.entries<T>(this.prefix).map(([, record]) => record);
  }

  delete(id: string): void {
    this.store.delete(this.prefix + id);
  }

  deleteWhere(predicate: (record: T) => boolean): void {
    for (const record of this.all()) if (predicate(record)) this.delete(record.id);
  }
}
