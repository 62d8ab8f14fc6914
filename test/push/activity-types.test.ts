import { describe, expect, it } from 'vitest';
import type { ActivityType } from '../../src/core/assembled';
import { ActivityTypeDirectory } from '../../src/core/push/activity-types';

const type = (id: string, name: string, short_name: string): ActivityType =>
  ({ id, name, short_name }) as ActivityType;
const types = [
  type('t-1', 'Training', 'TRN'),
  type('t-2', 'Team meeting', 'MTG'),
  type('t-3', 'Email', 'EM'),
];

describe('activity types by id, name or short name', () => {
  it('finds a type whatever its case or spacing', () => {
    const dir = new ActivityTypeDirectory(() => types);
    expect(dir.resolve('  team   MEETING ')).toEqual({ ok: true, typeId: 't-2' });
    expect(dir.resolve('trn')).toEqual({ ok: true, typeId: 't-1' });
  });

  it('says which type a near miss of a name was meant to be, and lists some types otherwise', () => {
    const dir = new ActivityTypeDirectory(() => types);
    expect(dir.resolve('Trainig')).toEqual({
      ok: false,
      problem:
        'no activity type in Assembled has the id, name or short name "Trainig"; did you mean "Training"?',
    });
    expect(dir.resolve('Nap')).toEqual({
      ok: false,
      problem:
        'no activity type in Assembled has the id, name or short name "Nap" (types include Training, Team meeting, Email).',
    });
  });
});
