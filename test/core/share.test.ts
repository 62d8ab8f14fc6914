// Each editor's share of the shared store (80 KB): what counts against it, what gives way to new
// work, and what a refusal says.
import { describe, expect, it } from 'vitest';
import { JobStore } from '../../src/core/jobs/job-store';
import { newJob, type PullJob, withState } from '../../src/core/jobs/pull-job';
import type { Caller } from '../../src/core/owner';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { advancePull, startPull } from '../../src/core/pull/run-pull';
import { type PushJob, PushStore } from '../../src/core/push/push-job';
import { saveRefresh } from '../../src/core/schedule/manage';
import { RefreshStore } from '../../src/core/schedule/refresh';
import { runNow } from '../../src/core/schedule/run-refreshes';
import { MemoryGrid } from '../sheet/memory-grid';
import { ANALYST, coreSetup, OTHER } from '../support/core-deps';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `n` agent ids of 48 characters: about 51 bytes each in a record. */
const agentIds = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `${tag}-${String(i).padStart(47 - tag.length, '0')}`);

/** Yesterday's handle time for `n` agents: a record of about n × 51 bytes. */
const agentsReport = (n: number, sheet: string) => ({
  source: { kind: 'report', report: 'handle_time', granularity: 'day' },
  range: { kind: 'relative', preset: 'yesterday' },
  filters: n > 0 ? { agent_ids: agentIds(n, sheet) } : {},
  target: { kind: 'new_sheet', name: sheet },
  mode: 'replace',
});

const people = (sheet: string) => ({
  source: { kind: 'resource', resource: 'people' },
  target: { kind: 'new_sheet', name: sheet },
  mode: 'replace',
});

type Setup = ReturnType<typeof coreSetup>;

/** A pull of `owner`'s that ended at `at`, as the sidebar or a refresh's run left it. */
function finishedPull(s: Setup, owner: Caller, agents: number, at: number, refreshId?: string): PullJob {
  const spec = agentsReport(agents, `Done ${at}`) as PullSpec;
  const job = newJob(`done-${at}-${owner.id}`, owner, 'test-spreadsheet', spec, at, `key-${at}`, refreshId);
  return new JobStore(s.deps.store).save(withState(job, 'done', at, { rows: 1, message: 'Written.' }));
}

const kept = (s: Setup, job: PullJob) => new JobStore(s.deps.store).get(job.id) !== undefined;

describe('finished work gives way to new work', () => {
  it("the caller's finished records go, oldest first, as far as needed; work under way, a run its refresh has not yet recorded, and another editor's stay", () => {
    const s = coreSetup();
    const now = s.clock.now();
    startPull(s.deps, agentsReport(500, 'Running 1'), 'running-1');
    startPull(s.deps, agentsReport(500, 'Running 2'), 'running-2');
    s.grids.set('Teams', new MemoryGrid([['x']]));
    const refresh = saveRefresh(
      s.deps,
      {
        spec: { ...people('Teams'), target: { kind: 'sheet', name: 'Teams' } },
        frequency: { kind: 'hourly' },
        notifyByEmail: false,
      },
      'refresh-key-1',
    );
    const unrecorded = finishedPull(s, ANALYST, 100, now - 4 * HOUR, refresh.id);
    new RefreshStore(s.deps.store).save({ ...refresh, jobId: unrecorded.id });
    const others = finishedPull(s, OTHER, 150, now - 5 * HOUR);
    const [oldest, older, old] = [3, 2, 1].map((h) => finishedPull(s, ANALYST, 300, now - h * HOUR));

    startPull(s.deps, people('People'), 'people-1');

    expect([oldest, older, old].map((j) => kept(s, j as PullJob))).toEqual([false, false, true]);
    expect(kept(s, unrecorded)).toBe(true);
    expect(kept(s, others)).toBe(true);
    expect(new JobStore(s.deps.store).active()).toHaveLength(3);
  });

  it('a pull that finished in the last 10 minutes is still there for its sidebar, the share passed meanwhile; later it gives way', () => {
    const s = coreSetup();
    for (const [i, agents] of [500, 500, 400].entries())
      startPull(s.deps, agentsReport(agents, `Running ${i}`), `running-${i}`);
    const justDone = finishedPull(s, ANALYST, 200, s.clock.now() - 5 * MINUTE);

    startPull(s.deps, people('People 1'), 'people-1');
    // The sidebar's next poll finds it, and shows how it ended.
    expect(advancePull(s.deps, justDone.id)).toMatchObject({ state: 'done', message: 'Written.' });

    s.clock.advance(6 * MINUTE);
    startPull(s.deps, people('People 2'), 'people-2');
    expect(() => advancePull(s.deps, justDone.id)).toThrow(/^No pull job .*: it finished a while ago/);
  });
});

describe('what counts against the share, and what a refusal says', () => {
  const refreshInput = (agents: number, sheet: string) => ({
    spec: { ...agentsReport(agents, sheet), target: { kind: 'sheet', name: sheet } },
    frequency: { kind: 'hourly' },
    notifyByEmail: false,
  });
  const saveFor = (s: Setup, agents: number, sheet: string) => {
    s.grids.set(sheet, new MemoryGrid([['x']]));
    return saveRefresh(s.deps, refreshInput(agents, sheet), `refresh-${sheet}`);
  };
  const words = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const refusal = (act: () => unknown) => {
    try {
      act();
    } catch (error) {
      return words(error);
    }
    throw new Error('not refused');
  };

  it('a day of finished runs refuses nothing: a refresh and a pull are saved, the oldest runs giving way', () => {
    const s = coreSetup();
    const day = Array.from({ length: 100 }, (_, i) =>
      finishedPull(s, ANALYST, 20, s.clock.now() - (i + 1) * 14 * MINUTE, 'refresh-run'),
    );
    saveFor(s, 0, 'Teams');
    startPull(s.deps, people('People'), 'people-1');
    expect(kept(s, day[0] as PullJob)).toBe(true);
    expect(kept(s, day[99] as PullJob)).toBe(false);
  });

  it('saved refreshes that fill the share refuse another: delete one', () => {
    const s = coreSetup();
    saveFor(s, 500, 'Agents 1');
    const said = refusal(() => saveFor(s, 500, 'Agents 2'));
    expect(said).toMatch(
      /^This refresh needs \d+ KB, and your scheduled refreshes already take \d+ KB of the 80 KB each editor may keep in this spreadsheet: delete a refresh you no longer need, then try again\.$/,
    );
    expect(said.length).toBeLessThan(200);
  });

  it('pulls under way that fill it refuse another: wait for one', () => {
    const s = coreSetup();
    for (const i of [1, 2, 3]) startPull(s.deps, agentsReport(500, `Running ${i}`), `running-${i}`);
    expect(refusal(() => startPull(s.deps, agentsReport(100, 'More'), 'more'))).toMatch(
      /^This pull needs \d+ KB, and your pulls and pushes under way already take \d+ KB of the 80 KB each editor may keep in this spreadsheet: wait for one to finish, then try again\.$/,
    );
  });

  it('both together: either helps', () => {
    const s = coreSetup();
    saveFor(s, 500, 'Agents');
    startPull(s.deps, agentsReport(450, 'Running'), 'running');
    expect(refusal(() => startPull(s.deps, agentsReport(150, 'More'), 'more'))).toMatch(
      /your scheduled refreshes and pulls and pushes under way already take \d+ KB of the 80 KB each editor may keep in this spreadsheet: wait for a pull or push to finish, or delete a refresh you no longer need, then try again\.$/,
    );
  });

  it("a refresh's run is never refused: its refresh kept the room, even where work from before fills the share", () => {
    const s = coreSetup();
    s.grids.set('Teams', new MemoryGrid([['x']]));
    const refresh = saveRefresh(
      s.deps,
      {
        spec: { ...people('Teams'), target: { kind: 'sheet', name: 'Teams' } },
        frequency: { kind: 'hourly' },
        notifyByEmail: false,
      },
      'refresh-teams',
    );
    // Pulls under way past the share, as a store kept from before its limits might hold.
    for (const i of [1, 2, 3, 4]) {
      const spec = agentsReport(500, `Before ${i}`) as PullSpec;
      new JobStore(s.deps.store).save(
        newJob(`before-${i}`, ANALYST, 'test-spreadsheet', spec, s.clock.now(), `b-${i}`),
      );
    }
    expect(refusal(() => startPull(s.deps, people('People'), 'people'))).toMatch(/^This pull needs/);
    const ran = runNow(s.deps, refresh, { deadline: s.clock.now() + 5 * MINUTE, wait: true });
    expect(ran.lastRun).toMatchObject({ status: 'done' });
  });

  it('20 refreshes of the largest kinds, all running at once, and a push with a full batch in flight leave room for a pull of 150 agents', () => {
    const s = coreSetup();
    const teams = s.simulator.admin.org.teams.slice(0, 2);
    for (let i = 0; i < 20; i++) {
      const sheet = `Daily adherence report for the support teams ${i}`;
      s.grids.set(sheet, new MemoryGrid([['x']]));
      const refresh = saveRefresh(
        s.deps,
        {
          spec: {
            source: { kind: 'report', report: 'adherence', granularity: 'day' },
            range: { kind: 'relative', preset: 'last_7_days' },
            filters: { team_ids: teams.map((t) => t.id) },
            filterNames: { team_ids: teams.map((t) => t.name) },
            target: { kind: 'cell', sheet, a1: 'B3' },
            mode: 'append',
          },
          frequency: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7], hour: 6 },
          notifyByEmail: true,
        },
        `refresh-key-${i}`,
      );
      startPull(s.deps, refresh.spec, `run-${i}`, {
        id: refresh.id,
        ...(refresh.sheetId ? { sheetId: refresh.sheetId } : {}),
      });
    }
    const push: PushJob = {
      id: 'push-in-flight',
      owner: ANALYST.email,
      ownerId: ANALYST.id,
      requestKey: 'push-key',
      spreadsheetId: 'test-spreadsheet',
      kind: 'agent_states',
      sheetId: 99,
      sheetName: 'Agent states to push',
      state: 'running',
      createdAt: s.clock.now(),
      updatedAt: s.clock.now(),
      total: 5000,
      done: 0,
      succeeded: 0,
      failed: 0,
      skipped: 0,
      invalid: 0,
      stalls: 0,
      inFlight: {
        sentAt: s.clock.now(),
        rows: Array.from({ length: 250 }, (_, i) => `${1000 + i}:0123abcd`),
      },
    };
    new PushStore(s.deps.store).save(push);
    expect(new JobStore(s.deps.store).active()).toHaveLength(20);
    expect(startPull(s.deps, agentsReport(150, 'Agents'), 'agents').state).toBe('queued');
  });
});
