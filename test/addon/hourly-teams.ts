// A refresh the refresh tests share: teams, hourly, into a sheet "Teams", e-mailing its owner on failure.
import type { LocalRuntime } from '../../dev/gas';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

export const HOUR = 60 * 60_000;

/** Saves it as `owner` (the runtime's user unless given), in the workbook `rt` holds; its id. */
export async function hourlyTeams(rt: LocalRuntime, requestKey: string, owner = rt): Promise<string> {
  rt.workbook.addSheet('Teams');
  const spec = {
    source: { kind: 'resource', resource: 'teams' },
    target: { kind: 'sheet', name: 'Teams' },
    mode: 'replace',
  };
  const [saved] = await owner.callFromSidebar<RefreshView[]>(
    'saveRefresh',
    { spec, frequency: { kind: 'hourly' }, notifyByEmail: true },
    requestKey,
  );
  return saved?.id ?? '';
}
