// Writes Assembled carried out whose answers were lost (a 502, a 504 or no answer: the simulator's
// lostReplyAs), pushed through the built bundle: each kind's rows end with the right status, and
// nothing is made twice in Assembled, whether the add-on looked before sending again or the
// write is one that may be sent twice.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { LostReply } from '../../dev/simulator/api';
import { activityStore } from '../../dev/simulator/schedules';
import { FAULT_PRESETS } from '../../dev/workbench/faults';
import type { PushView } from '../../src/core/push/push-view';
import type { ValidateSummary } from '../../src/core/push/run-push';
import { column, follow, template } from './in-runtime';

const built = existsSync(new URL('../../build/Code.js', import.meta.url));
const FOUND = /^Found in Assembled/;

async function setup() {
  const addon = await startLocalAddon({ dialect: 'live' });
  const agents = addon.sim.admin.org.people.filter((p) => !p.deleted && p.staffable && p.email);
  const posts = (route: string) => addon.sim.stats().byRoute[route] ?? 0;
  return { ...addon, agents, posts };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Validates and pushes the sheet in front, the next `lose` writes carried out and their answers lost. */
async function pushLosing(s: Setup, kind: string, lose: number, as: LostReply, key: string) {
  const check = await s.rt.callFromSidebar<ValidateSummary>('validatePush', kind);
  expect(check.errors).toBe(0);
  s.sim.setFaults({ forceLostReply: lose, lostReplyAs: as });
  const view = await follow(s.rt, await s.rt.callFromSidebar<PushView>('startPush', kind, key));
  s.sim.setFaults({});
  return view;
}

describe.skipIf(!built).each([502, 504, 'timeout'] as const)(
  'a push whose writes are made, their answers lost as %s',
  (as) => {
    it('time off: each request created once, its row created with its id', async () => {
      const s = await setup();
      const people = s.agents.slice(0, 4);
      const sheet = await template(
        s.rt,
        'time_off',
        people.map((p, i) => [
          p.email,
          `2026-07-0${i + 1} 09:00`,
          `2026-07-0${i + 1} 17:00`,
          '',
          'pto',
          `lost ${as} ${i}`,
        ]),
      );
      const done = await pushLosing(s, 'time_off', 2, as, `lost-to-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 4, succeeded: 4, failed: 0 });
      const made = s.sim.admin.org.timeOff.filter((t) => t.notes?.startsWith(`lost ${as} `));
      expect(made.map((t) => t.notes).sort()).toEqual([0, 1, 2, 3].map((i) => `lost ${as} ${i}`));
      expect(column(s.rt, sheet, 'Push status')).toEqual(Array(4).fill('created'));
      expect(new Set(column(s.rt, sheet, 'Assembled ID'))).toEqual(new Set(made.map((t) => t.id)));
      expect(column(s.rt, sheet, 'Push message').some((m) => FOUND.test(String(m)))).toBe(true);
      // Pushed again, nothing goes.
      const before = s.posts('POST /v0/time_off');
      await follow(s.rt, await s.rt.callFromSidebar<PushView>('startPush', 'time_off', `lost-to-${as}-2`));
      expect(s.posts('POST /v0/time_off')).toBe(before);
    });

    it("time off typed by another of its type's names: found by that type, not made again", async () => {
      const s = await setup();
      const people = s.agents.slice(0, 3);
      const types = ['SCK', 'at_personal', 'Paid time off'];
      const sheet = await template(
        s.rt,
        'time_off',
        people.map((p, i) => [
          p.email,
          `2026-07-1${i} 09:00`,
          `2026-07-1${i} 17:00`,
          '',
          types[i],
          `named ${as} ${i}`,
        ]),
      );
      const done = await pushLosing(s, 'time_off', 1, as, `lost-ty-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 3, succeeded: 3, failed: 0 });
      const made = s.sim.admin.org.timeOff.filter((t) => t.notes?.startsWith(`named ${as} `));
      expect(made.map((t) => t.notes).sort()).toEqual([0, 1, 2].map((i) => `named ${as} ${i}`));
      expect(column(s.rt, sheet, 'Push status')).toEqual(Array(3).fill('created'));
      expect(new Set(column(s.rt, sheet, 'Assembled ID'))).toEqual(new Set(made.map((t) => t.id)));
    });

    it('agent states: each ingested once, its row ingested', async () => {
      const s = await setup();
      const people = s.agents.slice(0, 3);
      const sheet = await template(
        s.rt,
        'agent_states',
        people.map((p) => [p.email, 'meeting', '', '2026-05-24 03:00', '2026-05-24 03:40', 'kustomer']),
      );
      const done = await pushLosing(s, 'agent_states', 1, as, `lost-st-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 3, succeeded: 3, failed: 0 });
      for (const p of people) {
        const held = (s.sim.admin.org.states.get(p.agent_id) ?? []).filter(
          (x) => x.state === 'meeting' && x.start_time === Date.parse('2026-05-24T07:00:00Z') / 1000,
        );
        expect(held, p.email).toHaveLength(1);
      }
      expect(column(s.rt, sheet, 'Push status')).toEqual(Array(3).fill('ingested'));
      expect(column(s.rt, sheet, 'Push message').every((m) => FOUND.test(String(m)))).toBe(true);
      expect(s.posts('POST /v0/agents/state/bulk')).toBe(1);
    });

    it('state records: each insert made once with its id, an update and a delete done once', async () => {
      const s = await setup();
      const people = s.agents.slice(0, 2);
      const dayOf = (p: (typeof people)[number] | undefined) =>
        (s.sim.admin.org.states.get(p?.agent_id ?? '') ?? []).filter(
          (x) => x.end_time !== null && x.start_time * 1000 > Date.parse('2026-05-22T00:00:00Z'),
        );
      const [toUpdate] = dayOf(s.agents[5]);
      const [toDelete] = dayOf(s.agents[6]);
      if (!toUpdate || !toDelete) throw new Error('no states to change');
      const at = (sec: number) => new Date(sec * 1000).toISOString();
      const sheet = await template(s.rt, 'state_edits', [
        ...people.map((p) => [
          'insert',
          '',
          p.email,
          'lunch',
          '',
          '2026-05-24 04:00',
          '2026-05-24 04:30',
          'five9',
        ]),
        [
          'update',
          toUpdate.id,
          s.agents[5]?.email,
          'meeting',
          '',
          at(toUpdate.start_time),
          at(toUpdate.end_time ?? 0),
          toUpdate.source,
        ],
        ['delete', toDelete.id],
      ]);
      const done = await pushLosing(s, 'state_edits', 1, as, `lost-ed-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 4, succeeded: 4, failed: 0 });
      const edits = s.sim.admin.org.edits;
      const inserted = edits.filter((e) => e.action === 'insert');
      expect(inserted).toHaveLength(2);
      expect(edits.map((e) => e.action).sort()).toEqual(['delete', 'insert', 'insert', 'update']);
      expect(column(s.rt, sheet, 'Push status')).toEqual(['inserted', 'inserted', 'updated', 'deleted']);
      expect(column(s.rt, sheet, 'Push message').every((m) => FOUND.test(String(m)))).toBe(true);
      expect(new Set(column(s.rt, sheet, 'Assembled ID').slice(0, 2))).toEqual(
        new Set(inserted.map((e) => e.state_id)),
      );
      expect(s.posts('POST /v0/agents/state/edit')).toBe(1);
    });

    it('platform-ID associations: sent again (setting an ID twice sets it once), each row associated', async () => {
      const s = await setup();
      const people = s.agents.slice(0, 2);
      const sheet = await template(
        s.rt,
        'associations',
        people.map((p, i) => [p.email, 'zendesk', `77700${i}`]),
      );
      const done = await pushLosing(s, 'associations', 1, as, `lost-as-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 2, succeeded: 2, failed: 0 });
      expect(people.map((p) => s.sim.admin.org.people.find((q) => q.id === p.id)?.platforms.zendesk)).toEqual(
        ['777000', '777001'],
      );
      // No one else holds either ID.
      const holders = s.sim.admin.org.people.filter((p) => p.platforms.zendesk?.startsWith('77700'));
      expect(holders.map((p) => p.id).sort()).toEqual(people.map((p) => p.id).sort());
      expect(column(s.rt, sheet, 'Push status')).toEqual(['associated', 'associated']);
      expect(s.posts('POST /v0/agents/associations')).toBe(2);
    });

    it('activities: bulk creates and a create that keeps conflicts each made once, an update and a delete done', async () => {
      const s = await setup();
      const people = s.agents.slice(0, 3);
      const store = () => [...activityStore(s.sim.admin.org).values()];
      const later = (p: (typeof people)[number] | undefined) =>
        store().find(
          (a) => a.agent_id === p?.agent_id && a.start_time * 1000 > Date.parse('2026-05-27T00:00:00Z'),
        );
      const [toUpdate, toDelete] = [later(s.agents[5]), later(s.agents[6])];
      if (!toUpdate || !toDelete) throw new Error('no activities to change');
      const sheet = await template(s.rt, 'activities', [
        ...people.map((p, i) => [
          'create',
          '',
          p.email,
          'MTG',
          `2026-06-0${i + 2} 09:00`,
          `2026-06-0${i + 2} 10:00`,
          `lost ${as} ${i}`,
          '',
          '',
        ]),
        [
          'create',
          '',
          people[0]?.email,
          'MTG',
          '2026-06-09 09:00',
          '2026-06-09 10:00',
          `lost ${as} 3`,
          '',
          'TRUE',
        ],
        ['update', toUpdate.id, '', 'Training', '', '', `moved ${as}`, '', ''],
        ['delete', toDelete.id, '', '', '', '', '', '', ''],
      ]);
      const done = await pushLosing(s, 'activities', 2, as, `lost-ac-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 6, succeeded: 6, failed: 0 });
      const made = store().filter((a) => a.description.startsWith(`lost ${as} `));
      expect(made.map((a) => a.description).sort()).toEqual([0, 1, 2, 3].map((i) => `lost ${as} ${i}`));
      const status = column(s.rt, sheet, 'Push status');
      const message = column(s.rt, sheet, 'Push message');
      expect(status).toEqual([...Array(4).fill('created'), 'updated', 'deleted']);
      expect(new Set(column(s.rt, sheet, 'Assembled ID').slice(0, 4))).toEqual(
        new Set(made.map((a) => a.id)),
      );
      // The bulk call's creates were found; the update and delete went again, and that answer was lost too.
      expect(message.slice(0, 3).every((m) => FOUND.test(String(m)))).toBe(true);
      // The update went again (setting the same fields twice), the delete found its activity gone.
      expect(
        store()
          .filter((a) => a.description === `moved ${as}`)
          .map((a) => a.id),
      ).toEqual([toUpdate.id]);
      expect(message[5]).toBe('Was already gone from Assembled.');
      expect(store().some((a) => a.id === toDelete.id)).toBe(false);
    });

    it('activities: a create that keeps conflicts (a POST of its own) made once, its row created', async () => {
      const s = await setup();
      const [p] = s.agents;
      const sheet = await template(s.rt, 'activities', [
        ['create', '', p?.email, 'MTG', '2026-06-09 09:00', '2026-06-09 10:00', `kept ${as}`, '', 'TRUE'],
      ]);
      const done = await pushLosing(s, 'activities', 1, as, `lost-ak-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 1, succeeded: 1, failed: 0 });
      const made = [...activityStore(s.sim.admin.org).values()].filter((a) => a.description === `kept ${as}`);
      expect(made).toHaveLength(1);
      expect(column(s.rt, sheet, 'Push status')).toEqual(['created']);
      expect(column(s.rt, sheet, 'Assembled ID')).toEqual([made[0]?.id]);
      expect(column(s.rt, sheet, 'Push message')[0]).toMatch(FOUND);
      expect(s.posts('POST /v0/activities')).toBe(1);
    });

    it('cancels: each request cancelled, its row cancelled', async () => {
      const s = await setup();
      const pending = s.sim.admin.org.timeOff.filter((t) => t.status === 'pending').slice(0, 2);
      expect(pending).toHaveLength(2);
      const sheet = await template(
        s.rt,
        'time_off_cancel',
        pending.map((t) => [t.id]),
      );
      const done = await pushLosing(s, 'time_off_cancel', 2, as, `lost-cx-${as}`);
      expect(done).toMatchObject({ state: 'done', total: 2, succeeded: 2, failed: 0 });
      expect(pending.map((t) => s.sim.admin.org.timeOff.find((x) => x.id === t.id)?.status)).toEqual([
        'cancelled',
        'cancelled',
      ]);
      expect(column(s.rt, sheet, 'Push status')).toEqual(['cancelled', 'cancelled']);
      // Each cancel went again, and Assembled's "already cancelled" is read as done.
      expect(column(s.rt, sheet, 'Push message')).toEqual(
        Array(2).fill('Was already cancelled in Assembled.'),
      );
    });
  },
);

describe.skipIf(!built)('the workbench\'s "fails after writing" preset', () => {
  it('a push of 30 time-off rows under it: each request made once, every row created', async () => {
    const s = await setup();
    s.sim.setFaults(FAULT_PRESETS.lost.faults);
    const people = s.agents.slice(0, 30);
    const sheet = await template(
      s.rt,
      'time_off',
      people.map((p, i) => [
        p.email,
        `2026-08-${String(i + 1).padStart(2, '0')}`,
        '',
        'TRUE',
        'pto',
        `preset ${i}`,
      ]),
    );
    const done = await follow(
      s.rt,
      await s.rt.callFromSidebar<PushView>('startPush', 'time_off', 'lost-preset'),
    );
    expect(done).toMatchObject({ state: 'done', total: 30, succeeded: 30, failed: 0 });
    const made = s.sim.admin.org.timeOff.filter((t) => t.notes?.startsWith('preset '));
    expect(made).toHaveLength(30);
    expect(new Set(made.map((t) => t.notes)).size).toBe(30);
    expect(column(s.rt, sheet, 'Push status')).toEqual(Array(30).fill('created'));
    // Some answers were lost, and their rows found.
    expect(column(s.rt, sheet, 'Push message').filter((m) => FOUND.test(String(m))).length).toBeGreaterThan(
      0,
    );
  });
});
