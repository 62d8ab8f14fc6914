import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../dev/simulator/index';
import { type RunningServer, startServer } from '../../dev/simulator/server';
import { basic } from './helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HTTP server', () => {
  it('answers a real request on 127.0.0.1 after the simulated delay, then closes', async () => {
    const simulator = createSimulator({ seed: 3, dialect: 'live' });
    server = await startServer({ simulator, port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const began = Date.now();
    const r = await fetch(`${server.url}/v0/sites?limit=2`, {
      headers: { Authorization: basic(simulator.admin.sampleKey) },
    });
    expect(Date.now() - began).toBeGreaterThanOrEqual(90);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    const body = await r.json();
    expect(Object.keys(body.sites)).toHaveLength(2);
    expect((await fetch(`${server.url}/v0/sites`)).status).toBe(401);
    const url = server.url;
    await server.close();
    server = undefined;
    await expect(fetch(`${url}/v0/sites`)).rejects.toThrow();
  });

  it('carries a POST body through', async () => {
    const simulator = createSimulator({ seed: 3 });
    server = await startServer({ simulator });
    const r = await fetch(`${server.url}/v0/reports/nonsense`, {
      method: 'POST',
      headers: { Authorization: basic(simulator.admin.sampleKey), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(400);
    expect(await r.text()).toBe('reportType: must be one of adherence, ticket_stats, handle_time');
  });

  it('a timeout fault never answers: the socket is dropped after hangMs', async () => {
    const simulator = createSimulator({ seed: 3, faults: { timeoutRate: 1 } });
    server = await startServer({ simulator, hangMs: 300 });
    const began = Date.now();
    await expect(
      fetch(`${server.url}/v0/sites`, { headers: { Authorization: basic('sk_live_x') } }),
    ).rejects.toThrow();
    expect(Date.now() - began).toBeGreaterThanOrEqual(250);
  });
});
