// A weekly refresh whose sheet another editor deleted is paused by its owner's next dispatcher tick
// (about an hour later), not by a run a week later: logged once, its owner e-mailed then with the
// way back, by the owner's own trigger, which touches only the owner's refresh.
import { describe, expect, it } from 'vitest';
import { stepUntil } from '../../dev/daily-refresh';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { SHEET_BACK } from '../../src/core/schedule/failure-mail';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;
const SAM_KEY = 'sk_live_test_sam_weekly';
const MONDAYS_7 = { kind: 'weekly', weekdays: [1], hour: 7 };

async function saveWeekly(rt: LocalRuntime, resource: string, sheet: string, key: string) {
  rt.workbook.addSheet(sheet);
  const spec = {
    source: { kind: 'resource', resource },
    target: { kind: 'sheet', name: sheet },
    mode: 'replace',
  };
  await rt.callFromSidebar('saveRefresh', { spec, frequency: MONDAYS_7, notifyByEmail: true }, key);
}

function logRows(rt: LocalRuntime): string[][] {
  if (!rt.workbook.sheetNames().includes('Assembled log')) return [];
  const [head = [], ...rows] = rt.workbook.values('Assembled log');
  return rows.map((r) => ['Who', 'What', 'Status', 'Message'].map((h) => String(r[head.indexOf(h)])));
}

describe('a weekly refresh whose sheet another editor deleted', () => {
  it("is paused by its owner's next tick, logged once and e-mailed with the way back, asking nothing of Assembled", async () => {
    // Monday 05:10 in New York; the published add-on's dispatcher ticks hourly.
    const { rt, sim, backend } = await startLocalAddon({ now: '2026-05-25T09:10:00Z', dialect: 'live' });
    const sam = rt.asUser('sam@example.com');
    sim.issueKey(SAM_KEY);
    await sam.callFromSidebar('saveSettings', { apiKey: SAM_KEY, timeFormat: 'unix', apiVersion: '' });
    await saveWeekly(rt, 'people', 'Staff', 'weekly-staff-0001');
    await saveWeekly(sam, 'teams', 'Teams', 'weekly-teams-0001');
    await stepUntil(rt, () => logRows(rt).length === 2, 4 * HOUR);
    expect(logRows(rt).map((r) => r[2])).toEqual(['done', 'done']);

    // Tuesday: Sam deletes the owner's sheet. Both editors' triggers tick meanwhile.
    await rt.clock.advanceAsync(24 * HOUR);
    const requests: string[] = [];
    rt.setHttp((request) => {
      requests.push(request.url);
      return backend.http(request);
    });
    sam.workbook.deleteSheet('Staff');
    await rt.clock.advanceAsync(HOUR);

    const happened = 'Paused before its next run: its sheet "Staff" was deleted.';
    expect(logRows(rt).slice(2)).toEqual([
      ['analyst@example.com', 'Scheduled: People (Replace)', 'paused', happened],
    ]);
    expect(rt.mail.map((m) => [m.from, m.to, m.subject])).toEqual([
      [
        'analyst@example.com',
        'analyst@example.com',
        'An Assembled scheduled refresh of yours cannot run: People',
      ],
    ]);
    const body = rt.mail[0]?.body ?? '';
    expect(body).toMatch(/^A scheduled refresh you own cannot run\.\n/);
    expect(body).toContain(
      `\nPaused: its sheet "Staff" was deleted.\nThe rows the sheet "Staff" held went with it.\n${SHEET_BACK}\n\nOpen the spreadsheet`,
    );
    expect(SHEET_BACK).toMatch(
      /Edit ▸ Undo.*File ▸ Version history.*Then Resume on its card in .*Scheduled refreshes….*Or point it at another sheet/,
    );
    expect(requests).toEqual([]);

    const [mine, theirs] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(mine).toMatchObject({ paused: true, lastRun: { status: 'done' } });
    expect(mine?.pausedReason).toMatch(/^Paused: its sheet "Staff" was deleted\./);
    // Sam's refresh, and Sam, are left as they were: nothing of Sam's did the owner's work.
    expect(theirs).toMatchObject({ paused: false, lastRun: { status: 'done' } });

    // Its next time comes and goes: no run, row or e-mail more; Sam's refresh runs as before.
    await rt.clock.advanceAsync(6 * 24 * HOUR);
    expect(
      logRows(rt)
        .slice(3)
        .map((r) => [r[0], r[2]]),
    ).toEqual([['sam@example.com', 'done']]);
    expect(rt.mail).toHaveLength(1);
  });
});
