// Apps Script only finds top-level function declarations, and an IIFE bundle hides its exports.
// The single list of entry points is `entryPoints` in src/server/main.ts; this reads it back out
// of the built bundle and generates one forwarding declaration per name.
import { createContext, runInContext } from 'node:vm';

export const GLOBAL_NAME = 'AssembledAddon';

/**
 * Evaluates the bundle in an empty context. This also proves that top-level code touches no
 * Apps Script service (it would throw a ReferenceError here), which onOpen in AuthMode.NONE needs.
 */
export function entryPointNames(bundle: string): string[] {
  const context = createContext({});
  runInContext(bundle, context);
  const list = runInContext(`${GLOBAL_NAME} && ${GLOBAL_NAME}.entryPoints`, context);
  if (!list || typeof list !== 'object') throw new Error(`src/server/main.ts must export entryPoints`);
  const names = Object.keys(list);
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name))
      throw new Error(`Entry point name not callable by Apps Script: ${name}`);
    if (typeof list[name] !== 'function') throw new Error(`Entry point ${name} is not a function`);
  }
  return names;
}

/**
 * Top-level code runs before every call, so the short name the forwarders share is always set.
 * Short, as the forwarders' bodies are: they are bytes Apps Script parses on every execution. An
 * entry point is called as a method of the list, so its `this` is the list: none reads `this`.
 */
const ENTRY = '$E';

export function forwarders(names: string[]): string {
  return [
    `var ${ENTRY}=${GLOBAL_NAME}.entryPoints;`,
    ...names.map((n) => `function ${n}() {return ${ENTRY}.${n}(...arguments)}`),
  ].join('\n');
}
