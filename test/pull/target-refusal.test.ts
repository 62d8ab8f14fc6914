// The Pull form says a refusal of the sheet a pull would write into at the field that names it
// (a sidebar gets only the error's message): refusesTarget knows them by their first words.
import { describe, expect, it } from 'vitest';
import { refuseMixing } from '../../src/core/pull/mixed-target';
import { refuseOwnSheet } from '../../src/core/pull/own-sheet';
import type { PullSpec, PullTarget } from '../../src/core/pull/pull-spec';
import { refusesTarget } from '../../src/core/pull/pull-target';
import type { TargetNow } from '../../src/core/pull/target-now';

const own: TargetNow = {
  sheet: 'Sheet1',
  used: { rows: 2, cols: 2 },
  held: undefined,
  header: [],
  recorded: false,
  beside: [],
};

function refusal(check: () => void): string {
  try {
    check();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('Not refused');
}

const spec = (target: PullTarget, mode: PullSpec['mode'] = 'replace'): PullSpec => ({
  source: { kind: 'resource', resource: 'teams' },
  filters: {},
  target,
  mode,
});

describe('a refusal of the sheet a pull would write into', () => {
  it('is known whatever the case the name was typed in, for a new sheet, an existing one or a cell', () => {
    for (const target of [
      { kind: 'new_sheet', name: ' sheet1 ' },
      { kind: 'sheet', name: 'Sheet1' },
      { kind: 'cell', sheet: 'Sheet1', a1: 'A1' },
    ] as PullTarget[])
      expect(
        refusesTarget(
          refusal(() => refuseOwnSheet(spec(target), own)),
          target,
        ),
      ).toBe(true);
    const sheet: PullTarget = { kind: 'sheet', name: 'Sheet1' };
    const mixed = refusal(() => refuseMixing(spec(sheet, 'append'), { ...own, held: 'People' }));
    expect(refusesTarget(mixed, sheet)).toBe(true);
  });

  it("is not another sheet's, nor a refusal of something else", () => {
    const sheet: PullTarget = { kind: 'sheet', name: 'Sheet1' };
    expect(refusesTarget('"Sheet10" holds data the add-on did not pull.', sheet)).toBe(false);
    expect(refusesTarget('No Assembled API key is set for you.', sheet)).toBe(false);
    const table: PullTarget = { kind: 'bigquery', project: 'my-team-123', dataset: 'a', table: 'b' };
    expect(refusesTarget('"my-team-123.a.b" is not there.', table)).toBe(false);
  });
});
