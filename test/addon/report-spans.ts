// The days each report the add-on asks Assembled for spans, in either dialect's form of a time
// (unix seconds, or ISO): tests of how a long range is cut into reports read them.
import type { startLocalAddon } from '../../dev/local-addon';
import type { SimRequest } from '../../dev/simulator/api';

const DAY = 86_400_000;
const time = (v: unknown) => (typeof v === 'number' ? v * 1000 : Date.parse(String(v)));

/** Watches the reports asked of the add-on's simulator from now on; the list fills as they go. */
export function reportSpans(local: Awaited<ReturnType<typeof startLocalAddon>>): number[] {
  const asked: number[] = [];
  local.rt.setHttp((request: SimRequest) => {
    if (request.method === 'POST' && /\/v0\/reports\//.test(request.url)) {
      const body = JSON.parse(request.body ?? '{}') as { start_time: unknown; end_time: unknown };
      asked.push((time(body.end_time) - time(body.start_time)) / DAY);
    }
    return local.backend.http(request);
  });
  return asked;
}
