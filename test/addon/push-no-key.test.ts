// A push whose owner removes their API key while it waits to try again (Assembled down): it stops
// at its next try, saying why in words each editor can act on, logs its row, and frees the sheet
// for another editor; nothing is left holding it for hours.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { OthersPush } from '../../src/core/push/others-push';
import type { PushOptions, PushView } from '../../src/core/push/push-view';
import { TIME_OFF_HEADER } from '../support/time-off-template';

const HOUR = 3_600_000;
const SETTINGS = 'Extensions ▸ Assembled for Google Sheets ▸ Settings…';
const SAM_KEY = 'sk_live_test_sam_b';

/** A (the runtime's user, with a key) and B (sam, with a key of their own), a "Leave" sheet of 3 rows. */
async function twoEditors(): Promise<LocalAddon & { b: LocalRuntime }> {
  const addon = await startLocalAddon({ mode: 'bound' });
  const { rt, sim } = addon;
  sim.issueKey(SAM_KEY);
  const b = rt.asUser('sam@example.com');
  await b.callFromSidebar('saveSettings', { apiKey: SAM_KEY, timeFormat: 'iso', apiVersion: '' });
  const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
  rt.workbook.write('Leave', [
    TIME_OFF_HEADER,
    ...[0, 1, 2].map((i) => [agents[i]?.email, '2026-08-03 09:00', '2026-08-03 17:00', '', 'pto', `A ${i}`]),
  ]);
  rt.workbook.select('Leave!A1');
  b.workbook.select('Leave!A1');
  return { ...addon, b };
}

/** A starts a push while Assembled is down (it waits to try again), then removes their key. */
async function keyRemovedWhileWaiting(addon: LocalAddon): Promise<PushView> {
  const { rt, sim } = addon;
  sim.setFaults({ force5xx: 1_000_000 });
  const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-nokey');
  expect(a).toMatchObject({ state: 'running', preparing: true });
  expect(a.nextTryInMs).toBeGreaterThan(0);
  await rt.callFromSidebar('clearApiKey');
  return a;
}

const lastLogRow = (rt: LocalRuntime) => {
  const [head = [], ...rows] = rt.workbook.values('Assembled log');
  const row = rows[rows.length - 1] ?? [];
  return Object.fromEntries(head.map((h, i) => [String(h), row[i]]));
};

describe('a push whose owner removes their API key while it waits to try again', () => {
  it("stops at its next try from the owner's sidebar, saying so to each editor; Stop and B's push work at once", async () => {
    const addon = await twoEditors();
    const { rt, b, sim } = addon;
    const a = await keyRemovedWhileWaiting(addon);
    rt.clock.set(rt.clock.now() + a.nextTryInMs);
    const stopped = await rt.callFromSidebar<PushView>('pollPush', a.id);
    expect(stopped).toMatchObject({ state: 'failed', done: 0 });
    expect(stopped.message).toBe(
      `Stopped: no Assembled API key is saved for you, and this push runs with yours. Save your key in ${SETTINGS}, then push again. Rows already sent keep their status.`,
    );
    // Each row says why it was not sent, and what to do before pushing again.
    const [head = [], ...rows] = rt.workbook.values('Leave');
    expect(rows.map((r) => r[head.indexOf('Push message')])).toEqual(
      Array(3).fill(
        `Not sent: the API key the push ran with was removed; save a key in ${SETTINGS}, then push again.`,
      ),
    );
    // Stop has nothing left to wait for.
    expect(await rt.callFromSidebar<PushView>('stopPush', a.id)).toMatchObject({ state: 'failed' });
    expect(lastLogRow(rt)).toMatchObject({
      Who: 'analyst@example.com',
      Status: 'failed',
      Message: `Stopped: analyst@example.com has no Assembled API key saved, and this push runs with their key. They need to save it in ${SETTINGS}, then push again. Rows already sent keep their status. Assembled failed for a while: the push waited 1 min 00 s between tries (not in Duration).`,
    });
    // B is told it is over, and why, and can push the sheet with B's own key.
    expect((await b.callFromSidebar<PushOptions>('getPushOptions')).othersPush).toBeUndefined();
    const watched = await b.callFromSidebar<OthersPush>('watchPush', a.id);
    expect(watched.running).toBe(false);
    expect(watched.message).toMatch(
      /^The push by analyst@example\.com stopped at .* \(analyst@example\.com has no Assembled API key saved\): no row was sent\. You can validate and push this sheet now\.$/,
    );
    sim.setFaults({});
    let view = await b.callFromSidebar<PushView>('startPush', 'time_off', 'b-push-after');
    for (let i = 0; i < 20 && view.state === 'running'; i++) {
      rt.clock.set(rt.clock.now() + view.nextPollInMs);
      view = await b.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 3 });
  });

  it('stops at the next background try with the sidebar closed, not hours later for runs cut short', async () => {
    const addon = await twoEditors();
    const { rt, b } = addon;
    const a = await keyRemovedWhileWaiting(addon);
    await rt.clock.advanceAsync(HOUR + a.nextTryInMs);
    const [job] = Object.entries(rt.properties.document.all())
      .filter(([k]) => k.includes('.push.'))
      .map(([, v]) => JSON.parse(String(v)));
    expect(job).toMatchObject({ state: 'failed', stalls: 0 });
    expect(job.message).toMatch(/^Stopped: analyst@example\.com has no Assembled API key saved/);
    expect(lastLogRow(rt)).toMatchObject({ Who: 'analyst@example.com', Status: 'failed' });
    expect((await b.callFromSidebar<PushOptions>('getPushOptions')).othersPush).toBeUndefined();
    expect((await rt.callFromSidebar<PushOptions>('getPushOptions')).last?.message).toMatch(
      /^Stopped: no Assembled API key is saved for you/,
    );
  });

  it("once B has pushed the sheet since, A's sidebar says to save a key, not to push again", async () => {
    const addon = await twoEditors();
    const { rt, b, sim } = addon;
    const a = await keyRemovedWhileWaiting(addon);
    rt.clock.set(rt.clock.now() + a.nextTryInMs);
    expect(await rt.callFromSidebar<PushView>('pollPush', a.id)).toMatchObject({ state: 'failed' });
    sim.setFaults({});
    let view = await b.callFromSidebar<PushView>('startPush', 'time_off', 'b-push-since');
    for (let i = 0; i < 20 && view.state === 'running'; i++) {
      rt.clock.set(rt.clock.now() + view.nextPollInMs);
      view = await b.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 3 });
    const options = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.lastNote).toMatch(/sam@example\.com pushed it since/);
    expect(options.last?.message).toBe(
      `Stopped: no Assembled API key is saved for you, and this push runs with yours. Save your key in ${SETTINGS} before your next push. Rows already sent keep their status.`,
    );
  });
});
