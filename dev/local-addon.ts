// The add-on's real bundle (build/) in the local Apps Script runtime, connected to an Assembled:
// the simulator on the runtime's virtual clock (default), or a real account with its key. Tests,
// benchmarks and scripts start here; the workbench builds its session the same way.
import { type Backend, type BackendOptions, createBackend } from './backend';
import { createRuntime, type LocalRuntime, type RuntimeOptions } from './gas';

export type SimulatorHandle = NonNullable<Backend['simulator']>;

export interface LocalAddonOptions extends RuntimeOptions, BackendOptions {
  /** Save the backend's key in Settings first, as the user would (default true). */
  connect?: boolean;
}

export interface LocalAddon {
  rt: LocalRuntime;
  /** The simulator; a test that passes an apiKey gets none and must not use it. */
  sim: SimulatorHandle;
  key: string;
  backend: Backend;
}

export async function startLocalAddon(options: LocalAddonOptions = {}): Promise<LocalAddon> {
  const {
    connect = true,
    apiKey,
    baseUrl,
    seed = 7,
    dialect = 'seed',
    reportDelayMs,
    simulator,
    ...runtime
  } = options;
  const rt = createRuntime({ timezone: 'America/New_York', now: '2026-05-25T12:00:00Z', ...runtime });
  const backend = createBackend(
    {
      ...(apiKey ? { apiKey } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      ...(reportDelayMs === undefined ? {} : { reportDelayMs }),
      ...(simulator ? { simulator } : {}),
      seed,
      dialect,
    },
    () => rt.clock.now(),
  );
  rt.setHttp(backend.http);
  if (connect) {
    await rt.callFromSidebar('saveSettings', {
      apiKey: backend.key,
      timeFormat: backend.timeFormat,
      apiVersion: '',
    });
  }
  return { rt, sim: backend.simulator as SimulatorHandle, key: backend.key, backend };
}
