// Report rows as the sheet's calendar buckets: when to ask Assembled for intervals, and how they
// are rolled up.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import {
  blankOverNothing,
  bucketPlan,
  intervalParts,
  localBuckets,
  rollUp,
} from '../../src/core/pull/report-buckets';

const H = 3_600_000;
const DAY = 24 * H;
const newYork = intlZone('America/New_York');
const london = intlZone('Europe/London');
// A New York week in May (UTC-4): 2026-05-18 00:00 to 2026-05-25 00:00 local.
const nyWeek = { start: Date.UTC(2026, 4, 18, 4), end: Date.UTC(2026, 4, 25, 4) };

describe('bucketPlan', () => {
  it('asks for the granularity itself where Assembled UTC buckets are the sheet ones (London in winter)', () => {
    const week = { start: Date.UTC(2026, 0, 5), end: Date.UTC(2026, 0, 12) };
    expect(bucketPlan('day', week, london)).toEqual({ ask: 'day', rollUp: false });
    expect(bucketPlan('week', week, london)).toEqual({ ask: 'week', rollUp: false });
  });

  it('asks for intervals and rolls them up where they do not line up (New York), and says so', () => {
    const plan = bucketPlan('day', nyWeek, newYork);
    expect(plan).toMatchObject({ ask: 'interval', rollUp: true });
    expect(plan.note).toMatch(/calendar days in America\/New_York, rolled up/);
    // London in summer is UTC+1: its days start at 23:00Z.
    const summer = { start: Date.UTC(2026, 5, 1, -1), end: Date.UTC(2026, 5, 8, -1) };
    expect(bucketPlan('day', summer, london).rollUp).toBe(true);
  });

  it('says which weeks the range cuts short, and nothing when it holds whole weeks', () => {
    // November 2026 in New York: Sunday the 1st (when summer time ends) to Monday the 30th.
    const november = { start: Date.UTC(2026, 10, 1, 4), end: Date.UTC(2026, 11, 1, 5) };
    expect(bucketPlan('week', november, newYork).note).toMatch(
      / The range cuts the first week short \(1 day, 2026-11-01\) and the last week short \(1 day, 2026-11-30\)\.$/,
    );
    const fourWeeks = { start: Date.UTC(2026, 10, 2, 5), end: Date.UTC(2026, 10, 30, 5) };
    expect(bucketPlan('week', fourWeeks, newYork).note).not.toMatch(/cuts/);
    const lastDays = { start: Date.UTC(2026, 10, 2, 5), end: Date.UTC(2026, 10, 6, 5) };
    expect(bucketPlan('month', lastDays, newYork).note).toMatch(
      / The range cuts the first month short \(4 days, 2026-11-02 to 2026-11-05\)\.$/,
    );
    expect(bucketPlan('day', november, newYork).note).not.toMatch(/cuts/);
  });

  it('over 31 days (no intervals there) keeps Assembled buckets and says they are UTC ones', () => {
    const quarter = { start: Date.UTC(2026, 3, 1, 4), end: Date.UTC(2026, 6, 1, 4) };
    const plan = bucketPlan('month', quarter, newYork);
    expect(plan).toMatchObject({ ask: 'month', rollUp: false });
    expect(plan.note).toMatch(/UTC months, not calendar months in America\/New_York/);
  });

  it('local buckets are the sheet days, weeks from Monday, months from the 1st', () => {
    expect(localBuckets(nyWeek, 'day', newYork)).toHaveLength(7);
    expect(localBuckets(nyWeek, 'day', newYork)[0]).toEqual({ start: nyWeek.start, end: nyWeek.start + DAY });
    expect(localBuckets(nyWeek, 'week', newYork)).toEqual([nyWeek]);
    const month = localBuckets(
      { start: Date.UTC(2026, 4, 1, 4), end: Date.UTC(2026, 5, 1, 4) },
      'month',
      newYork,
    );
    expect(month).toEqual([{ start: Date.UTC(2026, 4, 1, 4), end: Date.UTC(2026, 5, 1, 4) }]);
  });
});

describe('intervalParts', () => {
  // New York in winter (UTC-5): 1 December 2026 to 5 January 2027, a month to date run's catch-up.
  const ny = (month: number, day: number) => Date.UTC(2026, month, day, 5);
  const range = { start: ny(11, 1), end: ny(12, 5) };
  const january = { start: ny(12, 1), end: ny(12, 5) };

  it('cuts a caught-up range where the sheet buckets meet, each part within 31 days', () => {
    expect(intervalParts('month', range, january, newYork)).toEqual([
      { start: ny(11, 1), end: ny(12, 1) },
      { start: ny(12, 1), end: ny(12, 5) },
    ]);
    // Weeks from Monday: 28 December is the last Monday within 31 days of the 1st.
    expect(intervalParts('week', range, january, newYork)).toEqual([
      { start: ny(11, 1), end: ny(11, 28) },
      { start: ny(11, 28), end: ny(12, 5) },
    ]);
    expect(intervalParts('interval', range, january, newYork)).toEqual([
      { start: ny(11, 1), end: ny(12, 1) },
      { start: ny(12, 1), end: ny(12, 5) },
    ]);
    // By interval nothing is rolled up: a long range of its own is cut at midnights too.
    expect(intervalParts('interval', range, range, newYork)).toEqual([
      { start: ny(11, 1), end: ny(12, 1) },
      { start: ny(12, 1), end: ny(12, 5) },
    ]);
    const plan = bucketPlan('month', range, newYork, false, intervalParts('month', range, january, newYork));
    expect(plan).toMatchObject({ ask: 'interval', rollUp: true });
  });

  it('leaves one report where it does: within 31 days, a long range of its own, or buckets Assembled lines up', () => {
    expect(intervalParts('month', january, january, newYork)).toBeUndefined();
    expect(intervalParts('month', range, range, newYork)).toBeUndefined();
    expect(intervalParts('interval', january, january, newYork)).toBeUndefined();
    const winter = { start: Date.UTC(2026, 11, 1), end: Date.UTC(2027, 0, 5) };
    expect(
      intervalParts('month', winter, { ...winter, start: Date.UTC(2027, 0, 1) }, london),
    ).toBeUndefined();
  });
});

describe('rollUp', () => {
  const interval = (at: number, values: Record<string, number>, dims: Record<string, string> = {}) => ({
    ...dims,
    type: 'interval',
    start_time: at,
    end_time: at + H / 2,
    ...values,
  });

  it('sums counts and seconds, recomputes percentages and averages from the sums, never averages them', () => {
    const day = nyWeek.start;
    const rows = [
      interval(
        day,
        { scheduled_seconds: 1800, adherent_seconds: 1800, adherence_percent: 100 },
        { agent_id: 'a' },
      ),
      interval(
        day + H,
        { scheduled_seconds: 600, adherent_seconds: 0, adherence_percent: 0 },
        { agent_id: 'a' },
      ),
      // 20:00 local on the 18th is 00:00Z on the 19th: still the 18th in the sheet.
      interval(
        day + 20 * H,
        { scheduled_seconds: 1200, adherent_seconds: 600, adherence_percent: 50 },
        { agent_id: 'a' },
      ),
      interval(
        day + DAY,
        { scheduled_seconds: 1800, adherent_seconds: 900, adherence_percent: 50 },
        { agent_id: 'a' },
      ),
    ];
    const out = rollUp(rows, 'day', nyWeek, newYork);
    expect(out).toEqual([
      {
        agent_id: 'a',
        type: 'day',
        start_time: day,
        end_time: day + DAY,
        scheduled_seconds: 3600,
        adherent_seconds: 2400,
        // 2400 / 3600, not the mean of 100, 0 and 50 (50).
        // Kept whole: the sheet's format rounds what it shows, AVERAGE over the column does not.
        adherence_percent: (2400 / 3600) * 100,
      },
      {
        agent_id: 'a',
        type: 'day',
        start_time: day + DAY,
        end_time: day + 2 * DAY,
        scheduled_seconds: 1800,
        adherent_seconds: 900,
        adherence_percent: 50,
      },
    ]);
  });

  it('an average with no total beside it is weighted by its count; a backlog is the level at the end', () => {
    const day = nyWeek.start;
    const rows = [
      interval(day, { created: 4, solved: 1, backlog: 9, average_handle_seconds: 600 }, { queue_id: 'q' }),
      interval(
        day + H,
        { created: 1, solved: 3, backlog: 7, average_handle_seconds: 200 },
        { queue_id: 'q' },
      ),
    ];
    expect(rollUp(rows, 'day', nyWeek, newYork)).toEqual([
      {
        queue_id: 'q',
        type: 'day',
        start_time: day,
        end_time: day + DAY,
        created: 5,
        solved: 4,
        backlog: 7,
        // (600 x 1 + 200 x 3) / 4 = 300, not (600 + 200) / 2 = 400.
        average_handle_seconds: 300,
      },
    ]);
  });

  it('handle time: the average is total seconds over items handled', () => {
    const day = nyWeek.start;
    const rows = [
      interval(
        day,
        { handled: 1, total_handle_seconds: 900, average_handle_seconds: 900 },
        { agent_id: 'a' },
      ),
      interval(
        day + H,
        { handled: 2, total_handle_seconds: 300, average_handle_seconds: 150 },
        { agent_id: 'a' },
      ),
    ];
    expect(rollUp(rows, 'day', nyWeek, newYork)[0]).toMatchObject({
      handled: 3,
      total_handle_seconds: 1200,
      average_handle_seconds: 400,
    });
  });
});

describe('an average or percentage over nothing', () => {
  const day = { start: nyWeek.start, end: nyWeek.start + DAY };
  const at = (h: number) => ({ start_time: day.start + h * H, end_time: day.start + h * H + H / 2 });

  it('is blank where its count is 0, and kept where it is not', () => {
    const rows = [
      { queue_id: 'q1', ...at(1), solved: 0, average_handle_seconds: 0 },
      { queue_id: 'q1', ...at(2), solved: 2, average_handle_seconds: 0 },
      { agent_id: 'a1', ...at(1), scheduled_seconds: 0, adherent_seconds: 0, adherence_percent: 0 },
      { agent_id: 'a1', ...at(2), handled: 0, total_handle_seconds: 0, average_handle_seconds: 0 },
    ];
    expect(
      blankOverNothing(rows).map((r) =>
        'adherence_percent' in r ? r.adherence_percent : r.average_handle_seconds,
      ),
    ).toEqual([null, 0, null, null]);
  });

  it('rolled up from intervals with nothing under it, is blank too', () => {
    const rows = [
      { agent_id: 'a1', ...at(1), scheduled_seconds: 0, adherent_seconds: 0, adherence_percent: 0 },
    ];
    expect(rollUp(rows, 'day', nyWeek, newYork)[0]?.adherence_percent).toBeNull();
  });
});
