// Times typed on a night the clocks change: the hour they skip names no instant and is read
// forward by the jump; the hour they go back over names two and is read as the first. Which was
// read is said, with how to type the time exactly.
import { describe, expect, it } from 'vitest';
import { intlZone } from '../../dev/intl-zone';
import { readCellTime } from '../../src/core/push/cell-time';
import { wallReadingWords } from '../../src/core/time/clock-changes';
import { instantReading, mayBeSkipped, readWall } from '../../src/core/time/wall-reading';

const ny = intlZone('America/New_York');
const london = intlZone('Europe/London');
const at = (iso: string) => Date.parse(iso);
const wall = (iso: string) => {
  const [date = '', time = ''] = iso.split(' ');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute };
};

describe('a wall-clock time the clocks skip', () => {
  it('is read forward by the jump, in New York and in London', () => {
    expect(readWall(wall('2027-03-14 02:30'), ny)).toMatchObject({
      ms: at('2027-03-14T07:30:00Z'),
      reading: { kind: 'skipped', before: -300, after: -240 },
    });
    // London goes from 01:00 GMT to 02:00 BST.
    expect(readWall(wall('2027-03-28 01:30'), london)).toMatchObject({
      ms: at('2027-03-28T01:30:00Z'),
      reading: { kind: 'skipped', before: 0, after: 60 },
    });
  });

  it('starts at the hour clocks leave and ends before the one they reach', () => {
    // 02:00 New York on 14 March 2027 never shows: read as 03:00 EDT.
    expect(readWall(wall('2027-03-14 02:00'), ny)).toMatchObject({
      ms: at('2027-03-14T07:00:00Z'),
      reading: { kind: 'skipped' },
    });
    expect(readWall(wall('2027-03-14 03:00'), ny)).toEqual({ ms: at('2027-03-14T07:00:00Z') });
    expect(readWall(wall('2027-03-14 01:59'), ny)).toEqual({ ms: at('2027-03-14T06:59:00Z') });
  });

  it('says what it was read as and how to be exact', () => {
    const { reading } = readWall(wall('2027-03-14 02:30'), ny);
    expect(reading && wallReadingWords(reading, ny)).toBe(
      '02:30 on 14 March 2027 does not exist in America/New_York (clocks go forward from 02:00 to 03:00): read as 03:30 (UTC\u22124). To be exact, type a time the clocks show that day, or the time with its offset, such as 2027-03-14 03:30-04:00.',
    );
    const uk = readWall(wall('2027-03-28 01:30'), london).reading;
    expect(uk && wallReadingWords(uk, london)).toBe(
      '01:30 on 28 March 2027 does not exist in Europe/London (clocks go forward from 01:00 to 02:00): read as 02:30 (UTC+1). To be exact, type a time the clocks show that day, or the time with its offset, such as 2027-03-28 02:30+01:00.',
    );
  });

  it('is told from the instant a date cell gives only as what one may have been read as', () => {
    // 03:00 to 03:59 EDT that day is what 02:00 to 02:59 are read forward as; 04:00 is not.
    expect(mayBeSkipped(at('2027-03-14T07:00:00Z'), ny)).toBe(true);
    expect(mayBeSkipped(at('2027-03-14T07:59:00Z'), ny)).toBe(true);
    expect(mayBeSkipped(at('2027-03-14T08:00:00Z'), ny)).toBe(false);
    expect(mayBeSkipped(at('2027-03-14T06:30:00Z'), ny)).toBe(false);
    expect(mayBeSkipped(at('2027-03-15T07:30:00Z'), ny)).toBe(false);
    expect(mayBeSkipped(at('2027-03-28T01:30:00Z'), london)).toBe(true);
  });
});

describe('a wall-clock time that comes twice', () => {
  it('is read as its first, in New York and in London', () => {
    expect(readWall(wall('2027-11-07 01:30'), ny)).toMatchObject({
      ms: at('2027-11-07T05:30:00Z'),
      reading: { kind: 'twice', first: -240, second: -300 },
    });
    expect(readWall(wall('2027-10-31 01:30'), london)).toMatchObject({
      ms: at('2027-10-31T00:30:00Z'),
      reading: { kind: 'twice', first: 60, second: 0 },
    });
  });

  it('starts at the hour clocks go back to and ends before the one they left', () => {
    expect(readWall(wall('2027-11-07 01:00'), ny)).toMatchObject({
      ms: at('2027-11-07T05:00:00Z'),
      reading: { kind: 'twice' },
    });
    expect(readWall(wall('2027-11-07 02:00'), ny)).toEqual({ ms: at('2027-11-07T07:00:00Z') });
    expect(readWall(wall('2027-11-07 00:59'), ny)).toEqual({ ms: at('2027-11-07T04:59:00Z') });
  });

  it('says which was read and how to type the other', () => {
    const { reading } = readWall(wall('2027-11-07 01:30'), ny);
    expect(reading && wallReadingWords(reading, ny)).toBe(
      '01:30 on 7 November 2027 happens twice in America/New_York (clocks go back from 02:00 to 01:00): read as the first (UTC\u22124). To mean the second, type it with its offset: 2027-11-07 01:30-05:00.',
    );
    // A date cell's instant may be either: the second says how to type the first.
    const second = instantReading(at('2027-11-07T06:30:00Z'), ny);
    expect(second && wallReadingWords(second, ny)).toBe(
      '01:30 on 7 November 2027 happens twice in America/New_York (clocks go back from 02:00 to 01:00): read as the second (UTC\u22125). To mean the first, type it with its offset: 2027-11-07 01:30-04:00.',
    );
    // The offset typed reads as the instant it names, with nothing to say.
    expect(readCellTime('2027-11-07 01:30-05:00', ny)).toEqual({
      ms: at('2027-11-07T06:30:00Z'),
      day: { year: 2027, month: 11, day: 7 },
      hasTime: true,
    });
  });
});

describe('an ordinary time', () => {
  it('has nothing to say, on a change day or any other', () => {
    expect(readWall(wall('2027-03-14 12:00'), ny)).toEqual({ ms: at('2027-03-14T16:00:00Z') });
    expect(readWall(wall('2027-11-07 12:00'), ny)).toEqual({ ms: at('2027-11-07T17:00:00Z') });
    expect(readWall(wall('2027-06-01 02:30'), london)).toEqual({ ms: at('2027-06-01T01:30:00Z') });
    expect(instantReading(at('2027-11-07T07:30:00Z'), ny)).toBeUndefined();
    expect(readCellTime('2027-06-01 09:00', ny)?.reading).toBeUndefined();
  });

  it('is read from a cell as text, a serial or a date cell with the reading it needs', () => {
    expect(readCellTime('2027-03-14 02:30', ny)?.reading?.kind).toBe('skipped');
    // Sheets' serial for 2027-11-07 01:30.
    const serial = (Date.UTC(2027, 10, 7, 1, 30) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(readCellTime(serial, ny)?.reading?.kind).toBe('twice');
    expect(readCellTime(new Date(at('2027-11-07T05:30:00Z')), ny)?.reading?.kind).toBe('twice');
  });
});
