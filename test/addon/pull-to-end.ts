// Starts a pull from the sidebar and polls it, as the sidebar does, until it is over.
import type { LocalRuntime } from '../../dev/gas';
import type { JobView } from '../../src/core/pull/pull-view';

/**
 * `replacing`: the other data at the target the person agreed to replace, when Pull data asked
 * (other-source.ts); `seen`, given, gets each answer the sidebar had before the last, in order.
 */
export async function pullToEnd(
  rt: LocalRuntime,
  spec: object,
  key: string,
  replacing?: string,
  seen?: JobView[],
): Promise<JobView> {
  const agreed = replacing === undefined ? [] : [undefined, replacing];
  let job = await rt.callFromSidebar<JobView>('startPull', spec, key, ...agreed);
  for (let i = 0; i < 100 && job.nextPollInMs > 0; i++) {
    seen?.push(job);
    rt.clock.advance(job.nextPollInMs);
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
  }
  return job;
}
