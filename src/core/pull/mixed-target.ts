// Append and merge add to the table a sheet holds: rows of another source, or of the same report
// at another granularity (days among weeks), would sit in one table and a total over it would
// count the same time twice. Such a pull is refused before Assembled is asked for anything.
import { InputError } from '../validation';
import { type PullSpec, sourceLabel } from './pull-spec';
import { type Targets, targetSheet } from './pull-target';
import { pulledFrom } from './source-note';

export function refuseMixing(targets: Targets, spec: PullSpec): void {
  if (spec.mode === 'replace' || spec.target.kind === 'bigquery') return;
  const sheetId = targets.bind(spec.target);
  if (sheetId === undefined) return;
  const { grid, row, col } = targets.open(spec.target, sheetId);
  // A table's header is a cell in use: beyond them (maybe beyond the grid) nothing is held.
  const used = grid.used();
  if (row > used.rows || col > used.cols) return;
  const held = pulledFrom(grid.noteAt(row, col));
  const wanted = sourceLabel(spec.source);
  if (held === undefined || held === wanted) return;
  const verb = spec.mode === 'append' ? 'Appending' : 'Merging';
  throw new InputError('Pull', [
    `"${targetSheet(spec.target)}" holds ${held}, not ${wanted}. ${verb} would mix the two in one table: pull into another sheet, or choose Replace it`,
  ]);
}
