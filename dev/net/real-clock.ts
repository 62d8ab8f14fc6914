// The wall clock for Node, with a blocking sleep like Apps Script's Utilities.sleep.
import type { Clock } from '../../src/core/ports';

const cell = new Int32Array(new SharedArrayBuffer(4));

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => {
    if (ms > 0) Atomics.wait(cell, 0, 0, ms);
  },
};
