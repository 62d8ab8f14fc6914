// The workbook of the QA round whose skips were slow: a month's adherence report (about 2,000 rows),
// people and teams pulled into sheets, and a monthly refresh of the report saved. The skip tests
// and bench/skip.bench.ts share it.
import type { LocalRuntime } from '../../dev/gas';
import { pullToEnd } from '../addon/pull-to-end';

export const ADHERENCE_SHEET = 'Adherence';

/** Fills the workbook; the refresh runs on day 1 of each month at `hour` (the spreadsheet's zone). */
export async function monthlyRefreshWorkbook(rt: LocalRuntime, hour = 6): Promise<void> {
  const report = { kind: 'report', report: 'adherence', granularity: 'day' };
  const lastMonth = { kind: 'relative', preset: 'last_month' };
  await pullToEnd(
    rt,
    {
      source: report,
      range: lastMonth,
      target: { kind: 'new_sheet', name: ADHERENCE_SHEET },
      mode: 'replace',
    },
    'monthly-refresh-pull-adherence',
  );
  for (const resource of ['people', 'teams'])
    await pullToEnd(
      rt,
      {
        source: { kind: 'resource', resource },
        target: { kind: 'new_sheet', name: resource },
        mode: 'replace',
      },
      `monthly-refresh-pull-${resource}`,
    );
  await rt.callFromSidebar(
    'saveRefresh',
    {
      spec: {
        source: report,
        range: lastMonth,
        target: { kind: 'sheet', name: ADHERENCE_SHEET },
        mode: 'replace',
      },
      frequency: { kind: 'monthly', day: 1, hour },
      notifyByEmail: false,
    },
    'monthly-refresh-save',
  );
  rt.workbook.select(`${ADHERENCE_SHEET}!A1`);
}
