// A pulled sheet's header note lists which column is which API field: a column the add-on works
// out (a duration, a request's days, an occurrence id) or takes from the record an id names (an
// activity's agent email, its type's short name) says so and from what, not that Assembled sent it.
import { beforeAll, describe, expect, it } from 'vitest';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `made-cols-key-${String(++keys).padStart(6, '0')}`;

describe("a header note's columns the add-on made", () => {
  let addon: LocalAddon;
  beforeAll(async () => {
    addon = await startLocalAddon({ dialect: 'live' });
  });

  async function noteLines(resource: string, range: boolean): Promise<string[]> {
    const job = await pullToEnd(
      addon.rt,
      {
        source: { kind: 'resource', resource },
        ...(range ? { range: { kind: 'absolute', from: '2026-05-22', to: '2026-05-22' } } : {}),
        target: { kind: 'new_sheet', name: resource },
        mode: 'replace',
      },
      key(),
    );
    expect(job.state).toBe('done');
    return (addon.rt.workbook.notes(resource)[0]?.[0] ?? '').split('\n');
  }

  const DURATION = 'Duration = end_time - start_time, worked out by the add-on';
  /** A made column listed as a field of its own name: what the note said before. */
  const asSent =
    /^(First day|Last day|Duration|Occurrence ID|Agent email|Short name|Productive|Time off) = [\w.]+$/;

  it('activities: Occurrence ID and Duration worked out, the agent and type fields looked up, the rest as sent', async () => {
    const lines = await noteLines('activities', true);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Occurrence ID = id@start_time, worked out by the add-on',
        DURATION,
        'Agent email = email of agent_id, looked up by the add-on',
        'Short name = short_name of type_id, looked up by the add-on',
        'Productive = productive of type_id, looked up by the add-on',
        'Time off = timeoff of type_id, looked up by the add-on',
        'Agent ID = agent_id',
        'Type ID = type_id',
        'Schedule ID = schedule_id',
        'Description = description',
      ]),
    );
    expect(lines.filter((l) => asSent.test(l))).toEqual([]);
  });

  it("time off, pulled and synced: First day and Last day worked out from its times, Assembled's fields as sent", async () => {
    const lines = await noteLines('time_off_requests', false);
    expect(lines).toEqual(
      expect.arrayContaining([
        'First day = day of start_time, worked out by the add-on',
        'Last day = day of the moment before end_time, worked out by the add-on',
        'Start = start_time',
        'End = end_time',
        'All day = all_day',
      ]),
    );
    expect(lines.filter((l) => asSent.test(l))).toEqual([]);
    // Sync time off lists the same days, and its note says the same of them.
    addon.rt.workbook.addSheet('Synced');
    addon.rt.workbook.select('Synced!A1');
    await addon.rt.callFromSidebar('syncTimeOff');
    const synced = (addon.rt.workbook.notes('Synced')[0]?.[0] ?? '').split('\n');
    expect(synced).toEqual(expect.arrayContaining(lines.filter((l) => /^(First|Last) day = /.test(l))));
    expect(synced).toContain('Start = start_time');
    expect(synced.filter((l) => asSent.test(l))).toEqual([]);
  });

  it("agent states and the timeline: Duration worked out; the timeline's own Agent email stays Assembled's", async () => {
    const states = await noteLines('agent_states', true);
    expect(states).toEqual(expect.arrayContaining([DURATION, 'Start = start_time', 'End = end_time']));
    expect(states.filter((l) => asSent.test(l))).toEqual([]);
    const timeline = await noteLines('condensed_timeline', true);
    expect(timeline).toEqual(expect.arrayContaining([DURATION, 'Agent email = agent_email']));
    expect(timeline.filter((l) => asSent.test(l))).toEqual(['Agent email = agent_email']);
  });
});
