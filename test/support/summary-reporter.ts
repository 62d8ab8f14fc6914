// Ends the run with one plain line, "tests: N passed, N failed, N skipped", that any CI can read.
import type { RunnerTask, RunnerTestFile } from 'vitest';
import type { Reporter } from 'vitest/reporters';

function count(tasks: RunnerTask[], into = { passed: 0, failed: 0, skipped: 0 }) {
  for (const task of tasks) {
    if (task.type === 'suite') count(task.tasks, into);
    else if (task.result?.state === 'pass') into.passed++;
    else if (task.result?.state === 'fail') into.failed++;
    else into.skipped++;
  }
  return into;
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const { passed, failed, skipped } = count(files);
    // A file that failed to load has no tests to count; it still counts as a failure.
    const broken =
      files.filter((f) => f.result?.state === 'fail' && f.tasks.length === 0).length + errors.length;
    console.log(`tests: ${passed} passed, ${failed + broken} failed, ${skipped} skipped`);
  }
}
