// What Push asks about before it sends, through the built bundle: rows pushed before whose status
// and id were cleared (sent, they are made a second time in Assembled).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { PushAsk } from '../../src/core/push/run-push';
import { follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('asked before Push', () => {
  it('counts the rows a push would make a second time, Assembled up or down', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2026-07-01 09:00', '2026-07-01 17:00', '', '', 'twice?'],
      [b?.email, '2026-07-02 09:00', '2026-07-02 17:00', '', '', 'once'],
    ]);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toMatchObject({ again: 0 });
    await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'ask-before-1'));
    // Row 2's Push status, Assembled ID, message and time cleared, as by hand.
    rt.workbook.write(sheet, [['', '', '', '']], { row: 2, column: 7 });
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toEqual({
      clear: 0,
      cancel: 0,
      again: 1,
    });
    rt.setHttp(() => ({ status: 503, headers: {}, body: '{"error":"down"}', delayMs: 0 }));
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toEqual({
      clear: 0,
      cancel: 0,
      again: 1,
    });
    rt.setHttp(backend.http);
  });

  it('counts the time-off requests a push would cancel: a cancel cannot be undone', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [p, q] = sim.admin.org.timeOff.filter((t) => t.status === 'pending');
    await template(rt, 'time_off_cancel', [[p?.id], [q?.id], ['']]);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off_cancel')).toEqual({
      clear: 0,
      cancel: 2,
      again: 0,
    });
    expect(sim.stats().byRoute['POST /v0/time_off/{id}/cancel'] ?? 0).toBe(0);
  });
});
