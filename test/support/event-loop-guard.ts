// Vitest setup file: measures the longest stretch each test holds its worker's event loop
// (wall time) and fails the test past the limit, naming the cure, rather than letting vitest
// end the whole run with "Timeout calling onTaskUpdate" once a worker is silent for a minute.
// The summary reporter prints the run's longest block.
import { afterAll, afterEach, beforeEach } from 'vitest';
import { checkBlock, EventLoopWatch } from './event-loop-watch';

/** Half of vitest's minute: a wide margin over what tests need, even on a loaded machine. */
const LIMIT_MS = Number(process.env.EVENT_LOOP_BLOCK_LIMIT_MS ?? 30_000);

const watch = new EventLoopWatch().start();
/** Blocks outside tests (collection, beforeAll/afterAll). */
let outside = 0;

beforeEach(() => {
  outside = Math.max(outside, watch.longestMs());
  watch.reset();
});

afterEach((context) => {
  const ms = watch.longestMs();
  context.task.meta.longestBlockMs = ms;
  watch.reset();
  checkBlock(ms, LIMIT_MS);
});

afterAll((file) => {
  file.meta.longestBlockMs = Math.max(outside, watch.longestMs());
  watch.stop();
});

declare module 'vitest' {
  interface TaskMeta {
    /** Longest synchronous stretch (ms) of a test, or of a file outside its tests. */
    longestBlockMs?: number;
  }
}
