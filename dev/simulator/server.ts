// The simulator over real HTTP (node:http), bound to 127.0.0.1 only. Each answer is held back by its
// delayMs; a timeout fault never answers and destroys the socket after hangMs.

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './api';

export interface ServerOptions {
  simulator: Simulator;
  /** 0 picks a free port. */
  port?: number;
  /** How long a timed-out request is held before its socket is destroyed (default 30 s). */
  hangMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export function startServer({ simulator, port = 0, hangMs = 30_000 }: ServerOptions): Promise<RunningServer> {
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    readBody(req).then((body) => {
      const response = simulator.handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: flatHeaders(req),
        body: body === '' ? undefined : body,
      });
      if (response.timeout) {
        later(hangMs, () => req.socket.destroy());
        return;
      }
      later(response.delayMs, () => {
        res.writeHead(response.status, response.headers);
        res.end(response.body);
      });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HOST}:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            for (const timer of timers) clearTimeout(timer);
            timers.clear();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
