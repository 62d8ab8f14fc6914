// Real, synchronous HTTP for Node (the client is synchronous, as UrlFetchApp is): a worker does
// the fetches and synckit blocks on Atomics until they are done. fetchAll runs them in parallel.
import { createSyncFn } from 'synckit';
import { type Http, type HttpRequest, type HttpResponse, NetworkError } from '../../src/core/ports';

export interface NodeHttpOptions {
  /** Per-request timeout; past it the request counts as lost (NetworkError). Default 30 s. */
  timeoutMs?: number;
}

type WorkerReply = ({ ok: true } & HttpResponse) | { ok: false; message: string };
type FetchBatch = (requests: HttpRequest[], timeoutMs: number) => Promise<WorkerReply[]>;

export function createNodeHttp(options: NodeHttpOptions = {}): Http {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // The worker's own timeouts fire first; this one only guards against a stuck worker.
  const run = createSyncFn<FetchBatch>(new URL('./fetch-worker.mjs', import.meta.url), {
    timeout: timeoutMs + 10_000,
  });
  const fetchAll = (requests: HttpRequest[]): HttpResponse[] => {
    if (requests.length === 0) return [];
    const replies = run(requests, timeoutMs);
    return replies.map((reply, i) => {
      if (!reply.ok) {
        const request = requests[i];
        const where = request ? `${request.method} ${new URL(request.url).pathname}` : 'request';
        throw new NetworkError(`${where}: ${reply.message}`);
      }
      return { status: reply.status, headers: reply.headers, body: reply.body };
    });
  };
  return {
    fetch(request) {
      const [response] = fetchAll([request]);
      if (!response) throw new NetworkError('no response');
      return response;
    },
    fetchAll,
  };
}
