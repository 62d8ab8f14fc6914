import { describe, expect, it } from 'vitest';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { advancePull, runDuePulls, startPull, stopPull } from '../../src/core/pull/run-pull';
import type { MemoryGrid } from '../sheet/memory-grid';
import { coreSetup as setup } from '../support/core-deps';

const people: PullSpec = {
  source: { kind: 'resource', resource: 'people' },
  filters: {},
  target: { kind: 'new_sheet', name: 'People' },
  mode: 'replace',
};
const adherence: PullSpec = {
  source: { kind: 'report', report: 'adherence', granularity: 'day' },
  range: { kind: 'relative', preset: 'last_7_days' },
  filters: {},
  target: { kind: 'new_sheet', name: 'Adherence' },
  mode: 'replace',
};

describe.each(['seed', 'live'] as const)('pull jobs (%s dialect)', (dialect) => {
  it('pulls a resource into a sheet in one turn and logs the run', () => {
    const { deps, grids, logs } = setup(dialect);
    const turn = { deadline: Number.POSITIVE_INFINITY, wait: false };
    const job = advancePull(deps, startPull(deps, people, 'key-people-0001').id, turn);
    expect(job.state).toBe('done');
    const grid = grids.get('People') as MemoryGrid;
    expect(grid.text()[0]?.slice(0, 3)).toEqual(['ID', 'Agent ID', 'Agent name']);
    expect(job.rows).toBe(grid.used().rows - 1);
    expect(job.rows).toBeGreaterThan(50);
    expect(logs).toMatchObject([
      { status: 'done', what: 'People (Replace)', target: 'People', rows: job.rows },
    ]);
  });

  it('starts a report, polls it with backoff until complete, then writes its rows', () => {
    const { deps, clock, grids, http } = setup(dialect);
    const startedAt = clock.now();
    let job = advancePull(deps, startPull(deps, adherence, 'key-adherence-1').id);
    expect(job).toMatchObject({ state: 'running', nextPollAt: startedAt + 10_000 });
    expect(job.range).toMatchObject({ from: '2026-05-18', to: '2026-05-24' });
    // Not due yet: nothing is sent.
    const sent = http.sent.length;
    expect(advancePull(deps, job.id).state).toBe('running');
    expect(http.sent.length).toBe(sent);
    while (job.state === 'running') {
      clock.advance(job.nextPollAt - clock.now());
      job = advancePull(deps, job.id);
    }
    // Then a step at a time: pages read, the table staged, published.
    for (let i = 0; i < 50 && job.state !== 'done'; i++) job = advancePull(deps, job.id);
    expect(job.state).toBe('done');
    expect(job.rows).toBeGreaterThan(0);
    expect((grids.get('Adherence') as MemoryGrid).used().rows).toBe((job.rows ?? 0) + 1);
    // The staging sheets are gone with the job.
    expect([...grids.keys()]).toEqual(['Adherence']);
  });
});

describe('pull jobs', () => {
  it('a replace stops at its end when an Action is typed beside the table while it writes', () => {
    const { deps, grids } = setup();
    const first = advancePull(deps, startPull(deps, people, 'key-people-0001').id, {
      deadline: Number.POSITIVE_INFINITY,
      wait: false,
    });
    expect(first.state).toBe('done');
    const grid = grids.get('People') as MemoryGrid;
    const width = grid.used().cols;
    grid.write(1, width + 1, [['Action', 'Push status']]);
    let job = advancePull(deps, startPull(deps, people, 'key-people-0002').id);
    for (let i = 0; i < 50 && !job.write; i++) job = advancePull(deps, job.id);
    expect(job).toMatchObject({ state: 'writing', write: { done: 0 } });
    // Typed after the write began: the end of the write finds it.
    grid.write(3, width + 1, [['update']]);
    const before = grid.text();
    for (let i = 0; i < 50 && job.state === 'writing'; i++) job = advancePull(deps, job.id);
    expect(job).toMatchObject({ state: 'failed' });
    expect(job.message).toContain('An Action beside the table is not pushed yet (row 3).');
    expect(grid.text()).toEqual(before);
  });

  it("stops a pull at its owner's word: nothing more is sent or written, its staging goes", () => {
    const { deps, clock, grids, http, logs } = setup();
    let job = advancePull(deps, startPull(deps, adherence, 'key-stop-0001').id);
    expect(job.state).toBe('running');
    // Another editor cannot stop it: it is not theirs.
    expect(() =>
      stopPull({ ...deps, user: { id: 'someone-else', email: 'b@example.com' } }, job.id),
    ).toThrow();
    job = stopPull(deps, job.id);
    expect(job).toMatchObject({
      state: 'failed',
      failure: 'stopped',
      message: 'Stopped: nothing was written, and the target is as it was.',
    });
    expect(logs.at(-1)).toMatchObject({
      status: 'stopped',
      what: expect.stringMatching(/^Adherence report/),
    });
    const sent = http.sent.length;
    clock.advance(3_600_000);
    expect(advancePull(deps, job.id).state).toBe('failed');
    expect(http.sent.length).toBe(sent);
    expect(grids.size).toBe(0);
    // Stopping it again changes nothing.
    expect(stopPull(deps, job.id)).toEqual(job);
    // A scheduled refresh's run is stopped from its card, not from a pull sidebar.
    const run = startPull(deps, adherence, 'key-stop-0002', { id: 'refresh-1' });
    expect(() => stopPull(deps, run.id)).toThrow(/scheduled refresh's run: stop it on its card/);
  });

  it('stopped while a replace is staged, the target keeps its old table and the staging goes', () => {
    const { deps, grids } = setup();
    advancePull(deps, startPull(deps, people, 'key-people-0001').id, {
      deadline: Number.POSITIVE_INFINITY,
      wait: false,
    });
    const grid = grids.get('People') as MemoryGrid;
    const before = grid.text();
    let job = advancePull(deps, startPull(deps, people, 'key-people-0002').id);
    for (let i = 0; i < 50 && !job.write; i++) job = advancePull(deps, job.id);
    expect(job).toMatchObject({ state: 'writing', write: { done: 0 } });
    // Its rows are in the staging sheet, not yet copied onto the target.
    job = advancePull(deps, job.id);
    expect(job.state).toBe('writing');
    expect(job.write?.done).toBeGreaterThan(0);
    expect(grids.size).toBeGreaterThan(1);
    job = stopPull(deps, job.id);
    expect(job).toMatchObject({
      message: 'Stopped: nothing was written, and the target is as it was.',
      rows: 0,
    });
    expect(grid.text()).toEqual(before);
    expect([...grids.keys()]).toEqual(['People']);
  });

  it('gives one job for one key, however often it is started', () => {
    const { deps, http } = setup();
    const a = startPull(deps, adherence, 'same-key-0001');
    advancePull(deps, a.id);
    const b = startPull(deps, adherence, 'same-key-0001');
    advancePull(deps, b.id);
    expect(b.id).toBe(a.id);
    expect(http.sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a bad key fails the job with words about the key and leaves the sheet untouched', () => {
    const { deps, grids, logs } = setup('seed', 'not-a-key');
    const job = advancePull(deps, startPull(deps, people, 'key-badkey-01').id);
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/API key/);
    expect(job.message).not.toMatch(/not-a-key/);
    expect(grids.size).toBe(0);
    expect(logs[0]).toMatchObject({ status: 'failed' });
  });

  it('names every problem of a bad spec and saves no job', () => {
    const { deps } = setup();
    expect(() =>
      startPull(
        deps,
        { ...people, range: { kind: 'relative', preset: 'today' }, filters: { queue_ids: ['q'] } },
        'k-bad-spec-1',
      ),
    ).toThrow(/People takes no date range\. People cannot be filtered by queue_ids/);
    expect(() => startPull(deps, { ...adherence, range: undefined }, 'k-bad-spec-2')).toThrow(
      /needs a date range/,
    );
  });

  it('refuses a merge by key with no key column at once, before asking Assembled for the report', () => {
    const { deps, http } = setup();
    const merge = { ...adherence, mode: 'merge' as const };
    for (const mergeKey of ['', ' , ,', '  ']) {
      expect(() => startPull(deps, { ...merge, mergeKey }, `k-no-key-${mergeKey.length}`)).toThrow(
        'Merge by key needs at least one key column: type its header, such as "Agent ID, Start, End".',
      );
    }
    expect(() => startPull(deps, { ...merge, mergeKey: 'Agent ID,,Start' }, 'k-blank-key')).toThrow(
      'Merge by key: "Agent ID,,Start" has a blank between commas: remove the extra comma.',
    );
    expect(http.sent).toEqual([]);
    // Replace and append keep no key: a blank one left over is no matter.
    expect(startPull(deps, { ...adherence, mergeKey: '' }, 'k-replace-key').state).toBe('queued');
  });

  it('the dispatcher carries a job to its end and the trigger is asked for on start', () => {
    const s = setup();
    const job = startPull(s.deps, adherence, 'key-dispatch-1');
    expect(s.triggers()).toBe(1);
    for (let i = 0; i < 20; i++) {
      s.clock.advance(60_000);
      runDuePulls(s.deps, s.clock.now() + 300_000);
    }
    expect(advancePull(s.deps, job.id).state).toBe('done');
  });
});
