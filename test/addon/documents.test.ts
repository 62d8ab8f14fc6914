// The add-on as Google runs it in more than one spreadsheet: triggers belong to a document,
// Google may refuse to create one, and a user's background time is capped per day.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;

const people = (sheet: string) => ({
  source: { kind: 'resource', resource: 'people' },
  target: { kind: 'new_sheet', name: sheet },
  mode: 'replace',
});

let keys = 0;
const key = () => `documents-key-${String(++keys).padStart(4, '0')}`;

async function pullAndSchedule(
  rt: LocalRuntime,
  sheet: string,
  frequency: object = { kind: 'daily', hour: 7 },
) {
  await rt.callFromSidebar('startPull', people(sheet), key());
  return rt.callFromSidebar<RefreshView[]>(
    'saveRefresh',
    { spec: people(sheet), frequency, notifyByEmail: false },
    key(),
  );
}

describe('an add-on in two spreadsheets', () => {
  it('keeps one dispatcher per spreadsheet: deleting every refresh in one leaves the other running', async () => {
    const { rt: a } = await startLocalAddon();
    const b = a.newSpreadsheet('Second');
    await pullAndSchedule(a, 'People');
    const [bRefresh] = await pullAndSchedule(b, 'People');
    expect(
      a
        .triggers()
        .map((t) => t.documentId)
        .sort(),
    ).toEqual([a.documentId, b.documentId].sort());
    await b.callFromSidebar('deleteRefresh', bRefresh?.id);
    a.clock.advance(26 * HOUR);
    expect(a.triggers().map((t) => t.documentId)).toEqual([a.documentId]);
    const [refresh] = await a.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(refresh?.lastRun?.status).toBe('done');
    expect(a.executions.filter((e) => e.error)).toEqual([]);
  });
});

describe('a time-driven run no record names the spreadsheet of', () => {
  it('removes its own trigger: the only refresh deleted before it ran, nothing of the user is left to do', async () => {
    const { rt } = await startLocalAddon({ mode: 'addon' });
    rt.workbook.addSheet('People');
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      {
        spec: { ...people('People'), target: { kind: 'sheet', name: 'People' } },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      key(),
    );
    expect(rt.triggers().map((t) => t.owner)).toEqual([rt.user]);
    await rt.callFromSidebar('deleteRefresh', saved?.id);
    await rt.clock.advanceAsync(2 * HOUR);
    // It found out which trigger was its own from the one that ran it, with no spreadsheet to list them by.
    expect(rt.triggers()).toEqual([]);
    expect(rt.executions.filter((e) => e.error)).toEqual([]);
  });
});

describe('when Google will not create the trigger', () => {
  it('in a test deployment: the pull is kept, the sidebar says why and finishes it', async () => {
    const { rt } = await startLocalAddon({ testDeployment: true });
    let job = await rt.callFromSidebar<JobView>(
      'startPull',
      {
        source: { kind: 'report', report: 'handle_time', granularity: 'week' },
        range: { kind: 'relative', preset: 'last_week' },
        target: { kind: 'new_sheet', name: 'AHT' },
        mode: 'replace',
      },
      key(),
    );
    expect(job.state).toBe('running');
    expect(job.notice).toMatch(/Scheduled runs are off in this deployment: a test deployment/);
    expect(rt.triggers()).toEqual([]);
    while (job.nextPollInMs > 0) {
      rt.clock.advance(job.nextPollInMs);
      job = await rt.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('done');
    expect(rt.workbook.values('AHT').length).toBeGreaterThan(1);
  });

  it('in a test deployment: a refresh is saved and says it runs only with Run now', async () => {
    const { rt } = await startLocalAddon({ testDeployment: true });
    const [refresh] = await pullAndSchedule(rt, 'People');
    expect(refresh?.notice).toMatch(/test deployment .* Run now/);
    const [ran] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', refresh?.id);
    expect(ran?.id).toBe(refresh?.id);
  });

  it('past 20 triggers: the refresh is saved and the user is told why it will not run on schedule', async () => {
    const { rt } = await startLocalAddon();
    for (let i = 0; i < 20; i++) {
      const other = rt.newSpreadsheet(`Other ${i}`);
      await other.callFromSidebar(
        'saveRefresh',
        // Sheet1 exists in every new spreadsheet: a refresh is bound to a sheet that exists.
        { spec: people('Sheet1'), frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false },
        key(),
      );
    }
    expect(rt.triggers()).toHaveLength(20);
    const [refresh] = await pullAndSchedule(rt, 'People');
    expect(refresh?.notice).toMatch(/too many triggers .*Google allows 20/);
    expect(await rt.callFromSidebar<RefreshView[]>('listRefreshes')).toHaveLength(1);
    // Hours past its time it has not run: the card keeps the reason, not a promise it cannot keep.
    rt.clock.set(rt.clock.now() + 2 * 86_400_000);
    const [later] = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(later).toMatchObject({ notice: expect.stringMatching(/too many triggers/), overdue: '' });
    // Another editor reads the same reason, not "ask the owner to open the sidebar".
    const [seen] = await rt.asUser('editor@example.com').callFromSidebar<RefreshView[]>('listRefreshes');
    expect(seen).toMatchObject({
      mine: false,
      notice: expect.stringMatching(/too many triggers/),
      overdue: '',
    });
  });
});

describe('the daily trigger runtime', () => {
  it('stops background work when the day’s budget is spent, before Google would, and the sidebar says so', async () => {
    // 00:05 in California: the whole run falls on one of Google's (Pacific-time) quota days.
    const { rt, backend } = await startLocalAddon({ now: '2026-05-25T07:05:00Z' });
    await pullAndSchedule(rt, 'People', { kind: 'hourly' });
    await pullAndSchedule(rt, 'Team', { kind: 'hourly' });
    await pullAndSchedule(rt, 'Staff', { kind: 'hourly' });
    await pullAndSchedule(rt, 'Crew', { kind: 'hourly' });
    await pullAndSchedule(rt, 'Roster', { kind: 'hourly' });
    // Then Assembled slows down: every answer takes 10 s, so each hourly tick costs minutes (a
    // people pull reads people and the names of its teams, sites, queues and roles in one step,
    // which must still end inside the minute the dispatcher leaves after its 5-minute budget).
    const http = backend.http;
    rt.setHttp((request) => ({ ...http(request), delayMs: 10_000 }));
    const fired = [];
    for (let h = 0; h < 22; h++) {
      fired.push(...rt.clock.advance(HOUR));
      // Lets the worker's event loop breathe between hours.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const messages = fired.map((f) => f.result.error?.message ?? 'ok');
    expect(messages.filter((m) => m !== 'ok')).toEqual([]);
    const used = fired.reduce((ms, f) => ms + f.result.durationMs, 0);
    // The budget is 60 minutes; a step begun before a tick's deadline may run on past it.
    expect(used).toBeLessThanOrEqual(66 * 60_000);
    expect(used).toBeGreaterThan(50 * 60_000);
    const refreshes = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(refreshes[0]?.notice).toMatch(/Today’s background time .* is used up/);
  });
});

describe('records and Apps Script’s 9 KB per property', () => {
  // 220 agents of 36-character ids: about 9 KB of ids alone.
  const agents = Array.from(
    { length: 220 },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
  const spec = {
    source: { kind: 'report', report: 'handle_time', granularity: 'week' },
    range: { kind: 'relative', preset: 'last_week' },
    filters: { agent_ids: agents },
    // An existing sheet: a refresh is bound to a sheet that exists when it is saved.
    target: { kind: 'new_sheet', name: 'Sheet1' },
    mode: 'replace',
  };

  it('saves a pull job and a refresh filtered by 220 agents, and reads them back whole', async () => {
    const { rt } = await startLocalAddon();
    const job = await rt.callFromSidebar<JobView>('startPull', spec, key());
    expect((await rt.callFromSidebar<JobView>('pollPull', job.id)).id).toBe(job.id);
    const [refresh] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec, frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false },
      key(),
    );
    expect(refresh?.spec.filters.agent_ids).toEqual(agents);
    // Shorter again: the parts it no longer needs are gone.
    await rt.callFromSidebar(
      'saveRefresh',
      { spec: { ...spec, filters: {} }, frequency: { kind: 'daily', hour: 7 }, notifyByEmail: false },
      refresh?.id,
    );
    const listed = await rt.callFromSidebar<RefreshView[]>('listRefreshes');
    expect(listed.map((r) => r.spec.filters.agent_ids)).toEqual([undefined]);
    expect(rt.properties.document.keys().filter((k) => k.includes(refresh?.id ?? '?'))).toHaveLength(1);
    for (const value of Object.values(rt.properties.document.all()))
      expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(9_000);
  });
});

describe('Cache’s 100 KB per value, in bytes', () => {
  it('lists agents whose names take 120 KB in UTF-8 (40,000 characters): not cached, never failing', async () => {
    const { rt, backend } = await startLocalAddon();
    const http = backend.http;
    rt.setHttp((request) => {
      const response = http(request);
      if (!request.url.includes('/people')) return response;
      // Every first name becomes 400 euro signs: three bytes each.
      const body = JSON.stringify(JSON.parse(response.body), (k, v) =>
        k === 'first_name' ? '€'.repeat(400) : v,
      );
      return { ...response, body };
    });
    const first = await rt.callFromSidebar<{ name: string }[]>('listChoices', 'agents');
    expect(first.length).toBeGreaterThan(50);
    expect(first[0]?.name).toContain('€'.repeat(400));
    expect(rt.executions.filter((e) => e.error)).toEqual([]);
  });
});
