import type { Store } from '../../core/ports';
import type { PullTarget } from '../../core/pull/pull-spec';
import { type OpenTarget, TargetMissing, type Targets, targetSheet } from '../../core/pull/pull-target';
import type { Extent } from '../../core/sheet/grid';
import { sheetGrid } from './sheet-grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function byId(ss: Spreadsheet, id: number): Sheet | null {
  return ss.getSheets().find((s) => s.getSheetId() === id) ?? null;
}

/** The target's sheet: by id when bound (renames change nothing), else by name. */
function find(ss: Spreadsheet, target: PullTarget, sheetId: number | undefined): Sheet | null {
  return sheetId === undefined ? ss.getSheetByName(targetSheet(target)) : byId(ss, sheetId);
}

/**
 * Targets in the active spreadsheet. A "new sheet" target is created on first write and reused
 * by later runs of the same pull; the size of each table written is remembered per target so
 * that the next replace clears exactly what it left.
 */
export function sheetTargets(ss: Spreadsheet, store: Store): Targets {
  return {
    open(target: PullTarget, sheetId?: number): OpenTarget {
      let sheet = find(ss, target, sheetId);
      if (!sheet && target.kind === 'new_sheet' && sheetId === undefined) sheet = ss.insertSheet(target.name);
      if (!sheet) throw new TargetMissing(targetSheet(target));
      const anchor = target.kind === 'cell' ? sheet.getRange(target.a1) : undefined;
      const row = anchor ? anchor.getRow() : 1;
      const col = anchor ? anchor.getColumn() : 1;
      const key = `extent.${sheet.getSheetId()}.${row}.${col}`;
      const previous = store.get<Extent>(key);
      return {
        grid: sheetGrid(sheet),
        sheetId: sheet.getSheetId(),
        row,
        col,
        label: `${sheet.getName()}!${anchor ? anchor.getA1Notation() : 'A1'}`,
        ...(previous ? { previous } : {}),
        remember: (extent) => store.set(key, extent),
      };
    },
    exists: (target, sheetId) =>
      (target.kind === 'new_sheet' && sheetId === undefined) || find(ss, target, sheetId) !== null,
    bind: (target) => ss.getSheetByName(targetSheet(target))?.getSheetId() ?? undefined,
  };
}
