// The contract, built from the vendored OpenAPI files in ./openapi: route templates and ajv validators for
// path, query and body of every operation. Nothing here is copied by hand from the YAML.

import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** Vendored copies of Assembled's published files, plus our description of the catalogue resources. */
const CONTRACT_FILES = [
  'assembled-reports.yml',
  'assembled-agent-state.yml',
  'assembled-time-off.yml',
  'simulator-catalogue.yml',
  'simulator-schedules.yml',
];

export type Schema = {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  [keyword: string]: unknown;
};

export interface Operation {
  operationId: string;
  method: string;
  /** Path template as in the YAML, e.g. /v0/reports/{reportType}. */
  template: string;
  /** Query parameters whose schema is a date-time (the live dialect also takes unix seconds there). */
  dateTimeQuery: string[];
  /** The dereferenced request body schema, if the operation takes a body. */
  bodySchema: Schema | undefined;
  bodyRequired: boolean;
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  validateBody: ValidateFunction | undefined;
  pattern: RegExp;
  paramNames: string[];
  /** Literal segments: the more, the more specific the template (…/state/bulk before …/{id}). */
  literals: number;
}

type Doc = Record<string, unknown>;
type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

let loaded: Operation[] | undefined;

/** Every operation of the contract; the files are read once per process. */
export function operations(): Operation[] {
  loaded ??= buildOperations(CONTRACT_FILES.map((file) => readContractFile(file)));
  return loaded;
}

function readContractFile(file: string): Doc {
  return parse(readFileSync(new URL(`./openapi/${file}`, import.meta.url), 'utf8')) as Doc;
}

function buildOperations(docs: Doc[]): Operation[] {
  // Query strings arrive as text: coerce (limit=10 -> 10) and fill defaults; bodies are JSON, so no coercion.
  // verbose: errors carry their schema, so a number where a date-time belongs reads "must be a date-time".
  const queryAjv = addFormats(
    new Ajv({ strict: false, verbose: true, coerceTypes: true, useDefaults: true }),
  );
  const bodyAjv = addFormats(new Ajv({ strict: false, verbose: true }));
  const extensions: Record<string, Parameter[]> = {};
  for (const doc of docs) {
    const ext = deref(doc, doc['x-simulator-extensions'] ?? {}) as Record<string, Parameter[]>;
    Object.assign(extensions, ext);
  }
  const ops: Operation[] = [];
  for (const doc of docs) {
    const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
    for (const [template, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const raw = item[method];
        if (!raw) continue;
        const op = deref(doc, raw) as {
          operationId: string;
          parameters?: Parameter[];
          requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
        };
        const params = [...(op.parameters ?? []), ...(extensions[op.operationId] ?? [])];
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const paramNames = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
        ops.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          template,
          dateTimeQuery: params
            .filter((p) => p.in === 'query' && p.schema?.format === 'date-time')
            .map((p) => p.name),
          bodySchema,
          bodyRequired: op.requestBody?.required === true,
          validatePath: queryAjv.compile(objectOf(params, 'path')),
          validateQuery: queryAjv.compile(objectOf(params, 'query')),
          validateBody: bodySchema ? bodyAjv.compile(bodySchema) : undefined,
          pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`),
          paramNames,
          literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
        });
      }
    }
  }
  return ops.sort((a, b) => b.literals - a.literals);
}

/** The parameters of one location as a JSON schema of an object, so ajv checks them in one go. */
function objectOf(params: Parameter[], location: string): Schema {
  const mine = params.filter((p) => p.in === location);
  return {
    type: 'object',
    properties: Object.fromEntries(mine.map((p) => [p.name, p.schema ?? {}])),
    required: mine.filter((p) => p.required).map((p) => p.name),
  };
}

/** Inline local $refs (#/components/...); the contract's schemas are not recursive. */
function deref(doc: Doc, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(doc, n));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
    if (target === undefined) throw new Error(`Unresolved $ref ${ref}`);
    return deref(doc, target);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(doc, v)]));
}

export type RouteMatch =
  | { kind: 'found'; operation: Operation; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute(method: string, path: string): RouteMatch {
  const candidates = operations().filter((op) => op.pattern.test(path));
  if (candidates.length === 0) return { kind: 'not-found' };
  // The most specific template that matches the path decides whether the path exists at all.
  const best = candidates.filter((op) => op.literals === candidates[0]?.literals);
  const operation = best.find((op) => op.method === method);
  if (!operation) return { kind: 'wrong-method', allowed: best.map((op) => op.method) };
  const values = operation.pattern.exec(path)?.slice(1) ?? [];
  const params = Object.fromEntries(
    operation.paramNames.map((name, i) => [name, decodeURIComponent(values[i] ?? '')]),
  );
  return { kind: 'found', operation, params };
}

/**
 * A plain message naming the field, e.g. "start_time: must be a date-time" or
 * "Missing required field states[0].agent_id". `dateTimeHint` tells what else the dialect accepts.
 */
export function describeError(error: ErrorObject, dateTimeHint: string): string {
  const field = fieldOf(error.instancePath);
  const at = field || 'body';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `Missing required field ${field ? `${field}.` : ''}${String(p.missingProperty)}`;
    case 'format':
      return `${at}: must be a ${String(p.format)}${p.format === 'date-time' ? dateTimeHint : ''}`;
    case 'type':
      if ((error.parentSchema as Schema | undefined)?.format === 'date-time') {
        return `${at}: must be a date-time${dateTimeHint}`;
      }
      return `${at}: must be ${article(String(p.type))}`;
    case 'enum':
      return `${at}: must be one of ${(p.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${at}: ${error.message ?? 'is invalid'}`;
  }
}

function fieldOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, seg) => (/^\d+$/.test(seg) ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
