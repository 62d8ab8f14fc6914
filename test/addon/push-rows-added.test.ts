// Rows another editor adds to a sheet while its push waits (Assembled down before the push could
// read its rows) are not the pusher's to send: a push sends only the rows there when Push was
// pressed, with its owner's key, and both editors are told which rows wait for a push of their own.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { OthersPush } from '../../src/core/push/others-push';
import { progressWords } from '../../src/core/push/progress-words';
import type { PushOptions, PushView } from '../../src/core/push/push-view';
import { column } from '../push/in-runtime';
import { TIME_OFF_HEADER } from '../support/time-off-template';

const SAM_KEY = 'sk_live_test_sam_b';

function keyOf(headers: Record<string, string>): string {
  const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
  const token = /^Basic\s+(\S+)$/i.exec(auth)?.[1] ?? '';
  return Buffer.from(token, 'base64').toString('utf8').replace(/:$/, '');
}

async function follow(rt: LocalRuntime, first: PushView): Promise<PushView> {
  let view = first;
  for (let i = 0; view.state === 'running' && i < 50; i++) {
    await rt.clock.advanceAsync(view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  return view;
}

describe('rows added while a push waits to read its rows', () => {
  it("are left for a push of their own: A's key sends only the rows there when A pressed Push", async () => {
    const { rt, sim, key, backend } = await startLocalAddon({ mode: 'bound' });
    sim.issueKey(SAM_KEY);
    const posted: { key: string; notes: string }[] = [];
    rt.setHttp((req) => {
      if (req.method === 'POST')
        posted.push({ key: keyOf(req.headers), notes: JSON.parse(String(req.body ?? '{}')).notes ?? '' });
      return backend.http(req);
    });
    const b = rt.asUser('sam@example.com');
    await b.callFromSidebar('saveSettings', { apiKey: SAM_KEY, timeFormat: 'iso', apiVersion: '' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const row = (i: number, notes: string) => [
      agents[i]?.email,
      `2026-08-0${3 + i} 09:00`,
      `2026-08-0${3 + i} 17:00`,
      '',
      'pto',
      notes,
    ];
    rt.workbook.write('Leave', [TIME_OFF_HEADER, row(0, 'A 0'), row(1, 'A 1')]);
    rt.workbook.select('Leave!A1');
    b.workbook.select('Leave!A1');

    // A presses Push while Assembled is down: the push waits before it has read its rows.
    sim.setFaults({ force5xx: 1_000_000 });
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-added');
    expect(a).toMatchObject({ state: 'running', preparing: true });
    // Meanwhile B puts a row between A's two, and one below them.
    b.workbook.write('Leave', [row(0, 'A 0'), row(2, 'B between'), row(1, 'A 1'), row(3, 'B below')], {
      row: 2,
    });
    sim.setFaults({});
    const done = await follow(rt, a);

    expect(posted.filter((p) => p.notes.startsWith('B '))).toEqual([]);
    expect(posted.map((p) => p.key).every((k) => k === key)).toBe(true);
    expect(done).toMatchObject({ state: 'done', total: 2, succeeded: 2, notSent: 2 });
    expect(done.message).toBe(
      'Finished: 2 created, 2 not sent as they were changed or added during the push (push again to send them). See the Push status column.',
    );
    expect(progressWords(done).count).toBe('2 of 2 rows sent; 2 changed or added during the push, not sent');
    expect(column(rt, 'Leave', 'Push status')).toEqual(['created', 'not sent', 'created', 'not sent']);
    expect(column(rt, 'Leave', 'Push message')[1]).toBe(
      'Changed or added during the push, not sent: push again to send it.',
    );
    // B is told the rows wait, and B's own push sends them with B's key.
    const watched = await b.callFromSidebar<OthersPush>('watchPush', a.id);
    expect(watched.message).toMatch(
      /^The push by analyst@example\.com finished at .*: 2 of 2 rows sent; 2 changed or added during the push, not sent\. You can validate and push this sheet now\.$/,
    );
    const mine = await follow(b, await b.callFromSidebar<PushView>('startPush', 'time_off', 'b-push-added'));
    expect(mine).toMatchObject({ state: 'done', succeeded: 2 });
    expect(posted.filter((p) => p.notes.startsWith('B ')).map((p) => p.key)).toEqual([SAM_KEY, SAM_KEY]);
    // A's sidebar, B's push being the sheet's latest, leaves out the advice to push them again.
    const aSees = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(aSees.lastNote).toMatch(/sam@example\.com pushed it since/);
    expect(aSees.last?.message).toBe(
      'Finished: 2 created, 2 not sent as they were changed or added during the push. See the Push status column.',
    );
  });
});
