// Developer metadata: keys and values a script ties to the spreadsheet, a sheet, or whole rows or
// columns of a sheet. Metadata on rows grows, shrinks and moves with them as people insert and
// delete rows (model.ts shifts it, with merges and protections), and goes when they are all
// deleted. Google's limits, and the stricter reading where Google does not say: dev/gas/README.md.

import { COSTS } from '../../costs.js';
import type { Env } from '../env.js';
import type { GridRange } from './a1.js';
import {
  contains,
  type DeveloperMetadataModel,
  intersects,
  type MetadataLocation,
  type SheetModel,
  type WorkbookModel,
} from './model.js';
import { assertEditable } from './protection.js';
import { Range } from './range.js';
import { Sheet } from './sheet.js';
import { Spreadsheet } from './spreadsheet.js';

/** Google's "Metadata storage limits": keys and values, per spreadsheet and per sheet. */
export const MAX_METADATA_CHARS = 30_000;

/**
 * An Apps Script enum value: an object, not a string, so addDeveloperMetadata(key, value) and
 * addDeveloperMetadata(key, visibility) are told apart as Apps Script tells them apart.
 */
class EnumValue {
  constructor(private readonly label: string) {}
  name(): string {
    return this.label;
  }
  toString(): string {
    return this.label;
  }
  toJSON(): string {
    return this.label;
  }
}

export const DeveloperMetadataVisibility = {
  DOCUMENT: new EnumValue('DOCUMENT'),
  PROJECT: new EnumValue('PROJECT'),
} as const;

export const DeveloperMetadataLocationType = {
  SPREADSHEET: new EnumValue('SPREADSHEET'),
  SHEET: new EnumValue('SHEET'),
  ROW: new EnumValue('ROW'),
  COLUMN: new EnumValue('COLUMN'),
} as const;

type Visibility = keyof typeof DeveloperMetadataVisibility;
type LocationType = keyof typeof DeveloperMetadataLocationType;

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function visibilityOf(v: unknown): Visibility {
  const found = Object.entries(DeveloperMetadataVisibility).find(([, e]) => e === v);
  if (!found) throw new Error('Invalid argument: visibility');
  return found[0] as Visibility;
}

function keyOf(key: unknown): string {
  if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
  return key;
}

/** The whole rows or columns a location covers, as a grid range of its sheet. */
function gridOf(l: MetadataLocation): GridRange | undefined {
  if (l.type === 'ROW') return { row: l.start, col: 1, numRows: l.count, numCols: l.sheet.maxColumns };
  if (l.type === 'COLUMN') return { row: 1, col: l.start, numRows: l.sheet.maxRows, numCols: l.count };
  return undefined;
}

/** Where a range of whole rows or columns puts metadata; any other range is refused. */
export function locationOfRange(range: Range): MetadataLocation {
  const { grid, model: sheet, whole } = range;
  if (whole === 'rows') return { type: 'ROW', sheet, start: grid.row, count: grid.numRows };
  if (whole === 'columns') return { type: 'COLUMN', sheet, start: grid.col, count: grid.numCols };
  throw new Error(ARBITRARY);
}

const sizeOf = (m: Pick<DeveloperMetadataModel, 'key' | 'value'>) => m.key.length + (m.value?.length ?? 0);
const sheetOf = (l: MetadataLocation) => (l.type === 'SPREADSHEET' ? undefined : l.sheet);

/**
 * Refuses a change that would take the spreadsheet's metadata, or its sheet's, past the limit.
 * The stricter reading: the spreadsheet's limit counts every sheet's metadata as well as its own.
 */
function assertFits(
  wb: WorkbookModel,
  next: DeveloperMetadataModel,
  replacing?: DeveloperMetadataModel,
): void {
  const all = [...wb.developerMetadata.filter((m) => m !== replacing), next];
  const over = (list: DeveloperMetadataModel[]) =>
    list.reduce((n, m) => n + sizeOf(m), 0) > MAX_METADATA_CHARS;
  const sheet = sheetOf(next.location);
  const where =
    sheet && over(all.filter((m) => sheetOf(m.location) === sheet)) ? `the sheet "${sheet.name}"` : '';
  const what = where || (over(all) ? 'the spreadsheet' : '');
  if (what)
    throw new Error(
      `This would take the developer metadata of ${what} past its limit of ${MAX_METADATA_CHARS} characters (keys and values).`,
    );
}

/**
 * Metadata goes only where the user may edit: the stricter reading, as Google does not say whether a
 * protection covers it. A sheet's needs the sheet editable; rows or columns need their cells.
 */
function assertPlaceable(env: Env, l: MetadataLocation): void {
  if (l.type === 'SPREADSHEET') return;
  assertEditable(env, l.sheet, gridOf(l) ?? 'sheet');
}

function change<T>(env: Env, body: () => T): T {
  return env.exec.call('spreadsheet', COSTS.sheetWriteMs, () => {
    env.world.counters.spreadsheet.writes++;
    return body();
  });
}

function read<T>(env: Env, body: () => T): T {
  return env.exec.call('spreadsheet', COSTS.sheetReadMs, () => {
    env.world.counters.spreadsheet.reads++;
    return body();
  });
}

/**
 * addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility) on the
 * spreadsheet, a sheet or a range: visibility DOCUMENT unless given.
 */
export function addMetadata(env: Env, wb: WorkbookModel, at: () => MetadataLocation, args: unknown[]): void {
  change(env, () => {
    const location = at();
    const key = keyOf(args[0]);
    const second = args[1];
    const byVisibility = second instanceof EnumValue;
    const value = second === undefined || byVisibility ? null : String(second);
    const visibility = visibilityOf(
      byVisibility ? second : (args[2] ?? DeveloperMetadataVisibility.DOCUMENT),
    );
    assertPlaceable(env, location);
    const model: DeveloperMetadataModel = { id: wb.metadataId(), key, value, visibility, location };
    assertFits(wb, model);
    wb.developerMetadata.push(model);
  });
}

function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'SPREADSHEET' || b.type === 'SPREADSHEET') return true;
  if (a.sheet !== b.sheet) return false;
  if (a.type === 'SHEET' || b.type === 'SHEET') return true;
  return a.start === b.start && a.count === b.count;
}

/** The metadata placed exactly there (getDeveloperMetadata of a spreadsheet, sheet or range). */
export function metadataAt(
  env: Env,
  wb: WorkbookModel,
  at: () => MetadataLocation | null,
): DeveloperMetadata[] {
  return read(env, () => {
    const l = at();
    return env.exec.realm.array(
      wb.developerMetadata
        .filter((m) => l !== null && sameLocation(m.location, l))
        .map((m) => new DeveloperMetadata(env, wb, m)),
    );
  });
}

/** Where a finder looks: the whole spreadsheet, one sheet (with its rows and columns), or a range. */
export type FinderScope =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheet: SheetModel }
  | { kind: 'range'; sheet: SheetModel; grid: GridRange };

export class DeveloperMetadataFinder {
  private readonly tests: ((m: DeveloperMetadataModel) => boolean)[] = [];
  private intersecting = false;

  constructor(
    private readonly env: Env,
    private readonly wb: WorkbookModel,
    private readonly scope: FinderScope,
  ) {}

  private with(test: (m: DeveloperMetadataModel) => boolean): DeveloperMetadataFinder {
    return this.env.exec.call('spreadsheet', 0, () => {
      this.tests.push(test);
      return this;
    });
  }

  withKey(key: string): DeveloperMetadataFinder {
    return this.with((m) => m.key === String(key));
  }

  withValue(value: string): DeveloperMetadataFinder {
    return this.with((m) => m.value === String(value));
  }

  withId(id: number): DeveloperMetadataFinder {
    return this.with((m) => m.id === Number(id));
  }

  withLocationType(type: unknown): DeveloperMetadataFinder {
    const name = Object.entries(DeveloperMetadataLocationType).find(([, e]) => e === type)?.[0];
    if (!name) throw new Error('Invalid argument: locationType');
    return this.with((m) => m.location.type === name);
  }

  withVisibility(visibility: unknown): DeveloperMetadataFinder {
    const name = visibilityOf(visibility);
    return this.with((m) => m.visibility === name);
  }

  /** A range's finder then takes metadata on rows or columns that cross the range, not only inside it. */
  onIntersectingLocations(): DeveloperMetadataFinder {
    return this.env.exec.call('spreadsheet', 0, () => {
      this.intersecting = true;
      return this;
    });
  }

  private inScope(m: DeveloperMetadataModel): boolean {
    const s = this.scope;
    if (s.kind === 'spreadsheet') return true;
    if (sheetOf(m.location) !== s.sheet) return false;
    if (s.kind === 'sheet') return true;
    // A range holds only metadata on rows or columns wholly inside it ('3:3' is in '1:5', not in 'A1:D5').
    const grid = gridOf(m.location);
    return grid !== undefined && (this.intersecting ? intersects(grid, s.grid) : contains(s.grid, grid));
  }

  find(): DeveloperMetadata[] {
    return read(this.env, () =>
      this.env.exec.realm.array(
        this.wb.developerMetadata
          .filter((m) => this.inScope(m) && this.tests.every((t) => t(m)))
          .map((m) => new DeveloperMetadata(this.env, this.wb, m)),
      ),
    );
  }
}

/** Where a metadata was when asked (getLocation): rows or columns as a range of whole ones. */
export class DeveloperMetadataLocation {
  private readonly location: MetadataLocation;

  constructor(
    private readonly env: Env,
    private readonly wb: WorkbookModel,
    location: MetadataLocation,
  ) {
    this.location = { ...location };
  }

  private info<T>(body: () => T): T {
    return this.env.exec.call('spreadsheet', 0, body);
  }

  getLocationType(): EnumValue {
    return this.info(() => DeveloperMetadataLocationType[this.location.type as LocationType]);
  }

  private lines(type: 'ROW' | 'COLUMN'): Range | null {
    const l = this.location;
    const grid = gridOf(l);
    if (l.type !== type || !grid) return null;
    return new Range(this.env, l.sheet, grid, type === 'ROW' ? 'rows' : 'columns');
  }

  getRow(): Range | null {
    return this.info(() => this.lines('ROW'));
  }

  getColumn(): Range | null {
    return this.info(() => this.lines('COLUMN'));
  }

  getSheet(): Sheet | null {
    return this.info(() =>
      this.location.type === 'SHEET' ? new Sheet(this.env, this.location.sheet) : null,
    );
  }

  getSpreadsheet(): Spreadsheet | null {
    return this.info(() =>
      this.location.type === 'SPREADSHEET' ? new Spreadsheet(this.env, this.wb) : null,
    );
  }
}

export class DeveloperMetadata {
  constructor(
    private readonly env: Env,
    private readonly wb: WorkbookModel,
    readonly model: DeveloperMetadataModel,
  ) {}

  private info<T>(body: () => T): T {
    return this.env.exec.call('spreadsheet', 0, body);
  }

  /** A change to metadata that is gone (removed, or its rows deleted) is refused. */
  private update(next: Partial<DeveloperMetadataModel>): DeveloperMetadata {
    return change(this.env, () => {
      if (!this.wb.developerMetadata.includes(this.model))
        throw new Error(`The developer metadata with id ${this.model.id} no longer exists.`);
      const updated = { ...this.model, ...next };
      if (next.location) assertPlaceable(this.env, next.location);
      assertFits(this.wb, updated, this.model);
      Object.assign(this.model, next);
      return this;
    });
  }

  getId(): number {
    return this.info(() => this.model.id);
  }

  getKey(): string {
    return this.info(() => this.model.key);
  }

  getValue(): string | null {
    return this.info(() => this.model.value);
  }

  getVisibility(): EnumValue {
    return this.info(() => DeveloperMetadataVisibility[this.model.visibility]);
  }

  getLocation(): DeveloperMetadataLocation {
    return this.info(() => new DeveloperMetadataLocation(this.env, this.wb, this.model.location));
  }

  setKey(key: string): DeveloperMetadata {
    return this.update({ key: keyOf(key) });
  }

  setValue(value: string): DeveloperMetadata {
    return this.update({ value: String(value) });
  }

  setVisibility(visibility: unknown): DeveloperMetadata {
    return this.update({ visibility: visibilityOf(visibility) });
  }

  moveToRow(row: Range): DeveloperMetadata {
    const location = locationOfRange(row);
    if (location.type !== 'ROW') throw new Error(ARBITRARY);
    return this.update({ location });
  }

  moveToColumn(column: Range): DeveloperMetadata {
    const location = locationOfRange(column);
    if (location.type !== 'COLUMN') throw new Error(ARBITRARY);
    return this.update({ location });
  }

  moveToSheet(sheet: Sheet): DeveloperMetadata {
    return this.update({ location: { type: 'SHEET', sheet: sheet.model } });
  }

  moveToSpreadsheet(): DeveloperMetadata {
    return this.update({ location: { type: 'SPREADSHEET' } });
  }

  remove(): void {
    change(this.env, () => {
      this.wb.developerMetadata = this.wb.developerMetadata.filter((m) => m !== this.model);
    });
  }
}
