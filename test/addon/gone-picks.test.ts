// A queue (team, agent) picked under Filters and since deleted in Assembled: sent, its id failed the
// whole report ("Unknown queue_id 2387…") or was refused as unknown, or narrowed it to nothing, and
// nothing said why its rows were missing. It is left out, the other picks' rows land, and the
// outcome, the header note, a refresh's last run and the log say which pick had none.
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { type LocalAddon, startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';
import { HOUR } from './hourly-teams';
import { pullToEnd } from './pull-to-end';

let keys = 0;
const key = () => `gone-picks-${String(++keys).padStart(6, '0')}`;

type Org = LocalAddon['sim']['admin']['org'];
const queueId = (org: Org, name: string) => org.queues.find((q) => q.name === name)?.id ?? '';

/** Ticket stats of the last 7 days by day, for the queues named, as the sidebar saves their names. */
function ticketStats(org: Org, names: string[], target: object) {
  return {
    source: { kind: 'report', report: 'ticket_stats', granularity: 'day' },
    range: { kind: 'relative', preset: 'last_7_days' },
    filters: { queue_ids: names.map((n) => queueId(org, n)) },
    filterNames: { queue_ids: names },
    target,
    mode: 'replace',
  };
}

/** The queue names of a sheet's rows (queue_id, then queue_name, lead each row). */
const queuesIn = (rt: LocalRuntime, sheet: string) =>
  new Set(
    rt.workbook
      .values(sheet)
      .slice(1)
      .map((r) => r[1]),
  );

const lastLogged = (rt: LocalRuntime) => rt.workbook.displayValues('Assembled log').at(-1)?.[7];

describe('a pick under Filters that Assembled no longer has', () => {
  it("a refresh's queue deleted: its next run lands the other queue's rows and says the queue is gone, on the card, in the note and the log", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live', reportDelayMs: 0 });
    const { org } = sim.admin;
    rt.workbook.addSheet('Tickets');
    const spec = ticketStats(org, ['Email Support', 'Chat Support'], { kind: 'sheet', name: 'Tickets' });
    const [saved] = await rt.callFromSidebar<RefreshView[]>(
      'saveRefresh',
      { spec, frequency: { kind: 'hourly' }, notifyByEmail: false },
      key(),
    );
    const card = async () => (await rt.callFromSidebar<RefreshView[]>('listRefreshes'))[0];
    const run = async () => {
      const before = (await card())?.lastRun?.at;
      await rt.callFromSidebar('runRefreshNow', saved?.id);
      for (let i = 0; i < 5 && (await card())?.lastRun?.at === before; i++) await rt.clock.advanceAsync(HOUR);
      return (await card())?.lastRun;
    };
    expect((await run())?.status).toBe('done');
    expect(queuesIn(rt, 'Tickets')).toEqual(new Set(['Email Support', 'Chat Support']));

    sim.admin.deleteQueue(queueId(org, 'Email Support'));
    const gone = `The queue "Email Support" in the refresh's filters is no longer in Assembled: no rows for it.`;
    const last = await run();
    expect(last?.status).toBe('done');
    expect(last?.message).toBe(`${gone} 7 rows written to Tickets!A1.`);
    expect(queuesIn(rt, 'Tickets')).toEqual(new Set(['Chat Support']));
    expect(rt.workbook.notes('Tickets')[0]?.[0]).toContain(`\n${gone}\n`);
    // The log says after it the hourly run due while it was carried on, which was not started.
    expect(lastLogged(rt)).toContain(last?.message);
  });

  it('the only queue picked deleted: no report is asked (an empty filter would ask for every queue), and the pull says why it has no rows', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live', reportDelayMs: 0 });
    const { org } = sim.admin;
    const spec = ticketStats(org, ['Chat Support'], { kind: 'new_sheet', name: 'Chat' });
    sim.admin.deleteQueue(queueId(org, 'Chat Support'));
    const asked = () => sim.stats().byRoute['POST /v0/reports/{reportType}'] ?? 0;
    const before = asked();
    const job = await pullToEnd(rt, spec, key());
    expect(job.state).toBe('done');
    expect(job.message).toBe(
      'The queue "Chat Support" picked under Filters is no longer in Assembled: no rows for it. No rows, so Chat!A1 shows "(no records)".',
    );
    expect(asked()).toBe(before);
  });

  it.each([
    ['an adherence report', { kind: 'report', report: 'adherence', granularity: 'day' }, 'team'],
    ['activities', { kind: 'resource', resource: 'activities' }, 'team'],
    ['agent states', { kind: 'resource', resource: 'agent_states' }, 'agent'],
    ['time-off requests', { kind: 'resource', resource: 'time_off_requests' }, 'agent'],
  ] as const)(
    '%s with a picked %s deleted: the others picked land, and the one gone is said',
    async (_, source, kind) => {
      const { rt, sim } = await startLocalAddon();
      const { org } = sim.admin;
      const staff = org.people.filter((p) => p.staffable && !p.deleted);
      const [gone, kept] =
        kind === 'team'
          ? [
              org.teams.find((t) => t.name === 'Tier 1 EMEA'),
              org.teams.find((t) => t.name === 'Tier 1 Americas'),
            ]
          : [
              staff[0],
              staff.find((p) => org.timeOff.some((t) => t.agent_id === p.agent_id) && p !== staff[0]),
            ];
      const ids = [gone, kept].map((x) => (x && 'agent_id' in x ? x.agent_id : (x?.id ?? '')));
      // Deleted as Assembled would: gone from its list, and from its people (a team's members).
      if (kind === 'team') {
        org.teams.splice(org.teams.indexOf(gone as never), 1);
        for (const p of org.people) p.teams = p.teams.filter((t) => t !== ids[0]);
      } else org.people.splice(org.people.indexOf(gone as never), 1);
      const list = kind === 'team' ? 'team_ids' : 'agent_ids';
      const job = await pullToEnd(
        rt,
        {
          source,
          ...(source.kind === 'report' || source.resource !== 'time_off_requests'
            ? { range: { kind: 'absolute', from: '2026-05-18', to: '2026-05-22' } }
            : {}),
          filters: { [list]: ids },
          filterNames: { [list]: ['Gone', 'Kept'] },
          target: { kind: 'new_sheet', name: 'Picked' },
          mode: 'replace',
        },
        key(),
      );
      expect(job.state).toBe('done');
      const them = kind === 'agent' ? 'them' : 'it';
      expect(job.message).toMatch(
        new RegExp(
          `^The ${kind} "Gone" picked under Filters is no longer in Assembled: no rows for ${them}\\. [1-9][0-9,]* rows? written to Picked!A1\\.$`,
        ),
      );
    },
  );
});
