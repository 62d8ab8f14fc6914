// Where a pull lands. The adapter behind it finds or creates the sheet; core only sees a Grid.
import { bigQueryLabel } from '../bigquery/target';
import { sheetCell } from '../sheet/a1';
import type { Extent, Grid } from '../sheet/grid';
import type { LastBlock } from '../sheet/renamed-columns';
import type { PullTarget } from './pull-spec';

export interface OpenTarget {
  grid: Grid;
  /** The sheet's id: later runs find it by this, whatever it is renamed to. */
  sheetId: number;
  /** The sheet's name now, as its tab shows it. */
  sheet: string;
  row: number;
  col: number;
  /** A name for the log and the sidebar, e.g. "People!A1". */
  label: string;
  /**
   * The block the previous pull into this target filled (and what its columns held), when recorded,
   * as many rows long as it is now (rows a person inserted or deleted inside it count); `row` is
   * where it is now.
   */
  previous?: LastBlock;
  /** Rows a person inserted inside the table since it was written (net of rows deleted there). */
  inserted?: number;
  /** The sheet was made by this open, for a new-sheet target: the pull's own until it writes into it. */
  made?: true;
  remember(block: LastBlock): void;
}

/**
 * A sheet made for the pull keeps only the columns it will hold, `reach` from A1: Sheets counts a new
 * sheet's empty 1,000 x 26 against the spreadsheet's 10 million. It keeps its rows: a formula typed
 * before the sheet was made (=SUM(Data!C2:C500)) reads it now, and rows deleted would shrink it.
 * Before anything is written or frozen.
 */
export function fitMade(target: Pick<OpenTarget, 'grid' | 'made'>, reach: Extent): void {
  if (target.made)
    target.grid.trimTo({ rows: Math.max(reach.rows, target.grid.gridSize().rows), cols: reach.cols });
}

/** The sheet a pull or refresh writes to is gone (deleted or renamed). */
export class TargetMissing extends Error {
  constructor(readonly sheet: string) {
    super(`The sheet "${sheet}" no longer exists. Choose another target, or restore the sheet.`);
    this.name = 'TargetMissing';
  }
}

/** The sheet a pull names is a chart or a Connected Sheets data source: it has no cells to write. */
export class TargetNotGrid extends Error {
  constructor(
    readonly sheet: string,
    kind: 'chart' | 'data-source',
  ) {
    super(
      `"${sheet}" is a ${kind} sheet, not a grid of cells: a pull cannot write into it. Choose another sheet, or a new one.`,
    );
    this.name = 'TargetNotGrid';
  }
}

export interface Targets {
  /**
   * Opens the target; throws TargetMissing when it is gone. With `sheetId` the sheet is found by
   * id (a rename changes nothing); without, by name (a new sheet is created when asked).
   */
  open(target: PullTarget, sheetId?: number): OpenTarget;
  /** Whether the target's sheet is there (a new-sheet target without an id always can be). */
  exists(target: PullTarget, sheetId?: number): boolean;
  /**
   * `exists` and `nameOf` for many targets from one list of the sheets, taken at the first
   * question: the dispatcher's tick and the refreshes sidebar look at every refresh with it.
   */
  listed(): Pick<Targets, 'exists' | 'nameOf'>;
  /** The id of the sheet the target names now; undefined for a new sheet not made yet. */
  bind(target: PullTarget): number | undefined;
  /** The name the sheet with this id has now; undefined when it is gone. */
  nameOf(sheetId: number): string | undefined;
  /** Deletes the sheet with this id when nothing is in it (one a pull made, then failed before writing into). */
  dropEmpty(sheetId: number): void;
}

/** The target with its sheet called by the name it has now (a refresh follows its sheet by id). */
export function withSheetName(target: PullTarget, name: string): PullTarget {
  if (target.kind === 'bigquery') return target;
  return target.kind === 'cell' ? { ...target, sheet: name } : { ...target, name };
}

/**
 * The target called by the name its sheet (`sheetId`) has now; as it is when the sheet is gone or
 * not known by id. A run follows its sheet by id: renamed meanwhile, it is called by its tab's name.
 */
export function calledNow(
  targets: Pick<Targets, 'nameOf'>,
  target: PullTarget,
  sheetId: number | undefined,
): PullTarget {
  const name = sheetId === undefined ? undefined : targets.nameOf(sheetId);
  return name === undefined || name === targetSheet(target) ? target : withSheetName(target, name);
}

export function targetSheet(target: PullTarget): string {
  if (target.kind === 'bigquery') return bigQueryLabel(target);
  return target.kind === 'cell' ? target.sheet : target.name;
}

/**
 * What the progress calls its count of rows: a sheet's are written; a table's loaded (a merge or
 * replace's into staging, the table holding its old rows till the last are in), not written to it.
 */
export const rowsTerm = (target: PullTarget) => (target.kind === 'bigquery' ? 'Rows loaded' : 'Rows written');

export function describeTarget(target: PullTarget): string {
  if (target.kind === 'bigquery')
    return `BigQuery ${bigQueryLabel(target)}${target.view ? ' + Connected Sheets view' : ''}`;
  return target.kind === 'cell' ? sheetCell(target.sheet, target.a1) : target.name;
}

/**
 * A target named in a sentence, its name in quotes: a BigQuery table as BigQuery table "p.d.t",
 * the word BigQuery outside the quotes, being no part of the name. `quote` puts the name in them
 * (the failure e-mail's quoteAsData, which makes it safe as data there).
 */
export function quotedTarget(
  target: PullTarget,
  quote: (name: string) => string = (name) => `"${name}"`,
): string {
  return target.kind === 'bigquery'
    ? `BigQuery table ${quote(bigQueryLabel(target))}`
    : quote(describeTarget(target));
}

/**
 * Whether a pull's refusal is about the sheet it would write into. Those refusals (own-sheet.ts,
 * mixed-target.ts, refreshed-target.ts, the run log's in pull-spec.ts) begin with that sheet's name
 * in quotes, whatever its case: a sidebar gets only an error's message, and by this the Pull form
 * says it at the field that names the sheet.
 */
export function refusesTarget(message: string, target: PullTarget): boolean {
  if (target.kind === 'bigquery') return false;
  return message.toLowerCase().startsWith(`"${targetSheet(target).trim().toLowerCase()}"`);
}
