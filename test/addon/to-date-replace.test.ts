// A daily month-to-date refresh set to Replace shows its own range alone: the run on 31 December at
// 07:00 pulled December up to then, and the run on 1 January replaced it with January's first
// hours, so December's last day never reached any sheet, and nothing said so. A merge or append
// refresh goes back to finish the month before (catch-up.ts); a replace does not, so its card says
// so before it runs, and its first run of a new month says what became of the month before.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const at = (rt: LocalRuntime, iso: string) => rt.clock.advanceAsync(Date.parse(iso) - rt.clock.now());

const KEEP =
  'To keep past months, choose Merge by key or Append below it (a run then finishes the month before), or add a "last month" refresh.';

describe('a daily month-to-date refresh set to Replace (New York)', () => {
  it('says on its card that each month ends unpulled, and at the first run of a month what became of the last', async () => {
    const { rt } = await startLocalAddon({
      timezone: 'America/New_York',
      now: '2026-12-30T17:00:00Z',
      mode: 'bound',
    });
    rt.workbook.addSheet('Handle time');
    const spec = {
      source: { kind: 'report', report: 'handle_time', granularity: 'month' },
      range: { kind: 'relative', preset: 'month_to_date' },
      target: { kind: 'sheet', name: 'Handle time' },
      mode: 'replace',
    };
    const frequency = { kind: 'daily', hour: 7 };
    await rt.callFromSidebar('saveRefresh', { spec, frequency, notifyByEmail: false }, 'refresh-000001');
    const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0] as RefreshView;
    const modes = Object.fromEntries((await card()).modes.map((m) => [m.value, m.note]));
    expect(modes.replace).toBe(
      `Each run shows its own range alone, so the last part of each month, after its last run, is pulled by no run. ${KEEP}`,
    );
    expect(modes.merge).toBe('');

    await at(rt, '2026-12-31T12:30:00Z');
    expect((await card()).lastRun?.message).toMatch(/^\d+ rows written to 'Handle time'!A1\.$/);
    await at(rt, '2027-01-01T12:30:00Z');
    const { lastRun } = await card();
    expect(lastRun?.status).toBe('done');
    expect(lastRun?.message).toMatch(
      new RegExp(
        `^\\d+ rows written to 'Handle time'!A1\\. The month before is no longer in the sheet: this run's range replaced it, and the last run pulled it only up to 2026-12-31 07:00, so the rest of it was pulled by no run\\. ${KEEP.replace(/[().]/g, '\\$&')}$`,
      ),
    );
    // The next run of the month says nothing more.
    await at(rt, '2027-01-02T12:30:00Z');
    expect((await card()).lastRun?.message).toMatch(/^\d+ rows written to 'Handle time'!A1\.$/);
  });
});
