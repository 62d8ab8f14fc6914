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
import type { Extent } from '../../core/sheet/grid';
import { findOrInsertSheet, findSheet, isGridSheet } from './find-sheet';
import { sheetGrid } from './sheet-grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function existing(ss: Spreadsheet, name: string): Sheet {
  const sheet = findSheet(ss, name);
  if (!sheet) throw new TargetMissing(name);
  return sheet;
}

function gridOnly(sheet: Sheet): Sheet {
  if (isGridSheet(sheet)) return sheet;
  const kind = sheet.getType() === SpreadsheetApp.SheetType.OBJECT ? 'chart' : 'data-source';
  throw new TargetNotGrid(sheet.getName(), kind);
}

/**
 * Targets in the active spreadsheet. A "new sheet" target is created on first write and reused
 * by later runs of the same pull; the size of each table written is remembered per target so
 * that the next replace clears exactly what it left.
 */
export function sheetTargets(ss: Spreadsheet, store: Store): Targets {
  return {
    open(target: PullTarget): OpenTarget {
      const sheet = gridOnly(
        target.kind === 'new_sheet' ? findOrInsertSheet(ss, target.name) : existing(ss, targetSheet(target)),
      );
      // Not getRange(a1): the cell may lie outside the grid until the write grows the sheet.
      const { row, col } = target.kind === 'cell' ? cellPosition(target.a1) : { row: 1, col: 1 };
      const key = `extent.${sheet.getSheetId()}.${row}.${col}`;
      const previous = store.get<Extent>(key);
      return {
        grid: sheetGrid(sheet),
        row,
        col,
        label: `${sheet.getName()}!${target.kind === 'cell' ? target.a1 : 'A1'}`,
        ...(previous ? { previous } : {}),
        remember: (extent) => store.set(key, extent),
      };
    },
    exists: (target) => target.kind === 'new_sheet' || findSheet(ss, targetSheet(target)) !== null,
  };
}
