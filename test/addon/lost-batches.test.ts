// A fetchAll fails whole when one request in it gets no answer, after its whole timeout (a minute),
// and every request in it is asked again: at 1 request in 5 unanswered, batches of 20 almost never
// came back, and a month of agent states was at page 103 after two hours (QA). A lost batch halves
// the next, down to one request at a time, and a pull's next execution starts where its last one
// came down to.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

describe('batches lost to a timeout', () => {
  it('an Agent states pull asks in halves after each batch lost, and its next sidebar call goes on as small', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    // Each request with its fetch (a fetchAll's, or a fetch's alone), and whether it got an answer.
    const sent: { fetch: number; answered: boolean }[] = [];
    rt.setHttp((request) => {
      const answer = backend.http(request);
      const { fetchAllBatches, fetchCalls } = rt.counters.urlfetch;
      sent.push({ fetch: fetchAllBatches + fetchCalls, answered: !answer.timeout });
      return answer;
    });
    sim.setFaults({ timeoutRate: 0.2 });
    const job = await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource: 'agent_states' },
        range: { kind: 'relative', preset: 'last_month' },
        target: { kind: 'new_sheet', name: 'States' },
        mode: 'replace',
      },
      'lost-batches-1',
    );
    expect(job.state).toBe('done');
    const byFetch = new Map<number, { size: number; lost: boolean }>();
    for (const s of sent) {
      const f = byFetch.get(s.fetch) ?? { size: 0, lost: false };
      byFetch.set(s.fetch, { size: f.size + 1, lost: f.lost || !s.answered });
    }
    const fetches = [...byFetch.values()];
    const sizes = fetches.map((f) => f.size);
    // 20 at most (the rate limit's burst), halved at each fetch lost, whatever execution sends it.
    let most = 20;
    for (const [i, f] of fetches.entries()) {
      expect(f.size, `fetch ${i + 1} of ${sizes.join(', ')}`).toBeLessThanOrEqual(most);
      if (f.lost) most = Math.max(1, Math.floor(most / 2));
    }
    expect(most).toBe(1);
  });
});
