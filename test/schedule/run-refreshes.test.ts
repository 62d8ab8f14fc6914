import { describe, expect, it } from 'vitest';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { advancePull, runDuePulls, sidebarTurn, startPull } from '../../src/core/pull/run-pull';
import { deleteRefresh, saveRefresh, setPaused } from '../../src/core/schedule/manage';
import { type Refresh, RefreshStore } from '../../src/core/schedule/refresh';
import { carryOnRun, hasRefreshWork, runDueRefreshes, runNow } from '../../src/core/schedule/run-refreshes';
import { toLocal } from '../../src/core/time/zone-math';
import { MemoryGrid } from '../sheet/memory-grid';
import { coreSetup, OTHER, TEST_KEY } from '../support/core-deps';

const weeklyPeople = (mode: PullSpec['mode'] = 'replace') => ({
  spec: {
    source: { kind: 'resource', resource: 'time_off_requests' },
    range: { kind: 'relative', preset: 'last_week' },
    filters: {},
    target: { kind: 'sheet', name: 'Time off' },
    mode,
  },
  frequency: { kind: 'weekly', weekdays: [1], hour: 7 },
  notifyByEmail: true,
});

/** Runs the dispatcher's refresh work every `stepMs` for `totalMs` of virtual time. */
function drive(s: ReturnType<typeof coreSetup>, totalMs: number, stepMs = 3_600_000) {
  for (let t = 0; t < totalMs; t += stepMs) {
    s.clock.advance(stepMs);
    runDueRefreshes(s.deps, s.clock.now() + 300_000);
  }
}

function setupWithSheet() {
  const s = coreSetup();
  s.grids.set('Time off', new MemoryGrid([['keep me']]));
  return s;
}

describe('scheduled refreshes', () => {
  it('a weekly Monday 07:00 refresh runs each Monday at 07:00 local and pulls the week that ended', () => {
    const s = setupWithSheet();
    const r = saveRefresh(s.deps, weeklyPeople(), 'refresh-0001');
    expect(s.triggers()).toBe(1);
    const starts: string[] = [];
    for (let i = 0; i < 24 * 28; i++) {
      s.clock.advance(3_600_000);
      runDueRefreshes(s.deps, s.clock.now() + 300_000);
      const saved = new RefreshStore(s.deps.store).get(r.id);
      const last = saved?.lastRun;
      if (last && !starts.includes(String(last.at))) starts.push(String(last.at));
    }
    expect(starts).toHaveLength(4);
    for (const at of starts) expect(toLocal(Number(at), s.deps.zone)).toMatchObject({ hour: 7 });
    expect(s.logs.map((l) => l.what)).toEqual([
      'Scheduled: Time-off requests 2026-05-25 to 2026-05-31 (Replace)',
      'Scheduled: Time-off requests 2026-06-01 to 2026-06-07 (Replace)',
      'Scheduled: Time-off requests 2026-06-08 to 2026-06-14 (Replace)',
      'Scheduled: Time-off requests 2026-06-15 to 2026-06-21 (Replace)',
    ]);
  });

  it('a trigger that was late runs a missed refresh once, not once per missed period', () => {
    const s = setupWithSheet();
    saveRefresh(s.deps, { ...weeklyPeople(), frequency: { kind: 'hourly' } }, 'refresh-0002');
    s.clock.advance(10 * 3_600_000);
    runDueRefreshes(s.deps, s.clock.now() + 300_000);
    runDueRefreshes(s.deps, s.clock.now() + 300_000);
    expect(s.logs).toHaveLength(1);
  });

  it('append mode never appends a period twice', () => {
    const s = setupWithSheet();
    const { id } = saveRefresh(
      s.deps,
      { ...weeklyPeople('append'), frequency: { kind: 'daily', hour: 6 } },
      'refresh-0003',
    );
    drive(s, 3 * 24 * 3_600_000);
    const r = new RefreshStore(s.deps.store).get(id);
    // Each run has its row in the log, the runs that skipped it too.
    expect(s.logs.map((l) => [l.status, l.rows])).toEqual([
      ['done', 3],
      ['skipped', 0],
      ['skipped', 0],
    ]);
    expect(s.logs[2]?.message).toBe(r?.lastRun?.message);
    expect(r?.lastRun).toMatchObject({
      status: 'skipped',
      // In the words of a run that found every row there already.
      message:
        'Nothing appended to Time off: the rows of 2026-05-18 to 2026-05-24 were appended whole at an earlier run and left as they were (Merge updates such rows).',
    });
    expect(r?.appended).toEqual(['2026-05-18..2026-05-24']);
  });

  it('append mode pulls a period not yet over at every run, for the rows added since', () => {
    const s = setupWithSheet();
    const spec = { ...weeklyPeople('append').spec, range: { kind: 'relative', preset: 'today' } };
    const { id } = saveRefresh(
      s.deps,
      { ...weeklyPeople('append'), spec, frequency: { kind: 'hourly' } },
      'refresh-0013',
    );
    drive(s, 5 * 3_600_000);
    const r = new RefreshStore(s.deps.store).get(id);
    expect(s.logs).toHaveLength(5);
    expect(r?.lastRun).toMatchObject({ status: 'done' });
    expect(r?.appended ?? []).toEqual([]);
  });

  it('Run now of a period appended before runs it again: it is asked for', () => {
    const s = setupWithSheet();
    const { id } = saveRefresh(
      s.deps,
      { ...weeklyPeople('append'), frequency: { kind: 'daily', hour: 6 } },
      'refresh-0014',
    );
    drive(s, 24 * 3_600_000);
    const store = new RefreshStore(s.deps.store);
    expect(store.get(id)?.appended).toEqual(['2026-05-18..2026-05-24']);
    runNow(s.deps, store.get(id) as Refresh, sidebarTurn(s.deps.clock));
    expect(s.logs).toHaveLength(2);
    expect(store.get(id)?.lastRun).toMatchObject({ status: 'done' });
  });

  it('a merge of month to date, run daily, catches up on the month just ended at its first run after it', () => {
    const s = setupWithSheet();
    const spec = { ...weeklyPeople('merge').spec, range: { kind: 'relative', preset: 'month_to_date' } };
    saveRefresh(
      s.deps,
      { ...weeklyPeople('merge'), spec, frequency: { kind: 'daily', hour: 7 } },
      'refresh-0015',
    );
    drive(s, 10 * 24 * 3_600_000);
    const pulled = s.logs.map((l) => l.what.replace(/^Scheduled: Time-off requests (.*) \(Merge\)$/, '$1'));
    // 31 May at 07:00 pulled the 31st part way: 1 June goes back over May, then June goes on alone.
    expect(pulled.slice(5, 8)).toEqual([
      '2026-05-01 to 2026-05-31',
      '2026-05-01 to 2026-06-01',
      '2026-06-01 to 2026-06-02',
    ]);
  });

  it('a replace of month to date shows its own range alone: it never goes back', () => {
    const s = setupWithSheet();
    const spec = { ...weeklyPeople().spec, range: { kind: 'relative', preset: 'month_to_date' } };
    saveRefresh(s.deps, { ...weeklyPeople(), spec, frequency: { kind: 'daily', hour: 7 } }, 'refresh-0016');
    drive(s, 8 * 24 * 3_600_000);
    expect(s.logs.map((l) => l.what).filter((w) => w.includes('2026-05-01 to 2026-06'))).toEqual([]);
  });

  it('a deleted target sheet pauses the refresh with a reason instead of failing every hour, logged and told once', () => {
    const s = setupWithSheet();
    const { id } = saveRefresh(s.deps, { ...weeklyPeople(), frequency: { kind: 'hourly' } }, 'refresh-0004');
    s.grids.delete('Time off');
    drive(s, 5 * 3_600_000);
    const r = new RefreshStore(s.deps.store).get(id);
    const reason =
      'its sheet "Time off" was deleted. To have it run again, bring the sheet back: if it was deleted just now, whoever deleted it can undo that (Edit ▸ Undo); or restore a version of the spreadsheet from before the sheet was deleted (File ▸ Version history ▸ See version history: the whole spreadsheet goes back to that version). Then Resume on this card. Or point it at another sheet: delete this refresh, then pull into that sheet and save a refresh there.';
    expect(r).toMatchObject({ paused: true, pausedReason: `Paused: ${reason}` });
    // The log says what happened; what to do is the owner's, said in the e-mail and on the card.
    expect(s.logs.map((l) => [l.status, l.message])).toEqual([
      ['paused', 'Paused before its next run: its sheet "Time off" was deleted.'],
    ]);
    expect(s.notices.map((n) => [n.message, n.cannotRun])).toEqual([
      ['Paused: its sheet "Time off" was deleted.', true],
    ]);
    // Nothing ran: it has no last run to show.
    expect(r?.lastRun).toBeUndefined();
    expect(hasRefreshWork(s.deps)).toBe(false);
  });

  it('a refresh paused for its deleted sheet is e-mailed though a failure was e-mailed within the day', () => {
    const s = setupWithSheet();
    const { id } = saveRefresh(s.deps, { ...weeklyPeople(), frequency: { kind: 'hourly' } }, 'refresh-0017');
    s.simulator.setFaults({ force5xx: 100_000 });
    // The dispatcher's hourly tick: the runs' retries, then the refreshes.
    const ticks = (n: number) => {
      for (let i = 0; i < n; i++) {
        s.clock.advance(3_600_000);
        runDuePulls(s.deps, s.clock.now() + 300_000);
        runDueRefreshes(s.deps, s.clock.now() + 300_000);
      }
    };
    ticks(4);
    expect(s.notices).toHaveLength(1);
    s.grids.delete('Time off');
    ticks(6);
    expect(new RefreshStore(s.deps.store).get(id)?.paused).toBe(true);
    expect(s.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/gave up/),
      expect.stringMatching(/^Paused: its sheet "Time off" was deleted\./),
    ]);
  });

  it('a rejected key pauses the refresh, names its owner, tells them, and leaves the sheet as it was', () => {
    const s = setupWithSheet();
    const { id } = saveRefresh(s.deps, { ...weeklyPeople(), frequency: { kind: 'hourly' } }, 'refresh-0005');
    s.simulator.revokeKey(TEST_KEY);
    drive(s, 2 * 3_600_000);
    const r = new RefreshStore(s.deps.store).get(id);
    expect(r?.pausedReason).toMatch(/API key of its owner, analyst@example.com;/);
    expect(r?.lastRun).toMatchObject({ status: 'failed' });
    expect(s.notices).toHaveLength(1);
    expect((s.grids.get('Time off') as MemoryGrid).text()).toEqual([['keep me']]);
  });

  it('pause, resume and delete; only the owner may resume a refresh', () => {
    const s = setupWithSheet();
    const { id } = saveRefresh(s.deps, { ...weeklyPeople(), frequency: { kind: 'hourly' } }, 'refresh-0006');
    setPaused(s.deps, id, true);
    drive(s, 3 * 3_600_000);
    expect(s.logs).toHaveLength(0);
    setPaused(s.deps, id, false);
    drive(s, 3_600_000);
    expect(s.logs).toHaveLength(1);
    expect(() => setPaused({ ...s.deps, user: OTHER }, id, false)).toThrow(
      /belongs to analyst@example.com .*; only they can resume it/,
    );
    deleteRefresh(s.deps, id);
    expect(hasRefreshWork(s.deps)).toBe(false);
  });

  it('refuses fixed dates and names the problem', () => {
    const s = setupWithSheet();
    const input = weeklyPeople();
    expect(() =>
      saveRefresh(
        s.deps,
        {
          ...input,
          spec: { ...input.spec, range: { kind: 'absolute', from: '2026-01-01', to: '2026-01-07' } },
        },
        'refresh-0007',
      ),
    ).toThrow(/needs a relative date range/);
  });
});

describe("a refresh's run is its own job only", () => {
  // The store says the run is a job that is not this refresh's own (another editor's, or one of
  // the owner's sidebar pulls): the refresh must not take its outcome as its own.
  function planted(other: boolean) {
    const s = setupWithSheet();
    const r = saveRefresh(s.deps, { ...weeklyPeople(), notifyByEmail: false }, 'refresh-0101');
    const spec = { ...weeklyPeople().spec, target: { kind: 'sheet', name: 'Time off' } };
    // A table the add-on pulled there (its header note says so): the owner's pull is not refused.
    s.grids.get('Time off')?.styleHeader(1, 1, 1, 'Source: Assembled Time-off requests');
    const job = other
      ? startPull({ ...s.deps, user: OTHER }, spec, 'planted-0001', { id: r.id })
      : startPull(s.deps, spec, 'planted-0002');
    advancePull(other ? { ...s.deps, user: OTHER } : s.deps, job.id);
    const store = new RefreshStore(s.deps.store);
    store.save({ ...(store.get(r.id) as Refresh), jobId: job.id });
    runDueRefreshes(s.deps, s.clock.now() + 300_000);
    return store.get(r.id);
  }

  it("another editor's job, even one started for this refresh, is a lost run", () => {
    expect(planted(true)?.lastRun).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/lost/),
    });
  });

  it("the owner's own sidebar pull is not the refresh's run", () => {
    expect(planted(false)?.lastRun).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/lost/),
    });
  });
});

describe("a refresh's run ends once", () => {
  it('the sidebar and the dispatcher may both see it end: it is recorded and e-mailed once, even from a stale copy', () => {
    const s = setupWithSheet();
    const input = weeklyPeople();
    const { id } = saveRefresh(
      s.deps,
      {
        ...input,
        spec: { ...input.spec, source: { kind: 'report', report: 'adherence', granularity: 'day' } },
      },
      'refresh-0201',
    );
    const store = new RefreshStore(s.deps.store);
    // Due, it is started (a run started before it is due is a Run now, not e-mailed): the report is
    // being built (20 s here). The dispatcher's list is read now.
    s.clock.advance((store.get(id)?.nextRunAt ?? 0) - s.clock.now());
    runNow(s.deps, store.get(id) as Refresh);
    const stale = store.get(id) as Refresh;
    expect(stale.jobId).toBeDefined();
    // The key is revoked meanwhile: the run fails at its next step.
    s.simulator.revokeKey(TEST_KEY);
    s.clock.advance(30_000);
    carryOnRun(s.deps, stale, sidebarTurn(s.clock));
    const ended = store.get(id);
    expect(ended?.lastRun).toMatchObject({ status: 'failed' });
    expect(s.notices).toHaveLength(1);
    // The other party, holding the copy it read before the end was recorded, finishes its turn.
    carryOnRun(s.deps, stale, sidebarTurn(s.clock));
    runDueRefreshes(s.deps, s.clock.now() + 300_000);
    expect(s.notices).toHaveLength(1);
    expect(store.get(id)).toEqual(ended);
  });
});

describe("a refresh's run begins from its record as saved then", () => {
  it('a refresh its owner paused after the dispatcher listed its refreshes is not run, and stays paused', () => {
    const s = setupWithSheet();
    s.grids.set('Second', new MemoryGrid([['keep me']]));
    const hourly = (sheet: string) => ({
      ...weeklyPeople(),
      spec: { ...weeklyPeople().spec, target: { kind: 'sheet', name: sheet } },
      frequency: { kind: 'hourly' },
    });
    saveRefresh(s.deps, hourly('Time off'), 'refresh-0301');
    const second = saveRefresh(s.deps, hourly('Second'), 'refresh-0302');
    // The owner presses Pause on the second as soon as the dispatcher, its list read, first lets
    // the lock go (while it starts the first).
    const lock = s.deps.lock;
    let pressed = false;
    s.deps.lock = {
      tryLock: (ms) => lock.tryLock(ms),
      release() {
        lock.release();
        if (pressed) return;
        pressed = true;
        setPaused(s.deps, second.id, true);
      },
    };
    s.clock.advance(3_600_000);
    runDueRefreshes(s.deps, s.clock.now() + 300_000);
    expect(pressed).toBe(true);
    const saved = new RefreshStore(s.deps.store).get(second.id);
    expect({
      paused: saved?.paused,
      ran: saved?.lastRun !== undefined || saved?.jobId !== undefined,
    }).toEqual({
      paused: true,
      ran: false,
    });
    expect(s.logs.map((l) => l.what)).toEqual([
      'Scheduled: Time-off requests 2026-05-18 to 2026-05-24 (Replace)',
    ]);
  });
});
