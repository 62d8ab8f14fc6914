// What Refresh on a schedule, offered after a pull or from a sheet's card in Pull data, says it
// reruns: named by its data and place, as the form below may hold another pull by then.
import { bigQueryLabel } from '../bigquery/target';
import { modeLabel } from './mode-words';
import type { PullAgain } from './pull-again';
import { type PullSpec, sourceInfo } from './pull-spec';
import { describeTarget, quotedTarget } from './pull-target';

/**
 * The card's pull, by the place it last filled, and by its data unless the place is named so
 * already (a sheet "Teams" filled with Teams): said twice, the one name reads as two things.
 */
export function rerunsWords({ spec, what }: Pick<PullAgain, 'spec' | 'what'>): string {
  const place = describeTarget(spec.target);
  return `the pull that last filled ${quotedTarget(spec.target)}${what === place ? '' : ` (${what})`}`;
}

/** The data of a pull as the form's Data list names it ("People", "Adherence report"). */
export const dataLabel = (spec: Pick<PullSpec, 'source'>) => sourceInfo(spec.source).label;

/** A pull just made, by its data and place: 'the People pull into the sheet "People"'. */
export function madeWords(spec: Pick<PullSpec, 'source' | 'target'>): string {
  const t = spec.target;
  const into =
    t.kind === 'bigquery'
      ? `the BigQuery table ${bigQueryLabel(t)}`
      : t.kind === 'cell'
        ? `the sheet "${t.sheet}" at ${t.a1}`
        : `the sheet "${t.name}"`;
  return `the ${dataLabel(spec)} pull into ${into}`;
}

/**
 * Under the offer, once the form is changed after the pull it offers to schedule. Another Data in
 * the form is said outright: the offer is not of the data the form now shows.
 */
export function formChangedWords(offered: PullSpec, form: PullSpec['source']): string {
  const was = dataLabel(offered);
  const now = dataLabel({ source: form });
  if (now !== was)
    return `The form now holds ${now}, not ${was}: this saves a refresh of the ${was} pull just made, as it ran. To schedule ${now}, pull it first.`;
  const mode = modeLabel(offered.mode, offered.target.kind);
  return `The form has changed since the ${was} pull: this saves a refresh of that pull as it ran (If the target has data: ${mode}). Your changes apply to the next Pull data.`;
}
