import { describe, expect, it } from 'vitest';
import { type FiredTrigger, type LocalRuntime, MAX_BACK_TO_BACK_EXECUTIONS } from '../../dev/gas/index.js';
import { runtimeFor } from './fixture.js';

const CODE = `
function every(unit, n) {
  var b = ScriptApp.newTrigger('tick').timeBased();
  return (unit === 'minutes' ? b.everyMinutes(n) : b.everyHours(n)).create().getUniqueId();
}
function everyLong(unit, n, ms) {
  PropertiesService.getScriptProperties().setProperty('runMs', String(ms));
  var b = ScriptApp.newTrigger('longTick').timeBased();
  return (unit === 'minutes' ? b.everyMinutes(n) : b.everyHours(n)).create().getUniqueId();
}
function longTick() { Utilities.sleep(Number(PropertiesService.getScriptProperties().getProperty('runMs'))); }
function once(ms, handler) { return ScriptApp.newTrigger(handler || 'tick').timeBased().after(ms).create().getUniqueId(); }
function atTime(iso) { return ScriptApp.newTrigger('tick').timeBased().at(new Date(iso)).create().getUniqueId(); }
function daily(hour) { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(hour).create().getUniqueId(); }
function tick(e) {
  var p = PropertiesService.getUserProperties();
  p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1));
  p.setProperty('lastEvent', JSON.stringify(e));
  p.setProperty('who', Session.getActiveUser().getEmail());
}
function many(n) {
  for (var i = 0; i < n; i++) ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
  return ScriptApp.getProjectTriggers().length;
}
function made() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function remove(trigger) { ScriptApp.deleteTrigger(trigger); }
function removeAll() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
  return ScriptApp.getProjectTriggers().length;
}
function describeTriggers() {
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), t.getEventType() === ScriptApp.EventType.CLOCK, t.getTriggerSource()];
  });
}
function showUi() { SpreadsheetApp.getUi().alert('hi'); }
`;

const MIN = 60_000;

describe('time-driven triggers', () => {
  it('fires when the clock passes the trigger, not before, as its owner with a clock event', () => {
    const rt = runtimeFor(CODE, { now: '2024-03-01T14:00:00Z' });
    const owner = rt.asUser('owner@example.com');
    const uid = owner.run('every', 'hours', 1).value;
    const createdAt = rt.clock.now();
    expect(rt.clock.advance(59 * MIN)).toEqual([]);
    expect(owner.properties.user.get('ticks')).toBeNull();

    const fired = rt.clock.advance(MIN);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ uid, handler: 'tick', owner: 'owner@example.com' });
    expect((fired[0]?.dueAt ?? 0) - createdAt).toBeLessThanOrEqual(60 * MIN);
    expect((fired[0]?.dueAt ?? 0) - createdAt).toBeGreaterThan(59 * MIN);
    expect(fired[0]?.result).toMatchObject({
      kind: 'time-trigger',
      authMode: 'FULL',
      user: 'owner@example.com',
    });
    expect(owner.properties.user.get('who')).toBe('owner@example.com');
    expect(rt.properties.user.get('ticks')).toBeNull();
    expect(JSON.parse(owner.properties.user.get('lastEvent') ?? '{}')).toMatchObject({
      authMode: 'FULL',
      triggerUid: uid,
      year: 2024,
      month: 3,
      'day-of-month': 1,
      hour: 15,
      minute: 0,
      timezone: 'UTC',
    });
  });

  it('fires each due run in time order and reports it', () => {
    const rt = runtimeFor(CODE, { mode: 'bound' });
    rt.run('every', 'minutes', 15);
    const fired = rt.clock.advance(60 * MIN);
    const first = fired[0]?.dueAt ?? Number.NaN;
    expect(fired.map((f) => f.dueAt - first)).toEqual([0, 15 * MIN, 30 * MIN, 45 * MIN]);
    expect(rt.properties.user.get('ticks')).toBe('4');
    expect(rt.counters.triggers.fired).toBe(4);
  });

  it("keeps its period whatever its runs take: counted from each due time, not from a run's end", () => {
    const rt = runtimeFor(CODE, { mode: 'addon' });
    rt.run('everyLong', 'hours', 1, 207_000);
    const fired = rt.clock.advance(5 * 60 * MIN);
    const first = fired[0]?.dueAt ?? Number.NaN;
    for (const f of fired) expect(f.result.durationMs).toBeGreaterThanOrEqual(207_000);
    expect(fired).toHaveLength(5);
    expect(fired.map((f) => f.dueAt - first)).toEqual([0, 60, 120, 180, 240].map((m) => m * MIN));
  });

  it('skips the runs due while one still executes, and keeps its period after', () => {
    const rt = runtimeFor(CODE, { mode: 'bound' });
    rt.run('everyLong', 'minutes', 1, 3.5 * MIN);
    const fired = rt.clock.advance(10 * MIN);
    const first = fired[0]?.dueAt ?? Number.NaN;
    // Due at +1, +2, +3 min while the first runs (to +3.5 min): those are not run late.
    expect(fired.map((f) => f.dueAt - first)).toEqual([0, 4 * MIN, 8 * MIN]);
  });

  it('fires a one-shot trigger once and keeps it listed until deleted', () => {
    const rt = runtimeFor(CODE);
    rt.run('once', 10 * MIN);
    expect(rt.clock.advance(9 * MIN)).toHaveLength(0);
    expect(rt.clock.advance(2 * MIN)).toHaveLength(1);
    expect(rt.clock.advance(24 * 60 * MIN)).toHaveLength(0);
    expect(rt.properties.user.get('ticks')).toBe('1');
    expect(rt.triggers()).toMatchObject([{ nextRunAt: null, handler: 'tick' }]);
    expect(rt.run('removeAll').value).toBe(0);
  });

  it('fires an at(date) trigger once, at that instant', () => {
    const rt = runtimeFor(CODE, { now: '2024-03-01T14:00:00Z' });
    rt.run('atTime', '2024-03-02T09:30:00Z');
    const start = rt.clock.now();
    const fired = rt.clock.advance(3 * 24 * 60 * MIN);
    expect(fired.map((f) => new Date(f.dueAt).toISOString())).toEqual(['2024-03-02T09:30:00.000Z']);
    expect(rt.clock.now()).toBe(start + 3 * 24 * 60 * MIN);
  });

  it('runs daily triggers at the hour in the script time zone, across DST', () => {
    const rt = runtimeFor(CODE, { now: '2024-03-09T12:00:00Z' });
    rt.run('daily', 6);
    const fired = rt.clock.advance(2 * 24 * 60 * MIN);
    // 06:00 New York is 11:00 UTC before the switch on March 10 and 10:00 UTC after.
    expect(fired.map((f) => new Date(f.dueAt).toISOString())).toEqual([
      '2024-03-10T10:00:00.000Z',
      '2024-03-11T10:00:00.000Z',
    ]);
  });

  it('lists triggers with their handler, type and source', () => {
    const rt = runtimeFor(CODE);
    rt.run('daily', 3);
    expect(rt.run('describeTriggers').value).toEqual([['tick', true, 'CLOCK']]);
  });

  it('gives time-driven executions no UI', () => {
    const rt = runtimeFor(CODE);
    rt.run('once', 0, 'showUi');
    const [fired] = rt.clock.advance(0);
    expect(fired?.result.error?.message).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(rt.runAsTrigger('showUi', { type: 'open' }).error).toBeUndefined();
    expect(rt.ui.alerts).toMatchObject([{ prompt: 'hi', answer: 'OK' }]);
  });
});

describe('trigger limits', () => {
  it('allows 20 triggers per user per script in a bound script, then refuses', () => {
    const rt = runtimeFor(CODE, { mode: 'bound' });
    expect(rt.run('many', 20).value).toBe(20);
    expect(rt.run('many', 1).error?.message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(rt.asUser('other@example.com').run('many', 1).value).toBe(1);
  });

  it("refuses to delete another user's trigger, which keeps running for its owner", () => {
    const rt = runtimeFor(CODE, { mode: 'bound' });
    const owner = rt.asUser('owner@example.com');
    const trigger = owner.run('made').value;
    expect(rt.asUser('other@example.com').run('remove', trigger).error?.message).toBe(
      'This trigger belongs to another user, who alone can delete it.',
    );
    expect(rt.triggers()).toHaveLength(1);
    expect(owner.run('remove', trigger).error).toBeUndefined();
    expect(rt.triggers()).toEqual([]);
  });

  it('lets an add-on create one time-driven trigger per user and document, at most hourly', () => {
    const rt = runtimeFor(CODE, { mode: 'addon' });
    expect(rt.run('every', 'minutes', 30).error?.message).toMatch(/once per hour/);
    expect(rt.run('every', 'hours', 1).error).toBeUndefined();
    expect(rt.run('every', 'hours', 2).error?.message).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(rt.asUser('other@example.com').run('every', 'hours', 1).error).toBeUndefined();
    expect(rt.triggers()).toHaveLength(2);
  });

  it('allows everyMinutes 1, 5, 10, 15 and 30 only', () => {
    const rt = runtimeFor(CODE, { mode: 'bound' });
    expect(rt.run('every', 'minutes', 5).error).toBeUndefined();
    expect(rt.run('every', 'minutes', 7).error?.message).toBe('Invalid argument: minutes');
  });
});

/** Counts macrotask turns of this event loop until stopped. */
function countTurns() {
  const turns = { n: 0, stopped: false };
  const turn = () => {
    if (turns.stopped) return;
    turns.n++;
    setImmediate(turn);
  };
  setImmediate(turn);
  return turns;
}

describe('long clock advances and the event loop', () => {
  const MANY = MAX_BACK_TO_BACK_EXECUTIONS + 50;
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('advanceAsync fires what advance fires, giving the event loop a turn between executions', async () => {
    const rt = runtimeFor(CODE, { mode: 'bound' });
    rt.run('every', 'minutes', 1);
    const start = rt.clock.now();
    const turns = countTurns();
    const fired = await rt.clock.advanceAsync(MANY * MIN);
    turns.stopped = true;
    expect(fired.map((f) => f.dueAt - start)).toEqual(Array.from({ length: MANY }, (_, i) => (i + 1) * MIN));
    expect(rt.properties.user.get('ticks')).toBe(String(MANY));
    // A turn before every due time.
    expect(turns.n).toBeGreaterThanOrEqual(MANY);
  });

  it('advanceAsync fires the same triggers at the same times as advance, mixed schedules and all', async () => {
    const runtimes = [0, 1].map(() => {
      const rt = runtimeFor(CODE, { mode: 'bound', now: '2024-03-09T12:00:00Z' });
      rt.run('every', 'minutes', 15);
      rt.run('daily', 6);
      rt.run('once', 90 * MIN);
      rt.asUser('other@example.com').run('every', 'minutes', 30);
      return rt;
    });
    const [sync, async] = runtimes as [LocalRuntime, LocalRuntime];
    const firings = (fired: FiredTrigger[]) =>
      fired.map((f) => [f.owner, f.dueAt, f.result.startedAt, f.result.error?.message]);
    const expected = firings(sync.clock.advance(2 * 24 * 60 * MIN));
    await nextTurn();
    expect(expected.length).toBeGreaterThan(250);
    expect(firings(await async.clock.advanceAsync(2 * 24 * 60 * MIN))).toEqual(expected);
    expect(async.clock.now()).toBe(sync.clock.now());
    expect(async.triggers()).toEqual(sync.triggers());
  });

  it(`refuses to run more than ${MAX_BACK_TO_BACK_EXECUTIONS} executions without a turn of the event loop, naming the cure`, async () => {
    const rt = runtimeFor(CODE, { mode: 'bound' });
    rt.run('every', 'minutes', 1);
    await nextTurn();
    expect(() => rt.clock.advance(MANY * MIN)).toThrow(
      /\d+ executions ran back to back .*Await rt\.clock\.advanceAsync/,
    );
    expect(Number(rt.properties.user.get('ticks'))).toBe(MAX_BACK_TO_BACK_EXECUTIONS);
    // A turn of the event loop starts a new count.
    await nextTurn();
    expect(rt.run('describeTriggers').error).toBeUndefined();
  });

  it('counts runs of every kind back to back, and each awaited sidebar call gives a turn', async () => {
    const rt = runtimeFor(CODE);
    await nextTurn();
    expect(() => {
      for (let i = 0; i < MANY; i++) rt.run('describeTriggers');
    }).toThrow(/back to back/);
    expect(rt.executions).toHaveLength(MAX_BACK_TO_BACK_EXECUTIONS);
    await nextTurn();
    for (let i = 0; i < MANY; i++) await rt.callFromSidebar('describeTriggers');
    expect(rt.executions).toHaveLength(MAX_BACK_TO_BACK_EXECUTIONS + MANY);
  });
});
