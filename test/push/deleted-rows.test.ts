// Rows pushed and then deleted from the sheet, through the built bundle: deleting a row withdraws
// nothing from Assembled, and Validate and Push say so in one line, with what does, until a push
// counts the sheet again. A sheet never pushed, or with every pushed row still there, hears nothing.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('pushed rows deleted from the sheet', () => {
  it('are told of once in the summary, with how to cancel the time off', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a || !b || !c) throw new Error('no agents');
    const row = (who: typeof a, day: number) => [
      who.email,
      `2026-07-0${day} 09:00`,
      `2026-07-0${day} 17:00`,
      '',
      '',
      'gone?',
    ];
    const sheet = await template(rt, 'time_off', [row(a, 1), row(b, 2), row(c, 3)]);
    const validate = () => rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
    expect((await validate()).gone).toBeUndefined();
    const push = async (key: string) =>
      follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', key));
    const first = await push('gone-rows-1');
    expect(first).toMatchObject({ state: 'done', succeeded: 3 });
    expect(first.message).not.toMatch(/no longer in the sheet/);
    const requests = sim.admin.org.timeOff.length;
    expect((await validate()).gone).toBeUndefined();

    rt.workbook.deleteRows(sheet, 3);
    const said =
      '1 row pushed before is no longer in the sheet: deleting a row cancels nothing in Assembled. To cancel it, use "Time off to cancel", with the request\'s ID from a Time-off requests pull.';
    expect(await validate()).toMatchObject({ ok: 0, errors: 0, skipped: 2, gone: said });
    // Said again until a push has counted the sheet again.
    expect((await validate()).gone).toBe(said);
    const second = await push('gone-rows-2');
    expect(second.message).toBe(
      `Finished: 0 created, 2 already done and skipped. See the Push status column. ${said}`,
    );
    expect(sim.admin.org.timeOff.length).toBe(requests);
    expect((await validate()).gone).toBeUndefined();

    // Two more gone: counted and said as many.
    rt.workbook.deleteRows(sheet, 2, 2);
    expect((await validate()).gone).toMatch(
      /^2 rows pushed before are no longer in the sheet: deleting a row cancels nothing in Assembled\. To cancel them, /,
    );
  });

  it('says for ingested states that only Assembled can change them', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
    if (!a) throw new Error('no agents');
    const sheet = await template(rt, 'agent_states', [
      [a.email, 'meeting', '', '2026-05-24 09:00', '2026-05-24 10:00', 'kustomer'],
      [a.email, 'break', '', '2026-05-24 10:00', '2026-05-24 10:15', 'kustomer'],
    ]);
    await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'gone-states-1'));
    rt.workbook.deleteRows(sheet, 2);
    const check = await rt.callFromSidebar<ValidateSummary>('validatePush', 'agent_states');
    expect(check.gone).toBe(
      "1 row pushed before is no longer in the sheet: deleting a row removes nothing from Assembled. Assembled's API gives an ingested state no id to change it by, so it can only be changed in Assembled itself.",
    );
  });
});
