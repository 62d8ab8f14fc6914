import type { Store } from '../../core/ports';
import type { PullTarget } from '../../core/pull/pull-spec';
import {
  type OpenTarget,
  TargetMissing,
  TargetNotGrid,
  type Targets,
  targetSheet,
} from '../../core/pull/pull-target';
import { cellPosition } from '../../core/sheet/a1';
import { type LastBlock, tableBlock } from '../../core/sheet/renamed-columns';
import { findOrInsertSheet, findSheet, isGridSheet } from './find-sheet';
import { sheetGrid } from './sheet-grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function byId(ss: Spreadsheet, id: number): Sheet | null {
  return ss.getSheets().find((s) => s.getSheetId() === id) ?? null;
}

/** The target's sheet: by id when bound (renames change nothing), else by name whatever its case. */
function find(ss: Spreadsheet, target: PullTarget, sheetId: number | undefined): Sheet | null {
  return sheetId === undefined ? findSheet(ss, targetSheet(target)) : byId(ss, sheetId);
}

function gridOnly(sheet: Sheet): Sheet {
  if (isGridSheet(sheet)) return sheet;
  const kind = sheet.getType() === SpreadsheetApp.SheetType.OBJECT ? 'chart' : 'data-source';
  throw new TargetNotGrid(sheet.getName(), kind);
}

/**
 * Targets in the active spreadsheet. A "new sheet" target is created on first write and reused
 * by later runs of the same pull; the size of each table written is remembered per target so
 * that the next replace clears exactly what it left, with what each column held, so that an
 * append or merge finds a column whose header was typed over.
 */
export function sheetTargets(ss: Spreadsheet, store: Store): Targets {
  return {
    open(target: PullTarget, sheetId?: number): OpenTarget {
      let sheet = find(ss, target, sheetId);
      if (!sheet && target.kind === 'new_sheet' && sheetId === undefined)
        sheet = findOrInsertSheet(ss, target.name);
      if (!sheet) throw new TargetMissing(targetSheet(target));
      sheet = gridOnly(sheet);
      // Not getRange(a1): the cell may lie outside the grid until the write grows the sheet.
      const { row, col } = target.kind === 'cell' ? cellPosition(target.a1) : { row: 1, col: 1 };
      const key = `extent.${sheet.getSheetId()}.${row}.${col}`;
      const recorded = store.get<LastBlock>(key);
      const previous = recorded && tableBlock(recorded);
      return {
        grid: sheetGrid(sheet),
        sheetId: sheet.getSheetId(),
        sheet: sheet.getName(),
        row,
        col,
        label: `${sheet.getName()}!${target.kind === 'cell' ? target.a1 : 'A1'}`,
        ...(previous ? { previous } : {}),
        remember: (block) => store.set(key, block),
      };
    },
    exists: (target, sheetId) =>
      target.kind === 'bigquery' ||
      (target.kind === 'new_sheet' && sheetId === undefined) ||
      find(ss, target, sheetId) !== null,
    nameOf: (sheetId) => byId(ss, sheetId)?.getName(),
    bind: (target) =>
      target.kind === 'bigquery'
        ? undefined
        : (findSheet(ss, targetSheet(target))?.getSheetId() ?? undefined),
  };
}
