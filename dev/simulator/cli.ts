// npm run simulator -- --port 8787 --dialect live --seed 7 --report-delay 20000 --error-rate 0.1 ...
// Serves the simulator on 127.0.0.1 until Ctrl-C.

import { parseArgs } from 'node:util';
import type { Dialect } from './api';
import { createSimulator } from './index';
import { startServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    dialect: { type: 'string', default: 'seed' },
    seed: { type: 'string', default: '1' },
    'report-delay': { type: 'string', default: '20000' },
    'error-rate': { type: 'string', default: '0' },
    'timeout-rate': { type: 'string', default: '0' },
    'malformed-rate': { type: 'string', default: '0' },
    'lost-reply-rate': { type: 'string', default: '0' },
    latency: { type: 'string', default: '0' },
    'no-rate-limit': { type: 'boolean', default: false },
    'no-retry-after': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Options: --port N --dialect seed|live --seed N --report-delay MS --error-rate 0..1
         --timeout-rate 0..1 --malformed-rate 0..1 --lost-reply-rate 0..1 --latency MS
         --no-rate-limit --no-retry-after`);
  process.exit(0);
}
if (values.dialect !== 'seed' && values.dialect !== 'live') {
  console.error(`--dialect must be seed or live, not ${values.dialect}`);
  process.exit(2);
}

const number = (name: keyof typeof values): number => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number`);
    process.exit(2);
  }
  return n;
};

const simulator = createSimulator({
  seed: number('seed'),
  dialect: values.dialect as Dialect,
  reportDelayMs: number('report-delay'),
  rateLimit: !values['no-rate-limit'],
  retryAfter: !values['no-retry-after'],
  faults: {
    errorRate: number('error-rate'),
    timeoutRate: number('timeout-rate'),
    malformedRate: number('malformed-rate'),
    lostReplyRate: number('lost-reply-rate'),
    latencyMs: number('latency'),
  },
});
const server = await startServer({ simulator, port: number('port') });
const key = simulator.admin.sampleKey;
console.log(
  `Assembled simulator (${values.dialect} dialect, seed ${values.seed}) listening on ${server.url}`,
);
console.log(`Sample API key: ${key}  (HTTP Basic username, empty password)`);
console.log(`Try: curl -u ${key}: '${server.url}/v0/people?limit=2'`);
console.log('Ctrl-C to stop.');

process.once('SIGINT', () => {
  server.close().then(() => process.exit(0));
});
