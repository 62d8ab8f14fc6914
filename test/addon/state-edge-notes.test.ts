// The header note of agent states and of the condensed timeline says what their rows hold at the
// range's edges: a sum of Duration over the range means something else for each (QA: the timeline's
// note said its states were listed whole beside rows cut at midnight).
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

// 2026-11-01 in America/New_York: EDT at its start, EST at its end (the clocks go back that night).
const FROM = Date.parse('2026-11-01T04:00:00Z');
const TO = Date.parse('2026-11-02T05:00:00Z');

async function pulled(resource: string) {
  const { rt } = await startLocalAddon({ dialect: 'live', now: '2026-11-03T16:00:00Z' });
  const spec = {
    source: { kind: 'resource', resource },
    range: { kind: 'absolute', from: '2026-11-01', to: '2026-11-01' },
    target: { kind: 'new_sheet', name: 'States' },
    mode: 'replace',
  };
  expect(await pullToEnd(rt, spec, `edges-${resource}`)).toMatchObject({ state: 'done' });
  const [header = [], ...rows] = rt.workbook.values('States');
  // A blank End (a state still going, listed by agent states) ends past the range too.
  const times = (name: string) =>
    rows
      .map((r) => r[header.indexOf(name)])
      .map((v) => (v instanceof Date ? v.getTime() : Number.POSITIVE_INFINITY));
  return { starts: times('Start'), ends: times('End'), note: rt.workbook.notes('States')[0]?.[0] ?? '' };
}

describe('the note beside states crossing the range', () => {
  it('agent states: listed whole, as their rows run past both edges', async () => {
    const { starts, ends, note } = await pulled('agent_states');
    expect(starts.some((t) => t < FROM)).toBe(true);
    expect(ends.some((t) => t > TO)).toBe(true);
    expect(note).toContain(
      "\nStates that cross the range's start or end are listed whole: their Duration counts time outside the range.\n",
    );
    expect(note).not.toContain('cut to the range');
  });

  it('the condensed timeline: cut to the range, as its rows start and end at its edges', async () => {
    const { starts, ends, note } = await pulled('condensed_timeline');
    expect(Math.min(...starts)).toBe(FROM);
    expect(Math.max(...ends)).toBe(TO);
    expect(note).toContain(
      "\nStates that cross the range's start or end are cut to the range: their Duration counts only time inside it.\n",
    );
    expect(note).not.toContain('listed whole');
  });
});
