// A refresh's run that fails is told in the same words whether it failed as it started (startRun,
// before its job is saved) or at a later step of its job: in the log, on its card, in its pause.
// Assembled is asked nothing as a run starts, and its sheet is looked for just before, so the
// failures at the start are made here through the deps: a key refused by the client, a sheet gone
// though it was just found.
import { describe, expect, it } from 'vitest';
import { AssembledError, KEY_REFUSED } from '../../src/core/assembled/errors';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { saveRefresh } from '../../src/core/schedule/manage';
import { RefreshStore } from '../../src/core/schedule/refresh';
import { runDueRefreshes } from '../../src/core/schedule/run-refreshes';
import { MemoryGrid } from '../sheet/memory-grid';
import { coreSetup, TEST_KEY } from '../support/core-deps';

type Stage = 'start' | 'later';

/** An hourly refresh of time off into "Time off"; a merge reads its sheet as it starts, a replace only as it writes. */
function hourly(mode: PullSpec['mode']) {
  const s = coreSetup();
  s.grids.set('Time off', new MemoryGrid([['keep me']]));
  const spec = {
    source: { kind: 'resource', resource: 'time_off_requests' },
    filters: {},
    target: { kind: 'sheet', name: 'Time off' },
    mode,
  };
  const { id } = saveRefresh(
    s.deps,
    { spec, frequency: { kind: 'hourly' }, notifyByEmail: true },
    `refresh-${mode}-0001`,
  );
  return { s, id };
}

/** The refresh's next run, ticked once; what it said in the log, on its card and in its pause. */
function told(s: ReturnType<typeof coreSetup>, id: string) {
  s.clock.advance(3_600_000);
  runDueRefreshes(s.deps, s.clock.now() + 300_000);
  const r = new RefreshStore(s.deps.store).get(id);
  return {
    log: s.logs.map((l) => [l.status, l.message]),
    card: r?.lastRun?.message,
    paused: r?.pausedReason,
  };
}

function keyRefused(stage: Stage) {
  const { s, id } = hourly('replace');
  if (stage === 'later') s.simulator.revokeKey(TEST_KEY);
  else
    s.deps.client = () => {
      throw new AssembledError({ kind: 'auth', status: 401, endpoint: '', message: KEY_REFUSED });
    };
  return told(s, id);
}

function sheetGone(stage: Stage) {
  // Found by the check before the run, gone when the run opens it: as it starts for a merge, as
  // it writes for a replace.
  const { s, id } = hourly(stage === 'start' ? 'merge' : 'replace');
  s.grids.delete('Time off');
  s.deps.targets = { ...s.deps.targets, exists: () => true };
  return told(s, id);
}

const REFUSED_THEIRS = 'Assembled did not accept the API key of its owner, analyst@example.com.';
const CUT_SHORT = 'Not finished: its sheet "Time off" was deleted during the run.';

describe("a refresh's run that fails", () => {
  it.each(['start', 'later'] as const)('with its key refused, at the %s, names whose key it was', (stage) => {
    // Not the sidebar's "Open Settings and set a valid key", which every editor would read as theirs.
    expect(keyRefused(stage)).toEqual({
      // Then the pause it made, in the same words, at the start or later.
      log: [
        ['failed', REFUSED_THEIRS],
        ['paused', `Paused as its run failed: ${REFUSED_THEIRS}`],
      ],
      card: REFUSED_THEIRS,
      paused: expect.stringMatching(/^Paused: Assembled did not accept the API key of its owner, analyst@/),
    });
  });

  it.each(['start', 'later'] as const)(
    'with its sheet gone, at the %s, says what became of the run',
    (stage) => {
      // Not the sidebar's "Choose another target", which a refresh has not: its card says what to do.
      expect(sheetGone(stage)).toEqual({
        log: [
          ['failed', CUT_SHORT],
          ['paused', 'Paused as its run failed: its sheet "Time off" was deleted.'],
        ],
        card: CUT_SHORT,
        paused: expect.stringMatching(
          /^Paused: its sheet "Time off" was deleted\. To have it run again, bring the sheet back: .*\(Edit ▸ Undo\); or restore a version .* Or point it at another sheet: delete this refresh/,
        ),
      });
    },
  );
});
