// A merge by a key the target's header has no column for would fail only once the data was
// fetched (a report generated, minutes on): refused at the start instead, as the form does.
import { InputError } from '../validation';
import { keyNotHeadedText } from './merge-key';
import { type PullSpec, sourceInfo } from './pull-spec';
import type { TargetNow } from './target-now';

export function refuseUnknownKey(spec: PullSpec, now: TargetNow | undefined): void {
  if (spec.mode !== 'merge' || !spec.mergeKey || !now) return;
  const problem = keyNotHeadedText(spec.mergeKey, now.header, sourceInfo(spec.source).key);
  if (problem) throw new InputError('Pull', [`${problem} Nothing was written.`]);
}
