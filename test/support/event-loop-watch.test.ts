import { describe, expect, it } from 'vitest';
import { checkBlock, EventLoopWatch } from './event-loop-watch';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the event-loop watch behind the suite guard', () => {
  it('measures the longest synchronous stretch, not the time spent waiting', async () => {
    const watch = new EventLoopWatch(10).start();
    await pause(600);
    busy(150);
    await pause(30);
    busy(50);
    await pause(30);
    const ms = watch.longestMs();
    watch.stop();
    expect(ms).toBeGreaterThanOrEqual(130);
    // The 600 ms of waiting before it is not a block.
    expect(ms).toBeLessThan(550);
  });

  it('counts the stretch still running when asked', () => {
    const watch = new EventLoopWatch(10).start();
    busy(120);
    const ms = watch.longestMs();
    watch.stop();
    expect(ms).toBeGreaterThanOrEqual(100);
  });

  it('fails a test past the limit, saying what to do', () => {
    expect(() => checkBlock(100, 100)).not.toThrow();
    expect(() => checkBlock(101, 100)).toThrow(/event loop for 101 ms .*advanceAsync/);
  });
});

describe('files sharing a worker', () => {
  it('each start on a collected heap: the worker lets fresh-heap.ts collect it', () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('function');
  });
});
