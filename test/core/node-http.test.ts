// The real synchronous transport, against a throwaway server on the loopback interface.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../dev/net/node-http';
import { NetworkError } from '../../src/core/ports';

// The server runs in its own process: this one blocks on Atomics while a request is in flight.
const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url.startsWith('/slow')) return setTimeout(() => res.end('late'), 2000);
    res.writeHead(req.url.startsWith('/missing') ? 404 : 200, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
    res.end(JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization ?? null, body }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

let server: ChildProcess;
let base = '';

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    server.stdout?.once('data', (d) => resolve(String(d).trim())),
  );
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  server.kill();
});

describe('node-http', () => {
  it('performs a real request synchronously, headers in lower case', () => {
    const http = createNodeHttp();
    const response = http.fetch({
      url: `${base}/v0/people?limit=2`,
      method: 'POST',
      headers: { Authorization: 'Basic eA==' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-echo']).toBe('yes');
    expect(JSON.parse(response.body)).toEqual({
      method: 'POST',
      url: '/v0/people?limit=2',
      auth: 'Basic eA==',
      body: '{"a":1}',
    });
  });

  it('returns error statuses, and answers fetchAll in request order', () => {
    const http = createNodeHttp();
    const replies = http.fetchAll(
      [1, 2, 3].map((n) => ({
        url: `${base}/${n === 2 ? 'missing' : 'ok'}/${n}`,
        method: 'GET' as const,
        headers: {},
      })),
    );
    expect(replies.map((r) => [r.status, JSON.parse(r.body).url])).toEqual([
      [200, '/ok/1'],
      [404, '/missing/2'],
      [200, '/ok/3'],
    ]);
  });

  it('throws NetworkError on timeout or refusal, without the request headers', () => {
    const http = createNodeHttp({ timeoutMs: 300 });
    const secret = { Authorization: 'Basic c2tfbGl2ZV9zZWNyZXQ6' };
    expect(() => http.fetch({ url: `${base}/slow`, method: 'GET', headers: secret })).toThrow(NetworkError);
    try {
      http.fetch({ url: 'http://127.0.0.1:1/', method: 'GET', headers: secret });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NetworkError);
      expect(String(e)).not.toContain('c2tfbGl2ZV9zZWNyZXQ6');
    }
  });
});
