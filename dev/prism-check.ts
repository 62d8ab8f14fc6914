// npm run check:prism [-- --runs 3]
// The connection check against Prism's dynamic mock of each vendored YAML file (random,
// contract-valid answers): a server that speaks the YAML and nothing else. Prism is fetched by npx
// (@stoplight/prism-cli@5, not a dependency of the project); each mock is stopped before the next.
// A YAML server takes ISO 8601 times, so the check sends ISO here; its first line shows that the
// mock refuses unix seconds only when run with the default setting (npm run check).
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { parseArgs } from 'node:util';
import { type CheckGroup, checkConnection, createAssembledClient } from '../src/core/assembled';
import { createNodeHttp } from './net/node-http';
import { realClock } from './net/real-clock';

const FILES: Array<[string, CheckGroup]> = [
  ['assembled-agent-state.yml', 'agent-state'],
  ['assembled-time-off.yml', 'time-off'],
  ['assembled-reports.yml', 'reports'],
];

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, port: { type: 'string', default: '4010' } },
});
const port = Number(values.port);

function listening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function startPrism(file: string): Promise<ChildProcess> {
  const url = new URL(`./simulator/openapi/${file}`, import.meta.url);
  const child = spawn(
    'npx',
    ['-y', '@stoplight/prism-cli@5', 'mock', '-d', '-h', '127.0.0.1', '-p', String(port), url.pathname],
    { stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 240; i++) {
    if (await listening()) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  stop(child);
  throw new Error(`Prism did not start on port ${port} for ${file}`);
}

/** Prism runs under npx: stop the whole process group it started. */
function stop(child: ChildProcess): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

let failed = 0;
for (let run = 1; run <= Number(values.runs); run++) {
  for (const [file, group] of FILES) {
    const prism = await startPrism(file);
    try {
      const client = createAssembledClient({
        http: createNodeHttp({ timeoutMs: 30_000 }),
        clock: realClock,
        apiKey: 'sk_live_test_prism_mock',
        baseUrl: `http://127.0.0.1:${port}`,
        timeFormat: 'iso',
      });
      const results = checkConnection(client, { only: [group] });
      for (const r of results) {
        const outcome = r.ok ? `${r.records} records` : (r.error?.message ?? r.note ?? 'skipped');
        console.log(
          `run ${run} ${file}: ${r.ok ? 'ok  ' : 'FAIL'} ${r.endpoint} ${r.status ?? '-'} ${outcome}`,
        );
      }
      failed += results.filter((r) => !r.ok).length;
    } finally {
      stop(prism);
      while (await listening()) await new Promise((r) => setTimeout(r, 200));
    }
  }
}
console.log(failed === 0 ? 'every operation passed' : `${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
