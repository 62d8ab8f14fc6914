// The scheduled refresh that writes into a given place (a sheet, at its table's first cell). One
// place has one refresh: two would overwrite each other's table, or append each period twice.

import { menuPath } from '../menu-names';
import { type Caller, ownerName, ownerSeenBy, owns } from '../owner';
import type { Lock, Store, Zone } from '../ports';
import { type PullTarget, sourceLabel } from '../pull/pull-spec';
import { calledNow, type Targets, targetSheet } from '../pull/pull-target';
import { targetNow } from '../pull/target-now';
import { lowerFirst } from '../sentence';
import { describeFrequency } from './frequency';
import { changeRefresh, type Refresh, RefreshStore } from './refresh';
import { THIS_CARD } from './run-now-pulls';

/** Where in its sheet a target's table starts. */
const anchor = (t: PullTarget) => (t.kind === 'cell' ? t.a1 : 'A1');

export function refreshInto(
  refreshes: readonly Refresh[],
  sheetId: number | undefined,
  target: PullTarget,
): Refresh | undefined {
  if (sheetId === undefined || target.kind === 'bigquery') return undefined;
  return refreshes.find(
    (r) =>
      r.sheetId === sheetId && r.spec.target.kind !== 'bigquery' && anchor(r.spec.target) === anchor(target),
  );
}

/**
 * "weekly on Mon at 07:00 Europe/Berlin by analyst@example.com (paused)", or "by you" to its owner;
 * the hour named in `zone`, the spreadsheet's, when given.
 */
export function refreshWords(r: Refresh, viewer: Caller, zone?: Zone): string {
  const how = describeFrequency(r.frequency, zone?.name);
  return `${lowerFirst(how)} by ${ownerSeenBy(viewer, r)}${r.paused ? ' (paused)' : ''}`;
}

/**
 * How `viewer` gets `verb` ("change or delete") done to a refresh, `how` after it: their own in
 * Scheduled refreshes; another's is its owner's alone (it runs with their key), so they are asked.
 */
export function toHaveDone(r: Refresh, viewer: Caller, verb: string, how = ''): string {
  return owns(viewer, r)
    ? `${verb} that refresh${how} in ${menuPath('refreshes')}`
    : `ask ${ownerName(r)} to ${verb} it${how}`;
}

/** The refresh into the place a pull wrote, in words; undefined when there is none. */
export function scheduledInto(
  store: Store,
  sheetId: number | undefined,
  target: PullTarget,
  viewer: Caller,
  zone?: Zone,
): string | undefined {
  const r = refreshInto(new RefreshStore(store).all(), sheetId, target);
  return r ? refreshWords(r, viewer, zone) : undefined;
}

/** A deleted sheet brought back by the spreadsheet's own history: it has its id again, which the refresh follows. */
const VERSION_BACK =
  'restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version)';

/**
 * The ways a deleted sheet comes back, the lightest first: Undo is the deleter's own (not known, so
 * not named), and only while the delete is recent; Version history takes the whole spreadsheet back.
 */
const BRING_BACK = `bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or ${VERSION_BACK}`;

/** How the ways back are led in, so a pause's reason can be read without them (goneWhat). */
const TO_RUN = 'To have it run again,';

/** The other way on: a refresh writes into the sheet it was saved for, never another. */
const ANOTHER_SHEET =
  'Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there';

/**
 * A deleted sheet's ways back, said to the refresh's owner, who can act on them (its e-mail, and its
 * pause's reason, read once the sheet is back), `on` the card Resume is on (THIS_CARD, ITS_CARD).
 * Restored, its card offers Resume; or another sheet, by a refresh of its own.
 */
export const sheetBack = (on: string) => `${TO_RUN} ${BRING_BACK}. Then Resume on ${on}. ${ANOTHER_SHEET}`;

/**
 * Why a refresh's sheet cannot be found (bound by id, it was deleted; by name, an older refresh's,
 * or renamed), and what to do, said at its card while the sheet is gone, to any editor: anyone may
 * undo or restore. The card then offers Delete (Remove) alone: Resume comes back with the sheet (if
 * the refresh is paused by then: not yet, it runs at its next time), so it is said as what follows,
 * not as a button to press now, and as its owner's to press (`viewer`, when not the owner). Another
 * editor's Remove ends the owner's refresh for good: said as that, not as a way to set it right.
 */
export function gone(r: Refresh, viewer?: Caller): string {
  const mine = !viewer || owns(viewer, r);
  const resume = mine ? 'this card offers Resume' : `ask ${ownerName(r)} to resume it`;
  const back = r.paused
    ? `Once it is back, ${resume}`
    : `Once it is back, it runs at its next time (paused meanwhile, ${resume})`;
  const other = mine
    ? ANOTHER_SHEET
    : `Remove only if no one needs it any more: it belongs to ${ownerName(r)}, and only they can save it again`;
  return `${sheetGone(r)}. ${TO_RUN} ${BRING_BACK}. ${back}. ${other}`;
}

/** The reason a refresh paused for its deleted sheet keeps: the e-mail's ways back, read once the sheet is back too. */
export const goneReason = (r: Refresh) => `${sheetGone(r)}. ${sheetBack(THIS_CARD)}`;

/**
 * A pause's reason kept by goneReason without its ways back ("Paused: its sheet "X" was deleted."),
 * for a reader they are not for, or once they are past; undefined for any other reason. Reasons
 * kept with earlier words for the ways are read too: they are stored with the refresh.
 */
export function goneWhat(reason: string): string | undefined {
  const at = reason.indexOf(` ${TO_RUN} `);
  return at > 0 && reason.endsWith(` ${ANOTHER_SHEET}.`) ? reason.slice(0, at) : undefined;
}

/** "its sheet "Staff" was deleted": what befell it, for a reader who cannot act on the refresh too. */
export function sheetGone(r: Pick<Refresh, 'sheetId' | 'spec'>): string {
  const what = r.sheetId === undefined ? 'was deleted or renamed' : 'was deleted';
  return `its sheet "${targetSheet(r.spec.target)}" ${what}`;
}

/** The same of a run its sheet was deleted under (a refresh's job, in the log and on every card). */
export const cutShort = (r: Pick<Refresh, 'sheetId' | 'spec'>) =>
  `Not finished: ${sheetGone(r)} during the run`;

/**
 * The refresh bound to its sheet brought back, when its own is gone: a sheet of its name whose table,
 * at its first cell, its header note says was pulled from the refresh's source, and that no other
 * refresh writes into. A person's Edit ▸ Undo of the delete, which its card advises, may put the sheet
 * back under a new id (the local runtime takes that reading). Any other sheet given the name since is
 * left alone, as writing over it would lose someone's work: pointing the refresh there is the
 * owner's to do (ANOTHER_SHEET). Else the refresh as it is. `there`: the sheets as listed once
 * (Targets.listed) by a caller that looks at many refreshes, so one gone costs no more calls
 * unless a sheet has its name.
 */
export function takenBack(
  targets: Targets,
  refreshes: readonly Refresh[],
  r: Refresh,
  there: Pick<Targets, 'exists'> = targets,
): Refresh {
  const { target } = r.spec;
  if (r.sheetId === undefined || target.kind === 'bigquery' || there.exists(target, r.sheetId)) return r;
  const sheetId = there.exists(target) ? targets.bind(target) : undefined;
  const others = refreshes.filter((o) => o.id !== r.id);
  if (sheetId === undefined || refreshInto(others, sheetId, target)) return r;
  let held: string | undefined;
  try {
    held = targetNow(targets, target, sheetId)?.held;
  } catch {
    // A chart or Connected Sheets sheet of that name: not the refresh's.
    return r;
  }
  return held === sourceLabel(r.spec.source) ? namedNow(targets, { ...r, sheetId }) : r;
}

/** takenBack, kept: every card, run and button then finds the sheet by its new id. */
export function followBack(
  deps: { store: Store; lock: Lock; targets: Targets },
  r: Refresh,
  there?: Pick<Targets, 'exists'>,
): Refresh {
  const back = takenBack(deps.targets, new RefreshStore(deps.store).all(), r, there);
  if (back === r) return r;
  // Under the lock, looked at again: another execution may have bound it meanwhile.
  const kept = changeRefresh(deps, r.id, (saved) => {
    if (!saved) return undefined;
    const again = takenBack(deps.targets, new RefreshStore(deps.store).all(), saved);
    return again === saved ? undefined : again;
  });
  return kept ?? r;
}

/** The refresh with its sheet called by the name its tab has now: it follows the sheet by id. */
export function namedNow(targets: Pick<Targets, 'nameOf'>, r: Refresh): Refresh {
  const target = calledNow(targets, r.spec.target, r.sheetId);
  return target === r.spec.target ? r : { ...r, spec: { ...r.spec, target } };
}
