// The top bar's clock names the zone as its people read it, as Apps Script's 'z' prints it:
// en-US alone calls London's summer "GMT+1", where Londoners read "BST".
import { afterEach, describe, expect, it } from 'vitest';
import { formatTime } from '../../dev/workbench/sheet-view';
import { Workbench } from '../../dev/workbench/workbench';

const at = (iso: string) => Date.parse(iso);

describe('the workbench clock', () => {
  let bench: Workbench | undefined;
  afterEach(() => bench?.close());

  it('names a zone by the abbreviation read there, summer and winter', () => {
    expect(formatTime(at('2026-07-01T11:00:00Z'), 'Europe/London')).toBe('Wed 2026-07-01 12:00:00 BST');
    expect(formatTime(at('2026-01-15T11:00:00Z'), 'Europe/London')).toBe('Thu 2026-01-15 11:00:00 GMT');
    expect(formatTime(at('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('Wed 2026-07-01 08:00:00 EDT');
    expect(formatTime(at('2026-01-15T12:00:00Z'), 'America/New_York')).toBe('Thu 2026-01-15 07:00:00 EST');
    expect(formatTime(at('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('Wed 2026-07-01 14:00:00 CEST');
    expect(formatTime(at('2026-07-01T12:00:00Z'), 'Europe/Dublin')).toBe('Wed 2026-07-01 13:00:00 IST');
    expect(formatTime(at('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('Thu 2026-01-15 17:30:00 IST');
    expect(formatTime(at('2026-01-15T12:00:00Z'), 'Australia/Sydney')).toBe('Thu 2026-01-15 23:00:00 AEDT');
    // No English abbreviation: the offset, as Apps Script prints it.
    expect(formatTime(at('2026-01-15T12:00:00Z'), 'Asia/Tokyo')).toBe('Thu 2026-01-15 21:00:00 GMT+09:00');
    expect(formatTime(at('2026-01-15T12:00:00Z'), 'UTC')).toBe('Thu 2026-01-15 12:00:00 UTC');
  });

  it('shows BST in the top bar of a London spreadsheet in summer', async () => {
    bench = await Workbench.create(
      { followRealClock: false, now: '2026-07-01T11:00:00Z', timezone: 'Europe/London', locale: 'en_GB' },
      '',
    );
    expect(bench.state().time).toBe('Wed 2026-07-01 12:00:00 BST');
  });
});
