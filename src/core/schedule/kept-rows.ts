// What a run that did not write left in its sheet, said on its card and in its e-mail: the rows
// last written, by when. Not "of the last run that worked": before any run of the refresh worked,
// they are the pull it was saved from (Refresh.lastGood), and these words are true of either.
export const KEPT_ROWS = 'still holds the rows written';
