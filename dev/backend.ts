// Which Assembled the local add-on talks to: the in-process simulator (default, offline) or the
// real API with a key. The banner says which, in words (the workbench shows it on the terminal and
// the page).
import type { HttpHandler } from './gas';
import { ASSEMBLED_ORIGIN, createRealHttp } from './net/real-http';
import { createSimulator } from './simulator';
import { historyStart } from './simulator/activity';
import type { Dialect, Simulator, SimulatorOptions } from './simulator/api';

export interface BackendOptions {
  /** A real Assembled key: requests go to the real API (or baseUrl). Absent: the simulator. */
  apiKey?: string;
  baseUrl?: string;
  seed?: number;
  dialect?: Dialect;
  /** How long a simulated report takes, in ms of virtual time (simulator default 20 s). */
  reportDelayMs?: number;
  /** Any other simulator option (faults, rate limit, ...). */
  simulator?: Omit<SimulatorOptions, 'now' | 'dialect' | 'seed'>;
}

export interface Backend {
  http: HttpHandler;
  /** The key saved in Settings at start. */
  key: string;
  /** Time format that suits the backend's dialect. */
  timeFormat: 'iso' | 'unix';
  banner: string;
  real: boolean;
  simulator: (Simulator & { admin: { sampleKey: string } }) | null;
}

export function createBackend(options: BackendOptions, now: () => number): Backend {
  if (options.apiKey) {
    const baseUrl = options.baseUrl ?? ASSEMBLED_ORIGIN;
    return {
      http: createRealHttp({ baseUrl }),
      key: options.apiKey,
      timeFormat: 'unix',
      banner: `REAL Assembled API at ${baseUrl}, with the key from ASSEMBLED_API_KEY: pushes change real data.`,
      real: true,
      simulator: null,
    };
  }
  const seed = options.seed ?? 7;
  const dialect = options.dialect ?? 'live';
  const sim = createSimulator({
    ...options.simulator,
    seed,
    dialect,
    now,
    ...(options.reportDelayMs === undefined ? {} : { reportDelayMs: options.reportDelayMs }),
  }) as Backend['simulator'] & Simulator;
  // Reports before it show zeros, as they would for an account opened then: say where it begins.
  const since = new Date(historyStart(sim.admin.org) * 1000).toISOString().slice(0, 10);
  return {
    http: (request) => sim.handle(request),
    key: sim.admin.sampleKey,
    timeFormat: dialect === 'live' ? 'unix' : 'iso',
    banner: `Assembled simulator (in-process, offline, demo organisation seed ${seed} with activity from ${since} UTC, ${dialect} dialect): no real data is read or changed.`,
    real: false,
    simulator: sim,
  };
}
