// Sync time off that Assembled refuses (a key it does not accept) or cannot answer (down) leaves the
// spreadsheet as it was: the "Time off (Assembled)" sheet it would have listed into is not left
// behind empty, nor put in front; the failure is logged, as every run is, and says what to fix.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { SyncSummary } from '../../src/core/push/sync-time-off';

/** The runtime's user on a People sheet, which is no time-off list: a sync would make a sheet of its own. */
async function onPeople() {
  const addon = await startLocalAddon({ mode: 'bound' });
  addon.rt.workbook.write('People', [
    ['ID', 'Name'],
    ['a1', 'Ada'],
  ]);
  addon.rt.workbook.select('People!A1');
  return addon;
}

describe('Sync time off that fails at its first request', () => {
  it('with a key Assembled refuses makes no sheet, and says to fix the key', async () => {
    const { rt } = await onPeople();
    rt.properties.user.set('assembled.apiKey', JSON.stringify('sk_live_test_not_issued'));
    await expect(rt.callFromSidebar('syncTimeOff')).rejects.toThrow(
      /^Assembled did not accept the API key: .* Open Extensions ▸ Assembled for Google Sheets ▸ Settings… and set a valid key\./,
    );
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'People', 'Assembled log']);
    expect(rt.workbook.activeSheet()).toBe('People');
  });

  it('with Assembled down makes no sheet, and a later sync lists into one', async () => {
    const { rt, sim } = await onPeople();
    sim.setFaults({ errorRate: 1 });
    await expect(rt.callFromSidebar('syncTimeOff')).rejects.toThrow(/try again in a few minutes\.$/);
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'People', 'Assembled log']);
    expect(rt.workbook.activeSheet()).toBe('People');
    sim.setFaults({});
    const synced = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(synced).toMatchObject({ sheet: 'Time off (Assembled)', full: true });
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'People', 'Time off (Assembled)', 'Assembled log']);
  });
});
