// The pull that last filled a sheet, kept by the sheet's id, so Pull data can offer to run it again
// with the sheet in front: the analyst's "refresh this sheet now" without filling the form again.
// Its relative range is resolved afresh, as a scheduled refresh's is.
import type { Store } from '../ports';
import { scheduledInto } from '../schedule/sheet-refresh';
import { rangeWords } from '../time/date-range';
import { type PullSpec, type PullTarget, sourceLabel } from './pull-spec';

const KEY = 'lastPull.';

export interface PullAgain {
  /** The pull, aimed at the sheet as it is named now. */
  spec: PullSpec;
  /** "Ticket stats report (day), last week". */
  what: string;
  /** What pulling again does to the sheet, by the pull's mode. */
  how: string;
  /** The scheduled refresh into the same place, in words ("weekly on Mon at 07:00 by …"). */
  scheduled?: string;
}

export function rememberPull(store: Store, sheetId: number | undefined, spec: PullSpec): void {
  if (sheetId === undefined || spec.target.kind === 'bigquery') return;
  store.set(`${KEY}${sheetId}`, spec);
}

const HOW: Record<PullSpec['mode'], string> = {
  replace: 'Replaces its table with the new one.',
  append: 'Appends the rows it does not hold yet.',
  merge: 'Updates its rows with the same key and adds new ones.',
};

/** The pull that last filled the sheet `sheetId`, now called `sheetName`; undefined when none. */
export function pullAgain(store: Store, sheetId: number, sheetName: string): PullAgain | undefined {
  const spec = store.get<PullSpec>(`${KEY}${sheetId}`);
  if (!spec || spec.target.kind === 'bigquery') return undefined;
  // A new sheet is an existing one now; a renamed sheet is found under its new name.
  const target: PullTarget =
    spec.target.kind === 'cell' ? { ...spec.target, sheet: sheetName } : { kind: 'sheet', name: sheetName };
  const scheduled = scheduledInto(store, sheetId, target);
  return {
    ...(scheduled ? { scheduled } : {}),
    spec: { ...spec, target },
    what: [sourceLabel(spec.source), rangeWords(spec.range)].filter(Boolean).join(', '),
    how: HOW[spec.mode],
  };
}
