// Building blocks that accept both dialects and normalise on the way through.
import * as z from 'zod/mini';
import { lazy } from '../../lazy';
import type { LooseRecord, Scalar } from '../model';
import { wireTimeToMs } from '../times';

/** ISO 8601 or unix seconds in; epoch ms out. */
export const time = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.custom<string | number>(
      (v) => wireTimeToMs(v) !== undefined,
      'expected an ISO 8601 date-time or unix seconds',
    ),
    z.transform((v: string | number) => wireTimeToMs(v) as number),
  ),
);

/** Optional and nullable on the wire; null in the model when absent. */
export function maybe<S extends z.ZodMiniType>(schema: S) {
  return z._default(z.nullable(schema), null);
}

export const text = /* @__PURE__ */ lazy(() => maybe(z.string()));
export const flag = /* @__PURE__ */ lazy(() => maybe(z.boolean()));
export const when = /* @__PURE__ */ lazy(() => maybe(time));

/** Lists of ids: plain strings, or objects carrying an id. */
export const idList = /* @__PURE__ */ lazy(() =>
  z._default(
    z.array(
      z.union([
        z.string(),
        z.pipe(
          z.object({ id: z.string() }),
          z.transform((v) => v.id),
        ),
      ]),
    ),
    [],
  ),
);

/** Arrays or maps keyed by id (the live dialect) both become arrays; a map key fills a missing id. */
export function collection<S extends z.ZodMiniType>(item: S) {
  return z.pipe(
    z.pipe(
      z.custom<unknown>(
        (v) => Array.isArray(v) || (typeof v === 'object' && v !== null),
        'expected an array or a map keyed by id',
      ),
      z.transform((v: unknown): unknown[] =>
        Array.isArray(v)
          ? v
          : Object.entries(v as Record<string, unknown>).map(([key, entry]) =>
              typeof entry === 'object' && entry !== null && !Array.isArray(entry)
                ? { id: key, ...entry }
                : entry,
            ),
      ),
    ),
    z.array(item),
  );
}

const TIME_KEY = /(_time|_at|_date)$/;

function scalar(key: string, value: unknown): Scalar {
  if (TIME_KEY.test(key) && (typeof value === 'number' || typeof value === 'string')) {
    return wireTimeToMs(value) ?? value;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * A JSON object (not an array, not null). Maps are read with this rather than z.record, whose
 * schema would add 2 KiB to the bundle Apps Script parses on every execution.
 */
export const jsonObject = /* @__PURE__ */ lazy(() =>
  z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'expected an object',
  ),
);

/** Free-form records: kept whole, flattened to scalars a sheet cell can hold. */
export const looseRecord = /* @__PURE__ */ lazy(() =>
  z.pipe(
    jsonObject,
    z.transform((v): LooseRecord => {
      const out: LooseRecord = {};
      for (const [key, value] of Object.entries(v)) out[key] = scalar(key, value);
      return out;
    }),
  ),
);

/** limit/offset/total paging, where a reply carries it. */
export const paging = {
  total: /* @__PURE__ */ lazy(() => z.optional(z.number())),
  limit: /* @__PURE__ */ lazy(() => z.optional(z.number())),
  offset: /* @__PURE__ */ lazy(() => z.optional(z.number())),
};

/** A required one-of-two envelope key (YAML name first, live name second). */
export function eitherKey<T extends object>(yamlKey: keyof T & string, liveKey: keyof T & string) {
  return z.refine<T>((v) => v[yamlKey] !== undefined || v[liveKey] !== undefined, {
    message: `is missing (expected ${yamlKey} or ${liveKey})`,
    path: [yamlKey],
  });
}
