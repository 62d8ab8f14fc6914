// A refresh given up on an outage keeps the last good run's rows in its sheet: its card says so
// once the run is over, as its e-mail and the sheet's header note do, to its owner and to another
// editor; not while no run has worked, and not once a run works again. Saved from a pull whose
// first run gives up, the rows are that pull's, by its header note, as the e-mail says. Paused
// while its next run is retried, the run stopped wrote nothing: its card still says so, and the
// list counts it failing, as it does a refresh paused once its run failed. Pulled since from Pull
// data by another editor, the rows are that pull's: its card says so, and the red tab is given back.
// Its sheet renamed, an Edit of its schedule is no move: the card says what the sheet holds as before.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { keptText } from '../../src/ui/last-run';
import { summaryParts } from '../../src/ui/pages/refreshes/health';
import { HOUR, hourlyTeams } from './hourly-teams';
import { pullToEnd } from './pull-to-end';

const card = async (viewer: LocalRuntime) =>
  (await viewer.callFromSidebar<RefreshView[]>('listRefreshes'))[0] as RefreshView;

/** Sam, the second editor, with a key of their own saved (the same as the analyst's). */
async function samWithKey(rt: LocalRuntime, key: string, timeFormat: string): Promise<LocalRuntime> {
  const sam = rt.asUser('sam@example.com');
  await sam.callFromSidebar('saveSettings', { apiKey: key, timeFormat, apiVersion: '' });
  return sam;
}

/** Hours pass until its card shows a run over that ended `status`, other than the one ended `after`. */
async function until(rt: LocalRuntime, status: string, after?: string): Promise<RefreshView> {
  for (let i = 0; i < 12; i++) {
    await rt.clock.advanceAsync(HOUR);
    const seen = await card(rt);
    if (!seen.running && seen.lastRun?.status === status && seen.lastRun.at !== after) return seen;
  }
  throw new Error(`No run ended ${status} within 12 hours`);
}

describe('a refresh given up on an outage', () => {
  it('says on its card that its sheet still holds the rows the last run that worked wrote', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const other = rt.asUser('editor@example.com');
    await hourlyTeams(rt, 'refresh-kept-0001');
    // Down from the start: no run has worked, so nothing is said of rows kept.
    sim.setFaults({ errorRate: 1 });
    const never = await until(rt, 'failed');
    expect(never.lastRun?.gaveUp).toBe(true);
    expect(keptText(never)).toBe('');

    sim.setFaults({});
    const good = await until(rt, 'done');
    const rows = rt.workbook.values('Teams').length - 1;
    expect(good.lastRun?.rows).toBe(rows);

    sim.setFaults({ errorRate: 1 });
    const first = await until(rt, 'failed');
    // Its e-mail counts them as the card does: its own run's, named by no one.
    expect(rt.mail.at(-1)?.body).toMatch(
      new RegExp(
        `^The sheet "Teams" still holds the rows written ${good.lastRun?.at}:\\d\\d \\(America/New_York\\) \\(${rows} rows\\)\\.$`,
        'm',
      ),
    );
    // Given up again at its next run: still that run's rows.
    await until(rt, 'failed', first.lastRun?.at);
    for (const viewer of [rt, other]) {
      const failed = await card(viewer);
      expect(failed.lastRun).toMatchObject({ gaveUp: true, kept: { at: good.lastRun?.at, rows } });
      expect(keptText(failed)).toBe(
        `The sheet still holds the rows written ${good.lastRun?.at} (${rows} rows).`,
      );
    }
  });

  it('says so when saved from a pull, whose rows its first run, given up, leaves in the sheet', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const other = rt.asUser('editor@example.com');
    const spec = {
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'new_sheet', name: 'People' },
      mode: 'replace',
    };
    expect((await pullToEnd(rt, spec, 'refresh-kept-pull-01')).state).toBe('done');
    const rows = rt.workbook.values('People').length - 1;
    await rt.callFromSidebar(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: true },
      'refresh-kept-0002',
    );
    sim.setFaults({ errorRate: 1 });
    const failed = await until(rt, 'failed');
    expect(failed.lastRun?.gaveUp).toBe(true);
    // The e-mail reads the pull's time from the sheet's header note: the card says the same time.
    // No run of the refresh has worked: the rows are named by when they were written, not as a run's,
    // and counted as that pull wrote them, by no one (its owner's own pull, the one it was saved from).
    const body = rt.mail[0]?.body ?? '';
    const generated = new RegExp(
      `^The sheet "People" still holds the rows written (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d):\\d\\d \\(America/New_York\\) \\(${rows} rows\\)\\.$`,
      'm',
    ).exec(body)?.[1];
    expect(generated).toBeDefined();
    expect(body).not.toMatch(/last run that worked/);
    for (const viewer of [rt, other]) {
      const seen = await card(viewer);
      expect(seen.lastRun?.kept).toEqual({ at: generated, rows });
      expect(keptText(seen)).toBe(`The sheet still holds the rows written ${generated} (${rows} rows).`);
    }
    // Paused by the other editor, its owner is e-mailed what the sheet keeps in the same words, counted.
    await other.callFromSidebar('pauseRefresh', (await card(rt)).id);
    expect(rt.mail).toHaveLength(2);
    expect(rt.mail[1]?.body).toContain(
      `Its sheet still holds the rows written ${generated} (America/New_York) (${rows} rows).`,
    );
  });

  it("says so still once another editor's Pause stops the run retried after it, and is counted failing", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    const id = await hourlyTeams(rt, 'refresh-kept-0003');
    const good = await until(rt, 'done');
    const rows = rt.workbook.values('Teams').length - 1;
    sim.setFaults({ errorRate: 1 });
    await until(rt, 'failed');
    // Its next run is under way, retried, when sam pauses it: that run is stopped.
    for (let i = 0; i < 6 && !(await card(rt)).retry; i++) await rt.clock.advanceAsync(HOUR / 4);
    expect(await card(rt)).toMatchObject({ running: true, lastRun: { status: 'failed' } });
    await sam.callFromSidebar('pauseRefresh', id);
    // Its owner's e-mail counts the rows the sheet keeps as the card does.
    expect(rt.mail.at(-1)?.subject).toMatch(/^Your Assembled scheduled refresh was paused by another editor/);
    expect(rt.mail.at(-1)?.body).toContain(
      `Its sheet still holds the rows written ${good.lastRun?.at} (America/New_York) (${rows} rows).`,
    );

    for (const viewer of [rt, sam]) {
      const cards = await viewer.callFromSidebar<RefreshView[]>('listRefreshes');
      const paused = cards[0] as RefreshView;
      expect(paused).toMatchObject({ paused: true, running: false, lastRun: { status: 'stopped' } });
      expect(paused.lastRun?.kept).toEqual({ at: good.lastRun?.at, rows });
      expect(keptText(paused)).toBe(
        `It came after a failed run, so the sheet still holds the rows written ${good.lastRun?.at} (${rows} rows).`,
      );
      expect(summaryParts(cards).map((p) => p.text)).toEqual(['1 refresh', '1 failing', '1 paused']);
    }
  });
  it("e-mails its owner, paused by another editor, the rows that editor's pull wrote since its last run", async () => {
    const { rt, key, backend } = await startLocalAddon({ dialect: 'live' });
    const sam = await samWithKey(rt, key, backend.timeFormat);
    const id = await hourlyTeams(rt, 'refresh-kept-0005');
    const good = await until(rt, 'done');
    await rt.clock.advanceAsync(2 * 60_000);
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'replace',
    };
    expect((await pullToEnd(sam, spec, 'refresh-kept-pull-04')).state).toBe('done');
    const pulled = /^Generated: (\d{4}-\d\d-\d\d \d\d:\d\d):\d\d .* by sam@example\.com$/m.exec(
      rt.workbook.notes('Teams')[0]?.[0] ?? '',
    )?.[1];
    expect(pulled).toBeDefined();
    expect(pulled).not.toBe(good.lastRun?.at);
    const rows = rt.workbook.values('Teams').length - 1;
    await sam.callFromSidebar('pauseRefresh', id);
    // sam's rows, not its last run's: by whom and how many, as a failed run's card and e-mail say them.
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.body).toContain(
      `Its sheet still holds the rows written ${pulled} (America/New_York) by sam@example.com (${rows} rows).`,
    );
  });

  it("says the rows another editor's pull wrote since, and that pull gives the red tab its colour back", async () => {
    const { rt, sim, key, backend } = await startLocalAddon({ dialect: 'live' });
    const sam = await samWithKey(rt, key, backend.timeFormat);
    await hourlyTeams(rt, 'refresh-kept-0004');
    rt.workbook.setTabColor('Teams', '#0b8043');
    const good = await until(rt, 'done');
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'replace',
    };
    const rows = rt.workbook.values('Teams').length - 1;
    const generated = () =>
      /^Generated: (\d{4}-\d\d-\d\d \d\d:\d\d):\d\d .* by sam@example\.com$/m.exec(
        rt.workbook.notes('Teams')[0]?.[0] ?? '',
      )?.[1];
    // Pulled by sam after the run that worked, then a run fails: the sheet holds sam's rows.
    await rt.clock.advanceAsync(2 * 60_000);
    expect((await pullToEnd(sam, spec, 'refresh-kept-pull-02')).state).toBe('done');
    const first = generated();
    expect(first).toBeDefined();
    expect(first).not.toBe(good.lastRun?.at);
    sim.setFaults({ errorRate: 1 });
    const failed = await until(rt, 'failed', good.lastRun?.at);
    expect(failed.lastRun?.kept).toEqual({ at: first, rows, by: 'sam@example.com' });
    // Its owner's e-mail says whose rows they are, and how many, as the card does.
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0]?.body).toMatch(
      new RegExp(
        `^The sheet "Teams" still holds the rows written ${first}:\\d\\d \\(America/New_York\\) by sam@example\\.com \\(${rows} rows\\)\\.$`,
        'm',
      ),
    );
    expect(rt.workbook.tabColor('Teams')).toBe('#d93025');

    // Pulled again by sam while it is failing: said to both, as rows newer than the failure, not
    // rows it "still" holds, and the tab is its own colour again.
    sim.setFaults({});
    await rt.clock.advanceAsync(2 * 60_000);
    expect((await pullToEnd(sam, spec, 'refresh-kept-pull-03')).state).toBe('done');
    const again = generated();
    expect(again).not.toBe(first);
    const holds = async () => {
      for (const [viewer, by] of [
        [rt, 'sam@example.com'],
        [sam, 'you'],
      ] as const) {
        const seen = await card(viewer);
        expect(seen.lastRun).toMatchObject({ status: 'failed', kept: { at: again, rows, by } });
        expect(keptText(seen)).toBe(`The sheet holds the rows ${by} pulled ${again} (${rows} rows).`);
      }
    };
    await holds();
    expect(rt.workbook.tabColor('Teams')).toBe('#0b8043');

    // Its owner's key refused at its next run, which pauses it: the e-mail says the same of sam's rows.
    await rt.callFromSidebar('saveSettings', {
      apiKey: 'sk_live_test_never_issued_key',
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    await until(rt, 'failed', (await card(rt)).lastRun?.at);
    expect(rt.mail).toHaveLength(2);
    expect(rt.mail[1]?.body).toMatch(
      new RegExp(
        `^The sheet "Teams" holds the rows sam@example\\.com pulled ${again}:\\d\\d \\(America/New_York\\) \\(${rows} rows\\)\\.$`,
        'm',
      ),
    );
    await holds();
  });

  it('says the same of its sheet once it is renamed and the refresh edited on its card, its rows unchanged', async () => {
    const { rt, sim, key, backend } = await startLocalAddon({ dialect: 'live' });
    const sam = await samWithKey(rt, key, backend.timeFormat);
    const id = await hourlyTeams(rt, 'refresh-kept-0006');
    await until(rt, 'done');
    sim.setFaults({ errorRate: 1 });
    await until(rt, 'failed');
    // Pulled by sam while it is failing: rows newer than the failure.
    sim.setFaults({ errorRate: 0 });
    const spec = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'sheet', name: 'Teams' },
      mode: 'replace',
    };
    expect((await pullToEnd(sam, spec, 'refresh-kept-pull-05')).state).toBe('done');
    const rows = rt.workbook.values('Teams').length - 1;
    const held = keptText(await card(rt));
    expect(held).toMatch(
      new RegExp(`^The sheet holds the rows sam@example\\.com pulled .* \\(${rows} rows\\)\\.$`),
    );
    // Renamed, then its owner makes it daily on its card, which names the sheet as its tab does.
    rt.workbook.renameSheet('Teams', 'Team list');
    const before = await card(rt);
    expect(before.spec.target).toEqual({ kind: 'sheet', name: 'Team list' });
    await rt.callFromSidebar(
      'saveRefresh',
      { spec: before.spec, frequency: { kind: 'daily', hour: 7 }, notifyByEmail: before.notifyByEmail },
      id,
    );
    const edited = await card(rt);
    expect(edited.frequency).toEqual({ kind: 'daily', hour: 7 });
    expect(edited.lastRun?.kept).toEqual(before.lastRun?.kept);
    expect(keptText(edited)).toBe(held);
  });
});
