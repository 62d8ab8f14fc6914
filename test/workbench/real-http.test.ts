// The workbench's real-key transport (ASSEMBLED_API_KEY), pointed with ASSEMBLED_BASE_URL at the
// simulator served over HTTP on this machine: real sockets, no outside network.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealHttp, rebase } from '../../dev/net/real-http';
import { type RunningWorkbench, startWorkbench } from '../../dev/workbench/server';

describe('the workbench with a real key', () => {
  // The simulator runs in its own process: this one blocks on Atomics while a request is in flight.
  let server: ChildProcess;
  const api = { url: '' };
  let key = '';
  beforeAll(async () => {
    const root = join(import.meta.dirname, '../..');
    server = spawn(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        'dev/simulator/cli.ts',
        '--port',
        '0',
        '--dialect',
        'live',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    await new Promise<void>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`The simulator exited (${code})`)));
      server.stdout?.on('data', (chunk) => {
        out += String(chunk);
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        const sample = /Sample API key: (\S+)/.exec(out)?.[1];
        if (url && sample) {
          api.url = url;
          key = sample;
          resolve();
        }
      });
    });
  });
  afterAll(() => {
    server?.kill();
  });

  it('sends the add-on’s requests to the base URL, keeping path and query', () => {
    expect(rebase('https://api.assembledhq.com/v0/people?limit=5', 'http://127.0.0.1:9/prefix/')).toBe(
      'http://127.0.0.1:9/prefix/v0/people?limit=5',
    );
    expect(rebase('/v0/teams', 'https://api.assembledhq.com')).toBe('https://api.assembledhq.com/v0/teams');
  });

  it('answers in the runtime’s shape; no answer at all fails as Apps Script does', () => {
    const http = createRealHttp({ baseUrl: api.url });
    const ok = http({
      method: 'GET',
      url: 'https://api.assembledhq.com/v0/teams',
      headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toHaveProperty('teams');
    expect(ok.delayMs).toBeGreaterThanOrEqual(0);
    const closed = createRealHttp({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 5000 });
    expect(() => closed({ method: 'GET', url: 'https://api.assembledhq.com/v0/teams', headers: {} })).toThrow(
      /^Address unavailable: http:\/\/127\.0\.0\.1:1\/v0\/teams/,
    );
  });

  it('says it uses the real API, saves the key and connects through it', async () => {
    let bench: RunningWorkbench | undefined;
    try {
      bench = await startWorkbench({ apiKey: key, baseUrl: api.url, followRealClock: false });
      const state = bench.workbench.state();
      expect(state.backend).toMatch(/^REAL Assembled API at http:\/\/127\.0\.0\.1:\d+/);
      expect(bench.workbench.session.backend.simulator).toBeNull();
      const reply = await bench.workbench.run('testConnection', []);
      expect(reply).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      await bench?.close();
    }
  });
});
