// Logger and console: captured into rt.logs rather than printed.

import { isDate, isPlainObject } from '../realm.js';
import type { LogEntry } from '../types.js';
import type { Env } from './env.js';

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Object.prototype.toString.call(v) === '[object Error]') {
    const e = v as Error;
    return e.stack ?? `${e.name}: ${e.message}`;
  }
  if (isDate(v)) return v.toString();
  if (Array.isArray(v) || isPlainObject(v)) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

function record(env: Env, source: LogEntry['source'], level: LogEntry['level'], message: string): void {
  const { world, exec } = env;
  world.logs.push({
    at: world.clock.now(),
    source,
    level,
    message,
    executionId: exec.id,
    fnName: exec.fnName,
    user: exec.user,
  });
}

export class LoggerFake {
  constructor(private readonly env: Env) {}

  /** Logger.log(value) or Logger.log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): LoggerFake {
    let message = show(data);
    if (typeof data === 'string' && values.length > 0) {
      let i = 0;
      message = data.replace(/%s/g, () => (i < values.length ? show(values[i++]) : '%s'));
    }
    return this.env.exec.call('logger', 0, () => {
      record(this.env, 'Logger', 'info', message);
      return this;
    });
  }

  getLog(): string {
    const id = this.env.exec.id;
    return this.env.world.logs
      .filter((e) => e.executionId === id && e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }

  clear(): void {
    const { logs } = this.env.world;
    const id = this.env.exec.id;
    for (let i = logs.length - 1; i >= 0; i--)
      if (logs[i]?.executionId === id && logs[i]?.source === 'Logger') logs.splice(i, 1);
  }
}

export function createConsole(env: Env): Record<LogEntry['level'], (...args: unknown[]) => void> {
  const at =
    (level: LogEntry['level']) =>
    (...args: unknown[]) =>
      env.exec.call('logger', 0, () => record(env, 'console', level, args.map(show).join(' ')));
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}
