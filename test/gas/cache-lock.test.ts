import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function put(key, value, seconds) { CacheService.getScriptCache().put(key, value, seconds); }
function get(key) { return CacheService.getScriptCache().get(key); }
function putUser(key, value) { CacheService.getUserCache().put(key, value); }
function getUser(key) { return CacheService.getUserCache().get(key); }
function longKey() { CacheService.getScriptCache().put(new Array(252).join('k'), 'v'); }
function tryScript(ms) {
  var lock = LockService.getScriptLock();
  var got = lock.tryLock(ms);
  return { got: got, has: lock.hasLock(), at: Date.now() };
}
function waitDocument(ms) { LockService.getDocumentLock().waitLock(ms); return 'locked'; }
function takeUserLock() { return LockService.getUserLock().tryLock(0); }
function lockedWrite(key) {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  PropertiesService.getScriptProperties().setProperty(key, 'v');
  lock.releaseLock();
  return 'written';
}
`;

describe('CacheService', () => {
  it('expires entries on the virtual clock', () => {
    const rt = runtimeFor(CODE);
    rt.run('put', 'report', 'cached', 60);
    rt.clock.advance(59_000);
    expect(rt.run('get', 'report').value).toBe('cached');
    rt.clock.advance(2_000);
    expect(rt.run('get', 'report').value).toBeNull();
  });

  it('keeps user caches apart and refuses keys over 250 characters', () => {
    const rt = runtimeFor(CODE);
    rt.run('putUser', 'k', 'mine');
    expect(rt.asUser('other@example.com').run('getUser', 'k').value).toBeNull();
    expect(rt.run('getUser', 'k').value).toBe('mine');
    expect(rt.run('longKey').error?.message).toBe('Argument too large: key');
    expect(rt.counters.cache).toMatchObject({ reads: 2, writes: 2 });
  });
});

describe('LockService', () => {
  it('takes a free lock and releases it when the execution ends', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('tryScript', 1000).value).toMatchObject({ got: true, has: true });
    expect(rt.run('tryScript', 1000).value).toMatchObject({ got: true });
  });

  it('waits on the virtual clock for a lock another process holds', () => {
    const rt = runtimeFor(CODE);
    rt.holdLock('script', { forMs: 3_000 });
    const start = rt.clock.now();
    const v = rt.run<{ got: boolean; at: number }>('tryScript', 10_000).value;
    expect(v?.got).toBe(true);
    expect(v && v.at - start).toBeGreaterThanOrEqual(3_000);
    expect(v && v.at - start).toBeLessThan(3_100);
  });

  it('gives up after the timeout while the lock stays held', () => {
    const rt = runtimeFor(CODE);
    const release = rt.holdLock('document');
    const r = rt.run('waitDocument', 5_000);
    expect(r.error?.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(r.durationMs).toBeGreaterThanOrEqual(5_000);
    expect(rt.counters.lock.timeouts).toBe(1);
    release();
    expect(rt.run('waitDocument', 5_000).value).toBe('locked');
  });

  it('scopes user locks to their user', () => {
    const rt = runtimeFor(CODE);
    rt.holdLock('user');
    expect(rt.run('takeUserLock').value).toBe(false);
    expect(rt.asUser('other@example.com').run('takeUserLock').value).toBe(true);
  });
});

describe('rt.meanwhile', () => {
  it('runs another execution just before the n-th call of a service, meeting the locks held then', () => {
    const rt = runtimeFor(CODE);
    const seen: unknown[] = [];
    rt.meanwhile('properties', 1, () =>
      seen.push(rt.asUser('other@example.com').run('tryScript', 2_000).value),
    );
    // No properties call: the plan waits for one.
    expect(rt.run('tryScript', 0).value).toMatchObject({ got: true });
    expect(seen).toEqual([]);
    expect(rt.run('lockedWrite', 'k').value).toBe('written');
    expect(seen).toEqual([expect.objectContaining({ got: false })]);
    // Once only.
    expect(rt.run('lockedWrite', 'k2').value).toBe('written');
    expect(seen).toHaveLength(1);
  });
});
