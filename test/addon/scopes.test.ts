// The manifest's oauthScopes are the whole truth on Google: every entry point must run under
// exactly them, and each scope listed must be needed by something.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../build/appsscript.json'), 'utf8'));
const SCOPES: string[] = manifest.oauthScopes;

const lastWeek = { kind: 'relative', preset: 'last_week' };

/** Moves the clock an hour at a time, letting the worker's event loop breathe in between. */
async function advance(rt: LocalRuntime, hours: number) {
  const fired = [];
  for (let h = 0; h < hours; h++) {
    fired.push(...rt.clock.advance(3_600_000));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return fired;
}

/** Every entry point once, as a user and the add-on's triggers would run them; returns every error. */
async function everyEntryPoint(rt: LocalRuntime): Promise<string[]> {
  const errors: string[] = [];
  const call = async (fn: string, ...args: unknown[]) => {
    try {
      const result = await rt.callFromSidebar(fn, ...args);
      // A refusal met while installing the background trigger is said in the view's notice.
      for (const view of [result].flat() as { notice?: string }[])
        if (view?.notice) errors.push(`${fn}: ${view.notice}`);
      return result;
    } catch (e) {
      errors.push(`${fn}: ${(e as Error).message}`);
      return undefined;
    }
  };
  for (const r of [rt.runAsTrigger('onOpen', { authMode: 'NONE' }), rt.runAsTrigger('onInstall')])
    if (r.error) errors.push(`${r.fnName}: ${r.error.message}`);
  for (const item of ['Pull data…', 'Push rows…', 'Scheduled refreshes…', 'Settings…']) {
    const r = rt.ui.click(item);
    if (r.error) errors.push(`${item}: ${r.error.message}`);
  }
  await call('getSettings');
  await call('testConnection');
  await call('checkSettings');
  await call('getPullOptions');
  await call('previewRange', lastWeek);
  await call('listChoices', 'teams');
  await call(
    'startPull',
    {
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'new_sheet', name: 'People' },
      mode: 'replace',
    },
    'scope-pull-people',
  );
  // Into BigQuery, with a Connected Sheets view: the scopes are asked for again here (granular consent).
  rt.bigquery.addProject('scope-project');
  await call(
    'startPull',
    {
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'bigquery', project: 'scope-project', dataset: 'wfm', table: 'people', view: true },
      mode: 'replace',
    },
    'scope-pull-bigquery',
  );
  // A report finishes in the background: the dispatcher trigger opens the spreadsheet by id.
  const job = (await call(
    'startPull',
    {
      source: { kind: 'report', report: 'handle_time', granularity: 'week' },
      range: lastWeek,
      target: { kind: 'new_sheet', name: 'AHT' },
      mode: 'replace',
    },
    'scope-pull-report',
  )) as JobView | undefined;
  const refresh = {
    spec: {
      source: { kind: 'resource', resource: 'people' },
      target: { kind: 'new_sheet', name: 'People' },
      mode: 'replace',
    },
    frequency: { kind: 'daily', hour: 7 },
    notifyByEmail: true,
  };
  await call('saveRefresh', refresh, 'scope-refresh-1');
  await call('listRefreshes');
  await call('pauseRefresh', 'scope-refresh-1');
  await call('resumeRefresh', 'scope-refresh-1');
  await call('runRefreshNow', 'scope-refresh-1');
  await call('getPushOptions');
  await call('insertPushTemplate', 'time_off');
  await call('validatePush', 'time_off');
  await call('startPush', 'time_off', 'scope-push-0001');
  await call('syncTimeOff');
  for (const fired of await advance(rt, 3))
    if (fired.result.error) errors.push(`${fired.handler}: ${fired.result.error.message}`);
  if (job) await call('pollPull', job.id);
  // A failing refresh e-mails its owner from the trigger: the key is revoked first.
  rt.properties.user.set('assembled.apiKey', JSON.stringify('revoked-key'));
  await call('runRefreshNow', 'scope-refresh-1');
  for (const fired of await advance(rt, 25))
    if (fired.result.error) errors.push(`${fired.handler}: ${fired.result.error.message}`);
  await call('deleteRefresh', 'scope-refresh-1');
  return errors;
}

describe('OAuth scopes', () => {
  it('every entry point runs under exactly the manifest’s scopes', async () => {
    const { rt } = await startLocalAddon();
    const errors = await everyEntryPoint(rt);
    expect(errors.filter((e) => /permission/i.test(e))).toEqual([]);
    const denied = Object.values(rt.counters.snapshot()).reduce(
      (n, group) => n + ((group as { denied?: number }).denied ?? 0),
      0,
    );
    expect(denied).toBe(0);
    expect(rt.mail.length).toBeGreaterThan(0);
    // Sheet writes are buffered: every lock guarding them was released after a flush.
    expect(rt.counters.lock.acquired).toBeGreaterThan(10);
    expect(rt.counters.lock.releasedUnflushed).toBe(0);
    expect(rt.workbook.values('AHT').length).toBeGreaterThan(1);
  });

  it.each(SCOPES)('%s is needed by something', async (scope) => {
    // Without the full spreadsheets scope, the narrower currentonly one is still not enough.
    const narrower = scope.endsWith('/spreadsheets') ? [`${scope}.currentonly`] : [];
    const { rt } = await startLocalAddon({
      oauthScopes: [...SCOPES.filter((s) => s !== scope), ...narrower],
    });
    const errors = await everyEntryPoint(rt);
    expect(errors.join('\n')).toContain(`Required permissions: ${scope}`);
  });
});
