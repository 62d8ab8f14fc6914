// Agent states and the condensed timeline carry each state's duration beside its end, as an
// activity does: time in state is what analysts add up from these lists.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';
import { pullToEnd } from './pull-to-end';

describe.each(['agent_states', 'condensed_timeline'])('a pull of %s', (resource) => {
  it('has a Duration after End: End minus Start as [h]:mm:ss, blank for a state still under way', async () => {
    const { rt } = await startLocalAddon({ dialect: 'live', now: '2026-05-25T16:00:00Z' });
    const spec = {
      source: { kind: 'resource', resource },
      range: { kind: 'relative', preset: 'today' },
      target: { kind: 'new_sheet', name: 'States' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, spec, `durations-${resource}`)).toMatchObject({ state: 'done' });
    const [header = [], ...rows] = rt.workbook.values('States');
    const at = (name: string) => header.indexOf(name);
    expect(at('Duration')).toBe(at('End') + 1);
    expect(rt.workbook.numberFormats('States')[1]?.[at('Duration')]).toBe('[h]:mm:ss');
    const ended = rows.filter((r) => r[at('End')] instanceof Date);
    expect(ended.length).toBeGreaterThan(0);
    const shown = rt.workbook.displayValues('States').slice(1);
    rows.forEach((r, i) => {
      if (!(r[at('End')] instanceof Date)) return;
      const s = Math.round(((r[at('End')] as Date).getTime() - (r[at('Start')] as Date).getTime()) / 1000);
      const p = (n: number) => String(n).padStart(2, '0');
      expect(shown[i]?.[at('Duration')]).toBe(
        `${Math.floor(s / 3600)}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`,
      );
    });
    const open = rows.filter((r) => r[at('End')] === '');
    for (const r of open) expect(r[at('Duration')]).toBe('');
    const note = rt.workbook.notes('States')[0]?.[0] ?? '';
    // A blank End is said, where the note speaks of the columns; the timeline cuts a state still
    // going at the pull's time instead, and says so (state-edge-notes.test.ts has the range's edges).
    if (resource === 'agent_states') {
      expect(open.length).toBeGreaterThan(0);
      expect(note).toMatch(
        /range\.\nA blank End \(and Duration\) is a state Assembled holds no end for: still going if it is the agent's last, else it lasts until their next state starts\.\n/,
      );
    } else {
      expect(open).toEqual([]);
      expect(note).toMatch(/inside it\.\nA state still going at the time of the pull ends then\.\n/);
    }
  });
});

describe("a state ingested with no End before the agent's later states", () => {
  it('is listed with End blank, and the note does not call it still going', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live', now: '2026-05-25T16:00:00Z' });
    const agent = sim.admin.org.people.find((p) => !p.deleted && p.staffable && p.email);
    // 2026-05-24 06:00 in America/New_York, before the agent's day of states.
    rt.workbook.write('Ingest', [
      ['Agent', 'State', 'Start'],
      [agent?.email, 'offline', '2026-05-24 06:00'],
    ]);
    rt.workbook.select("'Ingest'!A1");
    let view = await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'open-ingest-1');
    while (view.state === 'running') {
      await rt.clock.advanceAsync(view.nextPollInMs);
      view = await rt.callFromSidebar<PushView>('pollPush', view.id);
    }
    expect(view).toMatchObject({ state: 'done', succeeded: 1 });
    const spec = {
      source: { kind: 'resource', resource: 'agent_states' },
      range: { kind: 'absolute', from: '2026-05-24', to: '2026-05-24' },
      target: { kind: 'new_sheet', name: 'States' },
      mode: 'replace',
    };
    expect(await pullToEnd(rt, spec, 'open-ingest-2')).toMatchObject({ state: 'done' });
    const [header = [], ...rows] = rt.workbook.values('States');
    const at = (name: string) => header.indexOf(name);
    const theirs = rows.filter((r) => r[at('Agent ID')] === agent?.agent_id);
    const open = theirs.findIndex((r) => r[at('State')] === 'offline' && r[at('End')] === '');
    expect(open).toBeGreaterThanOrEqual(0);
    // Not the agent's last: a lead reading "still going" would take them for offline all day.
    expect(theirs.slice(open + 1).length).toBeGreaterThan(0);
    const note = rt.workbook.notes('States')[0]?.[0] ?? '';
    expect(note).not.toContain('still going at the time of the pull');
    expect(note).toContain(
      "\nA blank End (and Duration) is a state Assembled holds no end for: still going if it is the agent's last, else it lasts until their next state starts.\n",
    );
  });
});
