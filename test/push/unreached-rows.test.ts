// The rows a push stopped before reaching, through the built bundle: each says why the push stopped
// and what to do first (a refused key is fixed in Settings before pushing again; an outage waits a
// few minutes).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const SETTINGS = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';
const KEY_WORDS = `not sent | Not sent: Assembled did not accept the API key the push ran with; save a working key in ${SETTINGS}, then push again.`;

type Addon = Awaited<ReturnType<typeof startLocalAddon>>;

/** Each row's Push status and message, "status | message". */
const outcomes = ({ rt }: Addon, sheet: string) => {
  const message = column(rt, sheet, 'Push message');
  return column(rt, sheet, 'Push status').map((s, i) => `${s} | ${message[i]}`);
};

/** Two time-off rows of agents still there, in front. */
async function timeOff(addon: Addon, note: string): Promise<string> {
  const [a, b] = addon.sim.admin.org.people.filter((p) => p.staffable && !p.deleted && p.email);
  return template(addon.rt, 'time_off', [
    [a?.email, '2026-07-01', '', 'TRUE', 'pto', note],
    [b?.email, '2026-07-02', '', 'TRUE', 'pto', note],
  ]);
}

describe.skipIf(!built)('rows a push stopped before reaching', () => {
  it('say the key was refused, and to save a working one, when Assembled refused it before the rows were read', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const sheet = await timeOff(addon, 'key refused first');
    addon.sim.revokeKey(addon.key);
    const view = await follow(
      addon.rt,
      await addon.rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-key-1'),
    );
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(/^Assembled did not accept the API key/);
    expect(outcomes(addon, sheet)).toEqual([KEY_WORDS, KEY_WORDS]);
  });

  it('say the key was refused when Assembled refused it on the first send', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const sheet = await timeOff(addon, 'key refused on send');
    addon.rt.setHttp((request) => {
      if (request.method === 'POST') addon.sim.revokeKey(addon.key);
      return addon.backend.http(request);
    });
    const view = await follow(
      addon.rt,
      await addon.rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-key-2'),
    );
    expect(view).toMatchObject({ state: 'failed', done: 0 });
    expect(outcomes(addon, sheet)).toEqual([KEY_WORDS, KEY_WORDS]);
  });

  it('say Assembled had a server error before they were checked, and to push again in a few minutes', async () => {
    const addon = await startLocalAddon({ dialect: 'live' });
    const sheet = await timeOff(addon, 'outage');
    addon.sim.setFaults({ force5xx: 1_000_000 });
    let view = await addon.rt.callFromSidebar<PushView>('startPush', 'time_off', 'unreached-down-1');
    // Polled as the sidebar polls, until the push gives Assembled up (half an hour of tries).
    for (let i = 0; view.state === 'running' && i < 1_000; i++) view = await follow(addon.rt, view);
    expect(view.message).toMatch(/^Stopped: Assembled failed \d+ tries in a row/);
    const down =
      'not sent | Not sent: Assembled had a server error (HTTP 503) before this row was checked; push again in a few minutes.';
    expect(outcomes(addon, sheet)).toEqual([down, down]);
  });
});
