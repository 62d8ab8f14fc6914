// A pull into the place a scheduled refresh writes, of other data than the refresh's: the pull's
// table would sit there until the refresh's next run put its own back, and the sidebar would call
// the pull's table refreshed. So too rows appended or merged into a table its refresh replaces.
// Refused before Assembled is asked for anything.

import type { Caller } from '../owner';
import type { Store, Zone } from '../ports';
import { RefreshStore } from '../schedule/refresh';
import { refreshInto, refreshWords, toHaveDone } from '../schedule/sheet-refresh';
import { InputError } from '../validation';
import { type PullSpec, sourceLabel } from './pull-spec';
import { type Targets, targetSheet } from './pull-target';

/** `sheetId`: the sheet the target names now (Targets.bind), if any; `viewer`, who is pulling. */
export function refuseRefreshed(
  spec: PullSpec,
  sheetId: number | undefined,
  targets: Targets,
  store: Store,
  viewer: Caller,
  zone: Zone,
): void {
  if (sheetId === undefined) return;
  const r = refreshInto(new RefreshStore(store).all(), sheetId, spec.target);
  if (!r) return;
  const theirs = sourceLabel(r.spec.source);
  const name = targets.nameOf(sheetId) ?? targetSheet(spec.target);
  if (theirs !== sourceLabel(spec.source))
    throw new InputError('Pull', [
      `"${name}" is refreshed ${refreshWords(r, viewer, zone)} with ${theirs}: ${sourceLabel(spec.source)} pulled there would be replaced at its next run. Pull into another sheet, or ${toHaveDone(r, viewer, 'change or delete')}`,
    ]);
  // The same data added to a table its refresh replaces: the rows would go at its next run.
  if (r.spec.mode === 'replace' && spec.mode !== 'replace')
    throw new InputError('Pull', [
      `"${name}" is refreshed ${refreshWords(r, viewer, zone)}, replacing its table: rows ${spec.mode === 'append' ? 'appended' : 'merged'} there would be gone at its next run. Pull into another sheet, or ${toHaveDone(r, viewer, 'change', ' to append or merge')}`,
    ]);
}
