// An editor with no API key who presses Sync time off or pulls into BigQuery is told so before
// anything changes: no sheet made or put in front, no log row, no consent asked, no project kept
// for the spreadsheet. Another editor, with a key, finds the spreadsheet as it was.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { SyncSummary } from '../../src/core/push/sync-time-off';

const NO_KEY =
  'No Assembled API key is set for you. Open Extensions ▸ Assembled for Google Sheets ▸ Settings… and paste your key.';
const BIGQUERY = 'https://www.googleapis.com/auth/bigquery';

/** The runtime's user has a key; sam, on the pulled People sheet, has none. */
async function samWithoutKey() {
  const addon = await startLocalAddon({ mode: 'bound' });
  const { rt } = addon;
  rt.workbook.write('People', [
    ['ID', 'Name'],
    ['a1', 'Ada'],
  ]);
  rt.workbook.select('People!A1');
  const sam = rt.asUser('sam@example.com');
  sam.workbook.select('People!A1');
  return { ...addon, sam };
}

describe('an editor with no API key', () => {
  it('is told so by Sync time off before a sheet is made or put in front', async () => {
    const { rt, sam } = await samWithoutKey();
    for (let i = 0; i < 2; i++) await expect(sam.callFromSidebar('syncTimeOff')).rejects.toThrow(NO_KEY);
    expect(sam.workbook.sheetNames()).toEqual(['Sheet1', 'People']);
    expect(sam.workbook.activeSheet()).toBe('People');
    // With a key, the same press from People lists the requests in a sheet of their own.
    const synced = await rt.callFromSidebar<SyncSummary>('syncTimeOff');
    expect(synced).toMatchObject({ sheet: 'Time off (Assembled)', full: true });
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'People', 'Time off (Assembled)', 'Assembled log']);
  });

  it("is told so by a pull into BigQuery before consent is asked or the project kept for everyone's form", async () => {
    const { rt, sam } = await samWithoutKey();
    const spec = {
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'bigquery', project: 'sams-project', dataset: 'wfm', table: 'people' },
      mode: 'replace',
    };
    await expect(sam.callFromSidebar('startPull', spec, 'sam-bq-nokey')).rejects.toThrow(NO_KEY);
    expect((await rt.callFromSidebar<{ bigQueryProject: string }>('getPullOptions')).bigQueryProject).toBe(
      '',
    );
    // One who would decline Google's BigQuery prompt hears of the key, not a prompt to no end.
    const lee = rt.asUser('lee@example.com');
    lee.declineScopes(BIGQUERY);
    await expect(lee.callFromSidebar('startPull', spec, 'lee-bq-nokey')).rejects.toThrow(NO_KEY);
  });
});
