// One execution from start to end: fresh context, the bundle evaluated, the function called,
// locks released, the result recorded. Script errors are reported, never thrown.

import { DAILY_TRIGGER_MESSAGE, Execution } from './execution.js';
import { buildGlobals } from './globals.js';
import { describeError, type ErrorInfo, fromRealm } from './realm.js';
import { loadScriptFiles } from './script-files.js';
import type { Env } from './services/env.js';
import { formatJavaDate } from './time/java-date-format.js';
import type { AuthMode, ExecutionKind, RunResult } from './types.js';
import type { World } from './world.js';

export interface ExecuteSpec {
  fnName: string;
  user: string;
  authMode: AuthMode;
  kind: ExecutionKind;
  /** Builds the arguments inside the execution (event objects need its realm and services). */
  args: (env: Env) => unknown[];
  /** Turns the realm return value into what the caller gets; default: a plain-data copy. */
  output?: (value: unknown) => unknown;
  /** The spreadsheet it runs in; default the first one. */
  documentId?: string;
  /** Whether SpreadsheetApp.getActive() gives it (default true). */
  activeDocument?: boolean;
}

/** Time-driven runtime a user has spent on the Pacific-time day of `at` (Apps Script's quota day). */
function triggerTimeKey(user: string, at: number): string {
  return `trigger-ms:${user}:${formatJavaDate(at, 'America/Los_Angeles', 'yyyy-MM-dd')}`;
}

/**
 * Apps Script runs in the script's time zone, so Date's local-time methods must too. Node reads
 * process.env.TZ when it changes; the zone is set for the (synchronous) execution and restored.
 */
function useTimeZone(timeZone: string): () => void {
  const previous = process.env.TZ;
  if (previous === timeZone) return () => undefined;
  process.env.TZ = timeZone;
  return () => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  };
}

/**
 * Executions are synchronous, so a caller that runs many in a row (a long clock advance, a loop
 * of rt.run) holds its event loop all that time, and a test worker that cannot answer vitest for
 * a minute fails the whole run. So at most this many executions (a few seconds' work) may run
 * without the event loop getting a turn; rt.clock.advanceAsync and rt.callFromSidebar give one.
 */
export const MAX_BACK_TO_BACK_EXECUTIONS = 300;

/** Executions since the event loop last had a turn; a pending setImmediate resets it. */
const backToBack = { count: 0, turnPending: false };

function countBackToBack(fnName: string): void {
  if (!backToBack.turnPending) {
    backToBack.turnPending = true;
    setImmediate(() => {
      backToBack.count = 0;
      backToBack.turnPending = false;
    });
  }
  if (++backToBack.count > MAX_BACK_TO_BACK_EXECUTIONS) {
    throw new Error(
      `Not running ${fnName}: ${MAX_BACK_TO_BACK_EXECUTIONS} executions ran back to back without the event loop getting a turn. ` +
        'Await rt.clock.advanceAsync(ms) rather than rt.clock.advance(ms) for long spans, or await a macrotask between runs.',
    );
  }
}

export function execute(world: World, spec: ExecuteSpec): RunResult {
  countBackToBack(spec.fnName);
  const exec = new Execution(
    world,
    world.nextExecutionId(),
    spec.user,
    spec.authMode,
    spec.kind,
    spec.fnName,
    spec.documentId ?? world.documents.keys().next().value ?? '',
    spec.activeDocument ?? true,
  );
  const env: Env = { world, exec };
  const context = exec.realm.context;
  Object.assign(context, buildGlobals(env));

  // Time-driven runs share a daily allowance per user; the run is cut off where it ends.
  const quotaKey = spec.kind === 'time-trigger' ? triggerTimeKey(spec.user, exec.startedAt) : null;
  if (quotaKey) {
    const left = world.triggerRuntimePerDayMs - (world.daily.get(quotaKey) ?? 0);
    if (left < exec.limitMs) {
      exec.limitMs = Math.max(0, left);
      exec.killMessage = DAILY_TRIGGER_MESSAGE;
    }
  }

  let value: unknown;
  let error: ErrorInfo | undefined;
  const restoreTimeZone = useTimeZone(world.scriptTimeZone);
  const previousDocument = world.currentDocumentId;
  world.currentDocumentId = exec.documentId;
  try {
    if (quotaKey && exec.limitMs <= 0) {
      exec.killed = true;
      throw exec.realm.exception(DAILY_TRIGGER_MESSAGE);
    }
    loadScriptFiles(world.buildDir, context);
    const fn = (context as Record<string, unknown>)[spec.fnName];
    if (typeof fn !== 'function') throw exec.realm.exception(`Script function not found: ${spec.fnName}`);
    const returned = fn.apply(undefined, spec.args(env));
    value = (spec.output ?? fromRealm)(returned);
  } catch (e) {
    error = describeError(e);
  } finally {
    world.pendingKill = undefined;
    world.currentDocumentId = previousDocument;
    restoreTimeZone();
    for (const key of exec.heldLocks)
      if (world.locks.get(key)?.executionId === exec.id) world.locks.delete(key);
  }

  // A killed execution reports the kill even when the script caught the exception.
  if (exec.killed) {
    error = { name: 'Exception', message: exec.killMessage, stack: error?.stack };
    value = undefined;
  }
  if (quotaKey)
    world.daily.set(quotaKey, (world.daily.get(quotaKey) ?? 0) + world.clock.now() - exec.startedAt);
  const { executions } = world.counters;
  executions.runs++;
  if (exec.killed) executions.killed++;
  else if (error) executions.errors++;

  const result: RunResult = {
    value,
    error,
    killed: exec.killed,
    startedAt: exec.startedAt,
    durationMs: world.clock.now() - exec.startedAt,
    executionId: exec.id,
    fnName: spec.fnName,
    user: spec.user,
    kind: spec.kind,
    authMode: spec.authMode,
  };
  if (!error) delete result.error;
  world.executions.push(result);
  return result;
}
