// A refresh the refresh tests share: teams, hourly, into a sheet "Teams", e-mailing its owner on failure.
import { expect } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

export const HOUR = 60 * 60_000;

/** Saves it as `owner` (the runtime's user unless given), in the workbook `rt` holds; its id. */
export const hourlyTeams = (rt: LocalRuntime, requestKey: string, owner = rt): Promise<string> =>
  hourlyRefresh(rt, 'teams', 'Teams', requestKey, owner);

/** Any resource's hourly replace refresh into a new sheet `sheet`, saved as `owner`; its id. */
export async function hourlyRefresh(
  rt: LocalRuntime,
  resource: string,
  sheet: string,
  requestKey: string,
  owner = rt,
): Promise<string> {
  rt.workbook.addSheet(sheet);
  const spec = {
    source: { kind: 'resource', resource },
    target: { kind: 'sheet', name: sheet },
    mode: 'replace',
  };
  const [saved] = await owner.callFromSidebar<RefreshView[]>(
    'saveRefresh',
    { spec, frequency: { kind: 'hourly' }, notifyByEmail: true },
    requestKey,
  );
  return saved?.id ?? '';
}

/**
 * The refresh saved with sam's working key saved too, then paused at its next run for the owner's
 * key Assembled never issued (one e-mail sent). Gives its id, sam, `settings` for a key, its card and the card as paused.
 */
export async function pausedForRefusedKey(
  addon: { rt: LocalRuntime; key: string; backend: { timeFormat: string } },
  requestKey: string,
) {
  const { rt, backend } = addon;
  const sam = rt.asUser('sam@example.com');
  const settings = (apiKey: string) => ({ apiKey, timeFormat: backend.timeFormat, apiVersion: '' });
  await sam.callFromSidebar('saveSettings', settings(addon.key));
  const id = await hourlyTeams(rt, requestKey);
  await rt.callFromSidebar('saveSettings', settings('sk_live_test_never_issued_key'));
  await rt.clock.advanceAsync(HOUR);
  const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
  const paused = await card();
  expect(paused).toMatchObject({
    paused: true,
    pausedReason: expect.stringMatching(/did not accept your API key/),
  });
  expect(rt.mail).toHaveLength(1);
  return { id, sam, settings, card, paused };
}
