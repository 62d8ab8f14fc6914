// File ▸ Settings changing the spreadsheet's time zone while Pull data is open: the form, not yet
// told (it reads the zone again only when the person comes back to it), sends the zone it showed
// the range in. A pull of a range shown in another zone starts nothing and says the range now.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';

const NEXT_WEEK = { kind: 'relative', preset: 'next_week' } as const;
const timeOff = {
  source: { kind: 'resource', resource: 'time_off_requests' },
  range: NEXT_WEEK,
  target: { kind: 'new_sheet', name: 'TO stale' },
  mode: 'replace',
};

/** Sunday 15:00 in New York is already Monday in Tokyo: "next week" is another week there. */
const opened = () => startLocalAddon({ timezone: 'America/New_York', now: '2026-12-06T20:00:00Z' });

describe('a pull pressed after the time zone changed under the open form', () => {
  it('starts nothing, and says the range in the new zone; pressed again with it, pulls that', async () => {
    const { rt } = await opened();
    const shown = await rt.callFromSidebar<{ from: string; to: string; zone: string }>(
      'previewRange',
      NEXT_WEEK,
    );
    expect(shown).toMatchObject({ from: '2026-12-07', to: '2026-12-13', zone: 'America/New_York' });
    rt.workbook.setTimeZone('Asia/Tokyo');

    await expect(rt.callFromSidebar('startPull', timeOff, 'pull-stale-0001', shown.zone)).rejects.toThrow(
      "The spreadsheet's time zone is now Asia/Tokyo (it was America/New_York when this form was drawn): the range is now 2026-12-14 to 2026-12-20. Press Pull data again to pull it.",
    );
    expect(rt.workbook.sheetNames()).not.toContain('TO stale');

    const now = await rt.callFromSidebar<{ zone: string }>('previewRange', NEXT_WEEK);
    expect(now).toMatchObject({ from: '2026-12-14', to: '2026-12-20', zone: 'Asia/Tokyo' });
    let job = await rt.callFromSidebar<JobView>('startPull', timeOff, 'pull-fresh-0001', now.zone);
    for (let i = 0; i < 100 && job.nextPollInMs > 0; i++) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('done');
    expect(rt.workbook.sheetNames()).toContain('TO stale');
  });

  it('in the zone shown goes on as before, as does one of data with no range', async () => {
    const { rt } = await opened();
    const job = await rt.callFromSidebar<JobView>('startPull', timeOff, 'pull-same-0001', 'America/New_York');
    expect(job.state).not.toBe('failed');
    rt.workbook.setTimeZone('Asia/Tokyo');
    const teams = {
      source: { kind: 'resource', resource: 'teams' },
      target: { kind: 'new_sheet', name: 'Teams' },
      mode: 'replace',
    };
    await expect(
      rt.callFromSidebar('startPull', teams, 'pull-teams-0001', 'America/New_York'),
    ).resolves.toBeDefined();
  });

  // google.script.run passes an undefined argument as null: a form with no zone to send yet, or
  // a caller that sends none, is not refused for it.
  it('sent as no zone at all, a pull starts and a refresh saves', async () => {
    const { rt } = await opened();
    rt.workbook.addSheet('Tickets');
    const job = await rt.callFromSidebar<JobView>('startPull', timeOff, 'pull-none-0001', undefined);
    expect(job.state).not.toBe('failed');
    const refresh = {
      spec: { ...timeOff, target: { kind: 'sheet', name: 'Tickets' } },
      frequency: { kind: 'daily', hour: 6 },
      notifyByEmail: false,
    };
    expect(await rt.callFromSidebar('saveRefresh', refresh, 'refresh-none-01', undefined)).toHaveLength(1);
  });

  it('a refresh saved from the form at an hour named in the old zone saves nothing; in the new one it saves', async () => {
    const { rt } = await opened();
    rt.workbook.addSheet('Tickets');
    const refresh = {
      spec: { ...timeOff, target: { kind: 'sheet', name: 'Tickets' } },
      frequency: { kind: 'daily', hour: 6 },
      notifyByEmail: false,
    };
    rt.workbook.setTimeZone('Asia/Tokyo');
    await expect(
      rt.callFromSidebar('saveRefresh', refresh, 'refresh-stale-01', 'America/New_York'),
    ).rejects.toThrow(
      "The spreadsheet's time zone is now Asia/Tokyo (it was America/New_York when this form was drawn): the hour under At is now in Asia/Tokyo time. Check it, then save again.",
    );
    expect(await rt.callFromSidebar('listRefreshes')).toEqual([]);
    expect(await rt.callFromSidebar('saveRefresh', refresh, 'refresh-fresh-01', 'Asia/Tokyo')).toHaveLength(
      1,
    );
  });
});
