import type { OpenTarget } from '../../core/pull/pull-target';
import { STAGE_PARTS, type StagePart, type Staging, stageName, stageOf } from '../../core/pull/staging';
import { sheetGrid } from './sheet-grid';
import { insertBehind } from './sheet-in-front';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A pull's staging sheets: hidden, last in the tabs, named for the job, made behind the user's
 * sheet (sheet-in-front.ts).
 */
export function stagingSheets(ss: Spreadsheet): Staging {
  const find = (jobId: string, part: StagePart) => ss.getSheetByName(stageName(jobId, part));
  const insertHidden = (jobId: string, part: StagePart) => {
    const sheet = insertBehind(ss, stageName(jobId, part), ss.getSheets().length);
    sheet.hideSheet();
    // Pages and replies grow it, a batch at a time, to exactly what they fill: a new sheet's empty
    // 1,000 x 26 cells would count against the spreadsheet's 10 million. (The table's is sized to
    // the table when its write begins.)
    if (part !== 'table') sheetGrid(sheet).trimTo({ rows: 1, cols: 1 });
    return sheet;
  };
  return {
    open: (jobId, part) => sheetGrid(find(jobId, part) ?? insertHidden(jobId, part)),
    find(jobId, part) {
      const sheet = find(jobId, part);
      return sheet ? sheetGrid(sheet) : undefined;
    },
    publish(jobId: string, rows: number, cols: number, target: OpenTarget) {
      const stage = find(jobId, 'table');
      const sheet = ss.getSheetById(target.sheetId);
      if (!stage || !sheet)
        throw new Error('The staged table or its target sheet is gone; run the pull again.');
      stage.getRange(1, 1, rows, cols).copyTo(sheet.getRange(target.row, target.col, rows, cols));
    },
    remove(jobId) {
      for (const part of STAGE_PARTS) {
        const sheet = find(jobId, part);
        if (sheet) ss.deleteSheet(sheet);
      }
    },
    stages: () => ss.getSheets().flatMap((s) => stageOf(s.getName()) ?? []),
  };
}
