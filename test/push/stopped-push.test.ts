// A push stopped part way: the rows it never sent read as not sent, never as done, through the
// built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a push stopped part way', () => {
  it('leaves the rows it never sent reading as not sent', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email).slice(0, 22);
    const rows = agents.flatMap((a) =>
      Array.from({ length: 10 }, (_, d) => [
        a.email,
        `2026-07-${String(d + 1).padStart(2, '0')} 09:00`,
        `2026-07-${String(d + 1).padStart(2, '0')} 17:00`,
        '',
        '',
        'stopped',
      ]),
    );
    const sheet = await template(rt, 'time_off', rows);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect(check).toMatchObject({ ok: 220, errors: 0 });
    sim.setFaults({ errorRate: 0.2 });
    let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'stopped-1');
    for (let i = 0; i < 100 && view.state === 'running' && view.done < 110; i++) {
      rt.clock.set(rt.clock.now() + view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    // While it runs, the rows still to send keep Validate's word.
    const waiting = column(rt, sheet, 'Push message').filter(
      (_, i) => column(rt, sheet, 'Push status')[i] !== 'created',
    );
    expect(new Set(waiting)).toEqual(new Set(['Ready to push.']));
    const stopped = await rt.callFromSidebar<PushView>('stopPush', view.id);
    expect(stopped.message).toMatch(/^Stopped: \d+ of 220 rows were sent\./);
    const status = column(rt, sheet, 'Push status');
    const message = column(rt, sheet, 'Push message');
    const sent = status.filter((s) => s === 'created').length;
    expect(sent).toBe(stopped.done);
    // Every row not created reads as not sent, never as done.
    const unsent = status.flatMap((s, i) => (s === 'created' ? [] : [[s, message[i]]]));
    expect(unsent).toHaveLength(220 - sent);
    expect(new Set(unsent.map((u) => u.join(' | ')))).toEqual(
      new Set(['not sent | Not sent: the push was stopped before this row; push again to send it.']),
    );
    // Pushed again, exactly those rows go.
    sim.setFaults({});
    const again = await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'stopped-2'));
    expect(again).toMatchObject({ state: 'done', total: 220 - sent, succeeded: 220 - sent, skipped: sent });
    expect(column(rt, sheet, 'Push status').every((s) => s === 'created')).toBe(true);
  });
});
