// Where a merge or append refresh's run starts so that no day falls between two runs.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { afterFailed, CATCH_UP_DAYS, catchesUp, catchUpFrom } from '../../src/core/schedule/catch-up';
import { resolveRange } from '../../src/core/time/date-range';

const zone = intlZone('America/New_York');
const local = (text: string) => Date.parse(`${text}-05:00`);
const range = (from: string, to: string) => resolveRange({ kind: 'absolute', from, to }, 0, zone);

describe('catchUpFrom', () => {
  const december = range('2026-12-01', '2026-12-28');
  const january = range('2027-01-01', '2027-01-04');

  it("goes back over the last run's range when that was not over as it ran", () => {
    const last = { from: december.from, end: december.end, at: local('2026-12-28T06:41') };
    expect(catchUpFrom(last, january, zone)).toBe('2026-12-01');
  });

  it('starts at the first day no run pulled, when the last range was over', () => {
    const whole = range('2026-12-20', '2026-12-27');
    const last = { from: whole.from, end: whole.end, at: local('2026-12-28T07:00') };
    expect(catchUpFrom(last, january, zone)).toBe('2026-12-28');
  });

  it('adds nothing when the last range ended as this one starts, or starts where this one does', () => {
    const before = range('2026-12-25', '2026-12-31');
    expect(
      catchUpFrom({ from: before.from, end: before.end, at: local('2027-01-01T07:00') }, january, zone),
    ).toBe(undefined);
    // Today pulled an hour ago, pulled again: its own range already starts there.
    const today = range('2027-01-04', '2027-01-04');
    expect(
      catchUpFrom({ from: today.from, end: today.end, at: local('2027-01-04T08:00') }, today, zone),
    ).toBe(undefined);
    expect(catchUpFrom(undefined, january, zone)).toBe(undefined);
  });

  it(`goes back ${CATCH_UP_DAYS} days at most: a refresh paused for months does not pull them all`, () => {
    const spring = range('2026-04-01', '2026-04-30');
    const last = { from: spring.from, end: spring.end, at: local('2026-05-01T07:00') };
    expect(catchUpFrom(last, january, zone)).toBe('2026-12-01');
  });
});

describe('catchesUp', () => {
  const spec = (mode: PullSpec['mode'], target: PullSpec['target']) => ({ mode, target }) as PullSpec;
  const sheet = { kind: 'sheet', name: 'Tickets' } as const;
  const table = { kind: 'bigquery', project: 'p', dataset: 'd', table: 't' } as const;

  it('holds for a merge anywhere and an append into a sheet; not for a replace or a BigQuery append', () => {
    expect([spec('merge', sheet), spec('merge', table), spec('append', sheet)].map(catchesUp)).toEqual([
      true,
      true,
      true,
    ]);
    expect([spec('replace', sheet), spec('append', table)].map(catchesUp)).toEqual([false, false]);
  });
});

describe('afterFailed', () => {
  const sheet = { kind: 'sheet', name: 'Tickets' } as const;
  const today = (mode: PullSpec['mode']) =>
    ({ mode, target: sheet, range: { kind: 'relative', preset: 'today' } }) as PullSpec;
  const fourth = range('2026-12-04', '2026-12-04');
  const last = { from: fourth.from, end: fourth.end, at: local('2026-12-04T21:10') };
  const failed = { from: '2026-12-04', to: '2026-12-05' };

  it('a merge or append: the next run pulls the failed days again, from where the last good run began', () => {
    for (const mode of ['merge', 'append'] as const)
      expect(afterFailed(today(mode), last, failed, local('2026-12-05T03:00'), zone)).toEqual({
        again: '2026-12-04',
      });
  });

  it('names as lost only the days before the first day the next run pulls', () => {
    // No run of the refresh worked: the next one, a day on, pulls its own range alone.
    expect(afterFailed(today('merge'), undefined, failed, local('2026-12-05T03:00'), zone)).toEqual({
      lost: { from: '2026-12-04', to: '2026-12-04' },
      again: '2026-12-05',
    });
    expect(afterFailed(today('merge'), undefined, failed, local('2026-12-06T03:00'), zone)).toEqual({
      lost: failed,
    });
  });

  it('names no day lost that the last good run pulled whole', () => {
    // "Last 7 days" merged daily at 07:00: the run of 6 December pulled 29 November to 5 December
    // after they were over; that of the 7th (30 November to 6 December) failed; that of the 8th
    // pulls 1 to 7 December. The 30th is in the sheet whole: not "not pulled".
    const week = {
      mode: 'merge',
      target: sheet,
      range: { kind: 'relative', preset: 'last_7_days' },
    } as PullSpec;
    const good = resolveRange(week.range as never, local('2026-12-06T07:00'), zone);
    const pulled = { from: good.from, end: good.end, at: local('2026-12-06T07:00') };
    const missed = { from: '2026-11-30', to: '2026-12-06' };
    expect(afterFailed(week, pulled, missed, local('2026-12-08T07:00'), zone)).toEqual({
      again: '2026-12-01',
    });
    // Days before those it holds are lost still.
    const later = { from: '2026-11-30', end: good.end, at: pulled.at };
    expect(
      afterFailed(week, later, { from: '2026-11-27', to: '2026-12-06' }, local('2026-12-08T07:00'), zone),
    ).toEqual({ lost: { from: '2026-11-27', to: '2026-11-29' }, again: '2026-12-01' });
  });

  it('a replace shows its own range alone: every failed day is lost, unless its next run pulls them all', () => {
    expect(afterFailed(today('replace'), last, failed, local('2026-12-05T03:00'), zone)).toEqual({
      lost: failed,
    });
    // An hourly "today": the 22:00 run pulls the 4th again; the one after midnight, the 5th alone.
    const fourthOnly = { from: '2026-12-04', to: '2026-12-04' };
    const at22 = local('2026-12-04T22:00');
    expect(afterFailed(today('replace'), last, fourthOnly, at22, zone)).toEqual({ covered: at22 });
    expect(afterFailed(today('replace'), last, fourthOnly, local('2026-12-05T00:00'), zone)).toEqual({
      lost: fourthOnly,
    });
    // Paused, its next run does not come by itself.
    expect(afterFailed(today('replace'), last, fourthOnly, at22, zone, false)).toEqual({ lost: fourthOnly });
  });
});
