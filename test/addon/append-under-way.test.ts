// An append adds no row of the month still under way (report-until.ts). Month to date appended
// into a new sheet therefore wrote nothing, yet said Assembled held no rows, and left the new tab
// behind, empty, with the Pull form's hint and the sheet's card saying a pull had filled it. It
// says the rule that left the rows out and what to use instead, and the empty new sheet goes.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

interface Options {
  sheets: string[];
  again?: unknown;
}

const mtd = (mode: string, name: string, team: string) => ({
  source: { kind: 'report', report: 'handle_time', granularity: 'month' },
  range: { kind: 'relative', preset: 'month_to_date' },
  filters: { team_ids: [team] },
  target: { kind: 'new_sheet', name },
  mode,
});

describe('month to date appended into a new sheet', () => {
  it('says the month under way is left out, names Replace or Merge, and keeps no empty sheet', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-11-20T15:00:00Z' });
    const team = sim.admin.org.teams.find((t) => t.name === 'Tier 2')?.id as string;
    const replaced = await pullToEnd(rt, mtd('replace', 'AHT replaced', team), 'under-way-0001');
    expect(replaced.rows).toBeGreaterThan(0);

    const appended = await pullToEnd(rt, mtd('append', 'AHT MTD', team), 'under-way-0002');
    expect(appended.state).toBe('done');
    expect(appended.message).toBe(
      `No rows appended: ${replaced.rows} rows of the month still under way were left out, since an append adds a month only once it is over, whole; so no sheet "AHT MTD" was added. For the month so far, pull with Replace or Merge.`,
    );
    expect(rt.workbook.displayValues('Assembled log').at(-1)?.[7]).toBe(appended.message);
    expect(rt.workbook.sheetNames()).not.toContain('AHT MTD');
    const options = await rt.callFromSidebar<Options>('getPullOptions');
    expect(options.sheets).not.toContain('AHT MTD');
  });

  it('into a sheet already there, the words say it was left as it was, and no pull is said to have filled it', async () => {
    const { rt, sim } = await startLocalAddon({ timezone: 'America/New_York', now: '2026-11-20T15:00:00Z' });
    const team = sim.admin.org.teams.find((t) => t.name === 'Tier 2')?.id as string;
    rt.workbook.addSheet('Mine');
    rt.workbook.select('Mine!A1');
    const spec = { ...mtd('append', 'Mine', team), target: { kind: 'sheet', name: 'Mine' } };
    const appended = await pullToEnd(rt, spec, 'under-way-0003');
    expect(appended.message).toMatch(
      /^No rows appended: \d+ rows of the month still under way were left out, .*; so Mine!A1 was left as it was\./,
    );
    expect(rt.workbook.sheetNames()).toContain('Mine');
    expect((await rt.callFromSidebar<Options>('getPullOptions')).again).toBeUndefined();
  });
});
