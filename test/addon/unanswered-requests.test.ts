// Requests Assembled never answers (a timeout: a minute each, as UrlFetchApp waits) that the add-on
// asks again, or looks up, and gets past: nothing fails, yet the run takes minutes longer. Its
// sidebar's last words and its log row's Message say how long it waited for them (QA: a filtered
// Agent states pull "Done" in 1 min 06 s where it takes 4 s, said nowhere).
import { describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../dev/gas';
import { startLocalAddon } from '../../dev/local-addon';
import type { JobView } from '../../src/core/pull/pull-view';
import type { PushView } from '../../src/core/push/push-view';
import { follow, template } from '../push/in-runtime';
import { pullToEnd } from './pull-to-end';

const UNANSWERED =
  / Assembled did not answer some requests in time: the (pull|push) waited (?:(\d+) min )?(\d\d?) s for answers that never came\.$/;

/** The seconds the words say were waited for answers, or undefined when they say nothing. */
function waitedSaid(message: string): number | undefined {
  const [, , min = '0', sec] = UNANSWERED.exec(message) ?? [];
  return sec === undefined ? undefined : Number(min) * 60 + Number(sec);
}

/** The log's last row, by its headers. */
function lastRow(rt: LocalRuntime): Record<string, unknown> {
  const [head = [], ...rows] = rt.workbook.values('Assembled log');
  const row = rows.at(-1) ?? [];
  return Object.fromEntries(head.map((h, i) => [String(h), row[i]]));
}

const agentStates = (name: string) => ({
  source: { kind: 'resource', resource: 'agent_states' },
  range: { kind: 'relative', preset: 'yesterday' },
  target: { kind: 'new_sheet', name },
  mode: 'replace',
});

describe('requests Assembled never answered, asked again', () => {
  it('an Agent states pull with 1 request in 5 timing out says the minutes it waited, in the sidebar and the log; one with none says nothing of it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    // The workbench's "Times out 1 request in 5 (no answer)".
    sim.setFaults({ timeoutRate: 0.2 });
    const slow = await pullToEnd(rt, agentStates('States'), 'unanswered-1');
    sim.setFaults({});
    expect(slow.state).toBe('done');
    expect(slow.message).toMatch(/^\d[\d,]* rows written to States!A1\. /);
    const waited = waitedSaid(slow.message) ?? 0;
    // Each fetch that lost its answer waited its minute.
    expect(waited).toBeGreaterThanOrEqual(60);
    expect(waited % 60).toBe(0);
    const row = lastRow(rt);
    expect(row.Status).toBe('done');
    expect(row.Message).toBe(slow.message);
    expect(Number(row['Duration (s)'])).toBeGreaterThanOrEqual(waited);

    const quick = await pullToEnd(rt, agentStates('States again'), 'unanswered-2');
    expect(quick.state).toBe('done');
    expect(quick.message).not.toMatch(/did not answer/);
    expect(lastRow(rt).Message).toBe(quick.message);
  });

  it('a pull still reading says, as it goes, the minutes it has waited for answers that never came; one with none says nothing of it', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    sim.setFaults({ timeoutRate: 0.2 });
    const seen: JobView[] = [];
    const slow = await pullToEnd(rt, agentStates('States'), 'unanswered-5', undefined, seen);
    sim.setFaults({});
    expect(slow.state).toBe('done');
    const waiting =
      / Assembled did not answer some requests in time: the pull has waited (?:(\d+) min )?(\d\d?) s for answers that never came, and asks again\.$/;
    const said = seen.flatMap((v) => {
      const [, min = '0', sec] = waiting.exec(v.detail) ?? [];
      return sec === undefined ? [] : [Number(min) * 60 + Number(sec)];
    });
    // Said while reading, growing as the minutes are lost, up to what the end says in all.
    expect(said.length).toBeGreaterThan(0);
    expect(said).toEqual([...said].sort((a, b) => a - b));
    expect(said.at(-1)).toBeLessThanOrEqual(waitedSaid(slow.message) ?? 0);

    // A report waited on while Assembled builds it, every answer in time.
    const quick: JobView[] = [];
    const report = {
      source: { kind: 'report', report: 'adherence', granularity: 'day' },
      range: { kind: 'relative', preset: 'last_week' },
      target: { kind: 'new_sheet', name: 'Adherence' },
      mode: 'replace',
    };
    expect((await pullToEnd(rt, report, 'unanswered-6', undefined, quick)).state).toBe('done');
    expect(quick.length).toBeGreaterThan(0);
    for (const v of quick) expect(v.detail).not.toMatch(/never came/);
  });

  it('a report start whose answer never came, started again: the pull says its minute', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    sim.setFaults({ forceLostReply: 1, lostReplyAs: 'timeout' });
    const job: JobView = await pullToEnd(
      rt,
      {
        source: { kind: 'report', report: 'adherence', granularity: 'day' },
        range: { kind: 'relative', preset: 'last_week' },
        target: { kind: 'new_sheet', name: 'Adherence' },
        mode: 'replace',
      },
      'unanswered-3',
    );
    sim.setFaults({});
    expect(job.state).toBe('done');
    expect(job.message).toMatch(
      / Assembled did not answer some requests in time: the pull waited 1 min 00 s for answers that never came\.$/,
    );
    expect(lastRow(rt).Message).toBe(job.message);
  });

  it('a push whose write went unanswered, then found in Assembled, says its minute', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const people = sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email).slice(0, 3);
    await template(
      rt,
      'agent_states',
      people.map((p) => [p.email, 'meeting', '', '2026-05-24 03:00', '2026-05-24 03:40', 'kustomer']),
    );
    sim.setFaults({ forceLostReply: 1, lostReplyAs: 'timeout' });
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'agent_states', 'unanswered-4'),
    );
    sim.setFaults({});
    expect(view).toMatchObject({ state: 'done', succeeded: 3 });
    expect(view.message).toMatch(
      /^Finished: 3 ingested .* Assembled did not answer some requests in time: the push waited 1 min 00 s for answers that never came\.$/,
    );
    expect(lastRow(rt).Message).toBe(view.message);
  });
});
