// A push stopped while it waits on Assembled says why it was waiting, whether Assembled was down
// or limiting requests: the Stop's message and the log give the last problem's cause. Through the
// built bundle and the push sidebar's calls.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

async function stoppedWhile(faults: { force5xx?: number; force429?: number }, key: string) {
  const { rt, sim } = await startLocalAddon({ dialect: 'live' });
  const [a] = sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
  await template(rt, 'time_off', [[a?.email, '2026-07-01', '', 'TRUE', 'pto', 'waiting']]);
  sim.setFaults(faults);
  const view = await rt.callFromSidebar<PushView>('startPush', 'time_off', key);
  expect(view).toMatchObject({ state: 'running', done: 0 });
  await rt.clock.advanceAsync(5_000);
  const stopped = await rt.callFromSidebar<PushView>('stopPush', view.id);
  const [head = [], ...log] = rt.workbook.values('Assembled log');
  return { stopped, logged: String(log[0]?.[head.indexOf('Message')]) };
}

describe.skipIf(!built)('a push stopped while it waits on Assembled', () => {
  it('says the cause when Assembled was down', async () => {
    const { stopped, logged } = await stoppedWhile({ force5xx: 1_000_000 }, 'stop-cause-down');
    expect(stopped.message).toMatch(
      /^Stopped: no row was sent\. Last problem: Assembled had a server error \(HTTP 5\d\d\) while reading people\. Push again to send the rows\.$/,
    );
    expect(logged.startsWith(stopped.message ?? '-')).toBe(true);
  });

  it('logs the time it waited between tries as it was, not a minute it never waited', async () => {
    const { logged } = await stoppedWhile({ force5xx: 1_000_000 }, 'stop-cause-waited');
    expect(logged).toMatch(
      / Assembled failed for a while: the push waited \d+ s between tries \(not in Duration\)\.$/,
    );
    expect(Number(/waited (\d+) s/.exec(logged)?.[1])).toBeLessThan(60);
  });

  it('says the cause when Assembled was limiting requests, as when it was down', async () => {
    const { stopped, logged } = await stoppedWhile({ force429: 1_000_000 }, 'stop-cause-limited');
    expect(stopped.message).toBe(
      "Stopped: no row was sent. Last problem: Assembled's rate limit was hit while reading people. Push again to send the rows.",
    );
    expect(logged.startsWith(stopped.message ?? '-')).toBe(true);
  });
});
