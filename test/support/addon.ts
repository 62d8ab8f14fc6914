// The real bundle (build/) in the local Apps Script runtime, against the Assembled simulator on
// the same virtual clock: what every add-on test starts from.
import { createRuntime, type LocalRuntime, type RuntimeOptions } from '../../dev/gas';
import { createSimulator } from '../../dev/simulator';
import type { Dialect, Simulator, SimulatorOptions } from '../../dev/simulator/api';

export interface AddonOptions extends RuntimeOptions {
  dialect?: Dialect;
  simulator?: Omit<SimulatorOptions, 'now' | 'dialect'>;
  /** Save a valid key in Settings first (default true). */
  connect?: boolean;
}

export interface Addon {
  rt: LocalRuntime;
  sim: Simulator & { admin: { sampleKey: string } };
  key: string;
}

export async function startAddon(options: AddonOptions = {}): Promise<Addon> {
  const { dialect = 'seed', simulator, connect = true, ...runtime } = options;
  const rt = createRuntime({ timezone: 'America/New_York', now: '2026-05-25T12:00:00Z', ...runtime });
  const sim = createSimulator({ seed: 7, dialect, now: () => rt.clock.now(), ...simulator }) as Addon['sim'];
  rt.setHttp((request) => sim.handle(request));
  const key = sim.admin.sampleKey;
  if (connect) {
    await rt.callFromSidebar('saveSettings', {
      apiKey: key,
      timeFormat: dialect === 'live' ? 'unix' : 'iso',
      apiVersion: '',
    });
  }
  return { rt, sim, key };
}
