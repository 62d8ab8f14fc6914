// What Validate and Push say of a sheet with a filter: Push reads every row, those the filter hides
// too. Which rows it hides would take a call a row (isRowHiddenByFilter), too slow for thousands of
// rows; whether the sheet has a filter takes one (Sheet.getFilter), so that is what is said.

export const FILTERED_WORDS = 'The sheet has a filter: Push reads every row, those it hides too.';

/** What the server adds to Validate's summary and to a push's view. */
export interface Filtered {
  /** FILTERED_WORDS while the sheet has a filter; absent without one. */
  filtered?: string;
}
