// The runs of a refresh due while a run of it was retried, as that run's end says them.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { MemoryStore } from '../../dev/memory-store';
import type { PullJob } from '../../src/core/jobs/pull-job';
import { foldedBrief, foldedWords, withFolded } from '../../src/core/schedule/folded-runs';
import { type Refresh, RefreshStore } from '../../src/core/schedule/refresh';
import { formatLocalDateTime } from '../../src/core/time/zone-math';

const zone = intlZone('America/New_York');
const local = (text: string) => Date.parse(`${text}-05:00`);
const time = (at: number) => formatLocalDateTime(at, zone);

/** Its run given up on an outage, or done after failed attempts: its refresh runs on. */
const outage = { retried: true, goesOn: true };

/** An hourly refresh of today whose run, due `due`, goes on (its next run the hour after). */
function running(due: string, paused = false) {
  const store = new MemoryStore();
  const at = local(due);
  new RefreshStore(store).save({
    id: 'r1',
    owner: 'analyst@example.com',
    spec: {
      source: { kind: 'report', report: 'handle_time', granularity: 'day' },
      range: { kind: 'relative', preset: 'today' },
      filters: {},
      target: { kind: 'sheet', name: 'AHT' },
      mode: 'replace',
    },
    frequency: { kind: 'hourly' },
    notifyByEmail: false,
    createdAt: at - 3_600_000,
    paused,
    nextRunAt: at + 3_600_000,
    nextRunFrom: at,
    jobId: 'j1',
  } as Refresh);
  return { store, job: { id: 'j1', refreshId: 'r1' } as PullJob };
}

describe('withFolded', () => {
  it('counts the runs due up to its end, and the next run covers them when its range starts no later', () => {
    const { store, job } = running('2026-12-06T19:00');
    const { folded } = withFolded(store, job, zone, local('2026-12-06T21:58'), outage);
    expect(folded).toEqual({
      count: 2,
      first: local('2026-12-06T20:00'),
      last: local('2026-12-06T21:00'),
      covered: local('2026-12-06T22:00'),
      retried: true,
    });
    expect(foldedWords(folded as NonNullable<typeof folded>, zone)).toBe(
      'The runs due 2026-12-06 20:00 and 21:00 were not started while this one was retried. The next run, due 22:00, pulls the dates they were to pull.',
    );
  });

  it("says no more than that they were not started when the next run's range has moved past theirs", () => {
    // The 23:00 run was to pull the 6th; the next, at 01:00, pulls the 7th.
    const { store, job } = running('2026-12-06T22:00');
    const { folded } = withFolded(store, job, zone, local('2026-12-07T00:20'), outage);
    expect(folded).toEqual({
      count: 2,
      first: local('2026-12-06T23:00'),
      last: local('2026-12-07T00:00'),
      retried: true,
    });
    expect(foldedWords(folded as NonNullable<typeof folded>, zone)).toBe(
      'The runs due 2026-12-06 23:00 and 2026-12-07 00:00 were not started while this one was retried.',
    );
  });

  it('names no next run for a run whose end may have paused its refresh (its key refused, Stop, Pause)', () => {
    const { store, job } = running('2026-12-06T19:00');
    const { folded } = withFolded(store, job, zone, local('2026-12-06T21:58'), {
      retried: true,
      goesOn: false,
    });
    expect(folded?.covered).toBeUndefined();
    expect(foldedWords(folded as NonNullable<typeof folded>, zone)).toBe(
      'The runs due 2026-12-06 20:00 and 21:00 were not started while this one was retried.',
    );
  });

  it('folds none into a run that ends before the next is due, nor into a paused refresh', () => {
    const { store, job } = running('2026-12-06T19:00');
    expect(withFolded(store, job, zone, local('2026-12-06T19:58'), outage).folded).toBeUndefined();
    const paused = running('2026-12-06T19:00', true);
    expect(
      withFolded(paused.store, paused.job, zone, local('2026-12-06T21:58'), outage).folded,
    ).toBeUndefined();
  });
});

describe('the words of runs not started', () => {
  it('say a run with no failed attempt (a long report) was still running, not retried', () => {
    const long = { count: 1, first: local('2026-12-06T07:00'), last: local('2026-12-06T07:00') };
    expect(foldedWords(long, zone)).toBe(
      'The run due 2026-12-06 07:00 was not started while this one was still running.',
    );
  });

  it('name one run, or many by their count, first and last', () => {
    const one = {
      count: 1,
      first: local('2026-12-06T20:00'),
      last: local('2026-12-06T20:00'),
      retried: true as const,
    };
    expect(foldedWords(one, zone)).toBe(
      'The run due 2026-12-06 20:00 was not started while this one was retried.',
    );
    expect(foldedBrief(one, time, '2026-12-06 19:00')).toBe(
      'the run due 20:00 was not started while it was retried',
    );
    const five = {
      count: 5,
      first: local('2026-12-06T20:00'),
      last: local('2026-12-07T00:00'),
      retried: true as const,
    };
    expect(foldedWords({ ...five, covered: local('2026-12-07T01:00') }, zone)).toBe(
      'The 5 runs due 2026-12-06 20:00 to 2026-12-07 00:00 were not started while this one was retried. The next run, due 01:00, pulls the dates they were to pull.',
    );
    expect(foldedBrief(five, time, '2026-12-06 19:00')).toBe(
      'the 5 runs due 20:00 to 2026-12-07 00:00 were not started while it was retried',
    );
  });
});
