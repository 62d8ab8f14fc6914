// A replace of a table the add-on pulled of other data ("People" holding People, Teams pulled
// there): every formula or chart over the sheet (=COUNTA(People!A:A)) would read the other data
// from then on, and nothing would say so. Refused unless the person agreed to replace that data,
// by its name: Pull data asks them first (otherSourceAsked), then pulls again with their yes.
// Another granularity of the same data (days for weeks) is the same table, changed as asked.
import { InputError } from '../validation';
import { type PullSource, type PullSpec, sourceInfo, sourceLabel } from './pull-spec';
import type { TargetNow } from './target-now';

const PUTS = ': replacing them puts ';
const REFUSED = new RegExp(`^"(.+)" holds (.+), not (.+)${PUTS}`);

/** Whether a table holding `held` (TargetNow.held) is of other data than `source`, so a replace of it is asked about. */
export function isOtherSource(held: string, source: PullSource): boolean {
  const data = sourceInfo(source).label;
  return held !== data && !held.startsWith(`${data} (`);
}

/** `replacing`: the data the person agreed to replace (TargetNow.held), when asked. */
export function refuseOtherSource(spec: PullSpec, now: TargetNow | undefined, replacing?: string): void {
  if (spec.mode !== 'replace' || now?.held === undefined || now.held === replacing) return;
  if (!isOtherSource(now.held, spec.source)) return;
  const wanted = sourceLabel(spec.source);
  throw new InputError('Pull', [
    `"${now.sheet}" holds ${now.held}, not ${wanted}${PUTS}${wanted} in their place, and formulas that read "${now.sheet}" would read ${wanted} from then on. Pull into another sheet, or answer Replace when Pull data asks`,
  ]);
}

/** The sheet, its data and the pull's, of a refusal by refuseOtherSource; undefined for any other words. */
export function otherSourceAsked(
  message: string,
): { sheet: string; held: string; wanted: string } | undefined {
  const m = REFUSED.exec(message);
  return m ? { sheet: m[1] as string, held: m[2] as string, wanted: m[3] as string } : undefined;
}
