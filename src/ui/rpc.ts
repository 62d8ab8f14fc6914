// The one way a sidebar talks to the server: a typed promise over google.script.run.
import type { ServerApi } from '../core/server-api';

type Runner = Record<string, (...args: unknown[]) => void> & {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
};

declare const google: { script: { run: Runner } };

export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = runner[name];
    if (!fn) throw new Error(`Server function ${name} is not available`);
    fn.apply(runner, args);
  });
}

/** The message of a failed call, as the server worded it. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
