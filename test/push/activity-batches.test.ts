import { describe, expect, it } from 'vitest';
import { type ActivityChange, AssembledError } from '../../src/core/assembled';
import { sendActivityChanges } from '../../src/core/push/activity-batches';
import { simSetup } from '../core/sim';

const HOUR_MS = 3_600_000;

describe.each(['seed', 'live'] as const)(
  'activity changes through the bulk transaction, %s dialect',
  (dialect) => {
    it('a refused item is found and marked; every other change is applied exactly once', () => {
      const { client, sim, clock } = simSetup(dialect);
      const agent = sim.admin.org.people.find((p) => p.staffable && !p.deleted)?.agent_id ?? '';
      const t = Math.floor(clock.now() / HOUR_MS) * HOUR_MS + 20 * 24 * HOUR_MS;
      const changes: ActivityChange[] = Array.from({ length: 6 }, (_, i) => ({
        action: 'create',
        activity: {
          agent_id: agent,
          type_id: i === 3 ? 'at_unknown' : 'at_meeting',
          start_time: t + i * HOUR_MS,
          end_time: t + (i + 1) * HOUR_MS,
          description: `row ${i}`,
        },
      }));
      const outcome = sendActivityChanges(client, changes);
      expect([...outcome.refused.keys()]).toEqual([3]);
      expect(outcome.refused.get(3)).toContain('unknown activity type at_unknown');
      expect([...outcome.applied.keys()].sort()).toEqual([0, 1, 2, 4, 5]);
      expect([...outcome.applied.values()].every((a) => a?.id)).toBe(true);
      // The message named the item: one refused call, then the two sides of it.
      expect(outcome.calls).toBe(3);
      const listed = client.listActivities({ start_time: t, end_time: t + 6 * HOUR_MS, agents: [agent] });
      expect(listed.activities.map((a) => a.description).sort()).toEqual([
        'row 0',
        'row 1',
        'row 2',
        'row 4',
        'row 5',
      ]);
    });

    it('a schedule Assembled does not know refuses every change in one call, with no split', () => {
      const { client, sim, clock } = simSetup(dialect);
      const agent = sim.admin.org.people.find((p) => p.staffable && !p.deleted)?.agent_id ?? '';
      const t = Math.floor(clock.now() / HOUR_MS) * HOUR_MS + 20 * 24 * HOUR_MS;
      const changes: ActivityChange[] = Array.from({ length: 8 }, (_, i) => ({
        action: 'create',
        activity: {
          agent_id: agent,
          type_id: 'at_meeting',
          start_time: t + i * HOUR_MS,
          end_time: t + (i + 1) * HOUR_MS,
        },
      }));
      const outcome = sendActivityChanges(client, changes, { scheduleId: 'sch_nope' });
      expect(outcome.calls).toBe(1);
      expect(outcome.refused.size).toBe(8);
      expect(outcome.refused.get(7)).toContain('unknown schedule sch_nope');
    });
  },
);

/** A stand-in for the service: one transaction per call, refusing any batch holding a "bad" item. */
function fakeService(bad: Set<number>, named: boolean) {
  const sent: number[][] = [];
  const applied: number[] = [];
  const client = {
    bulkActivities(changes: readonly ActivityChange[]) {
      const ids = changes.map((c) => Number(c.activity.description));
      sent.push(ids);
      const first = ids.findIndex((i) => bad.has(i));
      if (first >= 0) {
        const detail = named ? `activities[${first}].activity.type_id: unknown` : 'Invalid request';
        throw new AssembledError({
          kind: 'bad_request',
          status: 400,
          endpoint: 'POST /v0/activities/bulk',
          message: detail,
          detail,
        });
      }
      applied.push(...ids);
      return [];
    },
  };
  return { client, sent, applied };
}

const changesOf = (n: number): ActivityChange[] =>
  Array.from({ length: n }, (_, i) => ({
    action: 'delete',
    activity: { id: `a${i}`, description: String(i) },
  }));

describe('splitting a refused batch', () => {
  it('without an item named, bisects; applied batches are never sent again', () => {
    const { client, sent, applied } = fakeService(new Set([5, 6, 17]), false);
    const outcome = sendActivityChanges(client, changesOf(20));
    expect([...outcome.refused.keys()].sort((a, b) => a - b)).toEqual([5, 6, 17]);
    expect(applied.sort((a, b) => a - b)).toEqual(
      [...Array(20).keys()].filter((i) => ![5, 6, 17].includes(i)),
    );
    expect(new Set(applied).size).toBe(applied.length);
    expect(sent.length).toBeLessThan(20);
  });

  it('sends at most 500 changes a call', () => {
    const { client, sent } = fakeService(new Set(), true);
    sendActivityChanges(client, changesOf(1_200));
    expect(sent.map((b) => b.length)).toEqual([500, 500, 200]);
  });

  it('stops on anything but a 400, keeping what earlier calls applied: a lost answer is not a refusal', () => {
    const sent: number[][] = [];
    const client = {
      bulkActivities(changes: readonly ActivityChange[]) {
        const ids = changes.map((c) => Number(c.activity.description));
        sent.push(ids);
        // The first half is refused for item 1, then the answer for the item's right side is lost.
        if (ids.includes(1))
          throw new AssembledError({
            kind: 'bad_request',
            status: 400,
            endpoint: 'POST /v0/activities/bulk',
            message: 'Invalid request',
            detail: 'Invalid request',
          });
        if (ids.includes(3))
          throw new AssembledError({
            kind: 'outcome_unknown',
            status: 0,
            endpoint: 'POST /v0/activities/bulk',
            message: 'No answer',
          });
        return [];
      },
    };
    const outcome = sendActivityChanges(client, changesOf(8), { maxBatch: 4 });
    expect([...outcome.refused.keys()]).toEqual([1]);
    expect([...outcome.applied.keys()].sort()).toEqual([0]);
    expect(outcome.stopped?.error.message).toBe('No answer');
    expect(outcome.stopped?.batch).toEqual([2, 3]);
    expect(outcome.stopped?.unsent).toEqual([4, 5, 6, 7]);
    // Nothing after the lost answer was sent.
    expect(sent.flat().filter((i) => i >= 4)).toEqual([]);
  });
});
