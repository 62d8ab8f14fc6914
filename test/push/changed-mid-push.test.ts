// Rows edited while a push waits on Assembled are not sent (they no longer match the rows the push
// was started with): each is marked beside it, and the summary and the log count them, through the
// built bundle.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { progressWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('rows changed during a push', () => {
  it('are marked not sent, with why, and the summary is no plain success', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const rows = agents
      .slice(0, 6)
      .map((a) => [a.email, '2026-07-01 09:00', '2026-07-01 17:00', '', '', 'mid-push']);
    const sheet = await template(rt, 'time_off', rows);
    // Assembled down for time off sent, so the push waits with every row still to send.
    rt.setHttp((req) =>
      req.method === 'POST' && /\/v0\/time_off/.test(req.url)
        ? { status: 503, headers: {}, body: '{"error":"down"}', delayMs: 0 }
        : backend.http(req),
    );
    const waiting = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'mid-push-1');
    expect(waiting).toMatchObject({ state: 'running', done: 0, total: 6 });
    // While it waits: row 7 given a new end, row 6 a date that does not read, row 5 emptied.
    rt.workbook.write(sheet, [['2026-07-01 16:00']], { row: 7, column: 3 });
    rt.workbook.write(sheet, [['next friday']], { row: 6, column: 3 });
    rt.workbook.write(sheet, [['', '', '', '', '', '']], { row: 5 });
    rt.setHttp(backend.http);
    const done = await follow(rt, waiting);
    expect(done).toMatchObject({ state: 'done', done: 3, total: 6 });
    expect(done.message).toBe(
      'Finished: 3 created, 3 not sent as they were changed or added during the push (push again to send them). See the Push status column.',
    );
    expect(progressWords(done).count).toBe('3 of 6 rows sent; 3 changed or added during the push, not sent');
    expect(column(rt, sheet, 'Push status')).toEqual([
      'created',
      'created',
      'created',
      '',
      'error',
      'not sent',
    ]);
    const messages = column(rt, sheet, 'Push message');
    expect(messages[4]).toMatch(
      /^Changed or added during the push, not sent: End: .* Fix it, then push again\.$/,
    );
    expect(messages[5]).toBe('Changed or added during the push, not sent: push again to send it.');
    // The log's Status says rows were left, as it says rows to fix, for someone scanning it.
    const [head = [], ...log] = rt.workbook.values('Assembled log');
    expect(log.map((r) => r[head.indexOf('Status')])).toEqual(['done, 3 not sent']);
  });
});
