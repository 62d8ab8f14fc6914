// The Connected Sheets view of a BigQuery load, through the built bundle: added once, refreshed by
// later loads, made by the user who asked (also from a time-driven refresh, where no spreadsheet is
// active), and never failing the load: its failure is said in words beside the rows loaded.
import { describe, expect, it } from 'vitest';
import manifest from '../../appsscript.json' with { type: 'json' };
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const P = 'team-analytics';
const READONLY = 'https://www.googleapis.com/auth/bigquery.readonly';
const day = (d: string) => ({ kind: 'absolute', from: d, to: d }) as const;
const states = (range: object, view = true) => ({
  source: { kind: 'resource', resource: 'agent_states' },
  range,
  target: { kind: 'bigquery', project: P, dataset: 'wfm', table: 'agent_states', ...(view ? { view } : {}) },
  mode: 'append',
});
let keys = 0;
const key = () => `cs-key-${String(++keys).padStart(6, '0')}`;

async function addon(
  options: { connectedSheets?: boolean | string[]; oauthScopes?: string[]; dataExecutionMs?: number } = {},
) {
  const local = await startLocalAddon({ dialect: 'live', ...options });
  local.rt.bigquery.addProject(P);
  return local;
}

const views = (rt: LocalRuntime) =>
  rt.workbook.sheetNames().filter((name) => rt.workbook.dataSource(name) !== null);
const loaded = (rt: LocalRuntime) => rt.bigquery.rows(P, 'wfm', 'agent_states').length;
const lastLog = (rt: LocalRuntime) => (rt.workbook.values('Assembled log') as unknown[][]).at(-1);

describe('Connected Sheets view of a BigQuery load', () => {
  it('adds a view named after the table, then refreshes it on the next load (never a second)', async () => {
    const { rt } = await addon();
    const first = await pullToEnd(rt, states(day('2026-05-21')), key());
    expect(first.state).toBe('done');
    expect(first.message).toMatch(
      /rows appended to team-analytics\.wfm\.agent_states .* The Connected Sheets view "agent_states" was added\. https:\/\/console\.cloud\.google\.com\/\S+$/,
    );
    expect(views(rt)).toEqual(['agent_states']);
    const view = rt.workbook.dataSource('agent_states');
    expect(view).toMatchObject({
      state: 'SUCCESS',
      runBy: 'analyst@example.com',
      spec: { projectId: P, tableProjectId: P, datasetId: 'wfm', tableId: 'agent_states' },
    });
    expect(view?.rows).toHaveLength(Math.min(500, loaded(rt)));
    expect(lastLog(rt)).toEqual(
      expect.arrayContaining([
        'BigQuery team-analytics.wfm.agent_states + Connected Sheets view',
        'done',
        first.message,
      ]),
    );
    // The user renames the tab: it is still the view, found by its table.
    rt.workbook.renameSheet('agent_states', 'States (BigQuery)');
    const second = await pullToEnd(rt, states(day('2026-05-22')), key());
    expect(second.message).toMatch(
      /The Connected Sheets view "agent_states" was refreshed\. https:\/\/console\.cloud\.google\.com\/\S+$/,
    );
    expect(views(rt)).toEqual(['States (BigQuery)']);
    const refreshed = rt.workbook.dataSource('States (BigQuery)');
    expect(refreshed?.lastRefreshedAt).toBeGreaterThan(view?.lastRefreshedAt ?? Infinity);
    // Without the option, a load leaves the view alone.
    const plain = await pullToEnd(rt, states(day('2026-05-23'), false), key());
    expect(plain.message).not.toMatch(/Connected Sheets/);
    expect(rt.workbook.dataSource('States (BigQuery)')?.lastRefreshedAt).toBe(refreshed?.lastRefreshedAt);
  });

  it('a view the user made before the table existed (in error) is refreshed by force, not doubled', async () => {
    const { rt } = await addon();
    rt.workbook.addDataSourceSheet('My states', { projectId: P, datasetId: 'wfm', tableId: 'agent_states' });
    await rt.clock.advanceAsync(10_000);
    expect(rt.workbook.dataSource('My states')).toMatchObject({ state: 'ERROR' });
    const job = await pullToEnd(rt, states(day('2026-05-21')), key());
    expect(job.message).toMatch(
      /The Connected Sheets view "agent_states" was refreshed\. https:\/\/console\.cloud\.google\.com\/\S+$/,
    );
    expect(views(rt)).toEqual(['My states']);
    expect(rt.workbook.dataSource('My states')).toMatchObject({ state: 'SUCCESS', errorMessage: '' });
  });

  it('an account without Connected Sheets: the load is done, the view failure said in words', async () => {
    const { rt } = await addon({ connectedSheets: false });
    const job = await pullToEnd(rt, states(day('2026-05-21')), key());
    expect(job.state).toBe('done');
    expect(job.rows).toBe(loaded(rt));
    const failure =
      'The Connected Sheets view could not be added: Connected Sheets is not available for your account.';
    expect(job.message).toMatch(
      new RegExp(
        `^${job.rows.toLocaleString('en-US')} rows appended to .* ${failure.replace(/\./g, '\\.')} https://`,
      ),
    );
    expect(lastLog(rt)).toEqual(expect.arrayContaining(['done', job.rows, job.message]));
    expect(views(rt)).toEqual([]);
  });

  it('a view slower than the wait is still reported added; Sheets fills it afterwards', async () => {
    const { rt } = await addon({ dataExecutionMs: 90_000 });
    const job = await pullToEnd(rt, states(day('2026-05-21')), key());
    expect(job.message).toMatch(
      /The Connected Sheets view "agent_states" was added\. https:\/\/console\.cloud\.google\.com\/\S+$/,
    );
    expect(rt.workbook.dataSource('agent_states')?.state).toBe('RUNNING');
    await rt.clock.advanceAsync(60_000);
    expect(rt.workbook.dataSource('agent_states')?.rows).toHaveLength(Math.min(500, loaded(rt)));
  });

  it('asks for bigquery.readonly before the load starts; a manifest without it is refused in Google words', async () => {
    const { rt } = await addon({ oauthScopes: manifest.oauthScopes.filter((s) => s !== READONLY) });
    await expect(rt.callFromSidebar('startPull', states(day('2026-05-21')), key())).rejects.toThrow(
      `You do not have permission to call ScriptApp.requireScopes. Required permissions: ${READONLY}`,
    );
    expect(rt.bigquery.jobList()).toEqual([]);
    // The same load without the view needs only the BigQuery scope.
    expect((await pullToEnd(rt, states(day('2026-05-21'), false), key())).state).toBe('done');
  });

  it('a time-driven refresh of another user adds then refreshes the view as that user; an editor’s own load refreshes it as them', async () => {
    const { rt, key: apiKey } = await addon();
    const lead = rt.asUser('lead@example.com');
    await lead.callFromSidebar('saveSettings', { apiKey, timeFormat: 'unix', apiVersion: '' });
    await lead.callFromSidebar(
      'saveRefresh',
      {
        spec: states({ kind: 'relative', preset: 'yesterday' }),
        frequency: { kind: 'daily', hour: 7 },
        notifyByEmail: false,
      },
      'cs-refresh-01',
    );
    // A sheet of the table's name is there already: it keeps it, the view takes a free name.
    rt.workbook.addSheet('agent_states');
    await rt.clock.advanceAsync(86_400_000);
    const [name = ''] = views(rt);
    expect(views(rt)).toEqual([expect.stringMatching(/^Sheet\d+$/)]);
    const made = rt.workbook.dataSource(name);
    expect(made).toMatchObject({ state: 'SUCCESS', runBy: 'lead@example.com' });
    expect(lastLog(rt)?.slice(-4)).toEqual([
      'done',
      expect.any(Number),
      expect.any(Number),
      expect.stringMatching(/ The Connected Sheets view "agent_states" was added\. https:/),
    ]);
    expect(rt.executions.some((e) => e.kind === 'time-trigger' && e.user === 'lead@example.com')).toBe(true);
    await rt.clock.advanceAsync(86_400_000);
    expect(views(rt)).toEqual([name]);
    expect(rt.workbook.dataSource(name)?.lastRefreshedAt).toBeGreaterThan(made?.lastRefreshedAt ?? Infinity);
    expect(lastLog(rt)).toEqual(
      expect.arrayContaining([
        'lead@example.com',
        'done',
        expect.stringMatching(/ The Connected Sheets view "agent_states" was refreshed\. https:/),
      ]),
    );
    // Another editor's own load of the same table refreshes the same view, as themselves.
    const mine = await pullToEnd(rt, states(day('2026-05-20')), key());
    expect(mine.message).toMatch(
      /The Connected Sheets view "agent_states" was refreshed\. https:\/\/console\.cloud\.google\.com\/\S+$/,
    );
    expect(views(rt)).toEqual([name]);
    expect(rt.workbook.dataSource(name)?.runBy).toBe('analyst@example.com');
  });
});
