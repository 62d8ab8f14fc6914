import { describe, expect, it } from 'vitest';
import type { PullSpec } from '../../src/core/pull/pull-spec';
import { rerunsWords } from '../../src/core/pull/reruns-words';

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
