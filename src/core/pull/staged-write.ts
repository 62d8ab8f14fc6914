// Writing a table a chunk at a time, so an execution cut short leaves work a later one carries
// on from. Replace builds the new table in the job's hidden staging sheet and copies it onto the
// target in one call at the end: readers see the old table until then, the whole new one after,
// and formulas and charts that point at the target keep pointing at it. Append and merge write
// into the target: a chunk written again lands on the same rows (an append's first row is fixed
// when it begins; a merge planned again finds its own rows by their keys), so no row is doubled.
import type { WriteProgress } from '../jobs/pull-job';
import { grown, type SheetUse } from '../sheet/cell-room';
import type { Extent } from '../sheet/grid';
import type { HeldColumns, RenamedColumn } from '../sheet/renamed-columns';
import { typedRows } from '../sheet/typed-rows';
import {
  beginWrite,
  checkCellLimit,
  checkRoom,
  chunkRows,
  clearTakenOut,
  countsOf,
  existingHeader,
  fillReplaced,
  headerNoteOf,
  keptOrder,
  planWrite,
  previousBlock,
  reach,
  refuseCovering,
  type WriteOptions,
  type WritePlan,
  type WriteResult,
  writeBodyRows,
  writeTable,
} from '../sheet/write-table';
import type { Table } from '../table/build-table';
import { fitMade, type OpenTarget } from './pull-target';
import { clearPushColumns, pushColumnsBeside, refusePendingActions, type TypedRows } from './push-columns';
import { reprintPushed } from './pushed-prints';
import { rowNoteColumns } from './row-notes';
import type { Staging } from './staging';

/**
 * What a finished write did: the result's counts, the row its body began at, whether the place held
 * no table (an append or merge into a new or empty sheet is its first write), for a replace the
 * headers of columns a person keeps beside the table (they stay as typed, row by row: a formula
 * column, which follows its row, and a summary of the table (row-notes.ts) are not among them),
 * and for an append or merge the columns whose header a person typed over, which still take their
 * field.
 */
export type Written = Omit<WriteResult, 'writeCalls'> & {
  bodyRow: number;
  fresh?: true;
  keptBeside?: string[];
  renamed?: RenamedColumn[];
  /** replace: rows a person inserted inside the table since its last write, written over as its own. */
  inserted?: number;
  /**
   * Rows typed under the table since its last write, taken in as its own (typed-rows.ts): from
   * sheet row `from`, and the headers of the person's columns beside them (a Comment), which a
   * replace leaves as typed.
   */
  typed?: TypedRows & { beside?: string[] };
};

/** What the header's note may say of a write: a first one, or an append that added nothing. */
export type WriteOutcome = Pick<Written, 'fresh' | 'appended'>;

/** `noteOf`: the header's note for what the write did, in place of `note`. */
export type StagedWriteOptions = WriteOptions & { noteOf?: (done: WriteOutcome) => string };

export type WritePiece = { kind: 'progress'; progress: WriteProgress } | ({ kind: 'done' } & Written);

/** One job's write, carried across the pieces one execution does (the plan is made once per execution). */
export class StagedWrite {
  private plan: WritePlan | undefined;
  private readonly staged: boolean;
  /** The options, the table's block taking in the rows typed under it (`typed`) once they are found. */
  private options: StagedWriteOptions;
  /** Rows typed under the table's block, taken into it (typed-rows.ts). */
  private typed: TypedRows = { from: 0, rows: 0 };
  private typedFound = false;

  constructor(
    private readonly jobId: string,
    private readonly table: Table,
    private readonly target: OpenTarget,
    options: StagedWriteOptions,
    private readonly staging: Staging,
    private readonly now: () => number,
  ) {
    this.staged = options.mode === 'replace' && table.columns.length > 0;
    this.options = options;
  }

  /**
   * The rows typed under the table, found when the write begins and carried in its progress: a merge
   * cut short has written rows of its own there since, which are no typed rows, and finds them again
   * by their keys, as it does its rows below the block.
   */
  private takeTyped(progress: WriteProgress | undefined): void {
    if (this.typedFound) return;
    this.typedFound = true;
    const { previous } = this.options;
    if (!previous) return;
    const rows = progress ? (progress.typed ?? 0) : typedRows(this.target.grid, this.options, previous);
    this.typed = { from: this.options.row + previous.rows, rows };
    if (rows) this.options = { ...this.options, previous: { ...previous, rows: previous.rows + rows } };
  }

  /** The sheet the rows go to, and where the table starts in it. */
  private where(): { grid: OpenTarget['grid']; o: WriteOptions } {
    if (!this.staged) return { grid: this.target.grid, o: this.options };
    return { grid: this.staging.open(this.jobId, 'table'), o: { ...this.options, row: 1, col: 1 } };
  }

  /**
   * A replace's columns in the order the target keeps them (keptOrder) when it begins; then as it
   * staged them, as the user may move columns again while it runs.
   */
  private order(grid: OpenTarget['grid'], o: WriteOptions, progress: WriteProgress | undefined): string[] {
    if (!this.staged) return [];
    return progress ? existingHeader(grid, o) : keptOrder(this.target.grid, this.table, this.options);
  }

  /** The block a replace publishes: the new table, and blanks over what is left of the old one. */
  private published(plan: WritePlan): Extent {
    const before = previousBlock(this.target.grid, this.options, plan.extent);
    return {
      rows: Math.max(before.rows, plan.extent.rows),
      cols: Math.max(before.cols, plan.extent.cols),
    };
  }

  /**
   * After body rows [from, to) of a merge are written: the rows a push sent that it updated in
   * place read as Assembled lists them, which their Push status note now keeps (pushed-prints.ts).
   * Done with the chunk, as a merge planned again after a cut finds them by their keys instead.
   */
  private reprint(plan: WritePlan, from: number, to: number): void {
    const rows = (plan.inPlace ?? []).filter((k) => k >= from && k < to).map((k) => plan.bodyRow + k);
    if (rows.length && this.options.zone)
      reprintPushed(this.target.grid, this.options.row, rows, this.options.zone);
  }

  /** A push's Action and outcome columns beside the target's table (push-columns.ts). */
  private pushColumns(plan: WritePlan) {
    return pushColumnsBeside(this.target.grid, this.options, plan.extent.cols);
  }

  /**
   * Stops a write that would take in rows typed under the table whose Action is not pushed yet, and
   * a replace that would move any Action not pushed (push-columns.ts): before any refusal of cells
   * in the table's way, so the rows to push are named first. `width`: the table's columns.
   */
  private refusePending(width: number): void {
    const replace = this.options.mode === 'replace';
    if (!replace && !this.typed.rows) return;
    const found = pushColumnsBeside(this.target.grid, this.options, width);
    refusePendingActions(found, this.typed, !replace);
  }

  /**
   * What the write says of the typed rows it took in: a replace, of the person's columns beside them
   * too; a merge or append, how many it found by their Assembled ID as it began (a merge cut short
   * has since written some of them over with the rows that list them).
   */
  private typedWords(
    beside: readonly string[] | undefined,
    progress: WriteProgress,
  ): Pick<Written, 'typed' | 'listed'> {
    if (!this.typed.rows) return {};
    const listed = progress.listed ? { listed: progress.listed } : {};
    return { typed: { ...this.typed, ...(beside?.length ? { beside: [...beside] } : {}) }, ...listed };
  }

  /**
   * Refuses a write the spreadsheet's cells have no room for, before any cell changes: the target's
   * grid as the write leaves it, with `staged`, the staging sheet's. A sheet made for the pull is
   * trimmed to the columns the table needs (a new sheet's 26 would count, empty), but keeps its
   * rows: a formula typed before the sheet was made (=SUM(Data!C2:C500)) reads it now, and Sheets
   * shrinks a range by every row deleted from it, so it would no longer see the rows pulled later.
   */
  private fitOrRefuse(plan: WritePlan, block: Extent, staged: SheetUse[]): void {
    const { grid, made } = this.target;
    const reached = reach(this.options, block);
    const size = grid.gridSize();
    const after = made
      ? { rows: Math.max(size.rows, reached.rows), cols: reached.cols }
      : grown(size, reached);
    checkRoom([{ grid, after, ...(made ? { made } : {}) }, ...staged], plan.extent, staged.length > 0);
    fitMade(this.target, reached);
  }

  /** Does the next piece: the plan and header, one chunk of rows, or the end. */
  next(progress: WriteProgress | undefined): WritePiece {
    this.takeTyped(progress);
    if (this.table.columns.length === 0) {
      // A replace of no records clears the table's rows, the typed ones too.
      if (this.options.mode === 'replace') this.refusePending(this.options.previous?.cols ?? 0);
      const { writeCalls: _, ...result } = writeTable(this.target.grid, this.table, this.options);
      const written = { ...result, bodyRow: this.options.row + 1 };
      // An append or merge of nothing changes nothing, the record of its block included: a header
      // row recorded as the block would make the next one write over the rows under it.
      if (this.options.mode !== 'replace') return { kind: 'done', ...written };
      // Nothing was placed: what the columns held is as the last write left it.
      return this.finish(written, this.target.previous?.held);
    }
    const { grid, o } = this.where();
    this.plan ??= planWrite(grid, this.table, o, progress?.bodyRow, this.order(grid, o, progress));
    const plan = this.plan;
    const now = this.now();
    if (!progress) {
      this.refusePending(this.staged ? plan.extent.cols : (this.options.previous?.cols ?? 0));
      refuseCovering(this.target.grid, this.options, plan.extent, plan.headed, plan.own);
      if (this.staged) {
        const block = this.published(plan);
        this.fitOrRefuse(plan, block, [{ grid, after: block, made: true }]);
        this.target.grid.prepare(this.options.row, this.options.col, block.rows, block.cols);
        // Exactly the block: the staging sheet's spare rows and columns would count as cells too.
        grid.trimTo(block);
        grid.growTo(block);
        // An attempt cut short may have staged the columns in another order (the user moved them
        // since): its number formats would stay under the columns that take their place.
        grid.clearFormats?.(1, 1, block.rows, block.cols);
      } else this.fitOrRefuse(plan, plan.extent, []);
      beginWrite(grid, this.table, o, plan);
      const total = plan.body.length;
      const typed = this.typed.rows ? { typed: this.typed.rows, listed: plan.listed ?? 0 } : {};
      return {
        kind: 'progress',
        progress: { done: 0, total, bodyRow: plan.bodyRow, since: now, at: now, ...typed },
      };
    }
    if (progress.done < plan.body.length) {
      const to = Math.min(plan.body.length, progress.done + chunkRows(plan.header.length, o.chunkCells));
      writeBodyRows(grid, o, plan, progress.done, to);
      this.reprint(plan, progress.done, to);
      return { kind: 'progress', progress: { ...progress, done: to, total: plan.body.length, at: now } };
    }
    let keptBeside: string[] | undefined;
    /** The person's columns beside, summaries too: what was typed beside taken-in rows stays there. */
    let typedBeside: string[] | undefined;
    let filled: Written['beside'];
    if (this.staged) {
      // Checked again: an Action may have been typed since the write began.
      const beside = this.pushColumns(plan);
      refusePendingActions(beside, this.typed);
      clearPushColumns(this.target.grid, beside, this.options.row);
      const block = this.published(plan);
      // Checked again: the spreadsheet may have filled up since the write began.
      checkCellLimit(this.target.grid, this.options, block);
      this.target.grid.growTo(reach(this.options, block));
      this.staging.publish(this.jobId, block.rows, block.cols, this.target);
      const { beside: done, uniform } = fillReplaced(this.target.grid, this.options, plan.extent);
      filled = done;
      // A column of one formula all down follows its row, and a summary of the table is about no row:
      // neither is said. Read over the old table's rows, as the card before it read them.
      const right = this.options.col + block.cols;
      const others = beside.others.filter((o) => o.col >= right && !uniform.has(o.col));
      const rows = (this.options.previous ?? plan.extent).rows - 1;
      const notes = rowNoteColumns(
        this.target.grid,
        this.options.row + 1,
        rows,
        others.map((o) => o.col),
        right,
      );
      keptBeside = others.filter((o) => notes.has(o.col)).map((o) => o.header);
      typedBeside = others.map((o) => o.header);
    }
    clearTakenOut(grid, o, plan);
    const { appended, bodyRow } = plan;
    const fresh = plan.headed === 0 ? ({ fresh: true } as const) : {};
    const note = this.options.noteOf?.({ ...fresh, appended }) ?? this.options.note;
    this.target.grid.styleHeader(
      this.options.row,
      this.options.col,
      plan.header.length,
      headerNoteOf(this.table, { ...this.options, note }, plan),
    );
    const renamed = plan.placed.renamed.map((r) => ({ ...r, col: this.options.col + r.index }));
    return this.finish(
      {
        ...countsOf(plan),
        bodyRow,
        ...fresh,
        ...(keptBeside?.length ? { keptBeside } : {}),
        ...(filled ? { beside: filled } : {}),
        ...(renamed.length ? { renamed } : {}),
        ...(this.staged && this.target.inserted ? { inserted: this.target.inserted } : {}),
        ...this.typedWords(typedBeside, progress),
      },
      plan.held,
    );
  }

  private finish(written: Written, held: HeldColumns | undefined): WritePiece {
    this.target.remember({ ...written.extent, ...(held ? { held } : {}) });
    return { kind: 'done', ...written };
  }
}
