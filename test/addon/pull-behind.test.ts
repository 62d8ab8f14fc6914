// A pull's rows land behind the sheet the person is in: a report's new sheet is made by a poll or a
// background run minutes after Pull data was pressed, when the person may be typing elsewhere. Only
// a sheet made by the press's own call is put in front; Done offers Go to, by the sheet's id.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';

const adherence = (name: string) => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-05-20', to: '2026-05-20' },
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});

/** A pull started, the person gone on to type in Notes!C6 while it runs. */
async function startedThenAway(rt: LocalRuntime, name: string): Promise<JobView> {
  rt.workbook.addSheet('Notes');
  const job = await rt.callFromSidebar<JobView>('startPull', adherence(name), `behind-${name}-0001`);
  // The report is not ready within the press's call: the sheet is made later.
  expect(job.state).not.toBe('done');
  expect(rt.workbook.sheetNames()).not.toContain(name);
  rt.workbook.select('Notes!C6');
  return job;
}

describe('a pull never moves the person when its rows land', () => {
  it('a sheet made by a poll is made behind the sheet the person is in, their cell still selected', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    let job = await startedThenAway(rt, 'Adherence');
    for (let i = 0; i < 30 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('done');
    expect(rt.workbook.values('Adherence').length).toBeGreaterThan(1);
    expect(rt.workbook.activeSheet()).toBe('Notes');
    expect(rt.workbook.selection()).toBe('Notes!C6');
    // Done offers the way there, by id.
    expect(job.sheet).toEqual({ id: expect.any(Number), name: 'Adherence' });
  });

  it('nor by a background run, which has no sheet in front of its own', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const job = await startedThenAway(rt, 'Adherence');
    // The sidebar closed: the dispatcher carries the pull on, and writes it.
    const fired = await rt.clock.advanceAsync(61 * 60_000);
    expect(
      fired.filter((f) => ['onDispatchTrigger', 'onHourlyDispatchTrigger'].includes(f.handler)).length,
    ).toBeGreaterThan(0);
    expect(fired.every((f) => !f.result.error)).toBe(true);
    expect(rt.workbook.sheetNames()).toContain('Adherence');
    expect((await rt.callFromSidebar<JobView>('pollPull', job.id)).state).toBe('done');
    expect(rt.workbook.values('Adherence').length).toBeGreaterThan(1);
    expect(rt.workbook.activeSheet()).toBe('Notes');
    expect(rt.workbook.selection()).toBe('Notes!C6');
  });

  it('a sheet made by the press itself (a list, written within that call) is put in front', async () => {
    const { rt } = await startLocalAddon();
    const job = await rt.callFromSidebar<JobView>(
      'startPull',
      {
        source: { kind: 'resource', resource: 'teams' },
        target: { kind: 'new_sheet', name: 'Teams' },
        mode: 'replace',
      },
      'behind-teams-0001',
    );
    expect(job.state).toBe('done');
    expect(rt.workbook.activeSheet()).toBe('Teams');
  });

  it('Go to puts the pulled sheet in front by its id, renamed or not, and says so once it is deleted', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    let job = await startedThenAway(rt, 'Adherence');
    for (let i = 0; i < 30 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    const id = job.sheet?.id;
    rt.workbook.renameSheet('Adherence', 'Adherence May');
    // The view read again names the sheet as it is called now.
    expect((await rt.callFromSidebar<JobView>('pollPull', job.id)).sheet).toEqual({
      id,
      name: 'Adherence May',
    });
    expect(await rt.callFromSidebar('goToSheet', id)).toEqual({ sheet: 'Adherence May' });
    expect(rt.workbook.activeSheet()).toBe('Adherence May');
    rt.workbook.select('Notes!A1');
    rt.workbook.deleteSheet('Adherence May');
    await expect(rt.callFromSidebar('goToSheet', id)).rejects.toThrow(
      'That sheet is no longer in this spreadsheet: it was deleted after the pull.',
    );
    expect(rt.workbook.activeSheet()).toBe('Notes');
    // Gone, it is offered no more.
    expect((await rt.callFromSidebar<JobView>('pollPull', job.id)).sheet).toBeUndefined();
    await expect(rt.callFromSidebar('goToSheet', 'Notes')).rejects.toThrow(/Sheet id/);
  });
});
