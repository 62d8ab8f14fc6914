import type { Store } from '../../core/ports';
import type { PullTarget } from '../../core/pull/pull-spec';
import {
  type OpenTarget,
  TargetMissing,
  TargetNotGrid,
  type Targets,
  targetSheet,
} from '../../core/pull/pull-target';
import { cellName, cellPosition, sheetCell } from '../../core/sheet/a1';
import { type LastBlock, tableBlock } from '../../core/sheet/renamed-columns';
import { dataSheetAt, findSheet, isGridSheet } from './find-sheet';
import { sheetGrid } from './sheet-grid';
import { insertBehind } from './sheet-in-front';
import { markRows, type TableRows, tableRows } from './table-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The target's sheet: by id when bound (renames change nothing), else by name whatever its case. */
function find(ss: Spreadsheet, target: PullTarget, sheetId: number | undefined): Sheet | null {
  return sheetId === undefined ? findSheet(ss, targetSheet(target)) : ss.getSheetById(sheetId);
}

/** A target that is always there: BigQuery, or a new sheet made at its first write. */
const alwaysThere = (target: PullTarget, sheetId: number | undefined) =>
  target.kind === 'bigquery' || (target.kind === 'new_sheet' && sheetId === undefined);

function gridOnly(sheet: Sheet): Sheet {
  if (isGridSheet(sheet)) return sheet;
  const kind = sheet.getType() === SpreadsheetApp.SheetType.OBJECT ? 'chart' : 'data-source';
  throw new TargetNotGrid(sheet.getName(), kind);
}

/** A block as recorded, with the mark its rows carry (table-rows.ts) since they carry one. */
type Recorded = LastBlock & { mark?: string };

/** The recorded block as many rows long as it is now, when its rows say. */
function asNow({ mark: _, ...block }: Recorded, now: TableRows | undefined): LastBlock {
  return now ? { ...block, rows: now.rows } : block;
}

/**
 * Targets in the active spreadsheet. A "new sheet" target is created on first write and reused
 * by later runs of the same pull; the size of each table written is remembered per target so
 * that the next replace clears exactly what it left, with what each column held, so that an
 * append or merge finds a column whose header was typed over. Its rows are found where they are
 * now (table-rows.ts): a table moved down by rows inserted above it is written where it is, and
 * one grown by rows inserted inside it is that much longer.
 *
 * The new sheet is made behind the person's (sheet-in-front.ts): its first write may come from a
 * poll minutes after Pull data was pressed, while they type in another sheet. `pressed`: this
 * execution is the press itself (startPull), so a sheet made now is put in front, as they asked.
 */
export function sheetTargets(ss: Spreadsheet, store: Store, pressed = false): Targets {
  return {
    open(target: PullTarget, sheetId?: number): OpenTarget {
      let found = find(ss, target, sheetId);
      const made = !found && target.kind === 'new_sheet' && sheetId === undefined;
      if (made) {
        const at = dataSheetAt(ss);
        found = pressed ? ss.insertSheet(target.name, at) : insertBehind(ss, target.name, at);
      }
      if (!found) throw new TargetMissing(targetSheet(target));
      const sheet = gridOnly(found);
      // Not getRange(a1): the cell may lie outside the grid until the write grows the sheet.
      const { row: at, col } = target.kind === 'cell' ? cellPosition(target.a1) : { row: 1, col: 1 };
      const key = `extent.${sheet.getSheetId()}.${at}.${col}`;
      const rowsKey = `assembled.block.${at}.${col}`;
      const recorded = store.get<Recorded>(key);
      const now = tableRows(sheet, rowsKey, recorded?.mark);
      // With its rows all deleted the table is gone: the cells at its place now are not its own.
      const row = now?.rows ? now.row : at;
      const previous = recorded && tableBlock(asNow(recorded, now));
      const inserted = now && recorded ? now.rows - recorded.rows : 0;
      return {
        grid: sheetGrid(sheet),
        sheetId: sheet.getSheetId(),
        sheet: sheet.getName(),
        row,
        col,
        label: sheetCell(
          sheet.getName(),
          row !== at ? cellName(row, col) : target.kind === 'cell' ? target.a1 : 'A1',
        ),
        ...(previous ? { previous } : {}),
        ...(inserted > 0 ? { inserted } : {}),
        ...(made ? { made: true as const } : {}),
        remember: (block) => {
          const mark = markRows(sheet, rowsKey, { row, rows: block.rows });
          store.set(key, mark ? { ...block, mark } : block);
        },
      };
    },
    exists: (target, sheetId) => alwaysThere(target, sheetId) || find(ss, target, sheetId) !== null,
    listed() {
      let list: { id: number; name: string }[] | undefined;
      const sheets = () => (list ??= ss.getSheets().map((s) => ({ id: s.getSheetId(), name: s.getName() })));
      return {
        // find's rule over the list: by id when bound, else by name whatever its case.
        exists(target, sheetId) {
          if (alwaysThere(target, sheetId)) return true;
          const name = targetSheet(target).toLowerCase();
          return sheets().some((s) =>
            sheetId === undefined ? s.name.toLowerCase() === name : s.id === sheetId,
          );
        },
        nameOf: (sheetId) => sheets().find((s) => s.id === sheetId)?.name,
      };
    },
    nameOf: (sheetId) => ss.getSheetById(sheetId)?.getName(),
    dropEmpty(sheetId) {
      const sheet = ss.getSheetById(sheetId);
      // Anything in it (typed there since, say) is someone's: the sheet stays.
      if (!sheet || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return;
      try {
        ss.deleteSheet(sheet);
      } catch {
        // The last sheet left visible cannot go (the others were deleted meanwhile): it stays, empty.
      }
    },
    bind: (target) =>
      target.kind === 'bigquery'
        ? undefined
        : (findSheet(ss, targetSheet(target))?.getSheetId() ?? undefined),
  };
}
