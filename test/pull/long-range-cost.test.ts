// The longest range a pull may name (2000-01-01 to 2099-12-31, fixed-dates.ts FIXED_YEARS) by
// interval is 1,182 reports of 31 days. Cut by walking every day of it and searching every cut for
// each part, working out its reports held the preview and a pull's first step for seconds (the zone
// asked 98,000 times: Utilities.formatDate in Apps Script). Counted here as the zone's look-ups,
// not timed: the cut asks of a part's end, not of every day, and a plan of days asks of its start.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import type { Zone } from '../../src/core/ports';
import { askedParts, bucketPlan, MAX_INTERVAL_DAYS } from '../../src/core/pull/report-buckets';
import { localDateOf, startOfLocalDay } from '../../src/core/time/zone-math';

const DAY = 86_400_000;

/** New York, counting what it is asked. */
function counted(): { zone: Zone; asked: () => number } {
  const ny = intlZone('America/New_York');
  let n = 0;
  return {
    zone: {
      name: ny.name,
      offsetMinutes: (t) => {
        n++;
        return ny.offsetMinutes(t);
      },
    },
    asked: () => n,
  };
}

describe('the longest range a pull may name', () => {
  const ny = intlZone('America/New_York');
  const century = {
    start: startOfLocalDay({ year: 2000, month: 1, day: 1 }, ny),
    end: startOfLocalDay({ year: 2100, month: 1, day: 1 }, ny),
  };

  it('by interval is cut into reports of 31 days at midnights, asking the zone a few times a report, not of every day', () => {
    const { zone, asked } = counted();
    const parts = askedParts('interval', century, century, zone) ?? [];
    expect(parts).toHaveLength(1182);
    // A few look-ups per report (about 8); the walk of the range's 36,525 days asked 186.
    expect(asked()).toBeLessThan(10 * parts.length);
    // Every part whole: end to end over the range, 31 days at most, each cut at a midnight in New York.
    expect(parts[0]?.start).toBe(century.start);
    expect(parts.at(-1)?.end).toBe(century.end);
    for (const [i, p] of parts.entries()) {
      if (i) expect(p.start).toBe(parts[i - 1]?.end);
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_INTERVAL_DAYS * DAY);
      expect(startOfLocalDay(localDateOf(p.end, ny), ny)).toBe(p.end);
    }
  });

  it("by day, week or month asks the zone once to know its rows are Assembled's UTC buckets", () => {
    for (const g of ['day', 'week', 'month'] as const) {
      const { zone, asked } = counted();
      expect(bucketPlan(g, century, zone)).toMatchObject({ ask: g, utc: true });
      expect(askedParts(g, century, century, zone)?.length).toBeGreaterThan(390);
      expect(asked()).toBeLessThan(10);
    }
  });
});
