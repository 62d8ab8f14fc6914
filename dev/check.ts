// npm run check -- --base-url URL --api-key KEY [--write] [--time-format iso] [--api-version 2019-06-20]
//                   [--only agent-state,time-off,reports,catalogue,schedules]
// Runs the same connection check as Settings ▸ Test connection, over real HTTP. The key may come
// from ASSEMBLED_API_KEY instead of the command line; it is never printed. Times go as unix seconds
// unless --time-format iso; the first line says which way Assembled takes them. API-Version is
// 2019-06-20 unless --api-version says another (--api-version '' sends none, to compare).
import { parseArgs } from 'node:util';
import {
  CHECK_GROUPS,
  type CheckGroup,
  checkConnection,
  createAssembledClient,
  DEFAULT_API_VERSION,
} from '../src/core/assembled';
import { createNodeHttp } from './net/node-http';
import { realClock } from './net/real-clock';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string', default: 'https://api.assembledhq.com' },
    'api-key': { type: 'string' },
    write: { type: 'boolean', default: false },
    'time-format': { type: 'string', default: 'unix' },
    only: { type: 'string', default: '' },
    'api-version': { type: 'string', default: DEFAULT_API_VERSION },
    'timeout-ms': { type: 'string', default: '30000' },
  },
});

const apiKey = values['api-key'] ?? process.env.ASSEMBLED_API_KEY ?? '';
const timeFormat = values['time-format'];
if (timeFormat !== 'iso' && timeFormat !== 'unix') {
  console.error('--time-format must be iso or unix');
  process.exit(2);
}
const only = values.only ? values.only.split(',').map((g) => g.trim()) : undefined;
const unknownGroup = only?.find((g) => !(CHECK_GROUPS as readonly string[]).includes(g));
if (unknownGroup !== undefined) {
  console.error(`--only takes ${CHECK_GROUPS.join(', ')}; not ${unknownGroup}`);
  process.exit(2);
}
if (!apiKey) {
  console.error('No API key: pass --api-key or set ASSEMBLED_API_KEY.');
  process.exit(2);
}

const client = createAssembledClient({
  http: createNodeHttp({ timeoutMs: Number(values['timeout-ms']) }),
  clock: realClock,
  apiKey,
  baseUrl: values['base-url'],
  timeFormat,
  apiVersion: values['api-version'],
});

const results = checkConnection(client, {
  write: values.write,
  ...(only ? { only: only as CheckGroup[] } : {}),
});
const width = Math.max(...results.map((r) => r.endpoint.length));
for (const r of results) {
  const status = r.status === null ? '-' : String(r.status);
  const outcome = r.ok ? `${r.records} records` : (r.error?.message ?? r.note ?? 'skipped');
  const note = r.ok && r.note ? `  (${r.note})` : '';
  console.log(
    `${r.ok ? 'ok  ' : 'FAIL'} ${r.endpoint.padEnd(width)}  ${status.padStart(3)}  ${String(r.ms).padStart(6)} ms  ${outcome}${note}`,
  );
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
