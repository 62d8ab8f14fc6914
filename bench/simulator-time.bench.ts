// The simulator's org going on as the clock moves (liveOn): what a workbench left running, or a
// test that skips weeks ahead, pays when the activity is next read.
import { liveOn } from '../dev/simulator/activity';
import { createOrg } from '../dev/simulator/org';

export async function run(): Promise<Record<string, number | string>> {
  const t0 = Date.parse('2026-05-25T12:00:00Z');
  const hourly = createOrg(7, t0);
  // Made first (its generation is not what is measured).
  const start = hourly.activityUntil;
  let at = performance.now();
  for (let h = 1; h <= 168; h++) liveOn(hourly, start + h * 3_600);
  const hourlyMs = performance.now() - at;
  const weekly = createOrg(7, t0);
  void weekly.activityUntil;
  at = performance.now();
  liveOn(weekly, start + 168 * 3_600);
  const weekMs = performance.now() - at;
  const count = (org: typeof hourly) => [...org.states.values()].reduce((n, s) => n + s.length, 0);
  return {
    'a week in hourly steps, ms': hourlyMs.toFixed(0),
    'per hourly step, ms': (hourlyMs / 168).toFixed(1),
    'a week in one step, ms': weekMs.toFixed(0),
    'states after the week': count(weekly),
  };
}
