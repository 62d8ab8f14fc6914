import { describe, expect, it } from 'vitest';
import { backWords, leftWords, movedWords } from '../../src/core/pull/moved-words';
import type { PullSpec } from '../../src/core/pull/pull-spec';

const adherence: Pick<PullSpec, 'source' | 'target'> = {
  source: { kind: 'report', report: 'adherence', granularity: 'week' },
  target: { kind: 'sheet', name: 'Adherence' },
};

describe('what Pull data says when other Data moved the form off the place it was aimed at', () => {
  it('names the data the place holds as the Data list does, granularity left out', () => {
    expect(movedWords(adherence, 'Teams', 'replace')).toBe(
      'Where: a new sheet "Teams", as "Adherence" holds Adherence report. Choose "Adherence" under Where to replace it.',
    );
  });

  it('does not offer to append or merge other data there, which would be refused', () => {
    expect(movedWords(adherence, 'Teams', 'append')).toMatch(
      /Choose "Adherence" under Where to pull into it\.$/,
    );
  });

  it("says the filters of the place's pull are left behind, moved or not", () => {
    expect(movedWords(adherence, 'Tickets', 'replace', '4 agents')).toBe(
      'Where: a new sheet "Tickets", as "Adherence" holds Adherence report; its filters (4 agents) are left behind. Choose "Adherence" under Where to replace it.',
    );
    expect(leftWords(adherence, '4 agents')).toBe(
      '"Adherence" holds Adherence report; its filters (4 agents) are left behind.',
    );
    const cell = { ...adherence, target: { kind: 'cell', sheet: 'Sheet1', a1: 'C4' } } as const;
    expect(leftWords(cell, 'site "Dublin"')).toBe(
      'The table at Sheet1!C4 holds Adherence report; its filters (site "Dublin") are left behind.',
    );
  });

  it('its data chosen again, says what was ticked for the other data is not kept', () => {
    expect(backWords(adherence, 'queue "Billing"')).toBe(
      'Back to the pull that filled "Adherence", with its own filters: those ticked for other Data (queue "Billing") are not kept.',
    );
  });
});
