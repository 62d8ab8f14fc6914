// The rows a push was started with, fixed when Push is pressed: a mark per row (a hash of its
// input cells, salted per push so that no one can craft another row with the same mark), read
// without asking Assembled, so a push that must wait before it can read its rows still knows them.
// Its first run keeps the marks of the rows it will send. Rows added or changed later, by anyone,
// do not match and wait for their own push. Kept in the
// owner's own store (User properties): only the owner's executions carry a push on, and a big
// push never takes room in the spreadsheet's shared store. A row's mark is spent once it is sent,
// so a copy of a sent row does not go again.
import type { Store } from '../ports';
import { hash } from './request';
import type { SheetRow } from './sheet-rows';

const MARK = 8;
/** Marks per property: 8,000 characters, under Apps Script's 9 KB a value. */
const PER_CHUNK = 1_000;
const SPENT = '-'.repeat(MARK);
const PREFIX = 'pushrows.';

export class AcceptedRows {
  private chunks: string[] = [];
  private salt = '';
  private readonly dirty = new Set<number>();

  constructor(
    private readonly own: Store,
    private readonly pushId: string,
  ) {}

  private key(part: string | number): string {
    return `${PREFIX}${this.pushId}.${part}`;
  }

  private mark(input: string): string {
    return hash(this.salt + input);
  }

  /** Fixes the rows to send (in sheet order); returns how many. */
  fix(rows: SheetRow[], salt: string): number {
    this.salt = salt;
    const marks = rows.flatMap((r) => (r.input ? [this.mark(r.input)] : []));
    this.chunks = [];
    for (let i = 0; i < marks.length; i += PER_CHUNK)
      this.chunks.push(marks.slice(i, i + PER_CHUNK).join(''));
    this.own.set(this.key('salt'), { salt, chunks: this.chunks.length });
    this.chunks.forEach((c, i) => {
      this.own.set(this.key(i), c);
    });
    return marks.length;
  }

  /** Reads the marks back; false when they are gone (then nothing may be sent). */
  load(): boolean {
    const head = this.own.get<{ salt: string; chunks: number }>(this.key('salt'));
    if (!head) return false;
    this.salt = head.salt;
    this.chunks = Array.from({ length: head.chunks }, (_, i) => this.own.get<string>(this.key(i)) ?? '');
    return true;
  }

  private unspent(): Map<string, number[]> {
    const at = new Map<string, number[]>();
    this.chunks.forEach((chunk, c) => {
      for (let i = 0; i < chunk.length; i += MARK) {
        const m = chunk.slice(i, i + MARK);
        if (m === SPENT) continue;
        const list = at.get(m) ?? [];
        list.push(c * PER_CHUNK + i / MARK);
        at.set(m, list);
      }
    });
    return at;
  }

  /** The rows (of those given, in order) that match an unspent mark, each mark once. */
  allowed(rows: SheetRow[]): Set<number> {
    const left = new Map([...this.unspent()].map(([m, list]) => [m, list.length]));
    const out = new Set<number>();
    for (const row of rows) {
      if (!row.input) continue;
      const m = this.mark(row.input);
      const n = left.get(m) ?? 0;
      if (n > 0) {
        left.set(m, n - 1);
        out.add(row.row);
      }
    }
    return out;
  }

  /** Spends the marks of rows that were sent, and saves the chunks that changed. */
  spend(rows: SheetRow[]): void {
    const at = this.unspent();
    for (const row of rows) {
      const index = row.input ? at.get(this.mark(row.input))?.shift() : undefined;
      if (index === undefined) continue;
      const c = Math.floor(index / PER_CHUNK);
      const i = (index % PER_CHUNK) * MARK;
      const chunk = this.chunks[c] ?? '';
      this.chunks[c] = chunk.slice(0, i) + SPENT + chunk.slice(i + MARK);
      this.dirty.add(c);
    }
    for (const c of this.dirty) this.own.set(this.key(c), this.chunks[c] ?? '');
    this.dirty.clear();
  }

  /** Forgets the marks (the push is over). */
  drop(): void {
    for (const [key] of this.own.entries(this.key(''))) this.own.delete(key);
  }

  /** Forgets the marks of the owner's pushes that are no longer running. */
  static dropAllBut(own: Store, running: Set<string>): void {
    for (const [key] of own.entries(PREFIX)) {
      const id = key.slice(PREFIX.length, key.lastIndexOf('.'));
      if (!running.has(id)) own.delete(key);
    }
  }
}
