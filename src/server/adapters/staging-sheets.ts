import type { OpenTarget } from '../../core/pull/pull-target';
import { type StagePart, type Staging, stageName, stageOf } from '../../core/pull/staging';
import { sheetGrid } from './sheet-grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PARTS: StagePart[] = ['pages', 'table'];

/**
 * A pull's staging sheets: hidden, last in the tabs, named for the job. insertSheet makes the new
 * sheet active, so the user's sheet and selection are put back at once.
 */
export function stagingSheets(ss: Spreadsheet): Staging {
  const find = (jobId: string, part: StagePart) => ss.getSheetByName(stageName(jobId, part));
  const insertHidden = (name: string) => {
    const range = ss.getActiveRange();
    const sheet = ss.insertSheet(name, ss.getSheets().length);
    sheet.hideSheet();
    if (range) range.activate();
    return sheet;
  };
  return {
    open: (jobId, part) => sheetGrid(find(jobId, part) ?? insertHidden(stageName(jobId, part))),
    find(jobId, part) {
      const sheet = find(jobId, part);
      return sheet ? sheetGrid(sheet) : undefined;
    },
    publish(jobId: string, rows: number, cols: number, target: OpenTarget) {
      const stage = find(jobId, 'table');
      const sheet = ss.getSheets().find((s) => s.getSheetId() === target.sheetId);
      if (!stage || !sheet)
        throw new Error('The staged table or its target sheet is gone; run the pull again.');
      stage.getRange(1, 1, rows, cols).copyTo(sheet.getRange(target.row, target.col, rows, cols));
    },
    remove(jobId) {
      for (const part of PARTS) {
        const sheet = find(jobId, part);
        if (sheet) ss.deleteSheet(sheet);
      }
    },
    stages: () => ss.getSheets().flatMap((s) => stageOf(s.getName()) ?? []),
  };
}
