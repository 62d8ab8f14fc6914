// A shared spreadsheet: owner A (analyst@example.com) and editor B (editor@example.com) use the
// add-on in one runtime. Nothing B does may make A's key, A's trigger or A's records do work A
// never asked for (issue 12).
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import type { OthersPush } from '../../src/core/push/others-push';
import type { PushOptions, PushView } from '../../src/core/push/push-view';
import { OVERDUE_AFTER_MS, type RefreshView } from '../../src/core/schedule/refresh-view';

const HOUR = 3_600_000;
/** Lets the worker's event loop turn between runtime runs (vitest's RPC must not wait a minute). */
const breathe = () => new Promise((resolve) => setImmediate(resolve));
const B_KEY = 'sk_live_test_editor_b';

interface Seen {
  key: string;
  method: string;
  path: string;
}

function keyOf(headers: Record<string, string>): string {
  const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
  const token = /^Basic\s+(\S+)$/i.exec(auth)?.[1] ?? '';
  return Buffer.from(token, 'base64').toString('utf8').replace(/:$/, '');
}

/** A and B in one runtime; every request is recorded with the key it carried. */
async function shared(options: { bHasKey?: boolean; bHidden?: boolean; aHidden?: boolean } = {}) {
  const { rt, sim, key, backend } = await startLocalAddon({ mode: 'bound' });
  // B's own key, one Assembled issued (the simulator answers 401 to any other).
  sim.issueKey(B_KEY);
  const seen: Seen[] = [];
  rt.setHttp((req) => {
    seen.push({ key: keyOf(req.headers), method: req.method, path: new URL(req.url, 'https://x').pathname });
    return backend.http(req);
  });
  if (options.aHidden) rt.asUser(rt.user, { emailHidden: true });
  const b = rt.asUser('editor@example.com', { emailHidden: options.bHidden ?? false });
  if (options.bHasKey) {
    await b.callFromSidebar('saveSettings', { apiKey: B_KEY, timeFormat: 'iso', apiVersion: '' });
  }
  return { rt, b, sim, key, seen, backend };
}

const teamsInto = (sheet: string) => ({
  source: { kind: 'resource', resource: 'teams' },
  target: { kind: 'sheet', name: sheet },
  mode: 'replace',
});

async function saveRefresh(rt: LocalRuntime, spec: object, key = 'refresh-key-0001', notify = false) {
  const views = await rt.callFromSidebar<RefreshView[]>(
    'saveRefresh',
    { spec, frequency: { kind: 'daily', hour: 9 }, notifyByEmail: notify },
    key,
  );
  const mine = views.filter((v) => v.mine);
  return mine[mine.length - 1] as RefreshView;
}

/** The refresh records as the Document properties hold them (what any code path could see). */
function refreshRecords(rt: LocalRuntime): { id: string; nextRunAt: number }[] {
  const all = rt.properties.document.all();
  return Object.entries(all)
    .filter(([k]) => k.startsWith('assembled.refresh.'))
    .map(([, v]) => JSON.parse(v));
}

async function lastRun(rt: LocalRuntime) {
  return (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
}

describe('a shared spreadsheet: scheduled refreshes answer to their owner', () => {
  it("B cannot plant a job that A's scheduled run picks up and runs with A's key (item 1)", async () => {
    const { rt, b, seen, key } = await shared({ bHasKey: true });
    rt.workbook.write('Teams', [['old']]);
    // Empty, so B's pull there is started (a sheet of the user's own would be refused before).
    rt.workbook.addSheet('Payroll');
    await saveRefresh(rt, teamsInto('Teams'));
    // B knows what main named A's next run (refresh-<id>-<nextRunAt>) and starts that job first.
    for (const r of refreshRecords(rt)) {
      await b
        .callFromSidebar(
          'startPull',
          {
            source: { kind: 'report', report: 'adherence', granularity: 'day' },
            range: { kind: 'relative', preset: 'last_week' },
            target: { kind: 'sheet', name: 'Payroll' },
            mode: 'replace',
          },
          `refresh-${r.id}-${r.nextRunAt}`,
        )
        .catch(() => undefined);
    }
    rt.clock.advance(2 * HOUR);
    // A's run did what A saved, into A's sheet, and A's key never touched B's report.
    expect((await lastRun(rt))?.lastRun).toMatchObject({ status: 'done' });
    expect(rt.workbook.values('Teams')[0]).toContain('Name');
    expect(seen.filter((s) => s.key === key && s.path.includes('/reports'))).toEqual([]);
  });

  it("B with no key cannot make A's refresh fail, pause, or e-mail A that A's key was rejected (items 1, 4)", async () => {
    const { rt, b } = await shared();
    // Empty: B's pull into a sheet of the user's own would be refused before its key is asked for.
    rt.workbook.addSheet('Teams');
    await saveRefresh(rt, teamsInto('Teams'), 'refresh-key-0001', true);
    for (const r of refreshRecords(rt)) {
      await expect(
        b.callFromSidebar('startPull', teamsInto('Teams'), `refresh-${r.id}-${r.nextRunAt}`),
      ).rejects.toThrow(/No Assembled API key is set for you/);
    }
    rt.clock.advance(2 * HOUR);
    const view = await lastRun(rt);
    expect(view).toMatchObject({ paused: false, lastRun: { status: 'done' } });
    expect(rt.mail).toEqual([]);
  });

  it("a refresh whose owner's trigger is gone shows as overdue to both; A's sidebar, not B's, sets A's trigger again", async () => {
    const { rt, b } = await shared();
    rt.workbook.addSheet('Teams');
    await saveRefresh(rt, teamsInto('Teams'));
    const [record] = refreshRecords(rt);
    if (!record) throw new Error('the refresh was saved');
    // A removed the add-on's trigger in the Apps Script dashboard (or Google disabled it).
    rt.removeTriggers();
    rt.clock.set(record.nextRunAt + OVERDUE_AFTER_MS - 60_000);
    expect((await lastRun(b))?.overdue).toBe('');
    rt.clock.set(record.nextRunAt + OVERDUE_AFTER_MS + 60_000);
    expect((await lastRun(b))?.overdue).toMatch(
      /^Overdue: due \d{4}-\d\d-\d\d 09:00 and not run yet\. Its runs come from analyst@example\.com's hourly trigger: ask analyst@example\.com to open Scheduled refreshes/,
    );
    expect(rt.triggers()).toEqual([]);
    expect((await lastRun(rt))?.overdue).toMatch(
      /Your hourly trigger was not running it; it is set going again/,
    );
    expect(rt.triggers().map((t) => t.owner)).toEqual([rt.user]);
    rt.clock.advance(HOUR);
    expect(await lastRun(rt)).toMatchObject({ overdue: '', lastRun: { status: 'done' } });
    // A paused refresh is not waiting on a trigger: listing it sets none.
    await rt.callFromSidebar('pauseRefresh', record.id);
    rt.removeTriggers();
    await lastRun(rt);
    expect(rt.triggers()).toEqual([]);
  });

  // Pausing or removing it sets no key working: any editor may (refresh-orphan.test.ts).
  it('B cannot resume, run or edit A’s refresh; A can (ownership checks)', async () => {
    const { rt, b, seen } = await shared({ bHasKey: true });
    rt.workbook.addSheet('Teams');
    const mine = await saveRefresh(rt, teamsInto('Teams'));
    const seenByB = (await b.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect(seenByB).toMatchObject({ owner: 'analyst@example.com', mine: false });
    const input = { spec: teamsInto('Teams'), frequency: { kind: 'hourly' }, notifyByEmail: false };
    for (const [fn, ...args] of [
      ['resumeRefresh', mine.id],
      ['runRefreshNow', mine.id],
      ['saveRefresh', input, mine.id],
    ] as const) {
      await expect(b.callFromSidebar(fn, ...args), fn).rejects.toThrow(/belongs to analyst@example.com/);
    }
    expect(seen.filter((s) => s.key === B_KEY)).toEqual([]);
    // A's request key, used by B, saves a refresh of B's own (into another sheet: one place has one
    // refresh); A's is left as it was.
    rt.workbook.addSheet('Teams B');
    const theirs = { ...input, spec: teamsInto('Teams B') };
    const bs = await b.callFromSidebar<RefreshView[]>('saveRefresh', theirs, 'refresh-key-0001');
    expect(bs.map((v) => [v.mine, v.frequencyLabel])).toEqual([
      [false, 'Daily at 09:00 America/New_York'],
      [true, 'Every hour'],
    ]);
    // A paused it first, so B's resume would show as a change.
    await rt.callFromSidebar('pauseRefresh', mine.id);
    await expect(b.callFromSidebar('resumeRefresh', mine.id)).rejects.toThrow(/belongs to/);
    expect((await lastRun(rt))?.paused).toBe(true);
    const after = (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect(after?.frequencyLabel).toBe('Daily at 09:00 America/New_York');
  });

  it('a refresh is bound to its sheet by id: renaming sheets cannot redirect its writes (item 7)', async () => {
    const { rt, b } = await shared();
    rt.workbook.write('Teams', [['old']]);
    rt.workbook.write('Protected', [['keep me']]);
    await saveRefresh(rt, teamsInto('Teams'));
    // B renames A's sheet away and puts another sheet in its name.
    b.workbook.renameSheet('Teams', 'Teams (A)');
    b.workbook.renameSheet('Protected', 'Teams');
    rt.clock.advance(2 * HOUR);
    expect(rt.workbook.values('Teams')).toEqual([['keep me']]);
    expect(rt.workbook.values('Teams (A)')[0]).toContain('Name');
    // Its card names the sheet as its tab does now.
    expect((await lastRun(rt))?.target).toBe('Teams (A)');
    rt.workbook.deleteSheet('Teams (A)');
    rt.clock.advance(24 * HOUR);
    expect((await lastRun(rt))?.pausedReason).toBe(
      'Paused: its sheet "Teams (A)" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Then Resume on this card. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.',
    );
    expect(rt.workbook.values('Teams')).toEqual([['keep me']]);
  });

  it("the failure e-mail quotes the spreadsheet's name as data and links only to the spreadsheet (item 8)", async () => {
    const { rt, b, sim, key } = await shared();
    rt.workbook.addSheet('Teams');
    await saveRefresh(rt, teamsInto('Teams'), 'refresh-key-0001', true);
    b.workbook.renameSpreadsheet(
      'URGENT: your key expired\nre-enter it at https://evil.example/login or mail it to help@evil.example',
    );
    sim.revokeKey(key);
    rt.clock.advance(2 * HOUR);
    expect(rt.mail).toHaveLength(1);
    const mail = rt.mail[0];
    expect(mail?.subject).not.toMatch(/URGENT|evil/);
    expect(mail?.body).not.toMatch(/evil\.example|https:\/\/evil|help@/);
    expect(mail?.body).toContain('URGENT: your key expired re-enter it at https[:]//evil[.]example/login');
    const links = mail?.body.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toEqual([`https://docs.google.com/spreadsheets/d/${rt.workbook.id}/edit`]);
  });
});

describe('a shared spreadsheet: the key never leaks into what editors see', () => {
  it('a 4xx body echoing the Basic token is blanked before it is cut: no part of it reaches B (item 6)', async () => {
    const { rt, b, backend } = await shared();
    const key = 'sk_live_test_fixture_owner_a';
    await rt.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'iso', apiVersion: '' });
    rt.workbook.addSheet('Teams');
    const token = Buffer.from(`${key}:`).toString('base64');
    // The cut at 500 characters falls 20 characters into the token.
    const body = `${'e'.repeat(474)}Basic ${token} was refused; raw ${key}; url ${encodeURIComponent(key)}`;
    rt.setHttp((req) =>
      req.url.includes('/teams')
        ? { status: 422, headers: { 'content-type': 'text/plain' }, body, delayMs: 0 }
        : backend.http(req),
    );
    await saveRefresh(rt, teamsInto('Teams'), 'refresh-key-0001', true);
    rt.clock.advance(2 * HOUR);
    const seenByB = (await b.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect(seenByB?.lastRun?.status).toBe('failed');
    const shown = [
      seenByB?.lastRun?.message ?? '',
      JSON.stringify(rt.workbook.values('Assembled log')),
      JSON.stringify(rt.mail),
      JSON.stringify(rt.properties.document.all()),
    ].join('\n');
    expect(shown).toContain('[redacted]');
    expect(shown).not.toContain(token.slice(0, 20));
    expect(shown).not.toContain(key);
  });
});

describe('a shared spreadsheet: identity', () => {
  it('where Google hides both e-mails, A and B are still two owners (item 2)', async () => {
    const { rt, b } = await shared({ aHidden: true, bHidden: true });
    rt.workbook.addSheet('Teams');
    const mine = await saveRefresh(rt, teamsInto('Teams'));
    expect(mine).toMatchObject({ mine: true });
    const seenByB = (await b.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    expect(seenByB).toMatchObject({ mine: false, owner: 'an editor whose e-mail Google does not share' });
    await expect(b.callFromSidebar('runRefreshNow', mine.id)).rejects.toThrow(/belongs to an editor/);
    await expect(b.callFromSidebar('stopRefreshRun', mine.id)).rejects.toThrow(/belongs to an editor/);
    expect(await rt.callFromSidebar<RefreshView[]>('listRefreshes')).toHaveLength(1);
    expect(JSON.stringify(rt.properties.document.all())).not.toContain('unknown user');
  });

  it('a caller the add-on cannot identify is refused in words, and nothing is saved (item 2)', async () => {
    const { rt, b } = await shared();
    // B's own User properties are full: no id can be kept for B.
    for (let i = 0; i < 70; i++) b.properties.user.set(`other.${i}`, 'x'.repeat(8_500));
    await expect(b.callFromSidebar('startPull', teamsInto('Sheet1'), 'b-pull-0001')).rejects.toThrow(
      /cannot tell who you are/,
    );
    await expect(b.callFromSidebar('listRefreshes')).rejects.toThrow(/cannot tell who you are/);
    expect(Object.keys(rt.properties.document.all()).filter((k) => k.includes('job.'))).toEqual([]);
  });

  it("a user's first calls agree on one id: it is made under that user's lock, not the document's", async () => {
    const { rt, b } = await shared();
    const release = rt.holdLock('document', { forMs: 10 * 60_000 });
    // The document is busy, but B's identity does not wait for it.
    expect(await b.callFromSidebar<RefreshView[]>('listRefreshes')).toEqual([]);
    release();
    const c = rt.asUser('third@example.com');
    c.holdLock('user', { forMs: 10 * 60_000 });
    await expect(c.callFromSidebar('listRefreshes')).rejects.toThrow(/still setting you up/);
  });
});

describe('a shared spreadsheet: pulls and pushes act only on the caller’s own work', () => {
  const report = {
    source: { kind: 'report', report: 'adherence', granularity: 'day' },
    range: { kind: 'relative', preset: 'last_week' },
    target: { kind: 'new_sheet', name: 'Adherence' },
    mode: 'replace',
  };

  it("pollPull: B cannot advance A's job with B's key or read its spec (item 5)", async () => {
    const { rt, b, seen } = await shared({ bHasKey: true });
    const job = await rt.callFromSidebar<JobView>('startPull', report, 'a-pull-0001');
    expect(job.state).toBe('running');
    rt.clock.set(rt.clock.now() + 60_000);
    const before = seen.length;
    await expect(b.callFromSidebar('pollPull', job.id)).rejects.toThrow(/belongs to analyst@example.com/);
    expect(seen.slice(before)).toEqual([]);
    // A's own id is not something B can pick: B's same key names B's own job.
    const mine = await b.callFromSidebar<JobView>('startPull', report, 'a-pull-0001');
    expect(mine.id).not.toBe(job.id);
  });

  it('one lock for the spreadsheet, not the user lock, keeps two users apart in it', async () => {
    const { rt, b } = await shared({ bHasKey: true });
    await b.callFromSidebar('listRefreshes');
    // The spreadsheet's lease is taken under the script lock (a time-driven run has no document lock).
    rt.holdLock('script', { forMs: 10 * 60_000 });
    await expect(b.callFromSidebar('startPull', report, 'b-pull-lock-1')).rejects.toThrow(/busy/);
  });

  it('keyless calls save nothing; live pulls, filter lists and refreshes are bounded per user (item 4)', async () => {
    const { rt, b } = await shared();
    for (let i = 0; i < 80; i++) {
      if (i % 10 === 0) await breathe();
      await expect(
        b.callFromSidebar('startPull', report, `b-keyless-${String(i).padStart(4, '0')}`),
      ).rejects.toThrow(/No Assembled API key/);
    }
    expect(Object.keys(rt.properties.document.all()).filter((k) => k.includes('.job.'))).toEqual([]);
    await b.callFromSidebar('saveSettings', { apiKey: B_KEY, timeFormat: 'iso', apiVersion: '' });
    const many = Array.from({ length: 501 }, (_, i) => `queue-${i}`);
    await expect(
      b.callFromSidebar('startPull', { ...report, filters: { queue_ids: many } }, 'b-many-0001'),
    ).rejects.toThrow(/at most 500/);
    for (let i = 0; i < 10; i++)
      await b.callFromSidebar('startPull', report, `b-live-${String(i).padStart(4, '0')}`);
    await expect(b.callFromSidebar('startPull', report, 'b-live-0010')).rejects.toThrow(/10 pulls under way/);
    // A is not held back by B's pulls.
    expect((await rt.callFromSidebar<JobView>('startPull', report, 'a-pull-after')).state).toBe('running');
  });

  it("one editor's refreshes cannot fill the shared store: a byte budget per editor (item 4)", async () => {
    const { rt, b } = await shared({ bHasKey: true });
    rt.workbook.addSheet('AHT');
    const agents = Array.from(
      { length: 100 },
      (_, i) => `agent-${String(i).padStart(4, '0')}-${'x'.repeat(50)}`,
    );
    const spec = (i: number) => ({
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      filters: { agent_ids: agents },
      // One place has one refresh: each its own block of the sheet.
      target: { kind: 'cell', sheet: 'AHT', a1: `A${1 + i * 1000}` },
      mode: 'replace',
    });
    const input = (i: number) => ({
      spec: spec(i),
      frequency: { kind: 'daily', hour: i % 24 },
      notifyByEmail: false,
    });
    let refused = '';
    for (let i = 0; i < 20 && !refused; i++) {
      await breathe();
      await b
        .callFromSidebar('saveRefresh', input(i), `b-refresh-${String(i).padStart(4, '0')}`)
        .catch((e: Error) => {
          refused = e.message;
        });
    }
    expect(refused).toMatch(
      /of the 80 KB each editor may keep in this spreadsheet: delete a refresh you no longer need/,
    );
    const bytes = Object.entries(rt.properties.document.all()).reduce(
      (n, [k, v]) => n + k.length + v.length,
      0,
    );
    expect(bytes).toBeLessThan(100 * 1024);
    // A can still save a refresh.
    expect((await saveRefresh(rt, spec(99))).mine).toBe(true);
  });
});

describe('a shared spreadsheet: pushes', () => {
  const HEADER = ['Agent', 'Start', 'End', 'All day', 'Type', 'Notes'];

  async function leave(rows: number) {
    const s = await shared({ bHasKey: true });
    const agents = s.sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const data = Array.from({ length: rows }, (_, i) => {
      const day = 3 + Math.floor(i / agents.length);
      return [
        agents[i % agents.length]?.email,
        `2026-08-${String(day).padStart(2, '0')} 09:00`,
        `2026-08-${String(day).padStart(2, '0')} 17:00`,
        '',
        'pto',
        `A ${i}`,
      ];
    });
    s.rt.workbook.write('Leave', [HEADER, ...data]);
    s.rt.workbook.select('Leave!A1');
    s.b.workbook.select('Leave!A1');
    return { ...s, agents };
  }

  it("the Push sidebar opened again shows how the opener's own last push of the sheet ended, not another's", async () => {
    const { rt, b } = await leave(3);
    expect((await rt.callFromSidebar<PushOptions>('getPushOptions')).last).toBeUndefined();
    const push = async (key: string) => {
      let view = await rt.callFromSidebar<PushView>('startPush', 'time_off', key);
      for (let i = 0; i < 20 && view.state === 'running'; i++) {
        await rt.clock.advanceAsync(view.nextPollInMs);
        view = await rt.callFromSidebar<PushView>('pollPush', view.id);
      }
      return view;
    };
    await push('a-push-first');
    // The second push of the sheet finds its rows done: it is the one shown.
    await rt.clock.advanceAsync(60_000);
    const a = await push('a-push-last');
    expect(a.state).toBe('done');
    expect((await rt.callFromSidebar<PushOptions>('getPushOptions')).last).toMatchObject({
      id: a.id,
      state: 'done',
      message: a.message,
    });
    expect((await b.callFromSidebar<PushOptions>('getPushOptions')).last).toBeUndefined();
  });

  it("A's last push summary, older than B's push of the sheet since, says whose and when that was", async () => {
    const { rt, b, agents } = await leave(3);
    const push = async (who: LocalRuntime, key: string) => {
      let view = await who.callFromSidebar<PushView>('startPush', 'time_off', key);
      for (let i = 0; i < 20 && view.state === 'running'; i++) {
        await rt.clock.advanceAsync(view.nextPollInMs);
        view = await who.callFromSidebar<PushView>('pollPush', view.id);
      }
      return view;
    };
    expect((await push(rt, 'a-push-older')).state).toBe('done');
    expect((await rt.callFromSidebar<PushOptions>('getPushOptions')).lastNote).toBeUndefined();
    await rt.clock.advanceAsync(60_000);
    b.workbook.write(
      'Leave',
      [[agents[0]?.email, '2026-09-01 09:00', '2026-09-01 17:00', '', 'pto', 'B 1']],
      {
        row: 5,
      },
    );
    expect((await push(b, 'b-push-newer')).state).toBe('done');
    const options = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.lastNote).toMatch(
      /^Your last push of this sheet, ended \d{4}-\d\d-\d\d \d\d:\d\d\. editor@example\.com pushed it since \(ended \d{4}-\d\d-\d\d \d\d:\d\d\): the Push status column shows where each row stands now\.$/,
    );
    // B's own summary is the sheet's latest: shown as it is.
    expect((await b.callFromSidebar<PushOptions>('getPushOptions')).lastNote).toBeUndefined();
  });

  it("startPush and pollPush: B's push on A's sheet names A's push and never drives it with B's key (item 5)", async () => {
    const { rt, b, seen } = await leave(300);
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-0001');
    expect(a.state).toBe('running');
    const options = await b.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.running).toBeUndefined();
    expect(options.othersPush?.message).toMatch(/push by analyst@example.com is running/);
    await expect(b.callFromSidebar('startPush', 'time_off', 'b-push-0001')).rejects.toThrow(
      /push by analyst@example.com is running on this sheet/,
    );
    await expect(b.callFromSidebar('startPush', 'time_off', 'a-push-0001')).rejects.toThrow(
      /push by analyst@example.com is running on this sheet/,
    );
    await expect(b.callFromSidebar('pollPush', a.id)).rejects.toThrow(/belongs to analyst@example.com/);
    expect(seen.filter((s) => s.key === B_KEY && s.method === 'POST')).toEqual([]);
  });

  it("B waiting on A's push is told when it goes on, from its saved state, and when it is over (watchPush reads only)", async () => {
    const { rt, b, sim, seen } = await leave(3);
    sim.setFaults({ force5xx: 1_000_000 });
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-watch');
    expect(a.nextTryInMs).toBeGreaterThan(0);
    const options = await b.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.othersPush).toMatchObject({ id: a.id, running: true });
    // A's sidebar may be closed: the words give the hourly check's bound after the next try.
    expect(options.othersPush?.message).toMatch(
      /^A push by analyst@example\.com is running on "Leave" with their API key \(its rows are still being checked\)\. It goes on at its next try, \d{4}-\d\d-\d\d \d\d:\d\d, if they have the Push sidebar open, else by \d{4}-\d\d-\d\d \d\d:\d\d at their hourly background check\./,
    );
    expect(await b.callFromSidebar<OthersPush>('watchPush', a.id)).toMatchObject({ running: true });
    sim.setFaults({});
    rt.clock.advance(3 * HOUR);
    const over = await b.callFromSidebar<OthersPush>('watchPush', a.id);
    expect(over.running).toBe(false);
    expect(over.message).toMatch(
      /^The push by analyst@example\.com finished at .*: 3 of 3 rows sent\. You can validate and push this sheet now\.$/,
    );
    expect(seen.filter((s) => s.key === B_KEY)).toEqual([]);
  });

  it("B may stop A's push once nothing has worked on it for 6 minutes, then push the rows left with B's own key; A is told who stopped it", async () => {
    const { rt, b, sim, key, seen } = await leave(300);
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-stalled');
    expect(a.state).toBe('running');
    const sentByA = a.done;
    expect(sentByA).toBeGreaterThan(0);
    // A closes the sidebar: the push waits for A's hourly check, which has not come yet.
    rt.clock.set(rt.clock.now() + 5 * 60_000);
    const early = await b.callFromSidebar<PushOptions>('getPushOptions');
    expect(early.othersPush).toMatchObject({ id: a.id, running: true, stoppable: false });
    await expect(b.callFromSidebar('stopOthersPush', a.id)).rejects.toThrow(
      /can be stopped by another editor only once nothing has worked on it for 6 minutes/,
    );
    rt.clock.set(rt.clock.now() + 2 * 60_000);
    const stalled = await b.callFromSidebar<PushOptions>('getPushOptions');
    expect(stalled.othersPush).toMatchObject({ id: a.id, running: true, stoppable: true });
    expect(stalled.othersPush?.message).toMatch(
      new RegExp(
        `^A push by analyst@example\\.com is running on "Leave" with their API key \\(${sentByA} of 300 rows sent\\), but nothing has worked on it since .*: it goes on when they open the Push sidebar, else by .* at their hourly background check\\. You can stop it with Stop their push, then push the rows not yet sent with your own key; rows already sent stay done\\.$`,
      ),
    );
    await expect(b.callFromSidebar('startPush', 'time_off', 'b-push-early')).rejects.toThrow(
      /nothing has worked on it for over 6 minutes: stop it with Stop their push/,
    );
    const over = await b.callFromSidebar<OthersPush>('stopOthersPush', a.id);
    expect(over).toMatchObject({ running: false, stoppable: false });
    expect(over.message).toMatch(
      new RegExp(
        `^The push by analyst@example\\.com stopped at .*: ${sentByA} of 300 rows sent\\. You can validate and push this sheet now\\.$`,
      ),
    );
    // Stopping it sent nothing, with either key.
    expect(seen.filter((s) => s.method === 'POST')).toHaveLength(sentByA);

    // B's push is B's own, afresh: the rows A sent stay done, the others go with B's key.
    let mine = await b.callFromSidebar<PushView>('startPush', 'time_off', 'b-push-after');
    expect(mine).toMatchObject({ total: 300 - sentByA, skipped: sentByA });
    while (mine.state === 'running') {
      await rt.clock.advanceAsync(mine.nextPollInMs);
      mine = await b.callFromSidebar<PushView>('pollPush', mine.id);
    }
    expect(mine).toMatchObject({ state: 'done', succeeded: 300 - sentByA });
    const posts = seen.filter((s) => s.method === 'POST');
    expect(posts.filter((s) => s.key === key)).toHaveLength(sentByA);
    expect(posts.filter((s) => s.key === B_KEY)).toHaveLength(300 - sentByA);
    const notes = sim.admin.org.timeOff.map((t) => t.notes).filter((n) => n.startsWith('A '));
    expect(new Set(notes).size).toBe(300);
    expect(notes).toHaveLength(300);
    // Each row's Push status note names whose push sent it.
    const at = rt.workbook.values('Leave')[0]?.indexOf('Push status') ?? -1;
    const by = rt.workbook
      .notes('Leave')
      .slice(1)
      .map((r) => /\nPushed by (.+)\.$/.exec(r[at] ?? '')?.[1]);
    expect(by.filter((w) => w === 'analyst@example.com')).toHaveLength(sentByA);
    expect(by.filter((w) => w === 'editor@example.com')).toHaveLength(300 - sentByA);

    // A reads who stopped it, in the log and in A's sidebar; A's hourly check sends nothing more.
    const [head = [], ...log] = rt.workbook.values('Assembled log');
    const aRow = log.find((r) => r[head.indexOf('Who')] === 'analyst@example.com');
    expect(aRow?.[head.indexOf('Status')]).toBe('stopped');
    const said = new RegExp(
      `^Stopped by editor@example\\.com, as nothing had worked on it since .*: ${sentByA} of 300 rows were sent\\. Rows already sent keep their status; push again to send the rest\\.$`,
    );
    expect(String(aRow?.[head.indexOf('Message')])).toMatch(said);
    // B's push since sent the rest: A's sidebar, saying so above it, leaves out the advice to.
    const aSees = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(aSees.lastNote).toMatch(/editor@example\.com pushed it since/);
    expect(aSees.last?.message).toMatch(
      new RegExp(
        `^Stopped by editor@example\\.com, as nothing had worked on it since .*: ${sentByA} of 300 rows were sent\\. Rows already sent keep their status\\.$`,
      ),
    );
    rt.clock.advance(2 * HOUR);
    expect(seen.filter((s) => s.method === 'POST' && s.key === key)).toHaveLength(sentByA);
  });

  it("A's push that lost its list of rows, B having pushed the rest since: A's sidebar leaves out the advice to push again", async () => {
    const { rt, b } = await leave(300);
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-list-gone');
    expect(a.state).toBe('running');
    // The list of A's rows, kept in A's User properties, is cleared while the push runs.
    for (const k of rt.properties.user.keys()) if (k.includes('pushrows.')) rt.properties.user.delete(k);
    await rt.clock.advanceAsync(a.nextPollInMs);
    const gone = await rt.callFromSidebar<PushView>('pollPush', a.id);
    expect(gone).toMatchObject({ state: 'failed' });
    expect(gone.message).toBe(
      'The list of rows this push was started with is gone; push again to send the rest.',
    );
    let mine = await b.callFromSidebar<PushView>('startPush', 'time_off', 'b-push-after-gone');
    while (mine.state === 'running') {
      await rt.clock.advanceAsync(mine.nextPollInMs);
      mine = await b.callFromSidebar<PushView>('pollPush', mine.id);
    }
    expect(mine).toMatchObject({ state: 'done', succeeded: 300 - a.done });
    const options = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.lastNote).toMatch(/editor@example\.com pushed it since/);
    expect(options.last?.message).toBe('The list of rows this push was started with is gone.');
  });

  /** A's push of 110 rows, stuck on Assembled's rate limit before it could read them, stalled and stopped by B. */
  async function stoppedWhileReading() {
    const s = await leave(110);
    // Validated first, as people do: the status columns are there for the push to mark its rows waiting.
    await s.rt.callFromSidebar('validatePush', 'time_off');
    s.sim.setFaults({ force429: 1_000_000 });
    const a = await s.rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-limited');
    expect(a).toMatchObject({ state: 'running', preparing: true, total: 0 });
    // A closes the sidebar; A's hourly check has not come yet.
    s.rt.clock.set(s.rt.clock.now() + 7 * 60_000);
    const over = await s.b.callFromSidebar<OthersPush>('stopOthersPush', a.id);
    s.sim.setFaults({});
    return { ...s, a, over };
  }

  it("B stopping A's push before it read its rows is told no row was sent, not '0 of 0 rows sent'", async () => {
    const { over } = await stoppedWhileReading();
    expect(over.message).toMatch(
      /^The push by analyst@example\.com stopped at \d{4}-\d\d-\d\d \d\d:\d\d: no row was sent\. You can validate and push this sheet now\.$/,
    );
  });

  it("A's rows waiting to be read say, once B stops A's push, that it was stopped by B and to push again, with nothing sent", async () => {
    const { rt, seen } = await stoppedWhileReading();
    const [head = [], ...rows] = rt.workbook.values('Leave');
    const status = head.indexOf('Push status');
    const message = head.indexOf('Push message');
    expect(rows).toHaveLength(110);
    expect(status).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[status]))).toEqual(new Set(['not sent']));
    expect(new Set(rows.map((r) => r[message]))).toEqual(
      new Set([
        'Not sent: the push was stopped by editor@example.com before this row; push again to send it.',
      ]),
    );
    expect(seen.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it("A's push stopped by B, B having pushed the rows since: A's sidebar says so, without advice to push again", async () => {
    const { rt, b } = await stoppedWhileReading();
    let mine = await b.callFromSidebar<PushView>('startPush', 'time_off', 'b-push-all');
    while (mine.state === 'running') {
      await rt.clock.advanceAsync(mine.nextPollInMs);
      mine = await b.callFromSidebar<PushView>('pollPush', mine.id);
    }
    expect(mine).toMatchObject({ state: 'done', succeeded: 110 });
    const options = await rt.callFromSidebar<PushOptions>('getPushOptions');
    expect(options.lastNote).toMatch(/editor@example\.com pushed it since/);
    expect(options.last?.message).toMatch(
      /^Stopped by editor@example\.com, as nothing had worked on it since .*: no row was sent\. Last problem: Assembled's rate limit was hit while reading people\.$/,
    );
  });

  it("B waiting on A's stalled push is given one time for A's hourly check, however often B asks, then told it is overdue", async () => {
    const { rt, b, sim } = await leave(110);
    sim.setFaults({ force429: 1_000_000 });
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-waits');
    expect(a.state).toBe('running');
    // A closes the sidebar; the clock moves on without A's hourly check coming.
    const byWhen = async (minutes: number) => {
      rt.clock.set(rt.clock.now() + minutes * 60_000);
      const { message } = await b.callFromSidebar<OthersPush>('watchPush', a.id);
      return / else by (\d{4}-\d\d-\d\d \d\d:\d\d) at their hourly background check\./.exec(message)?.[1];
    };
    const first = await byWhen(7);
    expect(first).toBeDefined();
    expect(await byWhen(1)).toBe(first);
    expect(await byWhen(20)).toBe(first);
    rt.clock.set(rt.clock.now() + HOUR);
    const late = await b.callFromSidebar<OthersPush>('watchPush', a.id);
    expect(late.message).toContain(
      `it goes on when they open the Push sidebar; their hourly background check was due to take it up by ${first} and has not (it may be off). You can stop it`,
    );
  });

  it('a push without a key saves nothing (item 4)', async () => {
    const { rt } = await leave(3);
    const c = rt.asUser('keyless@example.com');
    c.workbook.select('Leave!A1');
    await expect(c.callFromSidebar('startPush', 'time_off', 'c-push-0001')).rejects.toThrow(
      /No Assembled API key/,
    );
    expect(Object.keys(rt.properties.document.all()).filter((k) => k.includes('.push.'))).toEqual([]);
  });

  it("rows B adds to A's running push wait for their own push: A's key sends only what A started (item 3)", async () => {
    const { rt, b, sim, agents, key, seen } = await leave(300);
    const a = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'a-push-0002');
    expect(a).toMatchObject({ state: 'running', total: 300 });
    // While it runs, B appends two valid rows, and changes one of A's rows not yet sent.
    b.workbook.write(
      'Leave',
      [
        [agents[0]?.email, '2026-09-01 09:00', '2026-09-01 17:00', '', 'pto', 'B added 1'],
        [agents[1]?.email, '2026-09-02 09:00', '2026-09-02 17:00', '', 'pto', 'B added 2'],
      ],
      { row: 302 },
    );
    b.workbook.write('Leave', [['B changed']], { row: 301, column: 6 });
    rt.clock.advance(3 * HOUR);
    const notes = sim.admin.org.timeOff.map((t) => t.notes);
    expect(notes.filter((n) => n.startsWith('B '))).toEqual([]);
    expect(notes.filter((n) => n.startsWith('A '))).toHaveLength(299);
    const job = JSON.parse(rt.properties.document.get(`assembled.push.${a.id}`) ?? '{}');
    expect(job).toMatchObject({ state: 'done', total: 300, succeeded: 299 });
    expect(seen.filter((s) => s.key !== key && s.method === 'POST')).toEqual([]);
  });
});
