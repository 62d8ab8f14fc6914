// What Push asks about before it sends, through the built bundle: rows pushed before whose status
// and id were cleared (sent, they are made a second time in Assembled). Assembled down or limiting
// never keeps a push from starting: it waits it out.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import { replaceAskWords } from '../../src/core/push/progress-words';
import type { PushView } from '../../src/core/push/push-view';
import type { PushAsk } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));

describe.skipIf(!built)('asked before Push', () => {
  it('counts the rows a push would make a second time, Assembled up or down', async () => {
    const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
    const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
    const sheet = await template(rt, 'time_off', [
      [a?.email, '2026-07-01 09:00', '2026-07-01 17:00', '', '', 'twice?'],
      [b?.email, '2026-07-02 09:00', '2026-07-02 17:00', '', '', 'once'],
    ]);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toMatchObject({ again: 0 });
    await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'time_off', 'ask-before-1'));
    // Row 2's Push status, Assembled ID, message and time cleared, as by hand.
    rt.workbook.write(sheet, [['', '', '', '']], { row: 2, column: 7 });
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toEqual({
      clear: 0,
      cancel: 0,
      again: 1,
    });
    rt.setHttp(() => ({ status: 503, headers: {}, body: '{"error":"down"}', delayMs: 0 }));
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off')).toEqual({
      clear: 0,
      cancel: 0,
      again: 1,
    });
    rt.setHttp(backend.http);
  });

  it('counts the time-off requests a push would cancel: a cancel cannot be undone', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [p, q] = sim.admin.org.timeOff.filter((t) => t.status === 'pending');
    await template(rt, 'time_off_cancel', [[p?.id], [q?.id], ['']]);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off_cancel')).toEqual({
      clear: 0,
      cancel: 2,
      again: 0,
    });
    expect(sim.stats().byRoute['POST /v0/time_off/{id}/cancel'] ?? 0).toBe(0);
  });

  it('counts only the cancels a push sends: not an id Validate found no request has', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [p, q] = sim.admin.org.timeOff.filter((t) => t.status === 'pending');
    if (!p || !q) throw new Error('no pending requests');
    const typo = `${p.id.slice(0, -1)}x`;
    await template(rt, 'time_off_cancel', [[p.id], [q.id], [typo]]);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'time_off_cancel')).toEqual({
      clear: 0,
      cancel: 2,
      again: 0,
    });
    const view = await follow(
      rt,
      await rt.callFromSidebar<PushView>('startPush', 'time_off_cancel', 'ask-typo-1'),
    );
    expect(view).toMatchObject({ state: 'done', succeeded: 2 });
    expect(sim.stats().byRoute['POST /v0/time_off/{id}/cancel'] ?? 0).toBe(2);
  });

  it("names the rows that would replace an agent's ID on a platform in Assembled: the old one is gone once sent", async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const [a, b, c] = sim.admin.org.people.filter(
      (p) => !p.deleted && p.staffable && p.email && p.platforms.zendesk && !p.platforms.intercom,
    );
    if (!a || !b || !c) throw new Error('the org lacks three agents with a zendesk ID and no intercom one');
    const was = a.platforms.zendesk;
    // Row 2 replaces a's zendesk ID; row 3 gives b one on a platform they had none on; row 4 gives
    // c the zendesk ID they hold (nothing to send).
    await template(rt, 'associations', [
      [a.email, 'zendesk', '7003003'],
      [b.email, 'intercom', 'ic-9'],
      [c.email, 'zendesk', c.platforms.zendesk],
    ]);
    expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'associations')).toEqual({
      clear: 0,
      cancel: 0,
      again: 0,
      replace: {
        count: 1,
        rows: [2],
        named: [{ row: 2, agent: a.email, platform: 'zendesk', was, id: '7003003' }],
      },
    });
    expect(sim.admin.org.people.find((p) => p.id === a.id)?.platforms.zendesk).toBe(was);
  });

  it('names each ID replaced in its question when more than three rows replace one, unvalidated: the Push messages are empty yet', async () => {
    const { rt, sim } = await startLocalAddon({ dialect: 'live' });
    const agents = sim.admin.org.people
      .filter((p) => !p.deleted && p.staffable && p.email && p.platforms.zendesk)
      .slice(0, 7);
    if (agents.length < 7) throw new Error('the org lacks seven agents with a zendesk ID');
    const sheet = await template(
      rt,
      'associations',
      agents.map((p, i) => [p.email, 'zendesk', `new-${i}`]),
    );
    const ask = await rt.callFromSidebar<PushAsk>('askBeforePush', 'associations');
    expect(column(rt, sheet, 'Push message').filter(Boolean)).toEqual([]);
    const named = agents
      .slice(0, 5)
      .map((p, i) => `row ${i + 2}: ${p.email}'s zendesk ID ${p.platforms.zendesk}`);
    expect(ask.replace && replaceAskWords(ask.replace)).toBe(
      `7 rows replace the ID their agents have on that platform in Assembled (${named.join(', ')} and 2 more: Validate writes each beside its row). A person has one ID per platform in Assembled: once pushed, the ID replaced is no longer theirs.`,
    );
    expect(sim.admin.org.people.find((p) => p.id === agents[0]?.id)?.platforms.zendesk).toBe(
      agents[0]?.platforms.zendesk,
    );
  });

  it.each([
    ['down', 503],
    ['rate-limiting', 429],
  ])(
    'lets an Activities push start while Assembled is %s: it waits, as other kinds do',
    async (_, status) => {
      const { rt, sim, backend } = await startLocalAddon({ dialect: 'live' });
      const [a, b] = sim.admin.org.people.filter((p) => !p.deleted && p.staffable);
      const sheet = await template(rt, 'activities', [
        ['create', '', a?.email, 'MTG', '2026-07-01 09:00', '2026-07-01 10:00', 'twice?', '', 'TRUE'],
      ]);
      await follow(rt, await rt.callFromSidebar<PushView>('startPush', 'activities', `ask-up-${status}`));
      // Row 2's Push status, Assembled ID, message and time cleared, as by hand; row 3 new.
      rt.workbook.write(sheet, [['', '', '', '']], { row: 2, column: 10 });
      rt.workbook.write(
        sheet,
        [['create', '', b?.email, 'MTG', '2026-07-01 11:00', '2026-07-01 12:00', 'new', '', 'TRUE']],
        { row: 3 },
      );
      rt.setHttp(() => ({ status, headers: {}, body: '{"error":"not now"}', delayMs: 0 }));
      // Neither the people nor the activity types can be read: the row pushed before is still counted.
      expect(await rt.callFromSidebar<PushAsk>('askBeforePush', 'activities')).toEqual({
        clear: 0,
        cancel: 0,
        again: 1,
      });
      const view = await rt.callFromSidebar<PushView>('startPush', 'activities', `ask-down-${status}`);
      expect(view).toMatchObject({ state: 'running', preparing: true });
      expect(view.nextTryInMs + (view.limitedForMs ?? 0)).toBeGreaterThan(0);
      rt.setHttp(backend.http);
      expect(await follow(rt, view)).toMatchObject({ state: 'done', succeeded: 2 });
    },
  );
});
