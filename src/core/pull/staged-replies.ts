// A resource's replies, kept in the job's staging while it is read (issue 13). A read cut short,
// by its step's time running out or by the 6-minute limit, is carried on by a later step, which is
// answered from here for every request answered before and sends only the rest: no page is asked
// twice, and a resource's several reads (states, then people for names) all go through it. A row:
// the request (path and query), its status, then its JSON in pieces.
import { type KeptReply, type ReplyMemo, TurnOver } from '../assembled/reply-memo';
import type { Clock } from '../ports';
import type { Grid } from '../sheet/grid';
import { cellsText, stageRows, textCells } from './staging';

/** Cells before a row's JSON: the request and its status. */
const HEAD = 2;

export class StagedReplies implements ReplyMemo {
  private readonly kept = new Map<string, KeptReply>();
  /** Rows of the sheet taken into `kept`. */
  private rows = 0;
  private deadline = Number.POSITIVE_INFINITY;
  private stopped: () => boolean = () => false;
  /** Batches sent in this step: the first always goes, so that every step moves the read on. */
  private sent = 0;

  constructor(
    private readonly grid: Grid,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /**
   * A step's read begins, to end at `deadline`, or sooner once `stopped` says Stop was pressed
   * (asked between batches): rows another execution staged since are taken in.
   */
  begin(deadline: number, stopped: () => boolean = () => false): void {
    this.deadline = deadline;
    this.stopped = stopped;
    this.sent = 0;
    const { rows, cols } = this.grid.used();
    if (rows <= this.rows) return;
    for (const row of this.grid.read(this.rows + 1, 1, rows - this.rows, cols)) {
      const json = cellsText(row.slice(HEAD));
      const key = String(row[0] ?? '').replace(/^'/, '');
      this.kept.set(key, { key, status: Number(row[1]), json: json ? JSON.parse(json) : undefined });
    }
    this.rows = rows;
  }

  /** Replies kept so far: the pages read. */
  get count(): number {
    return this.kept.size;
  }

  replayed(key: string): KeptReply | undefined {
    return this.kept.get(key);
  }

  keep(replies: KeptReply[]): void {
    const fresh = replies.filter((r) => !this.kept.has(r.key));
    // The key keeps an apostrophe, as JSON pieces do: Sheets reads nothing into it.
    stageRows(
      this.grid,
      fresh.map((r) => [`'${r.key}`, r.status, ...textCells(JSON.stringify(r.json) ?? '')]),
    );
    for (const r of fresh) this.kept.set(r.key, r);
    this.rows += fresh.length;
  }

  beforeSend(): void {
    if (this.sent > 0 && (this.clock.now() >= this.deadline || this.stopped())) throw new TurnOver();
    this.sent += 1;
  }
}
