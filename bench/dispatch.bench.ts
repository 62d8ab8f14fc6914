// One dispatcher tick through the built bundle with 50 saved refreshes, none of them due:
// what the hourly tick costs when there is nothing to do.
import { startLocalAddon } from '../dev/local-addon';

const REFRESHES = 50;

export async function run(): Promise<Record<string, number | string>> {
  const { rt } = await startLocalAddon({ now: '2026-05-25T12:00:00Z' });
  rt.workbook.addSheet('Teams');
  for (let i = 0; i < REFRESHES; i++) {
    await rt.callFromSidebar(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name: 'Teams' },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 6 },
        notifyByEmail: false,
      },
      `bench-refresh-${String(i).padStart(4, '0')}`,
    );
  }
  rt.counters.reset();
  const tick = rt.run('onHourlyDispatchTrigger');
  if (tick.error) throw new Error(tick.error.message);
  const c = rt.counters;
  return {
    'saved refreshes': REFRESHES,
    'tick virtual ms': tick.durationMs,
    'tick UrlFetch calls': c.urlfetch.calls,
    'tick Properties reads': c.properties.reads,
    'tick Properties writes': c.properties.writes,
    'tick Spreadsheet calls': c.spreadsheet.calls,
    'tick trigger calls': c.triggers.calls,
  };
}
