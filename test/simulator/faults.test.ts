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
