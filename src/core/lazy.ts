// Schemas are built on first use, not when the bundle loads. Apps Script loads the whole bundle on
// every execution (onOpen, each sidebar call, each trigger tick); building every zod schema there
// was most of that load's cost, while an execution uses a few of them.

/** Stands for the object `build` returns: built on first touch, then kept. */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const real = () => {
    value ??= build();
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    set: (_, key, v) => Reflect.set(real(), key, v),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
