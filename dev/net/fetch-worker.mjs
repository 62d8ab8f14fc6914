// Worker half of node-http.ts: performs the fetches; synckit blocks the caller until they settle.
// Plain JS so the worker needs no TypeScript loader under tsx or vitest.
import { runAsWorker } from 'synckit';

runAsWorker(async (requests, timeoutMs) =>
  Promise.all(
    requests.map(async (request) => {
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const headers = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        return { ok: true, status: response.status, headers, body: await response.text() };
      } catch (error) {
        // Name the cause only (code or timeout): never the request, whose headers carry the key.
        const timedOut = error?.name === 'TimeoutError' || error?.name === 'AbortError';
        const cause = timedOut
          ? `no response within ${timeoutMs} ms`
          : String(error?.cause?.code ?? error?.name);
        return { ok: false, message: cause };
      }
    }),
  ),
);
