// Time off over a month in one row is held back: a day and month read the wrong way round (End
// 05/01/2027 meant for 5 January, read as 1 May) turn a few days into months. A longer leave goes
// as a row a month. Through the built bundle, as the sidebar calls it.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';

async function follow(rt: LocalRuntime, view: PushView): Promise<PushView> {
  for (let i = 0; view.state === 'running' && i < 100; i++) {
    rt.clock.set(rt.clock.now() + view.nextPollInMs);
    view = await rt.callFromSidebar<PushView>('pollPush', view.id);
  }
  return view;
}

async function validateTemplate(rt: LocalRuntime, rows: unknown[][]) {
  const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
  rt.workbook.write(sheet, rows, { row: 2 });
  rt.workbook.select(`'${sheet}'!A1`);
  return rt.callFromSidebar<ValidateSummary>('validatePush', 'time_off');
}

const tail =
  'and a row may ask for at most 31 days. Check the day and month of Start and End; a longer leave goes as one row a month.';

describe('time off over 31 days in one row', () => {
  it('is a row to fix that says how Start and End were read, and is not sent', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const check = await validateTemplate(rt, [
      // 05/01/2027 typed for 5 January: the spreadsheet (en_US) reads 1 May.
      [a?.email, '2027-01-04', '05/01/2027', 'TRUE', '', 'swapped'],
      // The same agent's time off in February is not blamed for overlapping the misread row.
      [a?.email, '2027-02-08', '2027-02-09', 'TRUE', '', 'february'],
    ]);
    expect(check).toMatchObject({ ok: 1, errors: 1 });
    expect(check.problems).toEqual([
      `Row 2: End: the time off would last 118 days (Start read as 2027-01-04, End as 2027-05-01), ${tail}`,
    ]);
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off', 'long-leave-1'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 1, invalid: 1 });
    expect(sim.admin.org.timeOff.filter((t) => t.notes === 'swapped')).toHaveLength(0);
  });

  it('goes up to 31 days, whole days or times; a longer leave goes as a row a month', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const check = await validateTemplate(rt, [
      [a?.email, '2027-01-01', '2027-01-31', 'TRUE'],
      [a?.email, '2027-02-01', '2027-02-28', 'TRUE'],
      [b?.email, '2027-03-01', '2027-04-01', 'TRUE'],
      [c?.email, '2027-06-01 09:00', '2027-07-02 09:00', 'FALSE'],
      [c?.email, '2027-08-01 09:00', '2027-09-02 17:00', 'FALSE'],
    ]);
    expect(check).toMatchObject({ ok: 3, errors: 2 });
    expect(check.problems).toEqual([
      `Row 4: End: the time off would last 32 days (Start read as 2027-03-01, End as 2027-04-01), ${tail}`,
      `Row 6: End: the time off would last 32 days (Start read as 2027-08-01 09:00, End as 2027-09-02 17:00), ${tail}`,
    ]);
  });
});
