// The add-on's "Assembled log" stays out of the way, after the person's data tabs: a sheet made for a
// pull (or a push template) goes just before the log while the log is last, where each new sheet was
// added after it (QA: tabs read People, Assembled log, Teams, Sites, Queues). A log with a sheet of
// the person's own after it is left where it is.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

const list = (resource: string, name: string) => ({
  source: { kind: 'resource', resource },
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});

describe('the log sheet stays last', () => {
  it('pulls into new sheets go before the log the first pull made last', async () => {
    const { rt } = await startLocalAddon();
    expect((await pullToEnd(rt, list('people', 'People'), 'log-last-people-0001')).state).toBe('done');
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'People', 'Assembled log']);
    expect((await pullToEnd(rt, list('teams', 'Teams'), 'log-last-teams-0001')).state).toBe('done');
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'People', 'Teams', 'Assembled log']);
    // The log has both runs.
    expect(rt.workbook.values('Assembled log')).toHaveLength(3);
  });

  it('so does a report made by a poll, behind the staging sheets it wrote through, and a push template', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live' });
    await pullToEnd(rt, list('teams', 'Teams'), 'log-last-teams-0002');
    const adherence = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'absolute', from: '2026-05-20', to: '2026-05-20' },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    };
    const job = await pullToEnd(rt, adherence, 'log-last-adherence-0001');
    expect(job.state).toBe('done');
    const { sheet } = await rt.callFromSidebar<{ sheet: string }>('insertPushTemplate', 'time_off');
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'Teams', 'Adherence', sheet, 'Assembled log']);
  });

  it('a log with a sheet of the person own after it is not moved: new sheets go at the end', async () => {
    const { rt } = await startLocalAddon();
    await pullToEnd(rt, list('people', 'People'), 'log-last-people-0002');
    rt.workbook.addSheet('Notes');
    await pullToEnd(rt, list('teams', 'Teams'), 'log-last-teams-0003');
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1', 'People', 'Assembled log', 'Notes', 'Teams']);
  });
});
