// Which kind the Push sidebar proposes for the sheet in front: one whose header it reads, never a
// sheet of Assembled's own data that a pull wrote (agent states pulled would pass for states to
// ingest, header and all).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushOptions } from '../../src/core/push/push-view';
import { pullToEnd } from './pull-to-end';

describe('the kind the Push sidebar proposes', () => {
  it('is none for a pulled sheet, and the header for the same columns typed by hand', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'resource', resource: 'agent_states' },
      range: { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' },
      target: { kind: 'new_sheet', name: 'States' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, spec, 'detect-pull-1')).toMatchObject({ state: 'done' });
    rt.workbook.select("'States'!A1");
    const pulled = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(pulled).toMatchObject({ sheet: 'States', pulled: 'Agent states' });
    expect(pulled.detected).toBeUndefined();

    const header = rt.workbook.values('States')[0] ?? [];
    rt.workbook.write('Typed', [header]);
    rt.workbook.select("'Typed'!A1");
    const typed = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(typed).toMatchObject({ sheet: 'Typed', detected: 'agent_states' });
    expect(typed.pulled).toBeUndefined();
  });
});

describe('a pulled time-off list pushed as "Time off to cancel"', () => {
  it('is refused before anything is sent, by Validate and by Push; the same ids typed in a sheet of their own are not', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const spec = {
      source: { kind: 'resource', resource: 'time_off_requests' },
      target: { kind: 'new_sheet', name: 'Leave' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, spec, 'cancel-pulled-1')).toMatchObject({ state: 'done' });
    const statuses = () => sim.admin.org.timeOff.map((t) => t.status).join();
    const before = statuses();
    rt.workbook.select("'Leave'!A1");
    const refused = /cancel every request it lists.*Nothing was sent/;
    await expect(rt.callFromSidebar('validatePush', 'time_off_cancel')).rejects.toThrow(refused);
    const view = await rt.callFromSidebar<{ state: string; message: string }>(
      'startPush',
      'time_off_cancel',
      'cancel-pulled-2',
    );
    expect(view).toMatchObject({ state: 'failed', message: expect.stringMatching(refused) });
    expect(statuses()).toBe(before);

    const [header = [], ...rows] = rt.workbook.values('Leave');
    rt.workbook.write('To cancel', [
      ['Request ID'],
      ...rows.slice(0, 2).map((r) => [r[header.indexOf('ID')]]),
    ]);
    rt.workbook.select("'To cancel'!A1");
    await expect(rt.callFromSidebar('validatePush', 'time_off_cancel')).resolves.toMatchObject({ ok: 2 });
  });
});
