// What each mode is called where a person reads it: the Pull form's choices under "If the target
// has data" (index.html), said the same on a scheduled refresh's card.
import type { PullSpec } from './pull-spec';

export const MODE_WORDS: Readonly<Record<PullSpec['mode'], string>> = {
  replace: 'Replace it',
  append: 'Append below it',
  merge: 'Merge by key',
};

export const MODES = Object.keys(MODE_WORDS) as PullSpec['mode'][];
