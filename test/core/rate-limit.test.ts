import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../dev/net/virtual-clock';
import { createAssembledClient, TokenBucket } from '../../src/core/assembled';
import { fakeHttp, KEY, reply, setup } from './fake-http';

const TIME_OFF = { agent_id: 'a1', start_time: Date.UTC(2026, 5, 1), end_time: Date.UTC(2026, 5, 2) };

/** The most requests sent in any window of `ms` starting at a send. */
function busiestWindow(times: number[], ms: number): number {
  let best = 0;
  for (const [i, t] of times.entries())
    best = Math.max(best, times.slice(i).filter((u) => u < t + ms).length);
  return best;
}

describe('token bucket', () => {
  it('lets a burst of 20 through, then 5 a second', () => {
    const { client, http, start } = setup(() => reply(200, { roles: [] }));
    for (let i = 0; i < 30; i++) client.listRoles();
    const offsets = http.sentAt.map((t) => t - start);
    expect(offsets.slice(0, 20).every((t) => t === 0)).toBe(true);
    expect(offsets.slice(20)).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
  });

  it('paces fetchAll batches and single calls from one bucket', () => {
    const { client, http } = setup(
      (r) => (r.method === 'GET' ? reply(200, { roles: [] }) : reply(201, { id: 'x' })),
      {},
      120,
    );
    client.listRoles();
    const outcomes = client.createTimeOffMany(Array.from({ length: 400 }, () => TIME_OFF));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(http.batches[1]).toBe(19); // the single call took one token of the burst
    expect(Math.max(...http.batches)).toBeLessThanOrEqual(20);
    // A bucket of 20 refilled at 5/s: at most the burst plus a minute of refill.
    expect(busiestWindow(http.sentAt, 60_000)).toBeLessThanOrEqual(20 + 300);
    expect(busiestWindow(http.sentAt, 1000)).toBeLessThanOrEqual(20 + 5);
  });

  it('is shared between clients given the same bucket', () => {
    const clock = new VirtualClock();
    const http = fakeHttp(clock, () => reply(200, { roles: [] }));
    const bucket = new TokenBucket(clock, { perMinute: 60, burst: 2 });
    const a = createAssembledClient({ http, clock, apiKey: KEY, rateLimit: bucket });
    const b = createAssembledClient({ http, clock, apiKey: KEY, rateLimit: bucket });
    a.listRoles();
    b.listRoles();
    a.listRoles();
    expect(http.sentAt.map((t) => t - (http.sentAt[0] ?? 0))).toEqual([0, 0, 1000]);
  });

  it('empties itself on a 429 and holds everything for the Retry-After', () => {
    const { client, http, start } = setup((_, i) =>
      i === 0 ? reply(429, '', { 'retry-after': '1' }) : reply(200, { roles: [] }),
    );
    for (let i = 0; i < 7; i++) client.listRoles();
    // Only the second's refill (5 tokens) is there after the pause, not the burst of 20.
    expect(http.sentAt.map((t) => t - start)).toEqual([0, 1000, 1000, 1000, 1000, 1000, 1200, 1400]);
  });
});
