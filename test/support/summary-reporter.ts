// Ends the run with plain lines any CI can read: "tests: N passed, N failed, N skipped", and the
// longest event-loop block of the run (measured by event-loop-guard.ts).
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

interface Block {
  ms: number;
  where: string;
}

function blocks(tasks: RunnerTask[], into: Block[] = []): Block[] {
  for (const task of tasks) {
    const ms = task.meta?.longestBlockMs;
    const where = task.file === task ? `${task.name}, outside its tests` : `${task.file.name} > ${task.name}`;
    if (ms !== undefined) into.push({ ms, where });
    if (task.type === 'suite') blocks(task.tasks, into);
  }
  return into;
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const { passed, failed, skipped } = count(files);
    // A file that failed to load has no tests to count; it still counts as a failure.
    const broken =
      files.filter((f) => f.result?.state === 'fail' && f.tasks.length === 0).length + errors.length;
    const sorted = blocks(files).sort((a, b) => b.ms - a.ms);
    // EVENT_LOOP_REPORT=20 lists the 20 longest.
    const top = Number(process.env.EVENT_LOOP_REPORT ?? 1);
    for (const block of sorted.slice(0, top))
      console.log(`longest event-loop block: ${block.ms} ms (${block.where})`);
    console.log(`tests: ${passed} passed, ${failed + broken} failed, ${skipped} skipped`);
  }
}
