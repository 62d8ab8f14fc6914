// A push keeps what it learned of its agents (issue 13 item 3): through the built bundle, a push
// carried on by several executions (sidebar slices, then the dispatcher) reads the people list
// once, and each execution sends as many rows as its slice allows.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { PushView } from '../../src/core/push/push-view';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('a push resumed across executions', () => {
  it('reads the people list once per push, however many executions carry it, for each editor', async () => {
    const { rt, sim, key } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people.filter((p) => p.staffable && !p.deleted);
    const peopleReads = () => sim.stats().byRoute['GET /v0/people'] ?? 0;
    const everyone = sim.admin.org.people;
    // Agents a full name picks out (the demo org's awkward names are tested elsewhere).
    const unique = agents.filter(
      (p) =>
        /^[A-Za-z]+$/.test(p.first_name + p.last_name) &&
        everyone.filter((q) => q.first_name === p.first_name && q.last_name === p.last_name).length === 1,
    );
    // Agents by e-mail, by agent id in capitals, by full name; and one nobody has.
    const rows = Array.from({ length: 400 }, (_, i) => {
      const p = unique[i % unique.length];
      if (!p) throw new Error('no agent');
      const text = [p.email, p.agent_id.toUpperCase(), `${p.first_name}  ${p.last_name}`][i % 3];
      const date = `2026-08-${String(3 + Math.floor(i / unique.length)).padStart(2, '0')}`;
      return [text, `${date} 09:00`, `${date} 17:00`, `resume ${i}`];
    });
    rows.push(['nobody@example.com', '2026-08-03 09:00', '2026-08-03 17:00', 'ghost']);
    rt.workbook.addSheet('Mine');
    rt.workbook.write('Mine', [['Agent', 'Start', 'End', 'Notes'], ...rows]);
    rt.workbook.select('Mine!A1');

    // Another editor pushes their own sheet at the same time, with their own key.
    const other = rt.asUser('editor2@example.com');
    await other.callFromSidebar('saveSettings', { apiKey: key, timeFormat: 'unix', apiVersion: '' });
    rt.workbook.addSheet('Theirs');
    rt.workbook.write('Theirs', [
      ['Agent', 'Start', 'End', 'Notes'],
      ...Array.from({ length: 40 }, (_, i) => {
        const p = agents[i % agents.length];
        return [p?.email, '2026-09-01 09:00', '2026-09-01 17:00', `theirs ${i}`];
      }),
    ]);

    let mine = await rt.callFromSidebar<PushView>('startPush', 'time_off', 'lookup-resume-mine');
    // A 30-second slice sends all it can at 5 a second, not one batch of 50.
    expect(mine).toMatchObject({ state: 'running', invalid: 1 });
    expect(mine.done).toBeGreaterThan(100);
    expect(mine.done).toBeLessThan(200);
    expect(peopleReads()).toBe(1);

    other.workbook.select('Theirs!A1');
    const theirs = await other.callFromSidebar<PushView>('startPush', 'time_off', 'lookup-resume-them');
    expect(theirs.state).toBe('done');
    expect(peopleReads()).toBe(2);

    // One more slice from the sidebar, then it is closed: the dispatcher finishes the push.
    await rt.clock.advanceAsync(mine.nextPollInMs);
    mine = await rt.callFromSidebar<PushView>('pollPush', mine.id);
    expect(mine.state).toBe('running');
    await rt.clock.advanceAsync(60 * 60_000);
    const saved = JSON.parse(rt.properties.document.get(`assembled.push.${mine.id}`) ?? '{}');
    expect(saved).toMatchObject({ state: 'done', total: 400, done: 400, succeeded: 400 });
    expect(peopleReads()).toBe(2);
    expect(rt.executions.filter((e) => e.error).map((e) => e.error?.message)).toEqual([]);
    const made = sim.admin.org.timeOff.filter((t) => t.notes.startsWith('resume '));
    expect(new Set(made.map((t) => t.notes)).size).toBe(400);
    expect(made).toHaveLength(400);
    // Each row went to the agent its cell named.
    for (const t of made) {
      const i = Number(t.notes.slice('resume '.length));
      expect(t.agent_id).toBe(unique[i % unique.length]?.agent_id);
    }
    // Each push ended in the log as its owner, the dispatcher's run too.
    const log = rt.workbook.values('Assembled log').slice(1);
    expect(log.map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ['editor2@example.com', 'Theirs', 'done', 40],
      // The ghost row is left to fix.
      ['analyst@example.com', 'Mine', 'done, 1 to fix', 400],
    ]);
    // What was learned goes with the push.
    expect(rt.properties.user.keys().filter((k) => k.includes('pushrows.'))).toEqual([]);
  });
});
