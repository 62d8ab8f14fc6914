// What each mode is called where a person reads it: the Pull form's choices under "If the target
// has data" (index.html), said the same on a scheduled refresh's card and in its Edit form.
import type { PullSpec, PullTarget } from './pull-spec';

export const MODE_WORDS: Readonly<Record<PullSpec['mode'], string>> = {
  replace: 'Replace it',
  append: 'Append below it',
  merge: 'Merge by key',
};

export const MODES = Object.keys(MODE_WORDS) as PullSpec['mode'][];

/** A table has no "below": a load adds its rows, whatever the table holds already. */
export function modeLabel(mode: PullSpec['mode'], target: PullTarget['kind']): string {
  return mode === 'append' && target === 'bigquery' ? 'Append: add every row to it' : MODE_WORDS[mode];
}

/**
 * A refresh appending into BigQuery loads its whole range at every run (a sheet's append skips the
 * rows it holds): said where the mode is, or an hourly "yesterday" grows by a day's copy each hour.
 */
export function modeNote(spec: Pick<PullSpec, 'mode' | 'target'>): string {
  return spec.mode === 'append' && spec.target.kind === 'bigquery'
    ? 'Each run adds every row of its range to the table again, so rows pulled by an earlier run are there twice. To keep one row per record, choose Merge by key.'
    : '';
}
