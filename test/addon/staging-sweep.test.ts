// A pull's hidden staging sheets go when it ends. An execution cut short (the 6-minute limit) after
// the job's end is saved and before they are deleted used to leave them in the spreadsheet for good,
// taking cell room: the next pull started sweeps them, keeping those of a pull still under way,
// another editor's too, and every sheet of the users'.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import { isTerminal, type PullJob } from '../../src/core/jobs/pull-job';
import type { JobView } from '../../src/core/pull/pull-view';
import { isStageSheet, stageName } from '../../src/core/pull/staging';

/** A killed execution's hold on the spreadsheet lapses when it would have ended. */
const LEASE_LAPSE_MS = 7 * 60_000;

let keys = 0;
const key = () => `sweep-key-${String(++keys).padStart(6, '0')}`;

const adherence = (name: string) => ({
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'absolute', from: '2026-05-18', to: '2026-05-24' },
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});

/** While set, Assembled fails to list people: a pull's write, which names the agents, waits to try again. */
let peopleDown = false;

/** A pull whose report is read and staged, its write waiting to try again as people fail to list. */
async function staged(rt: LocalRuntime, name: string): Promise<JobView> {
  peopleDown = true;
  let job = await rt.callFromSidebar<JobView>('startPull', adherence(name), key());
  for (let i = 0; i < 20 && stagingOf(rt, job.id).length === 0; i++) {
    rt.clock.advance(job.nextPollInMs);
    job = await rt.callFromSidebar<JobView>('pollPull', job.id);
  }
  peopleDown = false;
  expect(job).toMatchObject({ state: 'writing', message: expect.stringMatching(/HTTP 503.*people/) });
  return job;
}

const stagingOf = (rt: LocalRuntime, id: string) =>
  rt.workbook.sheetNames().filter((n) => n === stageName(id, 'pages') || n === stageName(id, 'table'));

const saved = (rt: LocalRuntime, id: string) =>
  JSON.parse(rt.properties.document.get(`assembled.job.${id}`) ?? '{}') as PullJob;

/**
 * Stops the pull with the execution cut short right after the job's end is saved, before its
 * staging is deleted: each try is killed one Spreadsheet call later than the last, until one ends
 * the job. Returns how many tries were killed before it.
 */
async function stopKilledAfterSave(rt: LocalRuntime, id: string): Promise<number> {
  for (let call = 1; call <= 60; call++) {
    rt.killAfter('spreadsheet', call);
    await expect(rt.callFromSidebar('stopPull', id)).rejects.toThrow(/Exceeded maximum execution time/);
    rt.clock.advance(LEASE_LAPSE_MS);
    if (isTerminal(saved(rt, id))) return call;
  }
  throw new Error('stopPull never saved the end of the job');
}

describe('Pull data, staging sheets left by an execution cut short', () => {
  it('go when the next pull starts; a pull still under way, another editor’s, keeps its own', async () => {
    const { rt, backend } = await startLocalAddon();
    rt.setHttp((request) =>
      peopleDown && /\/v0\/people/.test(request.url)
        ? { status: 503, headers: {}, body: '{"error":"unavailable"}', delayMs: 0 }
        : backend.http(request),
    );
    const lead = rt.asUser('lead@example.com');
    await lead.callFromSidebar('saveSettings', {
      apiKey: backend.key,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
    // The user's own sheets, one hidden, one named much like the add-on's: never the sweep's.
    rt.workbook.addSheet('Archive');
    rt.workbook.write('Archive', [['kept']]);
    rt.workbook.hideSheet('Archive');
    rt.workbook.addSheet('~assembled-staging notes');

    // The lead's pull is staged and waits to be written; no trigger carries it on meanwhile.
    const running = await staged(lead, 'Lead');
    const leadStaging = stagingOf(rt, running.id);
    expect(leadStaging).not.toEqual([]);

    // The analyst's pull is stopped, and the execution cut short before its staging goes.
    const stopped = await staged(rt, 'Mine');
    lead.removeTriggers();
    rt.removeTriggers();
    const left = stagingOf(rt, stopped.id);
    expect(left).not.toEqual([]);
    await stopKilledAfterSave(rt, stopped.id);
    expect(saved(rt, stopped.id).state).toBe('failed');
    expect(stagingOf(rt, stopped.id)).toEqual(left);

    // The next pull sweeps them: the analyst's, started while the lead's pull is under way.
    const people = await rt.callFromSidebar<JobView>(
      'startPull',
      {
        source: { kind: 'resource', resource: 'people' },
        target: { kind: 'new_sheet', name: 'People' },
        mode: 'replace',
      },
      key(),
    );
    expect(people.state).toBe('done');
    expect(stagingOf(rt, stopped.id)).toEqual([]);
    expect(stagingOf(rt, running.id)).toEqual(leadStaging);
    expect(rt.workbook.values('Archive')).toEqual([['kept']]);
    expect(rt.workbook.sheetNames()).toContain('~assembled-staging notes');

    // The lead's pull carries on from its staging and lands whole; then nothing is left staged.
    let job = running;
    for (let i = 0; i < 20 && job.nextPollInMs > 0; i++) {
      lead.clock.advance(job.nextPollInMs);
      job = await lead.callFromSidebar<JobView>('pollPull', job.id);
    }
    expect(job.state).toBe('done');
    expect(job.message).toMatch(/^[\d,]+ rows written to Lead!A1\.$/);
    expect(rt.workbook.values('Lead').length).toBe((job.rows ?? 0) + 1);
    expect(rt.workbook.sheetNames().filter(isStageSheet)).toEqual([]);
  });
});
