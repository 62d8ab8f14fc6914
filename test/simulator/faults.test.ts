import { describe, expect, it } from 'vitest';
import { setup } from './helpers';

const hits = (s: ReturnType<typeof setup>, n: number) => Array.from({ length: n }, () => s.get('/v0/sites'));

describe('fault injection', () => {
  it('every answer has a delay of 100-300 ms, deterministic from the seed', () => {
    const a = hits(setup(), 50).map((r) => r.delayMs);
    const b = hits(setup(), 50).map((r) => r.delayMs);
    expect(a).toEqual(b);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...a)).toBeLessThanOrEqual(300);
    expect(new Set(a).size).toBeGreaterThan(10);
  });

  it('latencyMs adds to every delay', () => {
    const plain = hits(setup(), 5).map((r) => r.delayMs);
    const slow = hits(setup({ faults: { latencyMs: 5000 } }), 5).map((r) => r.delayMs);
    expect(slow).toEqual(plain.map((d) => d + 5000));
  });

  it('errorRate answers with 5xx about that share of the time', () => {
    const answers = hits(setup({ faults: { errorRate: 0.3 } }), 400);
    const errors = answers.filter((r) => r.status >= 500);
    expect(errors.length).toBeGreaterThan(80);
    expect(errors.length).toBeLessThan(160);
    expect(answers.filter((r) => r.status !== 200 && r.status < 500)).toEqual([]);
    expect(
      hits(setup({ faults: { errorRate: 1 } }), 10).every((r) => r.status >= 500 && r.status <= 504),
    ).toBe(true);
  });

  it('timeoutRate: no answer at all', () => {
    const [r] = hits(setup({ faults: { timeoutRate: 1 } }), 1);
    expect(r?.timeout).toBe(true);
    expect(r?.status).toBe(0);
  });

  it('malformedRate: a 200 whose body is cut short', () => {
    const [r] = hits(setup({ faults: { malformedRate: 1 } }), 1);
    expect(r?.status).toBe(200);
    expect(() => r?.json()).toThrow();
    expect(r?.body.startsWith('{"sites":[')).toBe(true);
  });

  it('force429 answers the next N with 429, then normally', () => {
    const s = setup({ faults: { force429: 3 } });
    expect(hits(s, 5).map((r) => r.status)).toEqual([429, 429, 429, 200, 200]);
    expect(s.sim.stats().rejected429).toBe(3);
  });

  it('force5xx answers the next N with 503', () => {
    const s = setup();
    s.sim.setFaults({ force5xx: 2 });
    expect(hits(s, 3).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  describe('lost replies: the write is made, its answer lost', () => {
    const leave = (s: ReturnType<typeof setup>, day: number) => ({
      agent_id: s.sim.admin.org.people.find((p) => !p.deleted && p.staffable)?.agent_id,
      start_time: `2026-07-${String(day).padStart(2, '0')}T00:00:00Z`,
      end_time: `2026-07-${String(day + 1).padStart(2, '0')}T00:00:00Z`,
      notes: `lost ${day}`,
    });
    const made = (s: ReturnType<typeof setup>, day: number) =>
      s.sim.admin.org.timeOff.filter((t) => t.notes === `lost ${day}`).length;

    it.each([502, 504, 'timeout'] as const)('forceLostReply with lostReplyAs %s', (as) => {
      const s = setup();
      s.sim.setFaults({ forceLostReply: 1, lostReplyAs: as });
      // A read is never touched, nor counted.
      expect(s.get('/v0/sites').status).toBe(200);
      const lost = s.post('/v0/time_off', leave(s, 1));
      if (as === 'timeout') expect(lost).toMatchObject({ status: 0, timeout: true });
      else expect(lost.status).toBe(as);
      expect(made(s, 1)).toBe(1);
      // Spent: the next write is answered.
      expect(s.post('/v0/time_off', leave(s, 2)).status).toBe(201);
    });

    it('a write refused loses nothing and spends no forced loss', () => {
      const s = setup();
      s.sim.setFaults({ forceLostReply: 1 });
      expect(s.post('/v0/time_off', { ...leave(s, 3), agent_id: 'nobody' }).status).toBe(400);
      expect(s.post('/v0/time_off', leave(s, 4)).status).not.toBe(201);
      expect(made(s, 4)).toBe(1);
    });

    it('lostReplyRate loses about that share of writes, each 502, 504 or a timeout, the same for the same seed', () => {
      const run = () => {
        const s = setup({ faults: { lostReplyRate: 0.5 } });
        const answers = Array.from({ length: 60 }, (_, i) => s.post('/v0/time_off', leave(s, (i % 27) + 1)));
        expect(s.sim.admin.org.timeOff.filter((t) => t.notes?.startsWith('lost ')).length).toBe(60);
        return answers.map((r) => (r.timeout ? 'timeout' : r.status));
      };
      const a = run();
      expect(a).toEqual(run());
      const lost = a.filter((x) => x !== 201);
      expect(lost.length).toBeGreaterThan(15);
      expect(lost.length).toBeLessThan(45);
      expect(new Set(lost)).toEqual(new Set([502, 504, 'timeout']));
    });
  });

  it('setFaults changes faults at run time and clears them', () => {
    const s = setup();
    s.sim.setFaults({ errorRate: 1 });
    expect(s.get('/v0/sites').status).toBeGreaterThanOrEqual(500);
    s.sim.setFaults({});
    expect(s.get('/v0/sites').status).toBe(200);
  });

  it('a random option replaces the seed for faults', () => {
    const s = setup({ faults: { errorRate: 0.5 }, random: () => 0.9 });
    expect(hits(s, 10).every((r) => r.status === 200 && r.delayMs === 100 + Math.floor(0.9 * 201))).toBe(
      true,
    );
  });

  it('stats counts requests by route template', () => {
    const s = setup();
    s.get('/v0/people/abc');
    s.get('/v0/people/def');
    s.get('/v0/people');
    s.get('/v0/nowhere');
    expect(s.sim.stats()).toEqual({
      total: 4,
      byRoute: { 'GET /v0/people/{id}': 2, 'GET /v0/people': 1, 'GET (no route)': 1 },
      byApiVersion: { '': 4 },
      rejected429: 0,
    });
  });
});
