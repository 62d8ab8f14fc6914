// What every endpoint module shares: the transport and how times go on the wire.

import { callWords } from '../call-words';
import { AssembledError } from '../errors';
import type { PageSizes } from '../page-sizes';
import { type EpochMs, formatTime, type TimeFormat, type TimeInput, toEpochMs } from '../times';
import type { Operation, Outcome, QueryValue, Transport } from '../transport';

export interface EndpointContext {
  transport: Transport;
  timeFormat: TimeFormat;
  /** What this client has learned of the server's page size on each list (paging.ts). */
  pageSizes: PageSizes;
}

/** Per-call options of writing operations. */
export interface WriteOptions {
  /**
   * Sending this twice is harmless, so retry it after a 5xx or a lost response. Default false:
   * the service has no idempotency key, and a retried POST can create a second record.
   */
  safeToRetry?: boolean;
}

/** A caller's time for the wire; a bad one is refused before anything is sent. */
export function wireTime(
  ctx: EndpointContext,
  input: TimeInput,
  field: string,
  endpoint: string,
): string | number {
  return formatTime(epochOf(input, field, endpoint), ctx.timeFormat);
}

/** A query or body's start_time and end_time, both required, on the wire. */
export function wireWindow(
  ctx: EndpointContext,
  input: { start_time: TimeInput; end_time: TimeInput },
  endpoint: string,
): { start_time: string | number; end_time: string | number } {
  return {
    start_time: wireTime(ctx, input.start_time, 'start_time', endpoint),
    end_time: wireTime(ctx, input.end_time, 'end_time', endpoint),
  };
}

/** A query's optional start_time and end_time, on the wire (absent ones stay absent). */
export function optionalWireWindow(
  ctx: EndpointContext,
  input: { start_time?: TimeInput; end_time?: TimeInput },
  endpoint: string,
): { start_time?: string | number; end_time?: string | number } {
  return {
    start_time: optionalWireTime(ctx, input.start_time, 'start_time', endpoint),
    end_time: optionalWireTime(ctx, input.end_time, 'end_time', endpoint),
  };
}

export function optionalWireTime(
  ctx: EndpointContext,
  input: TimeInput | undefined,
  field: string,
  endpoint: string,
): string | number | undefined {
  return input === undefined ? undefined : wireTime(ctx, input, field, endpoint);
}

function epochOf(input: TimeInput, field: string, endpoint: string): EpochMs {
  const ms = toEpochMs(input);
  if (ms !== undefined) return ms;
  throw new AssembledError({
    kind: 'bad_request',
    status: 0,
    endpoint,
    field,
    message: `${field} is not a date and time the add-on can read (for ${callWords(endpoint)}); nothing was sent.`,
  });
}

/** A GET with a query; `query` is given the call's name ("GET /v0/activities") for a bad time's error. */
export function getWith<T>(
  ctx: EndpointContext,
  path: string,
  query: (endpoint: string) => Record<string, QueryValue>,
  parse: Operation<T>['parse'],
): T {
  return ctx.transport.send({ method: 'GET', path, query: query(`GET ${path}`), parse });
}

export function encodePath(segment: string): string {
  return encodeURIComponent(segment);
}

/** Lists go on the query string comma-separated, as the YAML describes agent_ids. */
export function commaList(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

/** Replies whose body carries nothing the model needs (202/201/200 acknowledgements). */
export function ignoreBody(): void {}

/** An input that cannot even be built (a bad time) gets its error in place; the rest still go. */
export function sendEach<I, T>(
  ctx: EndpointContext,
  inputs: readonly I[],
  build: (input: I) => Operation<T>,
): Outcome<T>[] {
  const built = inputs.map((input): Operation<T> | AssembledError => {
    try {
      return build(input);
    } catch (e) {
      if (e instanceof AssembledError) return e;
      throw e;
    }
  });
  const ops = built.filter((b): b is Operation<T> => !(b instanceof AssembledError));
  const sent = ctx.transport.sendMany(ops);
  let next = 0;
  return built.map((b) =>
    b instanceof AssembledError ? { ok: false, error: b } : (sent[next++] as Outcome<T>),
  );
}
