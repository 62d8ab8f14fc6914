// Which 400s are about how a time was sent (Settings' Send times as), in either dialect's words.
import { describe, expect, it } from 'vitest';
import { timesWanted } from '../../src/core/assembled/time-refusal';

const iso = { start_time: '2026-05-18T00:00:00.000Z', end_time: '2026-05-25T00:00:00.000Z' };
const unix = { start_time: 1779062400, end_time: 1779667200 };

describe('timesWanted', () => {
  it("reads the live API's refusal of ISO and the YAML's of unix seconds, in the query or the body", () => {
    const live = 'start_time: must be unix seconds (an integer), not an ISO 8601 string';
    expect(timesWanted(live, iso, undefined)).toBe('unix');
    expect(timesWanted(live, undefined, iso)).toBe('unix');
    const seed = 'start_time: must be a date-time';
    expect(timesWanted(seed, unix, undefined)).toBe('iso');
    // Deep in a body (a batch of states), and unix seconds as the query string carries them.
    expect(timesWanted('states[0].end_time: must be a date-time', undefined, { states: [unix] })).toBe('iso');
    expect(timesWanted(seed, { start_time: '1779062400' }, undefined)).toBe('iso');
  });

  it('leaves other refusals alone: of a time for its value, or of a field sent as no time', () => {
    expect(timesWanted('end_time must be after start_time', iso, undefined)).toBeUndefined();
    expect(timesWanted('Missing required field priority_order', iso, undefined)).toBeUndefined();
    expect(timesWanted('limit: must be an integer', { ...iso, limit: 'x' }, undefined)).toBeUndefined();
    expect(timesWanted('start_time: must be a date-time', { agent_ids: 'a' }, undefined)).toBeUndefined();
  });

  it('gives no advice when the time sent is out of range, whichever way it went: no form mends that', () => {
    // A time typed without a date (Sheets' 1899-12-30) as unix seconds, in the body and the query.
    const dayZero = { start_time: -2209021200, end_time: -2208992400 };
    expect(
      timesWanted('start_time: must be a date-time in unix seconds', undefined, dayZero),
    ).toBeUndefined();
    expect(
      timesWanted(
        'start_time: must be unix seconds (an integer), not an ISO 8601 string',
        { start_time: '-2209021200' },
        undefined,
      ),
    ).toBeUndefined();
    expect(
      timesWanted('start_time: must be a date-time', { start_time: '1899-12-30T14:00:00.000Z' }, undefined),
    ).toBeUndefined();
    // Past 9999, ISO has no four-digit year for it.
    expect(timesWanted('start_time: must be a date-time', undefined, { start_time: 1e12 })).toBeUndefined();
  });
});
