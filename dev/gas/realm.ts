// One vm context per execution, with Date running on the virtual clock. Values crossing
// into the script are rebuilt with the context's own constructors so that instanceof works there.

import vm from 'node:vm';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Replaces the context's Date with one whose "now" is the virtual clock (same prototype). */
const DATE_PATCH = `(function (now) {
  var RealDate = Date;
  function VirtualDate() {
    if (!new.target) return new RealDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target === VirtualDate ? RealDate : new.target);
  }
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = function () { return Math.floor(now()); };
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  globalThis.Date = VirtualDate;
})`;

export class Realm {
  readonly context: vm.Context;
  private readonly DateCtor: DateConstructor;
  private readonly ArrayCtor: ArrayConstructor;
  private readonly ObjectCtor: ObjectConstructor;
  private readonly ErrorCtor: ErrorConstructor;

  constructor(now: () => number) {
    this.context = vm.createContext({});
    vm.runInContext(DATE_PATCH, this.context)(now);
    this.DateCtor = vm.runInContext('Date', this.context);
    this.ArrayCtor = vm.runInContext('Array', this.context);
    this.ObjectCtor = vm.runInContext('Object', this.context);
    this.ErrorCtor = vm.runInContext('Error', this.context);
  }

  date(ms: number): Date {
    return new this.DateCtor(ms);
  }

  array<T>(items: T[]): T[] {
    return this.ArrayCtor.from(items);
  }

  object(entries: Record<string, unknown>): Record<string, unknown> {
    return this.ObjectCtor.assign(new this.ObjectCtor(), entries) as Record<string, unknown>;
  }

  /** Apps Script service failures surface as errors named 'Exception'. */
  exception(message: string): Error {
    const e = new this.ErrorCtor(message);
    e.name = 'Exception';
    return e;
  }

  /** Deep copy of plain data (primitives, arrays, plain objects, Dates) into the context. */
  toRealm(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (isDate(value)) return this.date(value.getTime());
    if (Array.isArray(value)) return this.array(value.map((v) => this.toRealm(v)));
    if (isPlainObject(value)) {
      const out = new this.ObjectCtor() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.toRealm(v);
      return out;
    }
    return value;
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Object.prototype.toString.call(v) !== '[object Object]')
    return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export { isDate };

/** Deep copy of plain data out of a context into Node's realm; service objects pass through. */
export function fromRealm(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (isDate(value)) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(fromRealm(v, seen));
    return out;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const [k, v] of Object.entries(value)) out[k] = fromRealm(v, seen);
    return out;
  }
  return value;
}

export interface ErrorInfo {
  name: string;
  message: string;
  stack?: string;
}

/** Reads an error thrown from either realm (instanceof cannot be trusted across contexts). */
export function describeError(e: unknown): ErrorInfo {
  if (Object.prototype.toString.call(e) === '[object Error]') {
    const err = e as Error;
    return { name: err.name, message: err.message, stack: err.stack };
  }
  return { name: 'Error', message: String(e) };
}
