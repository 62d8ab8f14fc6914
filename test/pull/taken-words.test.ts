import { describe, expect, it } from 'vitest';
import { takenWords } from '../../src/core/pull/taken-words';

const teams = { kind: 'resource', resource: 'teams' } as const;
const people = { kind: 'resource', resource: 'people' } as const;
const adherence = (granularity: 'day' | 'week') =>
  ({ kind: 'report', report: 'adherence', granularity }) as const;
const replace = { sheet: 'People', mode: 'replace', how: 'replace it' } as const;

describe('takenWords: what Pull data says under a new sheet name a sheet has already', () => {
  it('says first that a sheet holding other data is asked about before it is replaced', () => {
    expect(takenWords({ ...replace, source: teams, held: 'People', made: true })).toBe(
      '"People" holds People: pulling Teams there asks first, then replaces it. Type another name for another new sheet.',
    );
    expect(takenWords({ ...replace, source: teams, held: 'People', made: false })).toBe(
      '"People" holds People: pulling Teams there asks first, then replaces it. Type another name for a new sheet.',
    );
  });

  it('an append or merge of other data, or of another granularity, is said to be refused', () => {
    expect(
      takenWords({
        sheet: 'Adherence',
        mode: 'append',
        how: 'append below it',
        source: adherence('day'),
        held: 'Adherence report (week)',
        made: true,
      }),
    ).toBe(
      '"Adherence" holds Adherence report (week): appending Adherence report (day) there is refused, as it would mix the two in one table. Choose Replace it, or type another name for a new sheet.',
    );
  });

  it('the same data, another granularity replaced, or data not known: as before', () => {
    const again =
      '"People" holds the rows this pull just wrote: Pull data writes into it again (replace it). Type another name for another new sheet.';
    expect(takenWords({ ...replace, source: people, held: 'People', made: true })).toBe(again);
    expect(
      takenWords({
        ...replace,
        sheet: 'People',
        source: adherence('day'),
        held: 'Adherence report (week)',
        made: true,
      }),
    ).toBe(again);
    expect(takenWords({ ...replace, sheet: 'Sheet1', source: teams, made: false })).toBe(
      '"Sheet1" is already a sheet: this pull writes into it (replace it) if it is empty or holds a table the add-on pulled, else it is refused. Type another name for a new sheet.',
    );
  });
});
