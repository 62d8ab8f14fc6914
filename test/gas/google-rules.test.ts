// Rules of the real Apps Script that audits found the runtime lacked: scopes from the manifest,
// no active spreadsheet in an add-on's time-driven run, triggers per document, test deployments,
// limits in bytes, Utilities.sleep's cap, the daily trigger runtime, buffered writes, and the
// script's time zone taken from the manifest apart from the spreadsheet's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeOptions } from '../../dev/gas/index.js';
import { fixture } from './fixture.js';

const AUTH = 'https://www.googleapis.com/auth/';

const CODE = `
function who() { return Session.getActiveUser().getEmail(); }
function activeId() { var ss = SpreadsheetApp.getActive(); return ss ? ss.getId() : null; }
function openOther(id) { return SpreadsheetApp.openById(id).getName(); }
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>')); }
function fetchIt() { return UrlFetchApp.fetch('https://example.com/').getResponseCode(); }
function mail() { MailApp.sendEmail('a@example.com', 's', 'b'); }
function hourly() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); return 'ok'; }
function mine() {
  return [ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length, ScriptApp.getProjectTriggers().length];
}
function dropMine() {
  ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function tick() {
  var ss = SpreadsheetApp.getActive();
  var lock = LockService.getDocumentLock();
  PropertiesService.getDocumentProperties().setProperty('tick', String(ss ? 'active' : 'none') + ',' + (lock ? 'lock' : 'no lock'));
}
function busy() { Utilities.sleep(300000); Utilities.sleep(50000); }
function hourlyBusy() { ScriptApp.newTrigger('busy').timeBased().everyHours(1).create(); }
function sleepLong(ms) { Utilities.sleep(ms); }
function put(key, value) { PropertiesService.getDocumentProperties().setProperty(key, value); }
function cachePut(value) { CacheService.getScriptCache().put('k', value); }
function guarded(flush) {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  SpreadsheetApp.getActiveSheet().getRange('A1').setValue('x');
  if (flush) SpreadsheetApp.flush();
  lock.releaseLock();
}
function zones() {
  var d = new Date(Date.UTC(2026, 0, 1, 3, 0));
  return [Session.getScriptTimeZone(), SpreadsheetApp.getActive().getSpreadsheetTimeZone(), d.getHours()];
}
`;

/** A build folder with the test code and a manifest. */
function withManifest(manifest: object): string {
  const dir = fixture(CODE);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

function runtime(manifest: object, options: Omit<RuntimeOptions, 'buildDir'> = {}) {
  return createRuntime({ buildDir: withManifest(manifest), ...options });
}

const ALL = [
  `${AUTH}spreadsheets`,
  `${AUTH}script.external_request`,
  `${AUTH}script.container.ui`,
  `${AUTH}script.scriptapp`,
  `${AUTH}script.send_mail`,
  `${AUTH}userinfo.email`,
];

describe('scopes come from the manifest', () => {
  it.each([
    ['who', 'Session.getActiveUser', `${AUTH}userinfo.email`],
    ['openOther', 'SpreadsheetApp.openById', `${AUTH}spreadsheets`],
    ['sidebar', 'Ui.showSidebar', `${AUTH}script.container.ui`],
    ['fetchIt', 'UrlFetchApp.fetch', `${AUTH}script.external_request`],
    ['mail', 'MailApp.sendEmail', `${AUTH}script.send_mail`],
    ['hourly', 'ScriptApp.newTrigger', `${AUTH}script.scriptapp`],
  ])('%s fails without its scope, with Apps Script message', (fn, method, scope) => {
    const rt = runtime({ timeZone: 'Etc/UTC', oauthScopes: ALL.filter((s) => s !== scope) });
    const r = rt.run(fn, rt.documentId);
    expect(r.error?.message).toBe(
      `You do not have permission to call ${method}. Required permissions: ${scope}`,
    );
    const allowed = runtime(
      { timeZone: 'Etc/UTC', oauthScopes: ALL },
      { http: () => ({ status: 200, headers: {}, body: '', delayMs: 0 }) },
    );
    expect(allowed.run(fn, allowed.documentId).error).toBeUndefined();
  });

  it('lets spreadsheets.currentonly open the active spreadsheet but not another by id', () => {
    const rt = runtime({ oauthScopes: [`${AUTH}spreadsheets.currentonly`] });
    expect(rt.run('activeId').value).toBe(rt.documentId);
    expect(rt.run('openOther', rt.documentId).error?.message).toBe(
      `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${AUTH}spreadsheets`,
    );
    expect(runtime({ oauthScopes: [] }).run('activeId').error?.message).toBe(
      `You do not have permission to call SpreadsheetApp.getActive. Required permissions: (${AUTH}spreadsheets.currentonly || ${AUTH}spreadsheets)`,
    );
  });

  it('grants every scope to a build without a manifest (Apps Script detects them)', () => {
    const rt = createRuntime({ buildDir: fixture(CODE) });
    expect(rt.run('who').value).toBe('analyst@example.com');
  });
});

describe('an add-on in several spreadsheets', () => {
  it('gives an add-on time-driven run no active spreadsheet and no document lock, but its document properties', () => {
    const rt = runtime({ oauthScopes: ALL });
    expect(rt.run('hourly').value).toBe('ok');
    rt.clock.advance(3_600_000);
    expect(rt.properties.document.get('tick')).toBe('none,no lock');
    rt.run('tick');
    expect(rt.properties.document.get('tick')).toBe('active,lock');
  });

  it('keeps the active spreadsheet of a bound script in its time-driven runs', () => {
    const rt = runtime({ oauthScopes: ALL }, { mode: 'bound' });
    rt.run('hourly');
    rt.clock.advance(3_600_000);
    expect(rt.properties.document.get('tick')).toBe('active,lock');
  });

  it('opens another spreadsheet by id, and lists and deletes triggers per document', () => {
    const a = runtime({ oauthScopes: ALL });
    const b = a.newSpreadsheet('Second');
    expect(a.run('openOther', b.documentId).value).toBe('Second');
    expect(a.run('hourly').value).toBe('ok');
    expect(a.run('hourly').error?.message).toMatch(/too many time-based triggers in this document/);
    expect(b.run('hourly').value).toBe('ok');
    expect(a.run('mine').value).toEqual([1, 2]);
    b.run('dropMine');
    expect(a.run('mine').value).toEqual([1, 1]);
    expect(a.triggers().map((t) => t.documentId)).toEqual([a.documentId]);
    // Each spreadsheet's Document properties and time-driven runs are its own.
    a.clock.advance(3_600_000);
    expect(a.properties.document.get('tick')).toBe('none,no lock');
    expect(b.properties.document.get('tick')).toBeNull();
  });

  it('refuses installable triggers in a test deployment of the add-on', () => {
    const rt = runtime({ oauthScopes: ALL }, { testDeployment: true });
    expect(rt.run('hourly').error?.message).toBe(
      'Installable triggers are not supported in a test deployment of an Editor add-on.',
    );
  });
});

describe('limits', () => {
  it('refuses Utilities.sleep past 5 minutes', () => {
    const rt = createRuntime({ buildDir: fixture(CODE) });
    expect(rt.run('sleepLong', 300_000).error).toBeUndefined();
    expect(rt.run('sleepLong', 300_001).error?.message).toBe('Invalid argument: milliseconds');
  });

  it('measures property values and cache values in UTF-8 bytes', () => {
    const rt = createRuntime({ buildDir: fixture(CODE) });
    // 3,100 euro signs are 9,300 bytes: under 9 KB in characters, over it in bytes.
    expect(rt.run('put', 'k', '€'.repeat(3_000)).error).toBeUndefined();
    expect(rt.run('put', 'k', '€'.repeat(3_100)).error?.message).toBe('Argument too large: value');
    expect(rt.run('cachePut', '€'.repeat(34_000)).error).toBeUndefined();
    expect(rt.run('cachePut', '€'.repeat(35_000)).error?.message).toBe('Argument too large: value');
  });

  it('ends time-driven runs once the user has used the day’s trigger runtime', () => {
    const rt = runtime(
      { oauthScopes: ALL },
      { triggerRuntimePerDayMs: 10 * 60_000, now: '2026-03-02T17:00:00Z' },
    );
    rt.run('hourlyBusy');
    // Each run takes 350 s: the second is cut off at the 10-minute mark, the third never starts.
    const fired = rt.clock.advance(3 * 3_600_000);
    const quota = 'Service using too much computer time for one day';
    expect(fired.map((f) => f.result.error?.message ?? 'ok')).toEqual(['ok', quota, quota]);
    expect(fired[1]?.result.killed).toBe(true);
    expect(fired[2]?.result.durationMs).toBe(0);
    // A new Pacific-time day brings a new allowance; runs from the editor or a sidebar never count.
    expect(rt.run('busy').error).toBeUndefined();
    const tomorrow = rt.clock.advance(24 * 3_600_000).map((f) => f.result.error?.message ?? 'ok');
    expect(tomorrow.filter((m) => m === 'ok')).toHaveLength(1);
  });

  it('counts a lock released over unflushed spreadsheet writes', () => {
    const rt = createRuntime({ buildDir: fixture(CODE) });
    rt.run('guarded', true);
    expect(rt.counters.lock.releasedUnflushed).toBe(0);
    rt.run('guarded', false);
    expect(rt.counters.lock.releasedUnflushed).toBe(1);
  });
});

describe('time zones', () => {
  it('runs Date in the manifest’s script zone, apart from the spreadsheet’s zone', () => {
    const rt = runtime({ timeZone: 'Etc/UTC' }, { timezone: 'America/New_York' });
    expect(rt.run('zones').value).toEqual(['Etc/UTC', 'America/New_York', 3]);
    const bare = createRuntime({ buildDir: fixture(CODE), timezone: 'America/New_York' });
    expect(bare.run('zones').value).toEqual(['America/New_York', 'America/New_York', 22]);
  });
});
