// An append refresh gathers its rows run by run: weeks of them. Switched to Replace in its Edit
// form, its next run replaced the whole sheet with one day, with only "Saved." said before. Edit now
// says, as Replace is chosen, how many rows go and since when (and Save asks first: the browser
// test); so does the Pull form when Replace is chosen into that sheet.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { PullAgain } from '../../src/core/pull/pull-again';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { pullToEnd } from './pull-to-end';

const DAY = 86_400_000;
const SHEET = 'Handle time daily';
const spec = (mode: string) => ({
  source: { kind: 'report', report: 'handle_time', granularity: 'day' },
  range: { kind: 'relative', preset: 'yesterday' },
  filters: {},
  target: { kind: 'sheet', name: SHEET },
  mode,
});

/** Edit's words under "If the target has data" for Replace, and whether Save asks first. */
async function replaceChoice(rt: LocalRuntime) {
  const [card] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
  return card?.modes.find((m) => m.value === 'replace');
}

const bodyRows = (rt: LocalRuntime) => rt.workbook.values(SHEET).length - 1;

describe('Replace chosen for a refresh that appends', () => {
  it('says all but its own period goes at its next run, with the rows its runs appended since their first day, in Edit and in the Pull form', async () => {
    const { rt } = await startLocalAddon({ timezone: 'Europe/London', now: '2027-02-20T12:00:00Z' });
    rt.workbook.addSheet(SHEET);
    const form = { frequency: { kind: 'daily', hour: 6 }, notifyByEmail: false };
    await rt.callFromSidebar('saveRefresh', { spec: spec('append'), ...form }, 'replace-appended-1');
    // Not run yet: no rows counted, but what the sheet holds goes all the same, and it is asked.
    const holds =
      'Each run will then replace the whole sheet, leaving the rows of yesterday only: every other row in it goes at its next run';
    expect(await replaceChoice(rt)).toMatchObject({ note: `${holds}.`, ask: { keep: 'Keep Append' } });

    await rt.clock.advanceAsync(4 * DAY);
    const rows = bodyRows(rt);
    expect(rows).toBeGreaterThan(3);
    const lost = `${holds}; its runs have appended ${rows.toLocaleString('en-US')} rows there since 2027-02-20.`;
    expect(await replaceChoice(rt)).toEqual({
      value: 'replace',
      label: 'Replace it',
      note: lost,
      ask: {
        question: 'Replace at each run, and lose the rows gathered?',
        text: 'Nothing is saved until you answer. Keep Append leaves the refresh as it was.',
        yes: 'Save anyway',
        keep: 'Keep Append',
      },
    });

    // The Pull form, the sheet in front, Replace chosen into it: said under the mode.
    rt.workbook.select(`${SHEET}!A1`);
    const { again } = await rt.callFromSidebar<{ again?: PullAgain }>('getPullOptions');
    expect(again?.lost).toBe(
      `Replace it takes the whole sheet: the ${rows.toLocaleString('en-US')} rows its scheduled refresh has appended since 2027-02-20 go with this pull, leaving its rows only. To add to them, choose Append below it.`,
    );

    // Replaced by that pull, the rows are gone: Edit no longer counts them.
    const pulled = await pullToEnd(
      rt,
      { ...spec('replace'), range: { kind: 'absolute', from: '2027-02-23', to: '2027-02-23' } },
      'replace-appended-pull',
    );
    expect(pulled.state).toBe('done');
    expect(await replaceChoice(rt)).toMatchObject({ note: `${holds}.` });
    const after = (await rt.callFromSidebar<{ again?: PullAgain }>('getPullOptions')).again;
    expect(after).not.toHaveProperty('lost');

    // Its runs count again from the next one; saved as Replace, its first run takes them away.
    await rt.clock.advanceAsync(DAY);
    const next = bodyRows(rt) - pulled.rows;
    expect((await replaceChoice(rt))?.note).toBe(
      `${holds}; its runs have appended ${next} rows there since 2027-02-24.`,
    );
    const [card] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    await rt.callFromSidebar('saveRefresh', { spec: spec('replace'), ...form }, card?.id);
    await rt.clock.advanceAsync(DAY);
    await rt.callFromSidebar('saveRefresh', { spec: spec('append'), ...form }, card?.id);
    expect(await replaceChoice(rt)).toMatchObject({ note: `${holds}.` });
  });
});
