import { describe, expect, it } from 'vitest';
import { MemoryLock, MemoryStore } from '../../dev/memory-store';
import { leaseLock } from '../../src/core/lock';
import type { Clock } from '../../src/core/ports';

function clock(start = 1_000_000): Clock & { t: number } {
  const c = {
    t: start,
    now: () => c.t,
    sleep: (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe('the per-spreadsheet lease', () => {
  const setup = () => {
    const store = new MemoryStore();
    const guard = new MemoryLock();
    const c = clock();
    const flushed: string[] = [];
    const lock = (holder: string, lapsesAt = c.t + 360_000, documentId = 'doc-1') =>
      leaseLock({
        guard,
        store,
        clock: c,
        documentId,
        holder,
        lapsesAt,
        beforeRelease: () => flushed.push(holder),
      });
    return { store, guard, c, lock, flushed };
  };

  it('lets one execution at a time hold a spreadsheet, whatever started it', () => {
    const { c, lock, flushed } = setup();
    const sidebar = lock('sidebar');
    const trigger = lock('trigger');
    expect(sidebar.tryLock(0)).toBe(true);
    const before = c.t;
    expect(trigger.tryLock(2_000)).toBe(false);
    expect(c.t - before).toBe(2_000);
    sidebar.release();
    expect(flushed).toEqual(['sidebar']);
    expect(trigger.tryLock(0)).toBe(true);
  });

  it('keeps spreadsheets apart, and lets a lease lapse when its execution has surely ended', () => {
    const { c, lock } = setup();
    expect(lock('killed', c.t + 360_000).tryLock(0)).toBe(true);
    expect(lock('other', c.t + 360_000, 'doc-2').tryLock(0)).toBe(true);
    const next = lock('next');
    expect(next.tryLock(30_000)).toBe(false);
    c.t += 360_000;
    expect(next.tryLock(0)).toBe(true);
  });

  it('holds the guard only while reading and writing the lease', () => {
    const { guard, lock } = setup();
    const l = lock('a');
    expect(l.tryLock(0)).toBe(true);
    expect(guard.held).toBe(false);
    l.release();
    expect(guard.held).toBe(false);
  });
});
