import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import type { ConnectionReport } from '../../src/core/server-api';
import type { SettingsView } from '../../src/core/settings';

describe('Settings', () => {
  it('keeps the API key in the user properties only, and shows it masked', async () => {
    const { rt, key } = await startLocalAddon();
    const view = await rt.callFromSidebar<{ hasKey: boolean; keyHint: string }>('getSettings');
    expect(view.hasKey).toBe(true);
    expect(view.keyHint).not.toContain(key);
    expect(view.keyHint).toMatch(/^sk_live_•+/);
    expect(JSON.stringify(rt.properties.user.all())).toContain(key);
    expect(JSON.stringify(rt.properties.document.all())).not.toContain(key);
  });

  it('another editor of the spreadsheet cannot read the key', async () => {
    const { rt } = await startLocalAddon();
    const other = rt.asUser('editor@example.com');
    const view = await other.callFromSidebar<{ hasKey: boolean }>('getSettings');
    expect(view.hasKey).toBe(false);
    await expect(other.callFromSidebar('testConnection')).rejects.toThrow(
      /No Assembled API key is set for you/,
    );
  });

  it('refuses a malformed key with words that say what to fix, never echoing it', async () => {
    const { rt } = await startLocalAddon({ connect: false });
    const bad = 'sk_test_SECRET-looking value';
    const error = await rt
      .callFromSidebar('saveSettings', { apiKey: bad, timeFormat: 'iso', apiVersion: '' })
      .catch((e: Error) => e);
    // Said as the form's words, with no field path before them.
    expect(String(error)).toMatch(
      /: This looks like a test key \(sk_test_…\); the add-on needs a live API key \(sk_live_…\) from Assembled's Settings ▸ API page\.$/,
    );
    expect(String(error)).not.toMatch(/apiKey/);
    expect(String(error)).not.toContain('SECRET');
    await expect(
      rt.callFromSidebar('saveSettings', { timeFormat: 'xml', apiVersion: 'yesterday' }),
    ).rejects.toThrow(
      /^API-Version must be a date like 2019-06-20\. Settings: timeFormat: must be one of "unix", "iso"\.$/,
    );
  });

  it('saves a key pasted with invisible characters without them, and names a character no key holds', async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live', connect: false });
    const options = { timeFormat: 'unix', apiVersion: '' };
    // A zero-width space inside, a byte-order mark and a no-break space around: none is seen.
    const pasted = `\uFEFF${key.slice(0, 10)}\u200B${key.slice(10)}\u00A0`;
    await rt.callFromSidebar('saveSettings', { apiKey: pasted, ...options });
    const saved = () => rt.properties.user.all()['assembled.apiKey'];
    expect(saved()).toBe(JSON.stringify(key));
    expect(await rt.callFromSidebar<ConnectionReport>('testConnection')).toMatchObject({ ok: true });
    // A character a key never holds is named where it is, and the key is not shown.
    const secret = 'sk_live_test_SECRETpartö_rest';
    const sent = sim.stats().total;
    const error = await rt
      .callFromSidebar('saveSettings', { apiKey: secret, ...options })
      .catch((e: Error) => e);
    expect(String(error)).toMatch(
      /: The API key has ö at character 24, which a key never holds; copy it again from Assembled's Settings ▸ API page\.$/,
    );
    expect(String(error)).not.toContain('SECRET');
    expect(sim.stats().total).toBe(sent);
    expect(saved()).toBe(JSON.stringify(key));
  });

  it('tests the connection against the service, one line per operation', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const report = await rt.callFromSidebar<{
      ok: boolean;
      lines: { operation: string; ok: boolean; records: number }[];
    }>('testConnection');
    expect(report.ok).toBe(true);
    expect(report.lines.find((l) => l.operation === 'GET /v0/people')).toMatchObject({
      ok: true,
      records: 100,
    });
    expect(report.lines.length).toBeGreaterThan(8);
  });

  it('Test connection with Assembled down says so once, and marks the checks not run as such', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    sim.setFaults({ errorRate: 1 });
    const report = await rt.callFromSidebar<ConnectionReport>('testConnection');
    expect(report).toMatchObject({
      ok: false,
      keyRefused: false,
      outage:
        'Assembled is not answering (a server error on every check: 17 failed, 3 not run): try again in a few minutes.',
      // Nothing got as far as the key: Settings' Save asks before keeping it (settings browser test).
      untold: 'a server error on every check',
    });
    expect(report.lines.filter((l) => l.notRun).map((l) => l.label)).toEqual([
      'One person',
      'Agent-state timeline',
      'Read a report',
    ]);
    sim.setFaults({});
    const answered = await rt.callFromSidebar<ConnectionReport>('testConnection');
    expect(answered).not.toHaveProperty('outage');
    expect(answered).not.toHaveProperty('untold');
  });

  it('Test connection under a rate limit leaves the timeline unasked when the reads of its platforms failed', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    sim.setFaults({ force429: 60 });
    const report = await rt.callFromSidebar<ConnectionReport>('testConnection');
    const line = (label: string) => report.lines.find((l) => l.label === label);
    expect(line('People')).toMatchObject({ ok: false, notRun: false });
    expect(line('Agent-state timeline')).toMatchObject({
      notRun: true,
      summary:
        'not run (it needs the platforms people are on, and the People and Agent states checks failed)',
    });
    expect(JSON.stringify(report)).not.toContain('priority_order');
  });

  it('Test connection says which way of sending times Assembled takes, and fails when Settings sends the other', async () => {
    type Report = {
      ok: boolean;
      lines: { operation: string; ok: boolean; message: string; summary: string }[];
    };
    const { rt } = await startLocalAddon({ dialect: 'live' });
    const report = await rt.callFromSidebar<Report>('testConnection');
    expect(report.ok).toBe(true);
    expect(report.lines[0]).toMatchObject({
      operation: 'Send times as (GET /v0/agents/state)',
      ok: true,
      message: 'Assembled takes times sent as Unix seconds',
    });
    await rt.callFromSidebar('saveSettings', { timeFormat: 'iso', apiVersion: '' });
    const iso = await rt.callFromSidebar<Report>('testConnection');
    expect(iso.ok).toBe(false);
    expect(iso.lines[0]).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /refused times sent as ISO 8601 dates and took them as Unix seconds: choose Unix seconds under Send times as/,
      ),
    });
    // In words for whoever sets Send times as: what Assembled took, not what "the server accepts".
    for (const lines of [report.lines, iso.lines])
      expect(lines.map((l) => l.summary).join('\n')).not.toMatch(/\bserver\b/);
  });

  it('a new user sends unix seconds: the default settings suit the live service', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live', connect: false });
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ timeFormat: 'unix' });
  });

  it("sends API-Version 2019-06-20, as Assembled's own client does, unless Settings says another", async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live', connect: false });
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ apiVersion: '2019-06-20' });
    const sentWith = async () => {
      const before = sim.stats().byApiVersion;
      await rt.callFromSidebar('testConnection');
      const after = sim.stats().byApiVersion;
      return Object.keys(after).filter((v) => after[v] !== before[v]);
    };
    // Left empty, as every save before this default was: the default is shown and sent.
    await rt.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ apiVersion: '2019-06-20' });
    expect(await sentWith()).toEqual(['2019-06-20']);
    rt.properties.user.set('assembled.connection', JSON.stringify({ timeFormat: 'unix', apiVersion: '' }));
    expect(await sentWith()).toEqual(['2019-06-20']);
    // Another date, when Assembled support asks for one, is sent instead.
    await rt.callFromSidebar('saveSettings', { timeFormat: 'unix', apiVersion: '2026-05-24' });
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ apiVersion: '2026-05-24' });
    expect(await sentWith()).toEqual(['2026-05-24']);
  });

  it('tests the key and options typed in Settings before they are saved, and keeps the saved ones', async () => {
    type Report = { ok: boolean; unsaved: boolean; lines: { ok: boolean; message: string }[] };
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    const before = await rt.callFromSidebar<{ keyHint: string }>('getSettings');
    const wrong = 'sk_live_test_typed_but_wrong';
    const draft = (extra: object) => ({ timeFormat: 'unix', apiVersion: '', ...extra });

    // A mistyped key fails the test, in words that never echo it; the saved key stays and works.
    const typed = await rt.callFromSidebar<Report>('testConnection', draft({ apiKey: wrong }));
    expect(typed).toMatchObject({ ok: false, unsaved: true });
    expect(typed.lines[0]?.message).toMatch(/API key/);
    expect(JSON.stringify([typed, rt.logs.entries])).not.toContain(wrong);
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ keyHint: before.keyHint });
    expect(JSON.stringify(rt.properties.user.all())).not.toContain(wrong);
    expect(await rt.callFromSidebar<Report>('testConnection', draft({}))).toMatchObject({
      ok: true,
      unsaved: false,
    });

    // A new key Assembled issued passes before it is saved; so does the old one, still saved.
    const fresh = 'sk_live_test_freshly_issued';
    sim.issueKey(fresh);
    sim.revokeKey(key);
    expect(await rt.callFromSidebar<Report>('testConnection', draft({ apiKey: fresh }))).toMatchObject({
      ok: true,
      unsaved: true,
    });
    expect((await rt.callFromSidebar<Report>('testConnection', draft({}))).ok).toBe(false);

    // Options chosen but not saved are what is tested.
    sim.issueKey(key);
    const iso = await rt.callFromSidebar<Report>('testConnection', draft({ timeFormat: 'iso' }));
    expect(iso).toMatchObject({ ok: false, unsaved: true });
    expect(await rt.callFromSidebar('getSettings')).toMatchObject({ timeFormat: 'unix' });

    // A malformed key typed is refused before anything is sent.
    const sent = sim.stats().total;
    await expect(rt.callFromSidebar('testConnection', draft({ apiKey: 'not a key' }))).rejects.toThrow(
      /^The API key should start with sk_live_: copy the whole key from /,
    );
    // A test key is said to be one, by Test connection and by Save alike, not to hold spaces.
    for (const fn of ['testConnection', 'saveSettings'])
      await expect(rt.callFromSidebar(fn, draft({ apiKey: 'sk_test_demo_sam' }))).rejects.toThrow(
        /^This looks like a test key \(sk_test_…\); the add-on needs a live API key \(sk_live_…\)/,
      );
    expect(sim.stats().total).toBe(sent);
  });

  it("Save's check asks Assembled only whether it takes the key and the times: a request or two, not Test connection's", async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    const draft = (extra: object) => ({ timeFormat: 'unix', apiVersion: '', ...extra });
    /** The report of one call, the requests it sent (the runtime's count) and the routes they took. */
    const asked = async (fn: 'checkSettings' | 'testConnection', form: object) => {
      const sent = rt.counters.urlfetch.requests;
      const before = sim.stats().byRoute;
      const report = await rt.callFromSidebar<ConnectionReport>(fn, form);
      const after = sim.stats().byRoute;
      const routes = Object.keys(after).filter((r) => after[r] !== before[r]);
      return { report, requests: rt.counters.urlfetch.requests - sent, routes };
    };
    const fresh = 'sk_live_test_freshly_issued';
    sim.issueKey(fresh);
    // Taken, with times taken as sent: one request, where Test connection sends twenty-odd.
    const saving = await asked('checkSettings', draft({ apiKey: fresh }));
    expect(saving).toMatchObject({
      requests: 1,
      routes: ['GET /v0/agents/state'],
      report: { ok: true, keyRefused: false, unsaved: true },
    });
    expect(saving.report).not.toHaveProperty('takesTimesAs');
    expect((await asked('testConnection', draft({ apiKey: fresh }))).requests).toBeGreaterThan(15);
    // Times refused one way are tried the other: two requests, and Save is told which is taken.
    expect(await asked('checkSettings', draft({ apiKey: fresh, timeFormat: 'iso' }))).toMatchObject({
      requests: 2,
      report: { ok: false, keyRefused: false, takesTimesAs: 'unix' },
    });
    // A key refused: the one request says so.
    expect(await asked('checkSettings', draft({ apiKey: 'sk_live_test_never_issued' }))).toMatchObject({
      requests: 1,
      report: { ok: false, keyRefused: true },
    });
    // A key with no permission for agent states is taken all the same (403, not 401).
    const narrow = 'sk_live_test_no_agent_states';
    sim.issueKey(narrow, ['GET /v0/agents/state']);
    const denied = await asked('checkSettings', draft({ apiKey: narrow }));
    expect(denied).toMatchObject({ requests: 1, report: { keyRefused: false } });
    expect(denied.report).not.toHaveProperty('untold');
    // Nothing got as far as the key: the lightest read asks once more before Save says it could not tell.
    sim.setFaults({ errorRate: 1 });
    const down = await asked('checkSettings', draft({ apiKey: key }));
    expect(down.routes).toEqual(['GET /v0/agents/state', 'GET /v0/roles']);
    expect(down.report).toMatchObject({ keyRefused: false, untold: 'a server error on every check' });
  });

  it("Test connection reads the day's agent states once: its time-format probe asks for their first page alone", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const sent = rt.counters.urlfetch.requests;
    const states = sim.stats().byRoute['GET /v0/agents/state'] ?? 0;
    const report = await rt.callFromSidebar<ConnectionReport>('testConnection');
    const requests = rt.counters.urlfetch.requests - sent;
    const statePages = (sim.stats().byRoute['GET /v0/agents/state'] ?? 0) - states;
    expect(report.ok).toBe(true);
    expect(report.lines.find((l) => l.label === 'Send times as')?.summary).toBe(
      'Assembled takes times sent as Unix seconds',
    );
    // The simulated day's agent states are 7 pages: the check reads them all, the probe its first
    // page. It read every page for both: 14 of 34 requests.
    expect(statePages).toBe(8);
    expect(requests).toBeLessThanOrEqual(28);
  });

  it('Test connection stops once Assembled refuses the key: one refused call, the other checks not tried', async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    sim.revokeKey(key);
    const sent = sim.stats().total;
    const report = await rt.callFromSidebar<ConnectionReport>('testConnection');
    // One call refused, not one a check: each press of the button against a wrong key.
    expect(sim.stats().total - sent).toBe(1);
    expect(report).toMatchObject({ ok: false, keyRefused: true });
    const [refused, ...rest] = report.lines;
    expect(refused).toMatchObject({ status: 401, notRun: false });
    expect(rest.length).toBeGreaterThan(15);
    for (const line of rest)
      expect(line, line.label).toMatchObject({ notRun: true, summary: 'not run (the API key was refused)' });
  });

  it('a revoked key is reported in words, and the key appears in no log or message', async () => {
    const { rt, sim, key } = await startLocalAddon();
    sim.revokeKey(key);
    const report = await rt.callFromSidebar<ConnectionReport>('testConnection');
    expect(report.ok).toBe(false);
    expect(report.lines[0]?.message).toMatch(/API key/);
    // What to do, in Settings' words, then what Assembled itself said.
    expect(report.lines[0]?.summary).toMatch(
      /paste it above and test again\. Assembled said: "API key has been revoked"\.$/,
    );
    expect(JSON.stringify(report)).not.toContain(key);
    expect(JSON.stringify(rt.logs.entries)).not.toContain(key);
  });

  it("a save counts the caller's refreshes a refused key paused, which the new key does not resume; another editor's are not theirs", async () => {
    const { rt, sim, key } = await startLocalAddon({ mode: 'bound' });
    rt.workbook.addSheet('Teams');
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      {
        spec: {
          source: { kind: 'resource', resource: 'teams' },
          target: { kind: 'sheet', name: 'Teams' },
          mode: 'replace',
        },
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      'refresh-teams-01',
    );
    const options = { timeFormat: 'unix', apiVersion: '' };
    expect((await rt.callFromSidebar<SettingsView>('saveSettings', options)).pausedForKey).toBe(0);
    sim.revokeKey(key);
    const [run] = await rt.callFromSidebar<RefreshView[]>('runRefreshNow', saved?.id);
    expect(run?.paused).toBe(true);
    const fresh = 'sk_live_test_fresh_key_1';
    sim.issueKey(fresh);
    expect(
      (await rt.callFromSidebar<SettingsView>('saveSettings', { apiKey: fresh, ...options })).pausedForKey,
    ).toBe(1);
    // Still paused: resuming it is the owner's to do.
    expect((await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0]?.paused).toBe(true);
    const other = rt.asUser('editor@example.com');
    sim.issueKey('sk_live_test_editor_key');
    expect(
      (
        await other.callFromSidebar<SettingsView>('saveSettings', {
          apiKey: 'sk_live_test_editor_key',
          ...options,
        })
      ).pausedForKey,
    ).toBe(0);
  });
});
