// One dispatcher tick through the built bundle with 50 saved refreshes, none of them due:
// what the hourly tick costs when there is nothing to do. An editor may keep 20 refreshes, so
// three editors share the 50.
import { startLocalAddon } from '../dev/local-addon';
import { saveTeamsRefreshes } from '../test/addon/teams-refreshes';

const REFRESHES = 50;

export async function run(): Promise<Record<string, number | string>> {
  const { rt, key } = await startLocalAddon({ now: '2026-05-25T12:00:00Z' });
  rt.workbook.addSheet('Teams');
  const editors = [rt, rt.asUser('editor2@example.com'), rt.asUser('editor3@example.com')];
  for (const editor of editors.slice(1))
    await editor.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
  await saveTeamsRefreshes(editors, 0, REFRESHES, 'bench-refresh');
  rt.counters.reset();
  const tick = rt.run('onHourlyDispatchTrigger');
  if (tick.error) throw new Error(tick.error.message);
  const c = JSON.parse(JSON.stringify(rt.counters)) as typeof rt.counters;
  // The Scheduled refreshes sidebar lists all 50 cards (it does so every minute while open), in a
  // workbook of a dozen other sheets.
  for (let i = 0; i < 12; i++) rt.workbook.addSheet(`KPI ${i + 1}`);
  rt.counters.reset();
  await rt.callFromSidebar('listRefreshes');
  const list = rt.lastExecution;
  if (list?.error) throw new Error(list.error.message);
  return {
    'saved refreshes': REFRESHES,
    'tick virtual ms': tick.durationMs,
    'tick UrlFetch calls': c.urlfetch.calls,
    'tick Properties reads': c.properties.reads,
    'tick Properties writes': c.properties.writes,
    'tick Spreadsheet calls': c.spreadsheet.calls,
    'tick trigger calls': c.triggers.calls,
    'sidebar list virtual ms': list?.durationMs ?? 0,
    'sidebar list Spreadsheet calls': rt.counters.spreadsheet.calls,
  };
}
