import { describe, expect, it } from 'vitest';
import { reply, setup } from './fake-http';

const input = (n: number) => ({
  agent_id: `a${n}`,
  start_time: Date.UTC(2026, 5, 1),
  end_time: Date.UTC(2026, 5, 2),
  notes: String(n),
});

describe('createTimeOffMany', () => {
  it('returns one outcome per input, in order, whatever fails', () => {
    const { client, http } = setup((request) => {
      const n = Number(JSON.parse(request.body ?? '{}').notes);
      if (n === 3) return reply(400, 'agent_id is invalid');
      if (n === 5) return reply(500, 'boom');
      return reply(201, { id: `to${n}`, agent_id: `a${n}`, status: 'pending' });
    });
    const outcomes = client.createTimeOffMany([0, 1, 2, 3, 4, 5, 6].map(input));
    expect(outcomes.map((o) => (o.ok ? o.value.id : o.error.kind))).toEqual([
      'to0',
      'to1',
      'to2',
      'bad_request',
      'to4',
      'outcome_unknown',
      'to6',
    ]);
    expect(outcomes[3]).toMatchObject({ ok: false, error: { field: 'agent_id' } });
    expect(http.sent).toHaveLength(7);
    expect(http.batches).toEqual([7]);
  });

  it('retries only the rate-limited ones, and keeps the order', () => {
    let limited = 0;
    const { client, http } = setup((request) => {
      const n = Number(JSON.parse(request.body ?? '{}').notes);
      if (n % 2 === 0 && limited < 3) {
        limited += 1;
        return reply(429, '');
      }
      return reply(201, { id: `to${n}` });
    });
    const outcomes = client.createTimeOffMany([0, 1, 2, 3].map(input));
    expect(outcomes.map((o) => o.ok && o.value.id)).toEqual(['to0', 'to1', 'to2', 'to3']);
    expect(http.sent).toHaveLength(7);
  });

  it('marks a whole batch outcome_unknown when fetchAll loses a response', () => {
    const { client, http } = setup((_, i) => (i === 1 ? 'network' : reply(201, { id: `to${i}` })));
    const outcomes = client.createTimeOffMany([0, 1, 2].map(input));
    expect(outcomes.map((o) => !o.ok && o.error.kind)).toEqual([
      'outcome_unknown',
      'outcome_unknown',
      'outcome_unknown',
    ]);
    expect(http.sent).toHaveLength(3);
  });

  it('re-sends a lost batch when the caller says it is safe', () => {
    const { client, http } = setup((_, i) => (i === 1 ? 'network' : reply(200, {})));
    const outcomes = client.cancelTimeOffMany(['x', 'y', 'z'], { safeToRetry: true });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(http.sent).toHaveLength(6);
  });

  it("tells a lost batch's wait once, on its first request's event; answered requests tell none", () => {
    const { client } = setup((_, i) => (i === 1 ? 'network' : reply(200, {})), {}, 60_000);
    const told: (number | undefined)[] = [];
    client.onResponse((e) => told.push(e.unansweredMs));
    client.cancelTimeOffMany(['x', 'y', 'z'], { safeToRetry: true });
    // A fetchAll of three waits its minute once; asked again, the three are answered.
    expect(told).toEqual([60_000, undefined, undefined, undefined, undefined, undefined]);
  });

  it('gives an input with a bad time its own error without sending it', () => {
    const { client, http } = setup(() => reply(201, { id: 'ok' }));
    const outcomes = client.createTimeOffMany([input(1), { ...input(2), end_time: 'whenever' }, input(3)]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.field))).toEqual(['ok', 'end_time', 'ok']);
    expect(http.sent).toHaveLength(2);
  });
});
