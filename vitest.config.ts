import { defineConfig } from 'vitest/config';
import PairBrowserFiles from './test/support/sequencer';
import SummaryReporter from './test/support/summary-reporter';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    setupFiles: ['test/support/fresh-heap.ts', 'test/support/event-loop-guard.ts'],
    reporters: ['default', new SummaryReporter()],
    // Tests drive a virtual clock, so no test depends on wall time; the limits only catch hangs.
    // Long runtime runs give the event loop turns, so their wall time counts on a loaded machine.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // expect.poll waits for the page as Playwright's locators do (15 s, support.ts): its own 1 s
    // default lost a checkbox's write on a busy machine, where a click's round trip took longer.
    expect: { poll: { timeout: 15_000 } },
    // Two cores: one worker each (vitest's default leaves one core to the main process).
    maxWorkers: 2,
    minWorkers: 1,
    // A worker runs file after file in one process: no new process and no fresh import of the
    // runtime, simulator and browser driver per file, and their code stays compiled (~20% of the
    // suite's time). Every test builds its own runtime, simulator or workbench; what a worker keeps
    // (compiled code, the simulator's generated activity, handed out as copies) reads the same to
    // every file, and the suite passes in shuffled order.
    isolate: false,
    sequence: { sequencer: PairBrowserFiles },
    // A larger young generation: the runtime's executions and the simulator's pages live just long
    // enough to be copied by V8's default 16 MB scavenges; measured ~15% less CPU per test file.
    // --expose-gc: for fresh-heap.ts.
    poolOptions: { forks: { execArgv: ['--max-semi-space-size=32', '--expose-gc'] } },
  },
});
