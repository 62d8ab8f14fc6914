// Shared by the simulator tests: a simulator on a virtual clock and a small request helper.

import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { SimResponse, SimulatorOptions } from '../../dev/simulator/api';
import { createSimulator } from '../../dev/simulator/index';

/** The virtual "now" at which test simulators are created: Sunday 24 May 2026, 15:30 UTC. */
export const T0 = Date.UTC(2026, 4, 24, 15, 30);
export const T0_SEC = T0 / 1000;
export const DAY = 86_400;

export const basic = (key: string, password = ''): string =>
  `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;

export interface Answer extends SimResponse {
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  json(): any;
}

export function setup(options: Partial<SimulatorOptions> = {}) {
  let now = T0;
  const sim = createSimulator({ seed: 7, rateLimit: false, now: () => now, ...options });
  const key = sim.admin.sampleKey;
  const call = (method: string, url: string, body?: unknown, headers?: Record<string, string>): Answer => {
    const response = sim.handle({
      method,
      url,
      headers: headers ?? { Authorization: basic(key) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { ...response, json: () => JSON.parse(response.body) };
  };
  return {
    sim,
    key,
    call,
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body),
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

export type Setup = ReturnType<typeof setup>;

/** Start a report and move the clock past its delay; returns the completed report's JSON. */
// biome-ignore lint/suspicious/noExplicitAny: report bodies differ by dialect
export function runReport(s: Setup, type: string, body: Record<string, unknown>): any {
  const started = s.post(`/v0/reports/${type}`, body);
  if (started.status !== 202) throw new Error(`${started.status} ${started.body}`);
  const id = started.json().reportID ?? started.json().report_id;
  s.advance(20_000);
  return s.get(`/v0/reports/${id}`).json();
}

/** The response schema of an operation, read from the vendored YAML with its local $refs resolved. */
export function responseValidator(file: string, path: string, method: string, status: string) {
  const doc = parse(readFileSync(new URL(`../../dev/simulator/openapi/${file}`, import.meta.url), 'utf8'));
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: string }).$ref;
    if (ref)
      return resolve(
        ref
          .slice(2)
          .split('/')
          .reduce((at: Record<string, unknown>, k) => at[k] as never, doc),
      );
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
  };
  const schema = resolve(doc.paths[path][method].responses[status].content['application/json'].schema);
  const ajv = addFormats(new Ajv({ strict: false }));
  return ajv.compile(schema as object);
}
