import { describe, expect, it } from 'vitest';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { formChangedWords, madeWords, rerunsWords } from '../../src/core/pull/reruns-words';

const teams: PullSpec = {
  source: { kind: 'resource', resource: 'teams' },
  filters: {},
  target: { kind: 'sheet', name: 'Teams' },
  mode: 'replace',
};

describe('what Refresh on a schedule from a sheet card says it reruns', () => {
  it('names a sheet named for its data once, not "Teams" (Teams)', () => {
    expect(rerunsWords({ spec: teams, what: 'Teams' })).toBe('the pull that last filled "Teams"');
  });

  it('names the data beside a place named otherwise, a cell by its cell', () => {
    const report = 'Adherence report (day), last week';
    expect(
      rerunsWords({ spec: { ...teams, target: { kind: 'sheet', name: 'Adherence' } }, what: report }),
    ).toBe(`the pull that last filled "Adherence" (${report})`);
    expect(
      rerunsWords({ spec: { ...teams, target: { kind: 'cell', sheet: 'Teams', a1: 'C3' } }, what: 'Teams' }),
    ).toBe('the pull that last filled "Teams!C3" (Teams)');
  });
});

describe('what the refresh offered after a pull says it reruns', () => {
  it('names the pull by its data and place', () => {
    const people: PullSpec = { ...teams, source: { kind: 'resource', resource: 'people' } };
    expect(madeWords({ ...people, target: { kind: 'new_sheet', name: 'People' } })).toBe(
      'the People pull into the sheet "People"',
    );
    expect(madeWords({ ...people, target: { kind: 'cell', sheet: 'Staff', a1: 'C3' } })).toBe(
      'the People pull into the sheet "Staff" at C3',
    );
    expect(
      madeWords({
        ...people,
        target: { kind: 'bigquery', project: 'p', dataset: 'd', table: 't', view: true },
      }),
    ).toBe('the People pull into the BigQuery table p.d.t');
  });

  it('says, once the form changes, whether the form still holds that data', () => {
    expect(formChangedWords(teams, { kind: 'resource', resource: 'people' })).toBe(
      'The form now holds People, not Teams: this saves a refresh of the Teams pull just made, as it ran. To schedule People, pull it first.',
    );
    expect(formChangedWords({ ...teams, mode: 'merge' }, teams.source)).toBe(
      'The form has changed since the Teams pull: this saves a refresh of that pull as it ran (If the target has data: Merge by key). Your changes apply to the next Pull data.',
    );
  });
});
