// The spreadsheet's time zone, in the sidebars: Validate says in one line which zone rows pushed
// before File ▸ Settings changed it went in.
import { describe, expect, it } from 'vitest';
import { demoAgent, menu, sidebar, useBench } from './support';

describe('The spreadsheet time zone in the sidebars', () => {
  const bench = useBench({ timezone: 'Europe/Berlin' });

  it('says once in Validate that rows pushed before the change went in the old zone', async () => {
    const { page, running } = bench();
    const { workbench } = running;
    workbench.saveSettings('de_DE', 'Europe/Berlin');
    const agent = demoAgent(bench());
    const { sheet } = await workbench.rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    workbench.rt.workbook.write(
      sheet,
      [[agent.email, '08.07.2026 09:00', '08.07.2026 17:00', 'FALSCH', 'pto']],
      {
        row: 2,
      },
    );
    workbench.rt.workbook.select(`'${sheet}'!A1`);
    await menu(page, 'Push rows…');
    const sb = await sidebar(page, 'Push rows to Assembled');
    await sb.getByLabel('What the rows are').selectOption('time_off');
    await sb.getByRole('button', { name: 'Push', exact: true }).click();
    await sb.locator('#status', { hasText: /1 created/ }).waitFor({ timeout: 30_000 });

    expect(workbench.saveSettings('en_GB', 'Asia/Kolkata')).toEqual({ ok: true });
    await sb.getByRole('button', { name: 'Validate' }).click();
    await expect
      .poll(() => sb.locator('#status').textContent())
      .toBe(
        `0 OK, 0 to fix, 1 already done, in "${sheet}". Nothing was sent.\nAssembled holds the times of one done row as they were in Europe/Berlin, the spreadsheet's time zone when it was pushed; the sheet now reads them in Asia/Kolkata.`,
      );
  });
});
