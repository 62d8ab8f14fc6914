// limit/offset paging: follows `total` (or total_metric_count) to the end wherever a reply carries
// it, and full pages to a short one where it does not, reading ahead a few pages at once. The server's
// numbers never decide how much is held: offsets are made a batch at a time, and
// reading stops with a clear error at a ceiling, or when pages repeat or come back short.
import { countText } from '../count-text';
import { callWords } from './call-words';
import { AssembledError } from './errors';
import { PageSizes } from './page-sizes';
import type { Operation, Transport } from './transport';

export const PAGE_SIZE = 500;

/**
 * No more records than a sheet can hold: a spreadsheet has at most 10 million cells and every
 * source fills at least five columns a row.
 */
export const MAX_RECORDS = 2_000_000;

/** Pages go out at the rate limit (5 a second): past this many, no execution could finish anyway. */
export const MAX_PAGES = 2_000;

/** Offsets made and sent at once: the rate limit's burst (one fetchAll). */
export const BATCH_PAGES = 20;

/**
 * Without a total, pages are asked for before anyone knows they exist: 2 at once, then 4, then at
 * most this many. A long list takes few round trips; a short one wastes no more than a batch less one.
 */
export const READ_AHEAD_PAGES = 8;

export interface Page<T> {
  items: T[];
  total?: number | undefined;
  /** The page size the server says it applied, where a reply echoes it. */
  limit?: number | undefined;
}

export function refused(endpoint: string, problem: string): AssembledError {
  return new AssembledError({
    kind: 'unexpected_response',
    status: 200,
    endpoint,
    message: `Assembled's answer could not be read to the end while ${callWords(endpoint)}: ${problem}. Nothing was written; try a smaller date range or fewer records.`,
  });
}

/** The list or report holds more than a sheet could take. */
export const tooManyRecords = (endpoint: string, count: number) =>
  refused(
    endpoint,
    `it holds ${countText(count)} records, more than a sheet can hold (${countText(MAX_RECORDS)} rows)`,
  );

export const tooManyPages = (endpoint: string) =>
  refused(endpoint, `it runs past ${countText(MAX_PAGES)} pages`);

/** A page came back shorter than the page size though more records follow it. */
export const shortPage = (endpoint: string, offset: number, held: number, step: number) =>
  refused(
    endpoint,
    `the page at offset ${offset} held ${held} records where ${step} were expected, so records would be missed`,
  );

/** A page came back empty though the total says records remain from its offset. */
export const emptyBeforeTotal = (endpoint: string, offset: number, total: number) =>
  refused(endpoint, `the page at offset ${offset} came back empty though the total is ${total}`);

/** Follows pages and stops on the ceilings; one instance per list read. */
class PageReader<T> {
  readonly items: T[] = [];
  private pages = 0;
  private previous: string | undefined;

  constructor(
    readonly endpoint: string,
    readonly sizes: PageSizes = new PageSizes(),
  ) {}

  /** Tells the client's page sizes of a page as it came; longer than `step`, the server's page size varies. */
  measured(held: number, step = Number.POSITIVE_INFINITY): void {
    if (held > step) this.sizes.varies(this.endpoint);
    else this.sizes.saw(this.endpoint, held);
  }

  /** Whether a page holds the very records of the page taken before it. */
  repeats(page: Page<T>): boolean {
    return page.items.length > 0 && JSON.stringify(page.items) === this.previous;
  }

  /** Takes a page read at `offset`; false when it was empty. */
  take(page: Page<T>, offset: number): boolean {
    this.pages += 1;
    if (this.pages > MAX_PAGES) throw tooManyPages(this.endpoint);
    if (page.items.length === 0) return false;
    const fingerprint = JSON.stringify(page.items);
    if (fingerprint === this.previous) {
      throw refused(
        this.endpoint,
        `the page at offset ${offset} repeats the one before it (the server seems to ignore offset)`,
      );
    }
    this.previous = fingerprint;
    if (this.items.length + page.items.length > MAX_RECORDS)
      throw tooManyRecords(this.endpoint, this.items.length + page.items.length);
    for (const item of page.items) this.items.push(item);
    return true;
  }
}

/**
 * The records a page holds of its own where offsets were planned `step` apart. A server whose page
 * size varies may answer a page longer than the step: its records past the step are the next
 * planned page's first ones, and taken whole they would be read twice. The last page planned keeps
 * all it holds.
 */
export function ownRecords<T>(items: T[], offset: number, step: number, total: number): T[] {
  return items.length > step && offset + step < total ? items.slice(0, step) : items;
}

function validTotal(total: number | undefined): number | undefined {
  return total !== undefined && Number.isFinite(total) && total >= 0 ? Math.floor(total) : undefined;
}

/** The page size a reply says the server used, where it is smaller than the one asked. */
function toldPageSize(asked: number, first: Page<unknown>): number | undefined {
  const told = validTotal(first.limit);
  return told !== undefined && told > 0 && told < asked ? told : undefined;
}

/** What a list read is told beside its pages: what the client has learned of page sizes, and a wider list. */
export interface PageHints {
  sizes: PageSizes;
  /**
   * The first page of a wider list on the same endpoint (a filter left out): it holds this list's
   * records and more, up to the server's cap, so one longer than this list's short first page shows
   * that page was short of the cap, the last (readShortFirstPage).
   */
  wider?: Operation<Page<unknown>> | undefined;
}

/**
 * Reads every page. Once the first page gives the total, the next offsets go out together in
 * rate-limited batches rather than one round trip each. A reply without a total is followed, when
 * `pageSize` (the limit asked) is given, while pages come back full: the next few offsets go out
 * together (readAhead) and the first short or empty page ends it; a page that repeats the one before
 * (offset ignored) is an error. A full page is one as long as asked, or as the smaller size the server
 * says it used; a first page shorter than that is taken for the last only once the page sizes the
 * client has learned, or the next offset, say so (readShortFirstPage).
 */
export function readAllPages<T>(
  transport: Transport,
  pageAt: (offset: number) => Operation<Page<T>>,
  pageSize?: number,
  hints?: PageHints,
): T[] {
  const firstOp = pageAt(0);
  const reader = new PageReader<T>(`${firstOp.method} ${firstOp.path}`, hints?.sizes);
  const first = transport.send(firstOp);
  reader.take(first, 0);
  reader.measured(first.items.length);
  let total = validTotal(first.total);
  if (total === undefined) {
    if (pageSize === undefined) return reader.items;
    const held = first.items.length;
    const told = toldPageSize(pageSize, first);
    if (held >= (told ?? pageSize)) readAhead(transport, pageAt, reader, held);
    else if (held > 0 && told === undefined)
      readShortFirstPage(transport, pageAt, reader, pageSize, hints?.wider);
    return reader.items;
  }
  if (total > MAX_RECORDS) throw tooManyRecords(reader.endpoint, total);
  // The server's page size may be below what was asked; step by what it actually returns.
  const step = first.items.length;
  if (step === 0 && total > 0) throw emptyBeforeTotal(reader.endpoint, 0, total);
  while (reader.items.length < total) {
    const offsets: number[] = [];
    for (let o = reader.items.length; o < total && offsets.length < BATCH_PAGES; o += step) offsets.push(o);
    const pages = transport.sendMany(offsets.map(pageAt));
    for (const [i, outcome] of pages.entries()) {
      if (!outcome.ok) throw outcome.error;
      const offset = offsets[i] ?? 0;
      const shrunk = validTotal(outcome.value.total);
      if (shrunk !== undefined && shrunk < total) total = shrunk;
      reader.measured(outcome.value.items.length, step);
      const items = ownRecords(outcome.value.items, offset, step, total);
      // Records deleted while paging: the total shrank and the last pages come back short or empty.
      const atEnd = offset + items.length >= total;
      if (!reader.take({ items }, offset)) {
        if (atEnd) return reader.items;
        throw emptyBeforeTotal(reader.endpoint, offset, total);
      }
      if (items.length < step && !atEnd) {
        throw shortPage(reader.endpoint, offset, items.length, step);
      }
      if (atEnd) return reader.items;
    }
  }
  return reader.items;
}

/**
 * The first page came back shorter than asked, and its reply does not say whether it is the last or
 * the server's page size is below the limit asked (API-FACTS saw pages of 100 to 500): taken for the
 * last, the rest would be lost unsaid. Shorter than a page this endpoint has given (page-sizes.ts),
 * it was short of the server's cap: the last. Otherwise a wider list's first page, asked once an
 * endpoint, may show the cap is above it; failing that, the next offset tells (readPastShortPage).
 */
function readShortFirstPage<T>(
  transport: Transport,
  pageAt: (offset: number) => Operation<Page<T>>,
  reader: PageReader<T>,
  asked: number,
  wider: Operation<Page<unknown>> | undefined,
): void {
  const held = reader.items.length;
  const { sizes, endpoint } = reader;
  if (sizes.isLast(endpoint, held)) return;
  if (wider && sizes.mayProbe(endpoint)) {
    reader.measured(transport.send(wider).items.length);
    if (sizes.isLast(endpoint, held)) return;
  }
  readPastShortPage(transport, pageAt, reader, asked);
}

/**
 * The next offset after a short first page tells. Empty, the list has ended. Holding records, the
 * page before was as long as the server makes a page: as long again, reading goes on at that step;
 * shorter, it is the last. Longer, the page before was not the server's page size either (it
 * varies), and this page is judged as the first was. The same page again is a server that ignores
 * offset and sent every record the first time.
 */
function readPastShortPage<T>(
  transport: Transport,
  pageAt: (offset: number) => Operation<Page<T>>,
  reader: PageReader<T>,
  asked: number,
): void {
  let short = reader.items.length;
  for (;;) {
    const offset = reader.items.length;
    const page = transport.send(pageAt(offset));
    if (reader.repeats(page) || !reader.take(page, offset)) return;
    const held = page.items.length;
    reader.measured(held, short);
    if (held < short) return;
    if (held === short || held >= asked) {
      readAhead(transport, pageAt, reader, held);
      return;
    }
    short = held;
  }
}

/**
 * Reads on from the records held, `step` (the full page size) at a time, in batches of offsets that
 * grow to READ_AHEAD_PAGES, until a page comes back short or empty. Pages asked for past that one
 * cost a request each and nothing else: a failure there is ignored, but records there mean a page
 * in the middle came back short, and reading stops with an error rather than skip them.
 */
function readAhead<T>(
  transport: Transport,
  pageAt: (offset: number) => Operation<Page<T>>,
  reader: PageReader<T>,
  step: number,
): void {
  for (let batch = 2; ; batch = Math.min(batch * 2, READ_AHEAD_PAGES)) {
    const start = reader.items.length;
    const offsets = Array.from({ length: batch }, (_, i) => start + i * step);
    const pages = transport.sendMany(offsets.map(pageAt));
    let short: { offset: number; held: number } | undefined;
    for (const [i, outcome] of pages.entries()) {
      const offset = offsets[i] ?? 0;
      if (short) {
        if (outcome.ok && outcome.value.items.length > 0)
          throw shortPage(reader.endpoint, short.offset, short.held, step);
        continue;
      }
      if (!outcome.ok) throw outcome.error;
      reader.measured(outcome.value.items.length, step);
      const items = ownRecords(outcome.value.items, offset, step, Number.POSITIVE_INFINITY);
      if (!reader.take({ items }, offset) || items.length < step) short = { offset, held: items.length };
    }
    if (short) return;
  }
}
