import { FILTERED_WORDS, type Filtered } from '../../core/push/filter-words';
import { isGridSheet } from './find-sheet';

/** Whether a push sheet has a filter, in one call; a sheet deleted or of no grid has none. */
export function filteredWords(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): Filtered {
  return sheet && isGridSheet(sheet) && sheet.getFilter() ? { filtered: FILTERED_WORDS } : {};
}
