// Schemas are built on first use, not when the bundle loads. Apps Script loads the whole bundle on
// every execution (onOpen, each sidebar call, each trigger tick); building every zod schema there
// was most of that load's cost, while an execution uses a few of them. Each is made as
// `/* @__PURE__ */ lazy(...)`: a sidebar page importing a module for its words then leaves its
// schemas, and zod with them, out (esbuild keeps a call it cannot know is free of side effects).

/**
 * Stands for the object `build` returns, built on first touch. The stand-in's prototype is a Proxy
 * that builds the object on the first read, write or `in`, then gives the stand-in the object's own
 * properties and prototype. Later reads are plain property reads: a Proxy trap on every read of a
 * nested schema's `_zod` was a quarter of the time spent parsing replies (measured in the runtime).
 */
export function lazy<T extends object>(build: () => T): T {
  const standIn = {} as T;
  let built = false;
  const resolve = (): void => {
    if (built) return;
    const real = build();
    built = true;
    Object.setPrototypeOf(standIn, Object.getPrototypeOf(real));
    Object.defineProperties(standIn, Object.getOwnPropertyDescriptors(real));
  };
  Object.setPrototypeOf(
    standIn,
    new Proxy(
      {},
      {
        get: (_, key) => {
          resolve();
          return Reflect.get(standIn, key);
        },
        has: (_, key) => {
          resolve();
          return Reflect.has(standIn, key);
        },
        set: (_, key, value) => {
          resolve();
          return Reflect.set(standIn, key, value);
        },
      },
    ),
  );
  return standIn;
}
